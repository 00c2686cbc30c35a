/**
 * Discord's interaction payloads, as Discord sends them: one builder for the loopback gateway
 * (fake-discord.ts dispatches them as INTERACTION_CREATE) and for HTTP interactions
 * (test/http/signed-requests.ts signs and POSTs them).
 */

let counter = 1_100_000_000_000_000_000n;
/** A fresh Discord id (snowflake); one counter for every fake, so ids never collide. */
export const nextSnowflake = (): string => String(counter++);

export interface DiscordUser {
  id: string;
  username: string;
}

/** The application, server and channel an interaction happens in. */
export interface InteractionContext {
  appId: string;
  guildId: string;
  channelId: string;
}

export interface MemberOptions {
  /** Permission bits as a decimal string; "0" for none. */
  permissions?: string;
  roles?: string[];
}

export const apiUser = (user: DiscordUser) => ({ id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null });

/**
 * The fields every interaction carries (id, token, channel, who). With `member` it comes from a
 * server, as that member with those permissions and roles; with null, from a direct message.
 */
export function interactionBase(type: number, ctx: InteractionContext, user: DiscordUser, member: MemberOptions | null = {}) {
  const id = nextSnowflake();
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
    ...(member
      ? {
          guild_id: ctx.guildId,
          guild_locale: 'en-US',
          context: 0,
          member: { user: apiUser(user), roles: member.roles ?? [], permissions: member.permissions ?? '0', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, nick: null, avatar: null },
        }
      : { user: apiUser(user), context: 1 }),
  };
}

/** A message the bot posted in the context's channel. */
export function botMessage(ctx: InteractionContext, botId: string, body: { content?: string; embeds?: unknown[]; components?: unknown[]; flags?: number }) {
  return {
    id: nextSnowflake(),
    type: 0,
    channel_id: ctx.channelId,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    author: { ...apiUser({ id: botId, username: 'briefbot' }), bot: true },
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body.flags ?? 0,
  };
}

/** A button press on a message the bot sent; `asker` ran the command that made it (interaction_metadata). */
export function buttonInteraction(
  ctx: InteractionContext,
  botId: string,
  user: DiscordUser,
  customId: string,
  message: { embeds: unknown[]; components: unknown[]; ephemeral: boolean; asker?: DiscordUser },
  member: MemberOptions | null = {},
) {
  return {
    ...interactionBase(3, ctx, user, member),
    data: { custom_id: customId, component_type: 2 },
    message: {
      ...botMessage(ctx, botId, { embeds: message.embeds, components: message.components, flags: message.ephemeral ? 64 : 0 }),
      ...(message.asker && {
        interaction_metadata: { id: nextSnowflake(), type: 2, user: apiUser(message.asker), authorizing_integration_owners: { '0': ctx.guildId } },
      }),
    },
  };
}

/** A form (modal) submitted with these text inputs. */
export function modalInteraction(ctx: InteractionContext, user: DiscordUser, customId: string, values: Record<string, string>, member: MemberOptions | null = {}) {
  return {
    ...interactionBase(5, ctx, user, member),
    data: { custom_id: customId, components: Object.entries(values).map(([id, value]) => ({ type: 18, id: 1, component: { type: 4, custom_id: id, value } })) },
  };
}

/** A slash command (type 2) or its autocomplete (type 4). */
export function commandInteraction(type: 2 | 4, ctx: InteractionContext, user: DiscordUser, name: string, options: unknown[], member: MemberOptions | null = {}, resolved?: unknown) {
  return { ...interactionBase(type, ctx, user, member), data: { id: nextSnowflake(), name, type: 1, options, ...(resolved !== undefined && { resolved }) } };
}

/** A choice made in a string select menu (component type 3) on a message the bot sent. */
export function selectMenuInteraction(ctx: InteractionContext, botId: string, user: DiscordUser, customId: string, values: string[], member: MemberOptions | null = {}) {
  return {
    ...interactionBase(3, ctx, user, member),
    data: { custom_id: customId, component_type: 3, values },
    message: botMessage(ctx, botId, { components: [{ type: 1, components: [{ type: 3, custom_id: customId, options: values.map((v) => ({ label: v, value: v })) }] }] }),
  };
}

/** A user context-menu command (Apps → name, on someone's profile): command type 2, not a slash command. */
export function userCommandInteraction(ctx: InteractionContext, user: DiscordUser, name: string, target: DiscordUser, member: MemberOptions | null = {}) {
  return {
    ...interactionBase(2, ctx, user, member),
    data: { id: nextSnowflake(), name, type: 2, target_id: target.id, resolved: { users: { [target.id]: apiUser(target) } } },
  };
}
