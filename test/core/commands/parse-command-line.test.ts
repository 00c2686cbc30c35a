import { describe, expect, it } from 'vitest';
import type { CommandData } from '../../../src/core/commands/command-data.js';
import { asWord, parseCommandLine, tokenize } from '../../../src/core/commands/parse-command-line.js';
import { BriefbotError } from '../../../src/core/errors.js';

const show: CommandData = {
  name: 'briefing',
  description: 'show',
  permission: 'everyone',
  options: [
    { name: 'topic', description: 't', type: 'string', required: true, rest: true },
    { name: 'section', description: 's', type: 'string', choices: ['summary', 'quotes', 'issues', 'full'] },
    { name: 'page', description: 'p', type: 'integer', minValue: 1 },
    { name: 'public', description: 'p', type: 'boolean' },
  ],
};
const list: CommandData = {
  name: 'briefing',
  subcommand: 'list',
  description: 'list',
  permission: 'everyone',
  options: [
    { name: 'tag', description: 't', type: 'string' },
    { name: 'page', description: 'p', type: 'integer' },
  ],
};
const subscribe: CommandData = {
  name: 'digest',
  subcommand: 'subscribe',
  description: 'sub',
  permission: 'moderator',
  options: [
    { name: 'channel', description: 'c', type: 'string' },
    { name: 'time', description: 't', type: 'string', keyword: 'at', required: true },
    { name: 'zone', description: 'z', type: 'string', keyword: 'tz' },
  ],
};
const commands = [show, list, subscribe];

function errorOf(line: string): BriefbotError {
  try {
    parseCommandLine(line, commands);
  } catch (e) {
    if (e instanceof BriefbotError) return e;
  }
  throw new Error('expected a BriefbotError');
}

describe('parseCommandLine', () => {
  it('GIVEN a topic of several words and a section THEN the section binds at the end', () => {
    expect(parseCommandLine('/briefing korea japan quotes 2', commands)).toEqual({ data: show, args: { topic: 'korea japan', section: 'quotes', page: 2 } });
  });

  it('GIVEN a topic ending in a number THEN the number stays in the topic', () => {
    expect(parseCommandLine('/briefing budget 2024', commands).args).toEqual({ topic: 'budget 2024' });
  });

  it('GIVEN a boolean flag anywhere THEN it is set', () => {
    expect(parseCommandLine('/briefing public korea-japan', commands).args).toEqual({ topic: 'korea-japan', public: true });
  });

  it('GIVEN a flag word in the middle of a topic THEN it is a word of the topic, and only a first or last flag word counts', () => {
    expect(parseCommandLine('/briefing the public inquiry', commands).args).toEqual({ topic: 'the public inquiry' });
    expect(parseCommandLine('/briefing the public inquiry quotes 2 public', commands).args).toEqual({ topic: 'the public inquiry', section: 'quotes', page: 2, public: true });
  });

  it('GIVEN a section and then a page number out of range THEN the error says pages start at 1, instead of reading it all as the topic', () => {
    for (const line of ['/briefing korea-japan issues 0', '/briefing korea japan quotes -2']) {
      const e = errorOf(line);
      expect(e.code).toBe('BAD_ARGUMENTS');
      expect(e.userMessage).toMatch(/is not a valid page: pages start at 1/);
    }
    expect(parseCommandLine('/briefing apollo 0', commands).args).toEqual({ topic: 'apollo 0' });
  });

  it('GIVEN a number out of range for a positional or keyword number THEN the error says the range, not only that it is invalid', () => {
    const all = [...commands];
    const history = { name: 'briefing', subcommand: 'history', description: 'x', permission: 'everyone', options: [{ name: 'slug', description: 's', type: 'string', required: true }, { name: 'page', description: 'p', type: 'integer', minValue: 1, maxValue: 100 }] } satisfies CommandData;
    const revert = { name: 'briefing', subcommand: 'revert', description: 'x', permission: 'everyone', options: [{ name: 'slug', description: 's', type: 'string', required: true }, { name: 'revision', description: 'r', type: 'integer', required: true, minValue: 0 }] } satisfies CommandData;
    all.push(history, revert);
    const messageOf = (line: string) => {
      try {
        parseCommandLine(line, all);
      } catch (e) {
        return (e as BriefbotError).userMessage;
      }
      return 'no error';
    };
    expect(messageOf('/briefing history korea-japan 0')).toMatch(/^"0" is not a valid page: pages start at 1\./);
    expect(messageOf('/briefing history korea-japan 101')).toMatch(/^"101" is not a valid page: at most 100\./);
    expect(messageOf('/briefing revert korea-japan -1')).toMatch(/^"-1" is not a valid revision: revisions start at 0\./);
    expect(messageOf('/briefing revert korea-japan abc')).toMatch(/^"abc" is not a valid revision: a whole number\./);
  });

  it('GIVEN a subcommand word THEN that command is chosen', () => {
    expect(parseCommandLine('briefing list diplomacy 3', commands)).toEqual({ data: list, args: { tag: 'diplomacy', page: 3 } });
  });

  it('GIVEN keyword options in any order THEN each binds to its keyword', () => {
    expect(parseCommandLine('/digest subscribe tz Asia/Seoul #news at 08:00', commands).args).toEqual({ time: '08:00', zone: 'Asia/Seoul', channel: '#news' });
  });

  it('GIVEN a keyword value that is a list with spaces after its commas THEN the whole list is the value, up to the next keyword', () => {
    expect(parseCommandLine('/digest subscribe tz Asia/Seoul, at 08:00', commands).args).toEqual({ time: '08:00', zone: 'Asia/Seoul,' });
    expect(parseCommandLine('/digest subscribe at 08:00 tz Europe/Paris, Europe/Rome #news', commands).args).toEqual({ time: '08:00', zone: 'Europe/Paris, Europe/Rome', channel: '#news' });
  });

  it('GIVEN a missing required option THEN the error shows the usage', () => {
    const e = errorOf('/digest subscribe');
    expect(e.code).toBe('BAD_ARGUMENTS');
    expect(e.userMessage).toContain('Usage: /digest subscribe [<channel>] at <time> [tz <zone>]');
  });

  it('GIVEN extra words THEN they are named as unexpected', () => {
    expect(errorOf('/briefing list a 2 extra').userMessage).toMatch(/unexpected "extra"/);
  });

  it('GIVEN an unknown command THEN a near name is suggested', () => {
    const e = errorOf('/breifing korea');
    expect(e.code).toBe('UNKNOWN_COMMAND');
    expect(e.userMessage).toMatch(/Did you mean \/briefing\?/);
  });

  it('GIVEN a family without a default THEN the subcommands are listed', () => {
    expect(errorOf('/digest frobnicate').userMessage).toMatch(/no subcommand "frobnicate": one of subscribe/);
  });

  it('GIVEN a 5,000 character line or an over-long argument THEN it is refused, not processed', () => {
    expect(errorOf(`/briefing ${'x'.repeat(5000)}`).code).toBe('BAD_ARGUMENTS');
    expect(errorOf(`/briefing ${'x '.repeat(150)}`).userMessage).toMatch(/topic is too long/);
  });

  it('GIVEN double quotes THEN spaces stay inside one word', () => {
    expect(tokenize('subscribe "my channel" at 08:00')).toEqual(['subscribe', 'my channel', 'at', '08:00']);
  });

  it.each(['diplomacy', 'north korea', 'say "no" twice', '"quoted'])('GIVEN the value %s written with asWord THEN tokenize reads it back as one word', (value) => {
    expect(tokenize(`list ${asWord(value)} 2`)).toEqual(['list', value, '2']);
  });
});
