export type PlatformName = 'shell' | 'discord' | 'slack';
export type OptionType = 'string' | 'integer' | 'boolean';

export interface CommandOption {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  choices?: readonly string[];
  /** Takes the rest of the words: a topic or a search of several words. Optional choices after it bind at the end. */
  rest?: boolean;
  /** Written as a keyword and a value anywhere in the line: "at 08:00", "tz Asia/Seoul". */
  keyword?: string;
  /**
   * The value names a command ("digest subscribe"), as the user's platform spells it: adapters
   * whose command names differ from briefbot's (Discord's "/briefing-admin add") translate it.
   */
  namesCommand?: boolean;
  /**
   * The value names a channel (a mention or an id) the command acts on: adapters whose users can
   * name channels of other servers (Discord) refuse one outside the server the command came from.
   */
  namesChannel?: boolean;
  /** What Discord autocompletes this option from. */
  autocomplete?: 'briefing' | 'removed-briefing' | 'time-zone';
  /** Longest accepted value, in characters (default 200). */
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

/** What a command is, declared once; each platform adapter translates it. */
export interface CommandData {
  /** The top-level command: "briefing", "digest", "help". */
  name: string;
  /** The subcommand word, or none for the top-level command's default ("/briefing <topic>"). */
  subcommand?: string;
  description: string;
  options: readonly CommandOption[];
  permission: 'everyone' | 'moderator';
  /** Platforms that serve it; all when absent. */
  platforms?: readonly PlatformName[];
}

export type ArgValue = string | number | boolean;
export type Args = Readonly<Record<string, ArgValue | undefined>>;

export function commandKey(data: Pick<CommandData, 'name' | 'subcommand'>): string {
  return data.subcommand ? `${data.name} ${data.subcommand}` : data.name;
}

export function usageOf(data: CommandData): string {
  const parts = [`/${data.name}`];
  if (data.subcommand) parts.push(data.subcommand);
  for (const o of data.options) {
    const value = o.choices ? o.choices.join('|') : o.type === 'boolean' ? o.name : `<${o.name}>`;
    const shown = o.keyword ? `${o.keyword} ${value}` : value;
    parts.push(o.required ? shown : `[${shown}]`);
  }
  return parts.join(' ');
}

/**
 * The option through which a command that saves a text learns the revision the text was made from
 * (`/briefing edit <slug> from 3`): the edit forms fill it in, so a change saved meanwhile by
 * someone else is not silently replaced.
 */
export const BASED_ON_OPTION = 'revision';
/** The keyword that introduces it in a command line. */
export const BASED_ON_KEYWORD = 'from';
