import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { isDiscordModerator } from '../../../src/adapters/discord/permissions.js';

const perms = (...bits: bigint[]) => new PermissionsBitField(bits);

describe('Who is a moderator on Discord', () => {
  it('GIVEN Manage Server, or Administrator, THEN a moderator', () => {
    expect(isDiscordModerator({ permissions: perms(PermissionFlagsBits.ManageGuild), roleIds: [] }, undefined)).toBe(true);
    expect(isDiscordModerator({ permissions: perms(PermissionFlagsBits.Administrator), roleIds: [] }, undefined)).toBe(true);
  });

  it('GIVEN only the configured moderator role THEN a moderator; the role means nothing when none is configured', () => {
    expect(isDiscordModerator({ permissions: perms(PermissionFlagsBits.SendMessages), roleIds: ['42'] }, '42')).toBe(true);
    expect(isDiscordModerator({ permissions: perms(PermissionFlagsBits.SendMessages), roleIds: ['42'] }, undefined)).toBe(false);
  });

  it('GIVEN a member who can manage messages or channels but not the server, or a DM, THEN not a moderator', () => {
    expect(isDiscordModerator({ permissions: perms(PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ManageChannels), roleIds: ['7'] }, '42')).toBe(false);
    expect(isDiscordModerator({ permissions: null, roleIds: [] }, '42')).toBe(false);
  });
});
