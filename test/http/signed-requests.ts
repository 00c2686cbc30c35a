import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { buttonInteraction, commandInteraction, type DiscordUser, type InteractionContext, type MemberOptions, modalInteraction, nextSnowflake } from '../fakes/discord-interactions.js';

export type { DiscordUser, InteractionContext } from '../fakes/discord-interactions.js';

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

/** Payloads Discord POSTs to the interactions endpoint (the same builders as the loopback gateway's). */
export const discordPayload = {
  ping: (ctx: InteractionContext) => ({ id: nextSnowflake(), application_id: ctx.appId, type: 1, token: 'ping', version: 1 }),
  command: (ctx: InteractionContext, user: DiscordUser, name: string, options: unknown[], member: MemberOptions = {}) => commandInteraction(2, ctx, user, name, options, member),
  autocomplete: (ctx: InteractionContext, user: DiscordUser, name: string, options: unknown[]) => commandInteraction(4, ctx, user, name, options),
  /** The bot's message is authored by the application id, as HTTP-interaction bots post through the application. */
  button: (ctx: InteractionContext, user: DiscordUser, customId: string, message: { embeds: unknown[]; components: unknown[]; ephemeral: boolean; asker?: DiscordUser }, member: MemberOptions = {}) =>
    buttonInteraction(ctx, ctx.appId, user, customId, message, member),
  modal: (ctx: InteractionContext, user: DiscordUser, customId: string, values: Record<string, string>, member: MemberOptions = {}) => modalInteraction(ctx, user, customId, values, member),
};
