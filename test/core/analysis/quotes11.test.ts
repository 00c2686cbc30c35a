/**
 * Session 10, round 11 (branch quotes11): rules for the leftovers of quotes10, found on the engine's unlabelled output over
 * free BBC and CNN copy. Each example is a short sentence in the style of a different story; each rule has at least two.
 */
import { describe, expect, it } from 'vitest';
import { attributeSpeakers, type Attribution } from '../../../src/core/analysis/attribute-speakers.js';
import { extractQuotes } from '../../../src/core/analysis/extract-quotes.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';

function attribute(text: string): Array<Attribution & { text: string }> {
  const quotes = extractQuotes(text);
  const mentions = findMentions(text, []);
  const names = new NameIndex(mentions, []);
  return attributeSpeakers(text, quotes, mentions, names, {}).map((a, i) => ({ ...a, text: quotes[i]!.text }));
}

function speakerOf(text: string, quote: string): string | null | undefined {
  return attribute(text).find((a) => a.text.includes(quote))?.speaker;
}

function quoted(text: string): string[] {
  return extractQuotes(text).map((q) => q.text);
}

describe('titles of works in double marks are no quotes (quotes11)', () => {
  it('GIVEN "from the 1984 hit "I Want a New Drug" by his band" THEN no quote', () => {
    const t = 'The 1980s rocker Huey Lewis accused Ray Parker Jr. of copying a song riff from the 1984 hit "I Want a New Drug" by his band. Reports said they settled.';
    expect(quoted(t)).toEqual([]);
  });

  it('GIVEN "told CNN\'s "The Situation Room."" after a quote THEN only the quote', () => {
    const t = '"It\'s a very tense situation, as you can well imagine," he told CNN\'s "The Situation Room." Crowds gathered again on Friday.';
    expect(quoted(t)).toEqual(["It's a very tense situation, as you can well imagine,"]);
  });

  it('GIVEN a list of hits "Wish I Didn\'t Miss You," and "I Wanna Thank You." THEN no quote', () => {
    const t = 'Stone is known for her R&B hits "Wish I Didn\'t Miss You," "Brotha," and "I Wanna Thank You." She was not charged.';
    expect(quoted(t)).toEqual([]);
  });

  it('GIVEN "sermons such as "Have You Heard John Preach?"" THEN no quote', () => {
    const t = 'Preachers studied classic Craddock sermons such as "Have You Heard John Preach?" and learnt them by heart.';
    expect(quoted(t)).toEqual([]);
  });

  it('GIVEN a title-case quote with a speech verb after it ("Save Clarkson?" his co-host tweeted) THEN still a quote', () => {
    const t = 'The presenter was suspended on Tuesday. "Save Clarkson?" his co-host James May tweeted. "Save empty cardboard boxes."';
    expect(quoted(t)).toContain('Save Clarkson?');
  });

  it('GIVEN a title-case quote after a colon ("replied: "Is the Pope a Catholic?"") THEN still a quote', () => {
    const t = 'Asked whether he would do the same again, Ozzy Osbourne replied: "Is the Pope a Catholic?" The incident happened on Monday.';
    expect(quoted(t)).toContain('Is the Pope a Catholic?');
  });

  it('GIVEN "X wrote of "Don Quixote," "..."" THEN the quote after the title is still X\'s', () => {
    const t = 'John Ormsby, a scholar and translator of Cervantes\' work, wrote of "Don Quixote," "Never was a great work so neglected by its author."';
    expect(quoted(t)).toEqual(['Never was a great work so neglected by its author.']);
    expect(speakerOf(t, 'Never was a great work')).toBe('John Ormsby');
  });

  it('GIVEN "As X stated when discussing the genesis for "Race Together," "..."" THEN X', () => {
    const t = 'As Howard Schultz stated when discussing the genesis for "Race Together," "If we just keep going about our business, then we are part of the problem."';
    expect(speakerOf(t, 'If we just keep going')).toBe('Howard Schultz');
  });
});
