import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceStartBefore } from '../../../src/core/analysis/attribute-speakers.js';
import { lostBreaksInNames, mendLostBreaks, nameAfterRelation } from '../../../src/core/analysis/mentions.js';
import { invertedAttribution, invertedAttributionAt, narrativeOf } from '../../../src/core/analysis/extract-issues.js';
import { narrativeOf as referenceNarrative, sentenceStartBefore as referenceStart } from './reference/text-windows.js';

/** Text from the pieces sentence ends are made of: stops, marks, white space, capitals, titles. */
const piece = fc.constantFrom('.', '!', '?', '…', '"', '“', '”', "'", '‘', '’', ' ', '  ', '\n', '\t', '\u00a0', 'Mr', 'Dr', 'A', 'Kang', 'said', 'he', 'x', ',');
const text = fc.array(piece, { minLength: 0, maxLength: 60 }).map((p) => p.join(''));

describe('sentenceStartBefore reads only up to the white space after `at`', () => {
  it('GIVEN random text and any position and floor THEN it gives what reading the whole text gave', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, rawAt, rawFloor) => {
        const at = t.length === 0 ? 0 : rawAt % (t.length + 1);
        const floor = rawFloor % (at + 1);
        expect(sentenceStartBefore(t, at, floor)).toBe(referenceStart(t, at, floor));
      }),
      { numRuns: 3000 },
    );
  });

  it('GIVEN a quote in white space after a stop ("fine. \\n  ") THEN the sentence starts where it did', () => {
    const t = 'It was fine. \n  "Yes," he said.';
    for (let at = 0; at <= t.length; at++) expect(sentenceStartBefore(t, at, 0)).toBe(referenceStart(t, at, 0));
  });
});

describe('narrativeOf blanks quotes in one pass', () => {
  it('GIVEN a sentence and quotes in order of start, overlapping or not THEN the same narrative as blanking them one by one', () => {
    const span = fc.tuple(fc.nat(80), fc.nat(30)).map(([start, len]) => ({ start, end: start + len }));
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.nat(20), fc.array(span, { maxLength: 8 }), fc.nat(3), (body, offset, spans, from) => {
        const s = { text: body, start: offset, end: offset + body.length, index: 0, paragraph: 0 };
        const quotes = [...spans].sort((a, b) => a.start - b.start);
        const k = Math.min(from, quotes.length);
        expect(narrativeOf(s, quotes as never, k)).toBe(referenceNarrative(s, quotes, k));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a closing "..., said X" is tried where the verb is, not searched for in the rest of the text', () => {
  const part = fc.constantFrom(', said ', ', says ', ' and said ', ', added ', 'Mr Smith', 'council leader Ann Lee', 'he', 'the ban was unfair', ', who chairs it', '.', '"', ' ', 'x', 'Kang');
  it('GIVEN random text and a position THEN it agrees with matching the text from that position on', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 14 }), fc.nat(), (parts, rawAt) => {
        const t = parts.join('');
        const at = t.length === 0 ? 0 : rawAt % t.length;
        expect(invertedAttributionAt(t, at)).toBe(invertedAttribution(t.slice(at))?.index === 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('GIVEN "..., said council leader Ann Lee" at the end THEN it is found at its comma and nowhere earlier', () => {
    const t = 'The levy will fund repairs, said council leader Ann Lee';
    expect(invertedAttributionAt(t, t.indexOf(','))).toBe(true);
    expect(invertedAttributionAt(t, 0)).toBe(false);
  });
});

describe('lost line breaks inside names are mended in one pass', () => {
  const part = fc.constantFrom('Deborah . Hargreaves', 'Nancy . Pelosi', 'Paul . Smith', ' . ', 'He . said', ' and ', ', of the ', 'Centre', ' ', '.');
  it('GIVEN random text THEN mending every break at once gives what mending them one copy at a time gave', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const breaks = lostBreaksInNames(text);
        let oneByOne = text;
        for (const b of breaks) oneByOne = oneByOne.slice(0, b.start) + b.joined + oneByOne.slice(b.end);
        expect(mendLostBreaks(text, breaks, (b) => b.joined)).toBe(oneByOne);
      }),
      { numRuns: 2000 },
    );
  });
});


/** The relation pattern as session 9's quotes9 wrote it, tried on the whole 60-character window before a name. */
const REFERENCE_RELATION_BEFORE_RE =
  /(?:\b(?:his|her|their|my|our)|\p{Lu}[\p{L}-]*['’]s?)\s+(?:(?:elder|younger|older|eldest|youngest|late|twin|estranged|former|new)\s+)?(?:brother|sister|wife|husband|son|daughter|father|mother|uncle|aunt|cousin|nephew|niece|grandson|granddaughter|grandfather|grandmother|stepson|stepdaughter|stepfather|stepmother|widow|widower|fianc[ée]e?|girlfriend|boyfriend)(?:\s*,\s*(?:[a-z-]+\s+){1,3}|\s*,?\s+)$/iu;

describe('nameAfterRelation tries its pattern only after two quick tests', () => {
  const relationPiece = fc.constantFrom('His', 'his', 'her', "Ambani's", 'brother', 'wife', 'late', 'son', 'ex-model', 'the', ',', ', ', ' ', '  ', '\n', '.', '. ', 'x', 'é', '-', 'fiancée', 'friend', 'Anil');
  it('GIVEN random words about relatives before a name THEN it answers as the pattern does', () => {
    fc.assert(
      fc.property(fc.array(relationPiece, { maxLength: 12 }), (pieces) => {
        const before = pieces.join('');
        const t = `${before}Anil said`;
        expect(nameAfterRelation(t, before.length)).toBe(REFERENCE_RELATION_BEFORE_RE.test(t.slice(Math.max(0, before.length - 60), before.length)));
      }),
      { numRuns: 5000 },
    );
  });

  it('GIVEN relations built as the pattern reads them, with and without the right spaces and commas THEN it answers as the pattern does', () => {
    const opener = fc.constantFrom('his', 'His', 'her', 'their', "Mr Ambani's", 'the', 'x.', '');
    const adjective = fc.constantFrom('', 'late ', 'elder ', 'former ');
    const relation = fc.constantFrom('brother', 'wife', 'son', 'fiancée', 'friend', 'boyfriend', 'stepmother', 'cat');
    const gap = fc.constantFrom(' ', ', ', ',', ', ex-model ', ', the  ', ' , ', '\n', '', '. ', ',\u00a0');
    fc.assert(
      fc.property(opener, fc.constantFrom(' ', '', '  '), adjective, relation, gap, (o, sp, a, r, g) => {
        const before = `${o}${sp}${a}${r}${g}`;
        const t = `${before}Anil said`;
        expect(nameAfterRelation(t, before.length)).toBe(REFERENCE_RELATION_BEFORE_RE.test(t.slice(Math.max(0, before.length - 60), before.length)));
      }),
      { numRuns: 3000 },
    );
  });
});
