import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cueAfter, findMentions, mayOpenCue, NameIndex, nameRuns, pronounGender, type Mention } from '../../../src/core/analysis/mentions.js';

const people = (ms: Mention[]): Array<[string, string | null]> => ms.filter((m) => m.kind === 'person').map((m) => [m.name, m.role]);

describe('findMentions', () => {
  it('GIVEN titles before names THEN the name is kept apart from its role, honorifics dropped', () => {
    const ms = findMentions('Foreign Minister Kang Kyung-wha met Mr Wang and Director of Public Prosecutions Alison Saunders.');
    expect(people(ms)).toEqual([
      ['Kang Kyung-wha', 'Foreign Minister'],
      ['Wang', null],
      ['Alison Saunders', 'Director of Public Prosecutions'],
    ]);
  });

  it('GIVEN organisations, places and sentence-initial words THEN they are not people', () => {
    const ms = findMentions('The Crown Prosecution Service met officials in Seoul. However, Lancashire Police said nothing.');
    expect(people(ms)).toEqual([]);
    expect(ms.filter((m) => m.kind === 'organization').map((m) => m.name)).toEqual(['Crown Prosecution Service', 'Lancashire Police']);
    expect(ms.filter((m) => m.kind === 'place').map((m) => m.name)).toEqual(['Seoul']);
  });

  it('GIVEN "the Prime Minister" after "Prime Minister David Cameron" THEN the role refers to him', () => {
    const ms = findMentions('Prime Minister David Cameron spoke. The Prime Minister said he was proud.');
    expect(people(ms).map(([n]) => n)).toEqual(['David Cameron', 'David Cameron']);
  });

  it('GIVEN a sentence about one person using "she" THEN that person is learned to be a woman', () => {
    const ms = findMentions('Jo Okafor won the seat. Okafor said she was delighted with her result.');
    expect(ms.filter((m) => m.kind === 'person').map((m) => m.gender)).toEqual(['f', 'f']);
  });
});

describe('NameIndex', () => {
  it('GIVEN short names THEN they expand to the participant or the first fuller name in the text', () => {
    const ms = findMentions('President Barack Obama met Michelle Obama. Mr Obama said little.');
    const names = new NameIndex(ms, [{ name: 'Taro Kono', side: 'Japan', aliases: ['Kono'] }]);
    expect(names.canonical('Obama', 1000)).toBe('Barack Obama');
    expect(names.canonical('Kono')).toBe('Taro Kono');
    expect(names.canonical('Nobody')).toBe('Nobody');
  });

  it('GIVEN a surname shared by people introduced at different places THEN the answer depends on the offset asked, whatever was asked before', () => {
    const text = 'Later, Jane Smith spoke. Smith was calm. Then John Smith arrived. Smith left.';
    const ms = findMentions(text);
    const offsets = [0, text.indexOf('Smith was'), text.indexOf('Then'), text.indexOf('Smith left'), Infinity];
    const expected = [ 'Jane Smith', 'Jane Smith', 'Jane Smith', 'Jane Smith', 'Jane Smith' ];
    const forward = new NameIndex(ms);
    const backward = new NameIndex(ms);
    expect(offsets.map((at) => forward.canonical('Smith', at))).toEqual(expected);
    expect([...offsets].reverse().map((at) => backward.canonical('Smith', at)).reverse()).toEqual(expected);
    // Before any fuller name, the first one introduced is the fallback.
    const late = 'Smith arrived. Later, John Smith spoke and Jane Smith too.';
    const lateNames = new NameIndex(findMentions(late));
    expect(lateNames.canonical('Smith', 0)).toBe('John Smith');
    expect(lateNames.canonical('Smith', late.indexOf('Jane') + 1)).toBe('John Smith');
  });
});

describe('nameRuns', () => {
  it('GIVEN any text THEN the capitalised runs are exactly the matches of the original pattern with its lookbehind', () => {
    const token = "(?:(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Sgt|Col|Capt|Prof|Det|Supt|Insp|Jr|Sr|Rev)\\.|(?:[A-Z]\\.)+(?:[A-Z](?![\\p{L}]))?|Mc[A-Z]\\p{Ll}+|O['’][A-Z]\\p{Ll}+|\\p{Lu}[\\p{L}\\p{M}]*(?:-\\p{L}[\\p{L}\\p{M}]*)*)";
    const connector = '(?:of|de|da|del|della|van|von|der|den|bin|al|la|le|du|dos|el)';
    const original = new RegExp(`(?<![\\p{L}\\p{N}'’])${token}(?: (?:${connector} )?${token})*(?![\\p{L}\\p{N}])`, 'gu');
    const piece = fc.constantFrom(
      'Kang', 'Mr.', 'Mrs', 'St', 'U.S.', 'S', 'McDonald', 'Mc', "O'Neil", 'O’', 'O', 'Ann-Marie', 'É', 'x', '1', '²', ' ', ' of ', 'del', 'della ', 'al', "'", '’',
      '𝐀', '𝐚', 'é', '\u0301', '\u0903', '-', '.', 'A', 'B.', '\ud835', '\udc00',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        expect(nameRuns(text)).toEqual([...text.matchAll(original)].map((m) => ({ run: m[0], start: m.index })));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('pronoun scan', () => {
  it('GIVEN any text and span THEN the gender the pronouns give is exactly that of the regexes the scan replaces', () => {
    const piece = fc.constantFrom('he', 'He', 'HIS', 'him', 'himself', 'she', 'Her', 'hers', 'herself', 'the', 'hex', 'sheer', '_', '1', 'é', ' ', '\n', '\u00a0', '.', '!', '?', "'", 'x'.repeat(60), 'ſhe', 'ı');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), fc.nat(300), fc.nat(400), (text, endRaw, nextRaw) => {
        const end = Math.min(endRaw, text.length);
        const next = nextRaw % 5 === 0 ? Infinity : nextRaw;
        const sentenceEnd = text.slice(end, end + 200).search(/[.!?](?:\s|$)/);
        const limit = Math.min(end + (sentenceEnd < 0 ? 200 : sentenceEnd), next, end + 200);
        const span = text.slice(end, limit);
        const he = span.match(/\b(?:he|him|his|himself)\b/gi)?.length ?? 0;
        const she = span.match(/\b(?:she|her|hers|herself)\b/gi)?.length ?? 0;
        expect(pronounGender(text, end, next)).toBe(he + she > 0 && (he === 0 || she === 0) ? (he > 0 ? 'm' : 'f') : null);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('cue precheck', () => {
  it('GIVEN any text THEN a cue after a word is only ever found where the precheck lets the regexes look', () => {
    const piece = fc.constantFrom(' ', '  ', '\n', '\u00a0', ',', ', 45,', ' 45', 'said', 'has said', 'also told', 'Said', 'x', 'é', '.', 'tweeted', 'agreed', ' '.repeat(38), '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), fc.nat(20), (t, e) => {
        const end = Math.min(e, t.length);
        expect(mayOpenCue(t, end) || !cueAfter(t.slice(end, end + 40))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});
