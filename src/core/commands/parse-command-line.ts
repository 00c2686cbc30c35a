import { BriefbotError } from '../errors.js';
import { editDistance } from '../briefing/find-briefing.js';
import { type ArgValue, type Args, type CommandData, type CommandOption, usageOf } from './command-data.js';

export interface ParsedCommand {
  data: CommandData;
  args: Args;
}

const MAX_LINE = 4000;
const DEFAULT_MAX_LENGTH = 200;

/** Splits a command line into words; "double quotes" keep spaces inside one word. */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** A value as one word of a command line (the inverse of `tokenize`): quoted when it has spaces. */
export function asWord(value: string): string {
  if (!/\s/.test(value) && !/^["“]/.test(value)) return value;
  return value.includes('"') ? `“${value}”` : `"${value}"`;
}

function convert(option: CommandOption, raw: string, data: CommandData): ArgValue | undefined {
  const max = option.maxLength ?? DEFAULT_MAX_LENGTH;
  if (raw.length > max) throw bad(data, `${option.name} is too long (${raw.length} characters; at most ${max})`);
  if (option.choices) {
    const lower = raw.toLowerCase();
    return option.choices.includes(lower) ? lower : undefined;
  }
  if (option.type === 'integer') {
    if (!/^-?\d{1,9}$/.test(raw)) return undefined;
    const n = Number(raw);
    if (option.minValue !== undefined && n < option.minValue) return undefined;
    if (option.maxValue !== undefined && n > option.maxValue) return undefined;
    return n;
  }
  return raw;
}

/** Why a word is not a valid value of an option, as the user should read it: "\"0\" is not a valid page: pages start at 1". */
function notValid(option: CommandOption, raw: string): string {
  const said = `"${raw.slice(0, 50)}" is not a valid ${option.name}`;
  if (option.type !== 'integer' || option.choices) return said;
  if (!/^[-+]?\d+$/.test(raw)) return `${said}: a whole number`;
  if (option.minValue !== undefined && Number(raw) < option.minValue) return `${said}: ${option.name}s start at ${option.minValue}`;
  return `${said}: at most ${option.maxValue ?? 999_999_999}`;
}

function bad(data: CommandData, message: string): BriefbotError {
  return new BriefbotError('BAD_ARGUMENTS', `${message}.\nUsage: ${usageOf(data)}`);
}

/**
 * Reads "/briefing korea japan quotes 2" into the command it names and its arguments, by the
 * one grammar the shell and Slack share: subcommand word, keyword options anywhere, boolean
 * flags by name (only as the first or last word when there is a `rest` option), then positional
 * options, where a `rest` option takes every word left over except optional choices that match
 * at the end.
 */
export function parseCommandLine(line: string, commands: readonly CommandData[]): ParsedCommand {
  if (line.length > MAX_LINE) throw new BriefbotError('BAD_ARGUMENTS', `That command is too long (${line.length} characters; at most ${MAX_LINE}).`);
  const words = tokenize(line.trim().replace(/^\//, ''));
  const name = (words.shift() ?? '').toLowerCase();
  const family = commands.filter((c) => c.name === name);
  if (family.length === 0) {
    const near = [...new Set(commands.map((c) => c.name))].filter((n) => editDistance(n, name, 2) <= 2);
    const hint = near.length ? ` Did you mean /${near[0]}?` : '';
    throw new BriefbotError('UNKNOWN_COMMAND', `There is no /${name.slice(0, 50)} command.${hint} Try /help.`);
  }
  const sub = words[0]?.toLowerCase();
  let data = family.find((c) => c.subcommand !== undefined && c.subcommand === sub);
  if (data) words.shift();
  else data = family.find((c) => c.subcommand === undefined);
  if (!data) {
    const subs = family.map((c) => c.subcommand).join(', ');
    const what = sub === undefined ? 'needs a subcommand' : `has no subcommand "${sub.slice(0, 50)}"`;
    throw new BriefbotError('UNKNOWN_COMMAND', `/${name} ${what}: one of ${subs}. Try /help ${name}.`);
  }
  return { data, args: bindOptions(data, words) };
}

/**
 * "korea-japan issues 0": a choice followed by a number is plainly a section and a page, so a page
 * out of range is an error to explain, not a reason to read the whole line as the topic.
 */
function checkNumberAfterChoice(data: CommandData, trailing: readonly CommandOption[], words: readonly string[]): void {
  const [choiceWord, numberWord] = words.slice(-2);
  if (words.length < 3 || choiceWord === undefined || numberWord === undefined || !/^[-+]?\d+$/.test(numberWord)) return;
  for (let j = 0; j + 1 < trailing.length; j++) {
    const choice = trailing[j] as CommandOption;
    const number = trailing[j + 1] as CommandOption;
    if (!choice.choices || number.type !== 'integer' || convert(choice, choiceWord, data) === undefined) continue;
    if (convert(number, numberWord, data) !== undefined) return;
    throw bad(data, notValid(number, numberWord.slice(0, 20)));
  }
}

function bindOptions(data: CommandData, input: string[]): Args {
  const args: Record<string, ArgValue> = {};
  let words = [...input];

  const keywords = new Set(data.options.flatMap((o) => (o.keyword ? [o.keyword] : [])));
  for (const o of data.options.filter((o) => o.keyword)) {
    const at = words.findIndex((w) => w.toLowerCase() === o.keyword);
    if (at === -1) continue;
    if (words[at + 1] === undefined) throw bad(data, `"${o.keyword}" needs a value`);
    // A list typed with spaces after its commas ("days mon, wed") is one value, not a value and a stray word.
    let end = at + 2;
    while ((words[end - 1] as string).endsWith(',') && words[end] !== undefined && !keywords.has((words[end] as string).toLowerCase())) end++;
    const raw = words.slice(at + 1, end).join(' ');
    const value = convert(o, raw, data);
    if (value === undefined) throw bad(data, notValid(o, raw));
    args[o.name] = value;
    words.splice(at, end - at);
  }
  const flags = data.options.filter((o) => o.type === 'boolean' && !o.keyword);
  const flagOf = (w: string | undefined) => flags.find((o) => o.name === w?.toLowerCase());
  if (data.options.some((o) => o.rest)) {
    // A flag's name is also an ordinary word of topics and titles ("the public inquiry"), so next to
    // a `rest` option only a first or last word is the flag; elsewhere it belongs to the text.
    let o: CommandOption | undefined;
    while ((o = flagOf(words[0]))) {
      args[o.name] = true;
      words.shift();
    }
    while ((o = flagOf(words.at(-1)))) {
      args[o.name] = true;
      words.pop();
    }
  } else {
    for (const o of flags) {
      const at = words.findIndex((w) => w.toLowerCase() === o.name);
      if (at !== -1) {
        args[o.name] = true;
        words.splice(at, 1);
      }
    }
  }

  const positional = data.options.filter((o) => !o.keyword && o.type !== 'boolean');
  for (let i = 0; i < positional.length; i++) {
    const o = positional[i] as CommandOption;
    if (o.rest) {
      const trailing = positional.slice(i + 1);
      checkNumberAfterChoice(data, trailing, words);
      let k = Math.min(trailing.length, words.length);
      for (; k > 0; k--) {
        const tail = words.slice(words.length - k);
        const values = tail.map((w, j) => convert(trailing[j] as CommandOption, w, data));
        if (values.every((v) => v !== undefined)) {
          values.forEach((v, j) => (args[(trailing[j] as CommandOption).name] = v as ArgValue));
          break;
        }
      }
      const restWords = words.slice(0, words.length - k);
      if (restWords.length) {
        const joined = restWords.join(' ');
        const max = o.maxLength ?? DEFAULT_MAX_LENGTH;
        if (joined.length > max) throw bad(data, `${o.name} is too long (${joined.length} characters; at most ${max})`);
        args[o.name] = joined;
      }
      words = [];
      break;
    }
    const raw = words[0];
    if (raw === undefined) break;
    const value = convert(o, raw, data);
    if (value === undefined) {
      if (o.required || o.choices === undefined) throw bad(data, notValid(o, raw));
      continue;
    }
    args[o.name] = value;
    words.shift();
  }
  if (words.length) throw bad(data, `unexpected "${words.join(' ').slice(0, 80)}"`);
  for (const o of data.options) {
    if (o.required && args[o.name] === undefined) throw bad(data, `${o.name} is missing`);
  }
  return args;
}
