import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankLostBreaks, endsWithWord, extractQuotes, isLostBreak, wordCount } from '../../../src/core/analysis/extract-quotes.js';
import { extractQuotes as referenceExtractQuotes } from './reference/extract-quotes.js';
import { tokenText } from './token-pieces.js';

const seed = readFileSync(new URL('../../fixtures/korea-japan.txt', import.meta.url), 'utf8');
const texts = (t: string): string[] => extractQuotes(t).map((q) => q.text);

describe('extractQuotes', () => {
  it('GIVEN straight double quotes with a speech verb THEN it returns the quoted words without marks', () => {
    const t = '"I\'m feeling much better and am leaving the hospital today," King said in a message Tuesday.';
    expect(texts(t)).toEqual(["I'm feeling much better and am leaving the hospital today,"]);
  });

  it('GIVEN Daily Mail single marks THEN speech is found and apostrophes are not taken for marks', () => {
    const t =
      "The kite, dubbed 'centipede with a dragon's head', flew in Chongqing, according to People's Daily Online. " +
      "Mr Wang said: 'Big kites are usually built from this kevlar rope to stop the line snapping.' " +
      "'I want her gone,' it emerged. Fans of the ’90s band were there.";
    expect(texts(t)).toEqual(['Big kites are usually built from this kevlar rope to stop the line snapping.', 'I want her gone,']);
  });

  it('GIVEN curly quotes THEN both double and single curly marks are read', () => {
    const t = '“We will not back down,” the union leader said. ‘It is a fair offer,’ said the chairman.';
    expect(texts(t)).toEqual(['We will not back down,', 'It is a fair offer,']);
  });

  it('GIVEN scare quotes, titles and nicknames THEN they are not quotations', () => {
    const t =
      'While the controversial "comfort women" deal was mentioned, the "special relationship" held. ' +
      'Her hits include "The Thrill Is Gone," which won a Grammy. The characters \'China Dream\' were printed on it.';
    expect(texts(t)).toEqual([]);
  });

  it('GIVEN a quote continued into the next paragraph THEN it is one quotation', () => {
    const t = '"We have waited ten years for this ruling. It changes everything for the families.\n\n"Now the government must act," said Ms Reyes.';
    const qs = extractQuotes(t);
    expect(qs).toHaveLength(1);
    expect(qs[0]!.parts).toHaveLength(2);
    expect(qs[0]!.text).toContain('families. Now the government');
  });

  it('GIVEN paragraphs flattened into one line THEN a re-opened single mark continues the quote', () => {
    const t = "Pete Saunders added: 'He couldn't have signed this letter. 'But if he isn't, there's no way he should be near our legislature.' Other news.";
    const qs = extractQuotes(t);
    expect(qs).toHaveLength(1);
    expect(qs[0]!.text).toBe("He couldn't have signed this letter. But if he isn't, there's no way he should be near our legislature.");
  });

  it('GIVEN an unclosed opening mark THEN the quote ends at its line and does not swallow the story', () => {
    const qs = extractQuotes(seed);
    for (const q of qs) expect(q.text).not.toContain('That\'s how the top diplomats');
    const t = '"We will see you in court, the lawyer told reporters.\nThe hearing is set for May. The company declined to comment on the case.';
    const [q] = extractQuotes(t);
    expect(q!.closed).toBe(false);
    expect(q!.text).toBe('We will see you in court, the lawyer told reporters.');
  });

  it('GIVEN the Korea-Japan transcript THEN the two ministers\' statements are its quotations', () => {
    const qs = texts(seed);
    expect(qs).toHaveLength(2);
    expect(qs[0]).toMatch(/^Amid the planned inter-Korean summit/);
    expect(qs[1]).toMatch(/^We respect South Korea's hard work/);
  });

  it('GIVEN a possessive plural inside single-marked speech THEN the quote does not end at it', () => {
    const t = "'The players' wives were in tears at the end,' said the captain.";
    expect(texts(t)).toEqual(["The players' wives were in tears at the end,"]);
  });
});

describe('wordCount', () => {
  it('GIVEN any text THEN it counts what splitting on whitespace and keeping pieces with a letter or digit counts', () => {
    fc.assert(
      fc.property(tokenText, (text) => {
        expect(wordCount(text)).toBe(text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('quote context scans', () => {
  it('GIVEN any text THEN endsWithWord is exactly the end-anchored word regex it replaces', () => {
    const words = ['dubbed', 'so-called', 'known as', 'the', 'a', 'read', 'reads'];
    const re = new RegExp(`\\b(?:${words.join('|')})\\s*$`, 'i');
    const piece = fc.constantFrom('dubbed', 'DUBBED', 'so-called', 'so', '-', 'called', 'known as', 'known  as', 'the', 'The', 'a', 'A', 'read', 'reads', 'x', '_', '1', 'é', 'K', 'ſ', ' ', '\n', '\u00a0', "'", '"');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (t) => {
        expect(endsWithWord(t, words)).toBe(re.test(t));
      }),
      { numRuns: 20000 },
    );
  });

  it('GIVEN any text THEN the quotations are exactly those of the quote finder before its context scans (dcad293)', () => {
    const piece = fc.constantFrom(
      '"', "'", '“', '”', '‘', '’', '„', ' ', ' ', ' ', '\n', '\n\n', '.', ',', '!', '?', ':', ': ', '…', '-', '—', 'I', 'we', 'We are here', 'he said', 'said', 'Said', 'SAID', 'told reporters',
      'according to him', 'according to', 'dubbed', 'so-called', 'the', 'a', 'known as', 'Kang', 'Mr Wang', 'went on', 'unsaid', 'saidx', 'ſaid', 'The Big Show', 'it was good', '10', 'x'.repeat(70), 'é', ' . ', ' . he', ' . We',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (t) => {
        expect(extractQuotes(t)).toEqual(referenceExtractQuotes(t));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('a lost line break (" . " before a lower-case word) ends no sentence', () => {
  it('GIVEN "said . bosses are being \'...\'" THEN the speech verb still cues the partial quote', () => {
    const business = "Business Secretary Vince Cable said . bosses are finally being 'brought back to reality'.";
    expect(extractQuotes(business).map((q) => q.text)).toEqual(['brought back to reality']);
    const politics = 'The mayor said he is . determined to stamp out ‘rewards for failure’ at the council.';
    expect(extractQuotes(politics).map((q) => q.text)).toEqual(['rewards for failure']);
    const sport = "The manager added that his players . were 'simply not good enough' on the night.";
    expect(extractQuotes(sport).map((q) => q.text)).toEqual(['simply not good enough']);
  });
  it('GIVEN a real sentence end or a " . " before a capital THEN it still stops the cue', () => {
    expect(isLostBreak('said . bosses', 5)).toBe(true);
    expect(isLostBreak('said . Bosses', 5)).toBe(false);
    expect(isLostBreak('said. bosses', 4)).toBe(false);
    expect(blankLostBreaks('he is . determined . To')).toBe('he is   determined . To');
    // The verb is in the sentence before: the three-word span is no quote.
    expect(extractQuotes("The mayor said no. Bosses are being 'brought back to reality'.")).toEqual([]);
  });
});

describe('a short partial quote in a reported sentence (session 8, BBC and wire style)', () => {
  it('GIVEN a lower-case phrase of two or more words after a subject and its reporting verb THEN it is a quote', () => {
    const politics = 'Patricia Hewitt said the cost was being evaluated, but it was an "increasingly high priority" for ministers.';
    expect(extractQuotes(politics).map((q) => q.text)).toEqual(['increasingly high priority']);
    const business = 'Aviation analyst Nick Brul described the quarterly results as "pretty modest" on Tuesday.';
    expect(extractQuotes(business).map((q) => q.text)).toEqual(['pretty modest']);
    const courts = "Giggs, of Salford, said the offence on October 14 'wasn't intentional'.";
    expect(extractQuotes(courts).map((q) => q.text)).toEqual(["wasn't intentional"]);
  });

  it('GIVEN no reporting verb, a title-case phrase or one word THEN it stays a term, a title or a scare quote', () => {
    expect(extractQuotes('Plans include "taster courses" for men and women in new jobs.')).toEqual([]);
    expect(extractQuotes('Mr Blair said voters would decide on the "Britain is Working" slogan.')).toEqual([]);
    expect(extractQuotes('The Tories dismissed the plan as "desperate" on Sunday.')).toEqual([]);
  });
});

describe('a thing named with "what X calls" (session 8)', () => {
  it('GIVEN "bans what it describes as \'...\'" or "which he calls \'...\'" after a reporting verb THEN a name, not a partial quote', () => {
    expect(extractQuotes('The law, signed by the governor on Tuesday, bans what it describes as "dismemberment abortion" in the state.')).toEqual([]);
    expect(extractQuotes('Mr Howard said last week that the party had in the end adopted what its critics call "the masochism strategy".')).toEqual([]);
  });
});

describe('terms that only look like partial quotes in a reported sentence (session 8, quotes8b)', () => {
  it('GIVEN "what X calls its \'...\'" THEN a name for a thing, not words reported', () => {
    expect(extractQuotes('Music fans say the genre is in what Millan calls its "infant stage" this year.')).toEqual([]);
    expect(extractQuotes('The chancellor said the economy was entering what he calls their "golden period" of growth.')).toEqual([]);
    // What someone says something is stays a quote.
    expect(extractQuotes('He set out grants to tackle what he says are "crippling skills shortages" in the regions.').map((q) => q.text)).toEqual([
      'crippling skills shortages',
    ]);
  });

  it('GIVEN a phrase named by "known as" or "called" right after it THEN a term, not a partial quote', () => {
    expect(extractQuotes("The militants demanded that Christians living under their rule pay a 'special tax' known as jizya.")).toEqual([]);
    expect(extractQuotes('The minister said farmers would join a "green payment", also called stewardship, next year.')).toEqual([]);
    expect(extractQuotes('Mr Brown said the economy was in a "soft patch" but would recover.').map((q) => q.text)).toEqual(['soft patch']);
  });

  it('GIVEN a reporting verb used as an adjective after a determiner THEN it opens no reported sentence', () => {
    expect(extractQuotes("There are few, if any, agreed standards about what should be counted, and the smaller and 'less important' regions get ignored.")).toEqual([]);
    expect(extractQuotes('The stated aim of the scheme is to help the "hard to reach" families first.')).toEqual([]);
    // A real verb later in the sentence still counts.
    expect(extractQuotes('The promised reforms stalled, and Mr Kennedy said they were a "wasted opportunity" for voters.').map((q) => q.text)).toEqual([
      'wasted opportunity',
    ]);
  });

  it('GIVEN a passive "was asked" THEN the one asked is no speaker of the phrase', () => {
    expect(extractQuotes("After admitting the offence, Giggs was asked whether he would like to pursue an 'exceptional hardship' application.")).toEqual([]);
    expect(extractQuotes('The witness was asked if the car had been in a "roadworthy condition" at the time.')).toEqual([]);
    expect(extractQuotes('The judge asked whether the defendant had shown "genuine remorse" for the attack.').map((q) => q.text)).toEqual(['genuine remorse']);
  });

  it('GIVEN words printed on a thing ("which say", "that reads") THEN a label, not a quote', () => {
    expect(extractQuotes("Shops stocked special edition sweets which say simply 'royal baby' on the wrapper.")).toEqual([]);
    expect(extractQuotes('Protesters carried a banner that reads "no more cuts" outside the town hall.')).toEqual([]);
  });

  it('GIVEN "testified that" THEN the witness opens a reported sentence', () => {
    expect(extractQuotes('One of the victims has testified that the charges are baseless and "she does not deserve this".').map((q) => q.text)).toEqual([
      'she does not deserve this',
    ]);
  });
});

describe('a headline or subject line in quotation marks (session 8, quotes8b)', () => {
  it('GIVEN "with the headline", "ran the headline:" or "the subject line:" THEN a title, not a quote', () => {
    expect(extractQuotes("The magazine's cover shows the Queen with the headline 'World Exclusive - Queen dying!' in red letters.")).toEqual([]);
    expect(extractQuotes("Last year the tabloid ran the headline: 'Star quits show in tears!'")).toEqual([]);
    expect(extractQuotes('The professor sent the email under the subject line: "Great article on legal writing."')).toEqual([]);
    // The editor's own words about the headline stay a quote.
    expect(extractQuotes('The editor defended the headline, saying: "We stand by every word of it."').map((q) => q.text)).toEqual([
      'We stand by every word of it.',
    ]);
  });
});
