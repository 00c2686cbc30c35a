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
insists insisted believe believes not n't never no failed fail to refused without took take takes taking taken swipe rule comment has have attacked`.split(/\s+/);
const VARIANTS = CUE_WORDS.flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1), `${w}s`, w.slice(0, -1), `${w}_`, `_${w}`, `${w}1`, `${w}é`]);
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', ',', ', ', '.', '-', "'", '’', '(', 'é', 'İ', 'K', '\u00a0', '9', ''];

function reference(text: string): string | null {
  return stanceOfByPatterns(text);
}

describe('clauseCues', () => {
  it('GIVEN text made of cue words, near misses and separators THEN the one-pass reading finds what the cue patterns find', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...VARIANTS), fc.constantFrom(...SEPARATORS)), { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(clauseCues(t).patterns).toEqual(reference(t));
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CUE_WORDS), { maxLength: 8 }).map((p) => p.join(' ')), (t) => {
        expect(clauseCues(t).patterns).toEqual(reference(t));
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(tokenText, (t) => {
        expect(clauseCues(t).patterns).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('GIVEN every alternative of the patterns on its own, with a negation before it THEN the same cues', () => {
    const alternatives = [AGREEMENT_RE, DISAGREEMENT_RE, REQUEST_RE].flatMap((re) => expand(re.source.slice(5, -3)));
    expect(alternatives.length).toBeGreaterThan(150);
    for (const a of alternatives) {
      for (const t of [a, `They ${a}.`, `not ${a}`, `they did not really ${a} it`, `x${a}`, `${a}x`, a.toUpperCase(), `${a}  ${a}`]) {
        expect(clauseCues(t).patterns, t).toEqual(reference(t));
      }
    }
  });

  it('GIVEN the sentences of the seed briefing THEN the same cues', () => {
    const arts = readFileSync(new URL('../../fixtures/korea-japan.txt', import.meta.url), 'utf8').split(/(?<=[.!?])\s+/);
    for (const t of arts) expect(clauseCues(t).patterns, t).toEqual(reference(t));
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

describe('clauseCues in context', () => {
  const read = (t: string) => clauseCues(t).stance;

  it('GIVEN a negated disagreement or request THEN no cue, though the patterns find the word', () => {
    // A wage deal, a court report, a council story, a sports club.
    expect(read('The union did not oppose the pay offer tabled on Monday')).toBeNull();
    expect(clauseCues('The union did not oppose the pay offer tabled on Monday').patterns).toBe('disagreement');
    expect(read('The judge never criticised the jury for its questions')).toBeNull();
    expect(read("The family didn't ask for compensation from the council")).toBeNull();
    expect(read('The club has not denied the reports')).toBeNull();
    // Without the negation the cues stand.
    expect(read('The union opposed the pay offer tabled on Monday')).toBe('disagreement');
    expect(read('The family asked for compensation from the council')).toBe('request');
    // A negated agreement is still a disagreement.
    expect(read('The two sides did not agree on a timetable')).toBe('disagreement');
  });

  it('GIVEN a cue verb as a participle ("accusing", "urging", "calling for") or a reply ("hit back", "brushed off", "branded") THEN the cue stands', () => {
    // A civil servant's attack on a government, a charity's campaign, a party's reply, a committee report, a stadium plan.
    expect(read('Lord Butler criticised the government, accusing it of being obsessed with headlines')).toBe('disagreement');
    expect(read('accusing it of being obsessed with headlines')).toBe('disagreement');
    expect(read('The charity wrote to ministers, urging them to boost the state pension')).toBe('request');
    expect(read('calling for a public inquiry into the agencies')).toBe('request');
    expect(read('Labour hit back at the Tory proposals')).toBe('disagreement');
    expect(read('He brushed off suggestions that a vote for his party would let the Tories in')).toBe('disagreement');
    expect(read('The scheme was branded a "disgraceful waste" by MPs')).toBe('disagreement');
    expect(read('The minister rebutted the claims')).toBe('disagreement');
    expect(read('The club warned against any rise in ticket prices')).toBe('request');
    // Negated or hypothetical, they are no cue; "denying" and "rejecting" name both sides as "denied" does.
    expect(read('He stopped short of not denying the report')).toBeNull();
    expect(clauseCues('The firm issued a statement denying the claims').twoSided).toBe(true);
    expect(read('If the club warned against the move, the council would listen')).toBeNull();
  });

  it('GIVEN "asked about", "asked whether" or "when asked" THEN a question, not a request', () => {
    expect(read('When asked about the merger, the chief executive declined to comment')).toBeNull();
    expect(read('Reporters asked her whether she would stand again')).toBeNull();
    expect(read('The coach was asked about his future at the club')).toBeNull();
    expect(read('The council asked residents to save water during the drought')).toBe('request');
  });

  it('GIVEN "wants to", "hoped to", "sought to" THEN the subject\'s own aim, not a request of another', () => {
    expect(read('The retailer wants to open 20 stores next year')).toBeNull();
    expect(read('She hoped to finish the marathon in under four hours')).toBeNull();
    expect(read('The startup sought to raise money from investors')).toBeNull();
    expect(read('Farmers want the government to lift the export ban')).toBe('request');
    expect(read('The charity hopes ministers will act before winter')).toBe('request');
  });

  it('GIVEN "refused to rule out", "refused to comment", "refused to be drawn" THEN a non-answer, no refusal; GIVEN "took a swipe at" THEN a disagreement', () => {
    // A budget story, a takeover, a party leadership story, a football club.
    expect(read('The chancellor refused to rule out a rise in national insurance')).toBeNull();
    expect(read('The bank refused to comment on the takeover talks')).toBeNull();
    expect(read('She refused to be drawn on whether she would stand for the leadership')).toBeNull();
    expect(read('The club refused to say how much the striker had cost')).toBeNull();
    expect(read('The union refused the pay offer tabled on Monday')).toBe('disagreement');
    expect(read('The council refused to grant planning permission for the stadium')).toBe('disagreement');
    expect(read('The Tory leader took a swipe at the government over its identity card plans')).toBe('disagreement');
    expect(read('The singer takes a swipe at her former label in the new album')).toBe('disagreement');
    expect(clauseCues('The Tory leader took a swipe at the government').patterns).toBe('disagreement');
  });

  it('GIVEN "in a row" THEN no row; a row over something is one', () => {
    expect(read('Prices rose for the fifth month in a row')).toBeNull();
    expect(read('The bank held rates for the third meeting in a row, saying inflation was cooling')).toBeNull();
    expect(read('Neighbours are locked in a row over parking fees')).toBe('disagreement');
  });

  it('GIVEN a clause opening on "if" or "unless" THEN a hypothesis, with no cue', () => {
    expect(read('If there is a disagreement, the courts decide who owns the land')).toBeNull();
    expect(read('Unless the board approves the plan, the strike will go ahead')).toBeNull();
    expect(read('The strike went ahead after the board rejected the plan')).toBe('disagreement');
  });

  it('GIVEN a denial, a not-guilty plea, a dispute or "at odds" THEN a disagreement naming both sides; a one-sided cue does not', () => {
    const two = (t: string) => clauseCues(t).twoSided;
    expect(read('The senator denied the allegations in a statement')).toBe('disagreement');
    expect(two('The senator denied the allegations in a statement')).toBe(true);
    expect(two('The two countries remain at odds over fishing rights')).toBe(true);
    expect(two('The landlord disputed the tenants\u2019 account of the repairs')).toBe(true);
    expect(two('The carmaker appealed against the ruling')).toBe(true);
    // A plea is read around "guilty": the patterns have no cue there.
    expect(read('The actor pleaded not guilty to two counts of assault')).toBe('disagreement');
    expect(clauseCues('The actor pleaded not guilty to two counts of assault').patterns).toBeNull();
    expect(two('She entered a not guilty plea at the crown court')).toBe(true);
    expect(two('The actor pleaded not guilty to two counts of assault')).toBe(true);
    // Passive "denied", an accusation, a criticism, a finding of not guilty: one side only.
    expect(two('He was denied bail and remanded in custody')).toBe(false);
    expect(two('The driver is accused of causing the crash')).toBe(false);
    expect(two('The mayor criticised the plan for the new stadium')).toBe(false);
    expect(read('The jury found him not guilty of murder')).toBeNull();
    // A negated denial is no disagreement, so names no sides.
    expect(two('The club has not denied the reports')).toBe(false);
  });
});
