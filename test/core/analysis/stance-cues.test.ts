import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_RE, DISAGREEMENT_RE, REQUEST_RE, clauseCues, stanceOfByPatterns } from '../../../src/core/analysis/stance-cues.js';
import { tokenText } from './token-pieces.js';

/** Every word of the cue patterns, and near misses: a letter more or less, other case, joined by \w. */
const CUE_WORDS = `agree agrees agreed agreement reaffirm reaffirms reaffirmed shared share the same view consensus accord signed welcomed endorsed
backed approved pledged committed settled deal was reached a difference differences disagree disagrees disagreed disagreement dispute
disputes disputed clash clashed clashes reject rejects rejected oppose opposes opposed refuse refuses refused object objects objected
criticise criticises criticised criticize criticizes criticized condemn condemns condemned protest protests protested repeated their
stances positions at odds divided over on split deadlock deadlocked stalled rift row walked out strike dismissed accused appeal appeals
appealed against blocked violates violated violating violate discriminate discriminates discriminated furious scathing stinging fierce bitter
blistering verbal attack hit hits hitting lash lashes lashed slam slams slammed blast blasts blasted backlash outrage feud spat war of
words blame game diplomatic incident deny denies denied den ask asks asked urge urges urged call calls called for demand demands demanded
request requests requested hope hopes hoped want wants wanted seek seeks souk souks sought press presses pressed say says said insist
insists insisted believe believes not n't never no failed fail to refused without`.split(/\s+/);
const VARIANTS = CUE_WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1), `${w}s`, w.slice(0, -1), `${w}_`, `_${w}`, `${w}1`, `${w}é`]);
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', ',', ', ', '.', '-', "'", '’', '(', 'é', 'İ', 'K', '\u00a0', '9', ''];

function reference(text: string): { stance: string | null } {
  return { stance: stanceOfByPatterns(text) };
}

describe('clauseCues', () => {
  it('GIVEN text made of cue words, near misses and separators THEN the one-pass reading gives what the cue patterns give', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...VARIANTS), fc.constantFrom(...SEPARATORS)), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect({ ...clauseCues(t) }).toEqual(reference(t));
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CUE_WORDS), { maxLength: 8 }).map((p) => p.join(' ')), (t) => {
        expect({ ...clauseCues(t) }).toEqual(reference(t));
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(tokenText, (t) => {
        expect({ ...clauseCues(t) }).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('GIVEN every alternative of the patterns on its own, with a negation before it THEN the same cues', () => {
    const alternatives = [AGREEMENT_RE, DISAGREEMENT_RE, REQUEST_RE].flatMap((re) => expand(re.source.slice(5, -3)));
    expect(alternatives.length).toBeGreaterThan(150);
    for (const a of alternatives) {
      for (const t of [a, `They ${a}.`, `not ${a}`, `they did not really ${a} it`, `x${a}`, `${a}x`, a.toUpperCase(), `${a}  ${a}`]) {
        expect({ ...clauseCues(t) }, t).toEqual(reference(t));
      }
    }
  });

  it('GIVEN the sentences of the seed briefing THEN the same cues', () => {
    const arts = readFileSync(new URL('../../fixtures/korea-japan.txt', import.meta.url), 'utf8').split(/(?<=[.!?])\s+/);
    for (const t of arts) expect({ ...clauseCues(t) }, t).toEqual(reference(t));
  });
});

/** The strings an alternation of literals, optional groups and `[sd]`-style classes matches (enough for the cue patterns). */
function expand(source: string): string[] {
  let out = [''];
  const alts: string[][] = [];
  let i = 0;
  const flush = () => {
    alts.push(out);
    out = [''];
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '|') {
      flush();
      i++;
    } else if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        if (source[j] === '(') depth++;
        if (source[j] === ')' && --depth === 0) break;
      }
      const inner = expand(source.slice(i + 3, j));
      const optional = source[j + 1] === '?';
      const choices = optional ? ['', ...inner] : inner;
      out = out.flatMap((p) => choices.map((x) => p + x));
      i = j + (optional ? 2 : 1);
    } else if (c === '[') {
      const j = source.indexOf(']', i);
      const set = source.slice(i + 1, j).split('');
      const optional = source[j + 1] === '?';
      const choices = optional ? ['', ...set] : set;
      out = out.flatMap((p) => choices.map((x) => p + x));
      i = j + (optional ? 2 : 1);
    } else {
      const optional = source[i + 1] === '?';
      out = out.flatMap((p) => (optional ? [p, p + c] : [p + c]));
      i += optional ? 2 : 1;
    }
  }
  flush();
  return alts.flat();
}
