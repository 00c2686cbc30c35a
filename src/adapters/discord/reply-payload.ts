import { type AutocompleteInteraction, InteractionResponseType, MessagePayload, type MessageTarget, Options, Routes } from 'discord.js';
import { type DiscordMessage, NO_MENTIONS } from './to-discord-message.js';

/**
 * A reply as discord.js would send it, with its body already made: the same JSON, key for key,
 * that `MessagePayload.resolveBody()` makes of `{ embeds, components, allowedMentions, flags }`.
 * resolveBody deep-copies every embed and component through lodash's snakeCase (our API JSON is
 * snake_case already) and `require`s four modules to test what the target is, about a tenth of
 * a card's CPU; a payload whose body is set skips all of it and keeps discord.js's bookkeeping
 * (`replied`, `ephemeral`). Undefined when discord.js would add something of its own (a nonce).
 */
export function preparedPayload(i: MessageTarget & { client: { options: { enforceNonce?: boolean } } }, msg: Pick<DiscordMessage, 'embeds' | 'components'>, flags?: number): MessagePayload | undefined {
  if (i.client.options.enforceNonce) return undefined;
  const payload = new MessagePayload(i, {});
  payload.body = {
    tts: false,
    enforce_nonce: false,
    embeds: msg.embeds,
    components: msg.components,
    allowed_mentions: NO_MENTIONS,
    ...(flags !== undefined && { flags }),
  } as MessagePayload['body'];
  return payload;
}

const toSnakeCase = Options.createDefault().jsonTransformer as (obj: unknown) => unknown;
const SNAKE_KEYS_MAX = 2000;
const snakeKeys = new Map<string, string>();

/** lodash's snakeCase of one key, as discord.js's transformer spells it, remembered. */
function snakeKey(key: string): string {
  let out = snakeKeys.get(key);
  if (out === undefined) {
    out = Object.keys(toSnakeCase({ [key]: null }) as object)[0] as string;
    if (snakeKeys.size < SNAKE_KEYS_MAX) snakeKeys.set(key, out);
  }
  return out;
}

// As @discordjs/util's isJSONEncodable.
const isJSONEncodable = (v: object): v is { toJSON(): unknown } => 'toJSON' in v;

/**
 * discord.js's default `jsonTransformer` (camelCase keys to snake_case, deep), giving the same
 * output, with each key's spelling worked out once: the default runs lodash's snakeCase on every
 * key of every autocomplete choice, embed and component it sends.
 */
export function cachedSnakeCase(obj: unknown): unknown {
  if (typeof obj !== 'object' || !obj) return obj;
  if (obj instanceof Date) return obj;
  if (isJSONEncodable(obj)) return cachedSnakeCase(obj.toJSON());
  if (Array.isArray(obj)) return obj.map(cachedSnakeCase);
  return Object.fromEntries(
    Object.entries(obj).map(([key, value]) => [
      snakeKey(key),
      // discord.js resolves an emoji written as a string ("<:name:id>"); let it do that one.
      key === 'emoji' && typeof value === 'string' ? (toSnakeCase({ emoji: value }) as { emoji: unknown }).emoji : cachedSnakeCase(value),
    ]),
  );
}

/**
 * `i.respond(choices)` for choices already in API form (`name`, `value`): the same callback, in
 * the same JSON, without discord.js copying each choice through its transformer.
 */
export async function respondWithChoices(i: AutocompleteInteraction, choices: readonly { name: string; value: string }[]): Promise<void> {
  if (i.responded) throw new Error('this autocomplete interaction was already answered');
  await i.client.rest.post(Routes.interactionCallback(i.id, i.token), {
    body: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } },
    auth: false,
  });
  i.responded = true;
}
