import type { Stance } from './types.js';

/**
 * The stance cues of a clause: agreement (negated, a disagreement), disagreement and request. The cues
 * are these patterns, read in the lower-cased clause.
 */
export const AGREEMENT_RE = /\b(?:agree[sd]?|agreement|reaffirm(?:s|ed)?|shared the same view|share the same view|same view|consensus|accord|signed|welcomed|endorsed|backed|approved|pledged|committed|settled|deal was reached|reached a deal)\b/;
export const DISAGREEMENT_RE = /\b(?:differences?|disagree(?:s|d|ment)?|disputes?|disputed|clash(?:ed|es)?|reject(?:s|ed)?|oppos(?:e|es|ed)|refus(?:e|es|ed)|object(?:s|ed)|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|condemn(?:s|ed)?|protest(?:s|ed)?|repeated their (?:stances|positions)|at odds|divided (?:over|on)|split over|deadlock(?:ed)?|stalled|rift|row|walked out|strike|dismissed|accused|appeal(?:s|ed)? (?:the|against)|blocked|violat(?:es|ed|ing)|discriminat(?:e|es|ed)|(?:furious|scathing|stinging|fierce|bitter|blistering|verbal) attack|hit(?:s|ting)? out|lash(?:es|ed)? out|slam(?:s|med)?|blast(?:s|ed)?|backlash|outrage|feud|spat|war of words|blame game|diplomatic (?:incident|row|spat)|den(?:y|ies|ied)|denying|accuses|accusing|criticising|criticizing|condemning|rejecting|opposing|disputing|protesting|slamming|blasting|dismissing|branded|rebut(?:s|ted)?|rubbished|hit(?:s|ting)? back|brush(?:es|ed)? (?:off|aside)|poured scorn|(?:take|takes|took|taking|taken) a swipe|ha(?:s|ve) attacked)\b/;
export const REQUEST_RE = /\b(?:ask(?:s|ed)?|urg(?:e|es|ed)|call(?:s|ed)? (?:for|on)|demand(?:s|ed)?|request(?:s|ed)?|hop(?:e|es|ed)|want(?:s|ed)?|s(?:ee|ou)k(?:s)?|sought|press(?:es|ed)? for|appeal(?:s|ed)? for|call(?:s|ed)? for|urging|demanding|calling (?:for|on)|pressing for|appealing for|warn(?:s|ed|ing)? against)\b/;
const NEGATION_BEFORE_RE = /\b(?:not|n't|never|no|failed to|fail to|refused to|without)\s+(?:\w+\s+){0,2}$/;

/**
 * The patterns above, spelt out: every alternative is whole words (runs of [a-z0-9_], as `\b` reads them)
 * joined by single spaces, so a clause is read once, run by run, instead of by four alternation regexes.
 */
const AGREE = 1;
const DISAGREE = 2;
const REQUEST = 4;
const SINGLE: ReadonlyArray<readonly [number, string]> = [
  [AGREE, 'agree agrees agreed agreement reaffirm reaffirms reaffirmed consensus accord signed welcomed endorsed backed approved pledged committed settled'],
  [
    DISAGREE,
    `difference differences disagree disagrees disagreed disagreement dispute disputes disputed clash clashed clashes reject rejects rejected
oppose opposes opposed refuse refuses refused objects objected criticise criticises criticised criticize criticizes criticized condemn condemns
condemned protest protests protested deadlock deadlocked stalled rift row strike dismissed accused blocked violates violated violating
discriminate discriminates discriminated slam slams slammed blast blasts blasted backlash outrage feud spat deny denies denied denying
accuses accusing criticising criticizing condemning rejecting opposing disputing protesting slamming blasting dismissing branded rebut rebuts
rebutted rubbished`,
  ],
  [REQUEST, 'ask asks asked urge urges urged urging demand demands demanded demanding request requests requested hope hopes hoped want wants wanted seek seeks souk souks sought'],
];
const PHRASES: ReadonlyArray<readonly [number, string]> = [
  [AGREE, 'shared the same view|share the same view|same view|deal was reached|reached a deal'],
  [
    DISAGREE,
    `repeated their stances|repeated their positions|at odds|divided over|divided on|split over|walked out|appeal the|appeals the|appealed the|appeal against|appeals against|appealed against|furious attack|scathing attack|stinging attack|fierce attack|bitter attack|blistering attack|verbal attack|hit out|hits out|hitting out|lash out|lashes out|lashed out|war of words|blame game|diplomatic incident|diplomatic row|diplomatic spat|hit back|hits back|hitting back|brushed off|brushes off|brush off|brushed aside|brushes aside|brush aside|poured scorn|take a swipe|takes a swipe|took a swipe|taking a swipe|taken a swipe|has attacked|have attacked`,
  ],
  [
    REQUEST,
    'call for|calls for|called for|call on|calls on|called on|calling for|calling on|press for|presses for|pressed for|pressing for|appeal for|appeals for|appealed for|appealing for|warn against|warns against|warned against|warning against',
  ],
];

/** Every word the cues use, numbered; its single-word cue flags; the phrases that start with it. */
const VOCAB: string[] = [];
const FLAGS: number[] = [];
const STARTING: Array<Array<{ kind: number; rest: number[] }>> = [];
function idOf(word: string): number {
  let id = VOCAB.indexOf(word);
  if (id < 0) {
    id = VOCAB.push(word) - 1;
    FLAGS.push(0);
    STARTING.push([]);
  }
  return id;
}
for (const [kind, words] of SINGLE) for (const w of words.split(/\s+/)) FLAGS[idOf(w)]! |= kind;
for (const [kind, phrases] of PHRASES) {
  for (const p of phrases.split('|')) {
    const ids = p.split(' ').map(idOf);
    STARTING[ids[0]!]!.push({ kind, rest: ids.slice(1) });
  }
}
const LONGEST = Math.max(...VOCAB.map((w) => w.length));

/** The vocabulary by a hash of its letters: open addressing, small enough to stay in cache. */
const SLOTS = 1024;
const SLOT_HASH = new Int32Array(SLOTS);
const SLOT_ID = new Int16Array(SLOTS).fill(-1);
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
const HASH_SEED = 0x811c9dc5 | 0;
for (let id = 0; id < VOCAB.length; id++) {
  const w = VOCAB[id]!;
  let h = HASH_SEED;
  for (let k = 0; k < w.length; k++) h = hashStep(h, w.charCodeAt(k));
  let slot = h & (SLOTS - 1);
  while (SLOT_ID[slot] !== -1) slot = (slot + 1) & (SLOTS - 1);
  SLOT_HASH[slot] = h;
  SLOT_ID[slot] = id;
}

/** The word id of `text` in [start, end) read in lower case, or -1. */
function wordId(text: string, start: number, end: number, h: number): number {
  for (let slot = h & (SLOTS - 1); SLOT_ID[slot] !== -1; slot = (slot + 1) & (SLOTS - 1)) {
    if (SLOT_HASH[slot] !== h) continue;
    const w = VOCAB[SLOT_ID[slot]!]!;
    if (w.length !== end - start) continue;
    let same = true;
    for (let k = 0; k < w.length && same; k++) same = w.charCodeAt(k) === lowerAscii(text.charCodeAt(start + k));
    if (same) return SLOT_ID[slot]!;
  }
  return -1;
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** `\w` as JavaScript reads it without the u flag. */
function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Cue words whose neighbours say they are no cue, or a cue of two sides (see `clauseCues`), by word id.
 * Every word here is one of the cue words or phrase starts above.
 */
function cueId(word: string): number {
  const id = VOCAB.indexOf(word);
  if (id < 0) throw new Error(`not a cue word: ${word}`);
  return id;
}
const ASKING = new Set(['ask', 'asks', 'asked'].map(cueId));
const AIMING = new Set(['want', 'wants', 'wanted', 'hope', 'hopes', 'hoped', 'seek', 'seeks', 'sought'].map(cueId));
const DENYING = new Set(['deny', 'denies', 'denied', 'denying'].map(cueId));
const ROW = cueId('row');
const REFUSING = new Set(['refuse', 'refuses', 'refused'].map(cueId));
/** After "refused to": a non-answer, not a refusal of anything ("refused to rule out a rise", "refused to comment"). */
const NON_ANSWERS = ['rule', 'comment', 'say', 'confirm', 'be'];
/** Words that name both sides of a difference by themselves: the one who differs and the one differed with. */
const TWO_SIDED = new Set(
  `difference differences disagree disagrees disagreed disagreement dispute disputes disputed reject rejects rejected clash clashed clashes
rift feud spat deny denies denied denying rejecting disputing rebut rebuts rebutted`
    .split(/\s+/)
    .map(cueId),
);
/** Phrases (by their first word) that name two sides: "at odds", "war of words", "appealed against", "pleaded not guilty". */
const TWO_SIDED_PHRASE_START = new Set(['at', 'war', 'appeal', 'appeals', 'appealed'].map(cueId));
/** "pleaded not guilty", "a not guilty plea": the defendant disputes the charge (read around the word "guilty"). */
const PLEADING = ['plead', 'pleads', 'pleaded', 'pleading', 'pled'];
/** After "asked": a question put to someone, not a request ("asked about", "asked whether"). */
const QUESTION_WORDS = ['about', 'whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who', 'which'];
/** After "in a row": what the row is over, so a row it is. */
const ROW_OBJECTS = ['over', 'with', 'about', 'between', 'on'];
/** Before a cue: it is denied ("did not oppose", "never asked for", "didn't deny"). */
const NEGATIONS = ['not', 'never', 'no', 'cannot'];
/** Before "denied": the passive ("was denied bail") tells what someone was refused, not who disputes what. */
const BE = ['is', 'are', 'was', 'were', 'be', 'been', 'being'];
/** A clause opening on these is a hypothesis ("if there is a disagreement, the courts decide"), not an event. */
const CONDITIONS = ['if', 'unless'];

// The runs of the clause being read: start, end and word id (-1 when not a cue word). Reused between calls.
let runStart = new Int32Array(64);
let runEnd = new Int32Array(64);
let runId = new Int32Array(64);

export interface ClauseCues {
  /**
   * The clause's stance cue once the words around each cue are read: a negated disagreement or request
   * ("did not oppose", "never asked for") is none; "asked about", "when asked" put a question, not a
   * request; "wants to", "hoped to", "sought to" tell the subject's own aim, not what it asks of another;
   * "in a row" (not followed by what it is over) is no row; "refused to rule out", "refused to comment" are non-answers, no refusal; a clause opening on "if" or "unless" states a hypothesis, and has none.
   */
  stance: Stance | null;
  /** What the cue patterns alone give (`stanceOfByPatterns`), word by word. */
  patterns: Stance | null;
  /**
   * The clause names both sides of a difference by itself: a denial (active: not "was denied bail"), a
   * not-guilty plea, a dispute, a rejection, a rift, an appeal against a ruling, "at odds". One such
   * clause shows a disagreement; a one-sided cue (accused, criticised, banned, a strike) needs support.
   */
  twoSided: boolean;
}

const STANCES: ReadonlyArray<Stance | null> = [null, 'agreement', 'disagreement', 'request', 'mixed'];
const CUES: readonly ClauseCues[] = STANCES.flatMap((stance) => STANCES.flatMap((patterns) => [false, true].map((twoSided) => ({ stance, patterns, twoSided }))));
function cues(stance: Stance | null, patterns: Stance | null, twoSided: boolean): ClauseCues {
  return CUES[(STANCES.indexOf(stance) * STANCES.length + STANCES.indexOf(patterns)) * 2 + (twoSided ? 1 : 0)]!;
}

/** The clause's stance cues read in one pass (result shared: read only). */
export function clauseCues(clause: string): ClauseCues {
  let n = 0;
  for (let i = 0; i < clause.length; ) {
    const c = clause.charCodeAt(i);
    // The two characters whose lower case is ASCII (or longer) would shift what the lower-cased patterns see.
    if (c === 0x130 || c === 0x212a) {
      const patterns = stanceOfByPatterns(clause);
      return cues(patterns, patterns, false);
    }
    if (!isAsciiWord(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = HASH_SEED;
    for (; i < clause.length; i++) {
      const d = clause.charCodeAt(i);
      if (!isAsciiWord(d)) break;
      h = hashStep(h, lowerAscii(d));
    }
    if (n === runStart.length) {
      runStart = grow(runStart);
      runEnd = grow(runEnd);
      runId = grow(runId);
    }
    runStart[n] = start;
    runEnd[n] = i;
    runId[n] = i - start > LONGEST ? -1 : wordId(clause, start, i, h);
    n++;
  }
  let agreeAt = -1;
  let found = 0;
  let read = 0;
  let twoSided = false;
  const hypothesis = n > 0 && CONDITIONS.some((w) => runIs(clause, 0, w));
  for (let k = 0; k < n; k++) {
    const id = runId[k]!;
    if (id < 0) {
      if (!hypothesis && notGuiltyPleaAt(clause, k, n)) {
        read |= DISAGREE;
        twoSided = true;
      }
      continue;
    }
    const single = FLAGS[id]!;
    let kinds = single;
    let phraseTwoSided = false;
    for (const p of STARTING[id]!) {
      const wanted = ((found | kinds) & p.kind) === 0 || (p.kind === DISAGREE && !twoSided && TWO_SIDED_PHRASE_START.has(id));
      if (!wanted || !phraseAt(clause, k, n, p.rest)) continue;
      kinds |= p.kind;
      if (p.kind === DISAGREE && TWO_SIDED_PHRASE_START.has(id)) phraseTwoSided = true;
    }
    if (kinds & AGREE && agreeAt < 0) agreeAt = runStart[k]!;
    found |= kinds;
    if (hypothesis) continue;
    // The context rules read single-word cues; a phrase ("appealed against", "call for") is a cue as it stands.
    let kept = kinds;
    const negated = negatedAt(clause, k);
    if (single & DISAGREE && !phraseTwoSided && (negated || (id === ROW && inARow(clause, k, n)) || (REFUSING.has(id) && nonAnswerAfter(clause, k, n)))) kept &= ~DISAGREE;
    if (single & REQUEST) {
      if (negated) kept &= ~REQUEST;
      else if (ASKING.has(id) && (questionAfter(clause, k, n) || (k >= 1 && (runIs(clause, k - 1, 'when') || runIs(clause, k - 1, 'if'))))) kept &= ~REQUEST;
      else if (AIMING.has(id) && k + 1 < n && runIs(clause, k + 1, 'to')) kept &= ~REQUEST;
    }
    read |= kept;
    if (kept & DISAGREE) {
      if (phraseTwoSided) twoSided = true;
      else if (TWO_SIDED.has(id) && !(DENYING.has(id) && k >= 1 && BE.some((w) => runIs(clause, k - 1, w)))) twoSided = true;
    }
  }
  const negatedAgreement = agreeAt >= 0 && NEGATION_BEFORE_RE.test(clause.toLowerCase().slice(0, agreeAt));
  const patterns = stanceFrom(agreeAt >= 0, negatedAgreement, (found & DISAGREE) !== 0, (found & REQUEST) !== 0);
  const stance = hypothesis ? null : stanceFrom((read & AGREE) !== 0, negatedAgreement, (read & DISAGREE) !== 0, (read & REQUEST) !== 0);
  return cues(stance, patterns, twoSided && (stance === 'disagreement' || stance === 'mixed'));
}

/** Run `k` is `word` (lower case) in the clause. */
function runIs(clause: string, k: number, word: string): boolean {
  const start = runStart[k]!;
  if (runEnd[k]! - start !== word.length) return false;
  for (let j = 0; j < word.length; j++) if (lowerAscii(clause.charCodeAt(start + j)) !== word.charCodeAt(j)) return false;
  return true;
}

/** Run `k` is "guilty" in "pleaded not guilty" or "a not guilty plea". */
function notGuiltyPleaAt(clause: string, k: number, n: number): boolean {
  if (k < 1 || runEnd[k]! - runStart[k]! !== 6 || !runIs(clause, k, 'guilty') || !runIs(clause, k - 1, 'not')) return false;
  return (k >= 2 && PLEADING.some((w) => runIs(clause, k - 2, w))) || (k + 1 < n && (runIs(clause, k + 1, 'plea') || runIs(clause, k + 1, 'pleas')));
}

/** Run `k` is "row" in "for the third year in a row", not in "locked in a row over fees". */
function inARow(clause: string, k: number, n: number): boolean {
  if (k < 2 || !runIs(clause, k - 1, 'a') || !runIs(clause, k - 2, 'in')) return false;
  return !(k + 1 < n && ROW_OBJECTS.some((w) => runIs(clause, k + 1, w)));
}

/** "refused to rule out", "refused to comment", "refused to be drawn": "to" and a verb of answering after run `k`. */
function nonAnswerAfter(clause: string, k: number, n: number): boolean {
  return k + 2 < n && runIs(clause, k + 1, 'to') && NON_ANSWERS.some((w) => runIs(clause, k + 2, w));
}

/** "asked about", "asked him whether": a question word one or two runs after run `k`. */
function questionAfter(clause: string, k: number, n: number): boolean {
  for (let j = k + 1; j < n && j <= k + 2; j++) if (QUESTION_WORDS.some((w) => runIs(clause, j, w))) return true;
  return false;
}

/** One of the two runs before run `k` negates it: "not", "never", "no", "cannot" or a "n't" ("did not really oppose", "didn't ask"). */
function negatedAt(clause: string, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 2; j--) {
    if (NEGATIONS.some((w) => runIs(clause, j, w))) return true;
    // "didn't": the runs "didn" and "t" with an apostrophe between.
    const start = runStart[j]!;
    if (runEnd[j]! - start === 1 && lowerAscii(clause.charCodeAt(start)) === 116 && start >= 2 && runEnd[j - 1] === start - 1) {
      const apostrophe = clause.charCodeAt(start - 1);
      if ((apostrophe === 39 || apostrophe === 0x2019) && lowerAscii(clause.charCodeAt(start - 2)) === 110) return true;
    }
  }
  return false;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The runs after run `k` are the words `rest`, each one space after the one before. */
function phraseAt(clause: string, k: number, n: number, rest: readonly number[]): boolean {
  if (k + rest.length >= n) return false;
  for (let j = 0; j < rest.length; j++) {
    const prevEnd = runEnd[k + j]!;
    if (runStart[k + j + 1] !== prevEnd + 1 || clause.charCodeAt(prevEnd) !== 32 || runId[k + j + 1] !== rest[j]) return false;
  }
  return true;
}

function stanceFrom(agree: boolean, negated: boolean, disagree: boolean, request: boolean): Stance | null {
  const agreement = agree && !negated;
  const disagreement = (agree && negated) || disagree;
  if (agreement && disagreement) return 'mixed';
  if (disagreement) return 'disagreement';
  if (agreement) return 'agreement';
  if (request) return 'request';
  return null;
}

/** Stance cues in a clause by the patterns themselves (they expect lower-case text). */
export function stanceOfByPatterns(clause: string): Stance | null {
  const text = clause.toLowerCase();
  const agree = AGREEMENT_RE.exec(text);
  const negated = agree !== null && NEGATION_BEFORE_RE.test(text.slice(0, agree.index));
  return stanceFrom(agree !== null, negated, DISAGREEMENT_RE.test(text), REQUEST_RE.test(text));
}
