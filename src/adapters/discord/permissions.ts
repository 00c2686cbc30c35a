import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';

export interface MemberFacts {
  /** The member's permissions in the channel, as the interaction payload reports them (absent in DMs). */
  permissions: Readonly<PermissionsBitField> | null;
  /** The member's role ids (absent in DMs). */
  roleIds: readonly string[];
}

/**
 * A moderator manages the server (Manage Server, or Administrator, which implies it), or holds the
 * configured moderator role. Decided from the interaction payload on every command, whatever
 * Discord's default_member_permissions showed the user: server admins can change those.
 */
export function isDiscordModerator(member: MemberFacts, moderatorRoleId: string | undefined): boolean {
  if (member.permissions?.has(PermissionFlagsBits.ManageGuild, true)) return true;
  return moderatorRoleId !== undefined && member.roleIds.includes(moderatorRoleId);
}

/** Reads the role ids from discord.js's member, cached or raw (the raw API member holds an array). */
export function roleIdsOf(member: unknown): string[] {
  if (!member || typeof member !== 'object') return [];
  const roles = (member as { roles?: unknown }).roles;
  if (Array.isArray(roles)) return roles.filter((r): r is string => typeof r === 'string');
  const cache = (roles as { cache?: Map<string, unknown> } | undefined)?.cache;
  return cache ? [...cache.keys()] : [];
}

