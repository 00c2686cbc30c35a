import {
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SharedSlashCommandOptions,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import { type CommandData, type CommandOption, commandKey } from '../../core/commands/command-data.js';
import { sliceWhole } from '../../core/render/document.js';

/** The Discord option that carries an uploaded briefing file on commands that take one. */
export const FILE_OPTION = 'file';

/** Discord allows at most 100 characters in a command or option description. */
const DESCRIPTION_MAX = 100;

export class DiscordCommandError extends Error {
  override readonly name = 'DiscordCommandError';
}

/** One top-level Discord slash command and the briefbot commands it carries. */
interface Group {
  name: string;
  moderator: boolean;
  /** The command run by "/name" itself, when the group has no subcommands. */
  root?: CommandData;
  subcommands: CommandData[];
}

export interface DiscordCommandSet {
  /** The bodies for PUT /applications/{app}/commands (bulk overwrite). */
  definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[];
  /** The briefbot command a Discord command (and subcommand) stands for. */
  resolve(commandName: string, subcommand: string | null): CommandData | undefined;
  /** "/briefings list" for the briefbot key "briefing list": how a Discord user types it. */
  discordUsage(key: string): string | undefined;
  /**
   * The briefbot command or family a name as Discord users type it stands for: "briefing-admin add"
   * → "briefing add", "briefings" → "briefing". Any other text comes back as it was.
   */
  briefbotName(typed: string): string;
}

const pluralOf = (name: string) => (name.endsWith('s') ? `${name}-commands` : `${name}s`);
const clip = (s: string, max = DESCRIPTION_MAX) => (s.length <= max ? s : `${sliceWhole(s, max - 1)}…`);

/**
 * Places every command on a Discord slash command. Discord forbids options beside subcommands and
 * sets default permissions per top-level command, so:
 * - a family's default command ("/briefing <topic>") stays "/briefing";
 * - its everyone subcommands go under the plural ("/briefings list"), or under the family name
 *   itself when it has no default ("/digest subscribe");
 * - moderator subcommands go under "/<family>-admin", which carries Manage Server as its default
 *   member permission and works in servers only.
 * Works from CommandData alone, so command files added later appear without changes here.
 */
export function buildDiscordCommands(commands: readonly CommandData[], options: { fileCommands?: ReadonlySet<string> } = {}): DiscordCommandSet {
  const groups = new Map<string, Group>();
  const group = (name: string, moderator: boolean): Group => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { name, moderator, subcommands: [] }));
    if (g.moderator !== moderator) throw new DiscordCommandError(`/${name} would mix moderator and everyone commands`);
    return g;
  };
  const families = new Map<string, CommandData[]>();
  for (const c of commands) families.set(c.name, [...(families.get(c.name) ?? []), c]);

  for (const [family, members] of families) {
    const root = members.find((c) => c.subcommand === undefined);
    if (root) {
      const g = group(family, root.permission === 'moderator');
      if (g.root || g.subcommands.length) throw new DiscordCommandError(`/${family} is both a command and a group of subcommands`);
      g.root = root;
    }
    for (const sub of members.filter((c) => c.subcommand !== undefined)) {
      const moderator = sub.permission === 'moderator';
      const name = moderator ? `${family}-admin` : root ? pluralOf(family) : family;
      const g = group(name, moderator);
      if (g.root) throw new DiscordCommandError(`/${name} is both a command and a group of subcommands`);
      g.subcommands.push(sub);
    }
  }

  const routes = new Map<string, CommandData>();
  const usage = new Map<string, string>();
  const names = new Map<string, string>();
  const definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const builder = new SlashCommandBuilder().setName(g.name);
    if (g.moderator) {
      builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild).setContexts(InteractionContextType.Guild);
    }
    if (g.root) {
      builder.setDescription(clip(g.root.description));
      addOptions(builder, g.root, options.fileCommands);
      routes.set(`${g.name} `, g.root);
      usage.set(commandKey(g.root), `/${g.name}`);
    } else {
      if (g.subcommands.length > 25) throw new DiscordCommandError(`/${g.name} would have more than 25 subcommands`);
      const subs = g.subcommands.map((s) => s.subcommand as string).sort();
      builder.setDescription(clip(`${g.moderator ? 'Moderators: ' : ''}${subs.join(', ')}`));
      for (const sub of [...g.subcommands].sort((a, b) => (a.subcommand as string).localeCompare(b.subcommand as string))) {
        const sb = new SlashCommandSubcommandBuilder().setName(sub.subcommand as string).setDescription(clip(sub.description));
        addOptions(sb, sub, options.fileCommands);
        builder.addSubcommand(sb);
        routes.set(`${g.name} ${sub.subcommand}`, sub);
        usage.set(commandKey(sub), `/${g.name} ${sub.subcommand}`);
        names.set(`${g.name} ${sub.subcommand}`, commandKey(sub));
        names.set(g.name, sub.name);
      }
    }
    definitions.push(builder.toJSON());
  }
  return {
    definitions,
    resolve: (commandName, subcommand) => routes.get(`${commandName} ${subcommand ?? ''}`),
    discordUsage: (key) => usage.get(key),
    briefbotName: (typed) => {
      const words = typed.trim().replace(/^\//, '').toLowerCase().split(/\s+/);
      return names.get(words.join(' ')) ?? names.get(words[0] ?? '') ?? typed;
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type OptionHost = SharedSlashCommandOptions<any>;

function addOptions(host: OptionHost, data: CommandData, fileCommands: ReadonlySet<string> | undefined): void {
  // Discord requires every required option to come before the optional ones.
  const takesFile = fileCommands?.has(commandKey(data)) === true;
  const ordered = [...data.options].sort((a, b) => Number(b.required === true) - Number(a.required === true));
  for (const o of ordered) {
    // On Discord the file is an upload; a text "file" option (a path, for the shell) must not
    // let a chat user name a file on the bot's machine.
    if (takesFile && o.name === FILE_OPTION) continue;
    addOption(host, o);
  }
  if (takesFile) {
    host.addAttachmentOption((a) => a.setName(FILE_OPTION).setDescription('A .md or .txt briefing file; leave it out to fill in a form'));
  }
}

function addOption(host: OptionHost, o: CommandOption): void {
  const description = clip(o.description);
  const required = o.required === true;
  switch (o.type) {
    case 'string':
      host.addStringOption((s) => {
        s.setName(o.name).setDescription(description).setRequired(required).setMaxLength(Math.min(o.maxLength ?? 200, 6000));
        if (o.choices) s.addChoices(...o.choices.map((c) => ({ name: c, value: c })));
        else if (o.autocomplete) s.setAutocomplete(true);
        return s;
      });
      return;
    case 'integer':
      host.addIntegerOption((i) => {
        i.setName(o.name).setDescription(description).setRequired(required);
        if (o.minValue !== undefined) i.setMinValue(o.minValue);
        if (o.maxValue !== undefined) i.setMaxValue(o.maxValue);
        if (o.choices) i.addChoices(...o.choices.map((c) => ({ name: c, value: Number(c) })));
        return i;
      });
      return;
    case 'boolean':
      host.addBooleanOption((b) => b.setName(o.name).setDescription(description).setRequired(required));
      return;
  }
}
