import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** A Discord application's key pair for tests: the public key as the portal shows it (hex). */
export function discordTestKeys(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { publicKeyHex: der.subarray(der.length - 32).toString('hex'), privateKey };
}

/** The headers Discord sends: Ed25519 over timestamp + body. */
export function discordHeaders(privateKey: KeyObject, body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

/** The headers Slack sends: v0 HMAC-SHA256 of "v0:timestamp:body". */
export function slackHeaders(signingSecret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** A Slack slash command as Slack posts it. */
export function slackSlashBody(command: string, text: string, extra: { userId?: string; channelId?: string; responseUrl: string; triggerId?: string }): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T0001',
    team_domain: 'newsroom',
    channel_id: extra.channelId ?? 'C0001',
    channel_name: 'news',
    user_id: extra.userId ?? 'U0001',
    user_name: 'ann',
    command,
    text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: extra.responseUrl,
    trigger_id: extra.triggerId ?? '1.2.3',
  }).toString();
}

let counter = 1_200_000_000_000_000_000n;
const snowflake = () => String(counter++);

export interface DiscordUser {
  id: string;
  username: string;
}

export interface InteractionContext {
  appId: string;
  guildId: string;
  channelId: string;
}

function base(type: number, ctx: InteractionContext, user: DiscordUser, permissions = '0', roles: string[] = []) {
  const id = snowflake();
  const apiUser = { id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null };
  return {
    id,
    application_id: ctx.appId,
    type,
    token: `token-${id}`,
    version: 1,
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': ctx.guildId },
    attachment_size_limit: 8 * 1024 * 1024,
    app_permissions: '2147483647',
    channel_id: ctx.channelId,
    channel: { id: ctx.channelId, type: 0, name: 'news', guild_id: ctx.guildId },
    guild_id: ctx.guildId,
    guild_locale: 'en-US',
    context: 0,
    member: { user: apiUser, roles, permissions, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, nick: null, avatar: null },
  };
}

/** Payloads Discord POSTs to the interactions endpoint. */
export const discordPayload = {
  ping: (ctx: InteractionContext) => ({ id: snowflake(), application_id: ctx.appId, type: 1, token: 'ping', version: 1 }),
  command: (ctx: InteractionContext, user: DiscordUser, name: string, options: unknown[], member: { permissions?: string; roles?: string[] } = {}) => ({
    ...base(2, ctx, user, member.permissions, member.roles),
    data: { id: snowflake(), name, type: 1, options },
  }),
  autocomplete: (ctx: InteractionContext, user: DiscordUser, name: string, options: unknown[]) => ({
    ...base(4, ctx, user),
    data: { id: snowflake(), name, type: 1, options },
  }),
  button: (ctx: InteractionContext, user: DiscordUser, customId: string, message: { embeds: unknown[]; components: unknown[]; ephemeral: boolean; asker?: DiscordUser }) => ({
    ...base(3, ctx, user),
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: snowflake(),
      type: 0,
      channel_id: ctx.channelId,
      content: '',
      embeds: message.embeds,
      components: message.components,
      author: { id: ctx.appId, username: 'briefbot', discriminator: '0', global_name: null, avatar: null, bot: true },
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: message.ephemeral ? 64 : 0,
      ...(message.asker && {
        interaction_metadata: {
          id: snowflake(),
          type: 2,
          user: { id: message.asker.id, username: message.asker.username, discriminator: '0', global_name: null, avatar: null },
          authorizing_integration_owners: { '0': ctx.guildId },
        },
      }),
    },
  }),
  modal: (ctx: InteractionContext, user: DiscordUser, customId: string, values: Record<string, string>, member: { permissions?: string; roles?: string[] } = {}) => ({
    ...base(5, ctx, user, member.permissions, member.roles),
    data: { custom_id: customId, components: Object.entries(values).map(([id, value]) => ({ type: 18, id: 1, component: { type: 4, custom_id: id, value } })) },
  }),
};
