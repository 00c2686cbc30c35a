import { describe, expect, it } from 'vitest';
import { FORM_COMMANDS } from '../../../src/adapters/discord/briefing-form.js';
import { buildDiscordCommands, DiscordCommandError } from '../../../src/adapters/discord/command-definitions.js';
import type { CommandData } from '../../../src/core/commands/command-data.js';
import { loadCommands } from '../../../src/dispatch/load-commands.js';
import { withDiscordUsage } from '../../../src/adapters/discord/discord-usage.js';

const OPTION = { subcommand: 1, string: 3, integer: 4, boolean: 5, attachment: 11 } as const;
const MANAGE_GUILD = '32';

const cmd = (name: string, subcommand: string | undefined, permission: 'everyone' | 'moderator' = 'everyone', options: CommandData['options'] = []): CommandData => ({
  name,
  ...(subcommand !== undefined && { subcommand }),
  description: `${name} ${subcommand ?? ''}`.trim(),
  permission,
  options,
});

describe('Discord command definitions from CommandData', () => {
  it('GIVEN the command files THEN /briefing shows a briefing, /briefings holds the other everyone commands and /briefing-admin the moderator ones', async () => {
    const commands = [...(await loadCommands()).values()].map((c) => c.data);
    const set = buildDiscordCommands(commands, { fileCommands: FORM_COMMANDS });
    const byName = new Map(set.definitions.map((d) => [d.name, d]));

    const show = byName.get('briefing');
    expect(show?.options?.map((o) => o.name)).toEqual(['topic', 'section', 'page', 'public']);
    expect(show?.options?.[0]).toMatchObject({ type: OPTION.string, required: true, autocomplete: true });
    expect(show?.default_member_permissions ?? null).toBeNull();

    const others = byName.get('briefings');
    expect(others?.options?.map((o) => o.name)).toEqual(expect.arrayContaining(['list', 'search', 'help']));
    expect(others?.options?.every((o) => o.type === OPTION.subcommand)).toBe(true);

    const admin = byName.get('briefing-admin');
    expect(admin?.default_member_permissions).toBe(MANAGE_GUILD);
    expect(admin?.contexts).toEqual([0]);
    const add = admin?.options?.find((o) => o.name === 'add') as { options: { name: string; type: number }[] };
    expect(add.options).toEqual([expect.objectContaining({ name: 'file', type: OPTION.attachment })]);

    expect(set.resolve('briefings', 'list')).toMatchObject({ name: 'briefing', subcommand: 'list' });
    expect(set.resolve('briefing', null)).toMatchObject({ name: 'briefing' });
    expect(set.resolve('briefing-admin', 'remove')).toMatchObject({ subcommand: 'remove', permission: 'moderator' });
    expect(set.discordUsage('briefing search')).toBe('/briefings search');
  });

  it('GIVEN a family with no default command (a digest) THEN its subcommands stay under its own name and its moderator ones go to -admin', () => {
    const set = buildDiscordCommands([
      cmd('digest', 'subscribe', 'everyone', [
        { name: 'at', description: 'Time', type: 'string', keyword: 'at', required: true },
        { name: 'tz', description: 'Time zone', type: 'string', keyword: 'tz', autocomplete: 'time-zone' },
      ]),
      cmd('digest', 'unsubscribe'),
      cmd('digest', 'post', 'moderator'),
    ]);
    expect(set.definitions.map((d) => d.name)).toEqual(['digest', 'digest-admin']);
    const digest = set.definitions[0];
    expect(digest?.options?.map((o) => o.name)).toEqual(['subscribe', 'unsubscribe']);
    const subscribe = digest?.options?.[0] as { options: { name: string; autocomplete?: boolean }[] };
    expect(subscribe.options.map((o) => o.name)).toEqual(['at', 'tz']);
    expect(subscribe.options[1]?.autocomplete).toBe(true);
    expect(set.definitions[1]?.default_member_permissions).toBe(MANAGE_GUILD);
    expect(set.resolve('digest', 'subscribe')).toMatchObject({ subcommand: 'subscribe' });
    expect(set.resolve('digest-admin', 'post')).toMatchObject({ subcommand: 'post' });
  });

  it('GIVEN optional options declared before a required one THEN Discord still receives the required one first', () => {
    const set = buildDiscordCommands([
      cmd('note', undefined, 'everyone', [
        { name: 'page', description: 'Page', type: 'integer' },
        { name: 'text', description: 'Text', type: 'string', required: true },
      ]),
    ]);
    expect(set.definitions[0]?.options?.map((o) => o.name)).toEqual(['text', 'page']);
  });

  it('GIVEN a family named like another family\'s plural THEN building fails loudly instead of registering a clash', () => {
    expect(() => buildDiscordCommands([cmd('report', undefined), cmd('report', 'list'), cmd('reports', undefined)])).toThrow(DiscordCommandError);
  });
});

describe('Command names in replies shown on Discord', () => {
  const commands = [cmd('briefing', undefined), cmd('briefing', 'list'), cmd('briefing', 'add', 'moderator'), cmd('help', undefined)];
  const set = buildDiscordCommands(commands);
  const keys = ['briefing', 'briefing list', 'briefing add', 'help'];

  it('GIVEN help text naming /briefing list and /briefing add THEN Discord users read /briefings list and /briefing-admin add, and buttons keep the neutral line', () => {
    const doc = withDiscordUsage(
      {
        sections: [{ blocks: [{ kind: 'fields', fields: [{ label: '/briefing list [tag] [page]', value: 'The library.' }] }, { kind: 'text', text: 'Moderators: /briefing add. Show one with /briefing <topic>; /briefing listing is not a command.' }] }],
        actions: [{ label: 'List', command: '/briefing list' }],
        footer: 'Try /briefing list',
        visibility: 'private',
      },
      set,
      keys,
    );
    const section = doc.sections[0]?.blocks;
    expect(section?.[0]).toEqual({ kind: 'fields', fields: [{ label: '/briefings list [tag] [page]', value: 'The library.' }] });
    expect(section?.[1]).toEqual({ kind: 'text', text: 'Moderators: /briefing-admin add. Show one with /briefing <topic>; /briefing listing is not a command.' });
    expect(doc.footer).toBe('Try /briefings list');
    expect(doc.actions[0]?.command).toBe('/briefing list');
  });
});
