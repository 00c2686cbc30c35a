import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { PendingSubmissions } from '../../../src/adapters/discord/briefing-form.js';
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

describe('Pending moderator submissions', () => {
  it('GIVEN a submission older than 15 minutes THEN it is gone, and a fresh one is found by its id', () => {
    let now = 1_000_000;
    const pending = new PendingSubmissions(() => now);
    const old = pending.create({ key: 'briefing add', args: {}, userId: 'u1' });
    now += 14 * 60_000;
    expect(pending.get(old.id)?.userId).toBe('u1');
    now += 2 * 60_000;
    expect(pending.get(old.id)).toBeUndefined();
    const fresh = pending.create({ key: 'briefing add', args: {}, userId: 'u2' });
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.id.length + 'm:form:'.length).toBeLessThanOrEqual(100);
  });
});
