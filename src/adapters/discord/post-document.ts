import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, type REST, Routes } from 'discord.js';
import type { ReplyDocument } from '../../core/render/document.js';
import { ChannelGoneError, RefusedPostError, TransientDeliveryError } from '../../ports/delivery-errors.js';
import type { ButtonLines } from './button-lines.js';
import { toDiscordMessages } from './to-discord-message.js';

const UNKNOWN_CHANNEL = 10003;
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;

/**
 * Posts a document to a channel as one or several messages (split, never cut). discord.js's REST
 * client waits out 429s by itself (Retry-After, X-RateLimit-*) and retries 5xx a few times; what
 * still fails is mapped to the digest queue's errors. With `onceKey`, every message carries a
 * nonce derived from it and Discord's enforce_nonce, so a retried post is not shown twice.
 */
export async function postDocument(rest: REST, channelId: string, doc: ReplyDocument, lines: ButtonLines, onceKey?: string): Promise<void> {
  // The buttons' long lines are kept before the first message goes out.
  const messages = await lines.render((customIdOf) => toDiscordMessages(doc, customIdOf));
  for (const [n, m] of messages.entries()) {
    const body = {
      embeds: m.embeds,
      components: m.components,
      allowed_mentions: { parse: [] },
      // Discord keeps a nonce for a few minutes and answers a repeat with the first message.
      ...(onceKey !== undefined && { nonce: createHash('sha256').update(`${onceKey}\u0000${n}`).digest('base64url').slice(0, 25), enforce_nonce: true }),
    };
    try {
      await rest.post(Routes.channelMessages(channelId), { body });
    } catch (error) {
      throw deliveryError(channelId, error);
    }
  }
}

/** Discord's failures as the digest queue understands them (see ports/delivery-errors.ts). */
export function deliveryError(channelId: string, error: unknown): unknown {
  if (error instanceof DiscordAPIError) {
    if ([UNKNOWN_CHANNEL, MISSING_ACCESS, MISSING_PERMISSIONS].includes(Number(error.code)) || error.status === 404) {
      return new ChannelGoneError(channelId, `${error.message} (${error.code})`, { cause: error });
    }
    if (error.status >= 500 || error.status === 408) return new TransientDeliveryError(`Discord answered HTTP ${error.status}`, { cause: error, status: error.status });
    return new RefusedPostError(`Discord refused the post: ${error.message} (${error.code})`, { cause: error });
  }
  if (error instanceof HTTPError) return new TransientDeliveryError(`Discord answered HTTP ${error.status}`, { cause: error, status: error.status });
  // The message of a network error names addresses (connect ECONNREFUSED 10.0.0.5:443): /digest status gets a plain sentence.
  if (error instanceof Error && /ECONNRESET|ETIMEDOUT|ECONNREFUSED|aborted|timeout/i.test(`${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? '')}`)) {
    return new TransientDeliveryError('Discord could not be reached', { cause: error });
  }
  return error;
}
