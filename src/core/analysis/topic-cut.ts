import { clauseCues } from './stance-cues.js';
import { sentenceStems } from './tokenize.js';
import type { IssuePosition, Sentence, Stance } from './types.js';

/**
 * How many topics a story lists, and what becomes of the candidates it does not list. Works on any
 * topic with these fields (extract-issues' topics have them).
 */
export interface CutTopic {
  label: string;
  /** Stems of the label's words; those the story uses as content words (see `sentencePostings`) say what it is about. */
  stems: ReadonlySet<string>;
  stance: Stance;
  /** How many of its clauses carry a stance cue. */
  cued: number;
  /** How many of them name both sides of a difference by themselves (`ClauseCues.twoSided`). */
  twoSided: number;
  positions: IssuePosition[];
  parties: Set<string>;
  sentences: number[];
}

/** Topics a story of reported facts lists (a careful reader lists 3-6). */
export const NEWS_TOPICS = 4;
/** ... and one more for every this many topics that carry a stance cue (agreed, denied, urged). */
export const CUES_PER_EXTRA_TOPIC = 3;
/** Topics a story of debate lists before its cue topics are added. */
export const DEBATE_TOPICS = 6;
export const MAX_TOPICS = 10;

/**
 * How many of `candidates` topics to list, `withCue` of them with a stance cue word, `held` of them with a cue that
 * holds in its clause (`CutTopic.cued`). In a story of debate (a readout of talks: at least half the candidates are
 * agreed, differed on or asked for, `isDebate` over `held`) each cue topic is a subject of its own, so the list grows
 * by one per cue topic. In reported news, cues are incidental ("denied", "said he wanted"), a candidate is found in
 * nearly every clause and a reader lists a handful of subjects: a few topics, and one more for every few cue topics.
 */
export function topicBudget(candidates: number, withCue: number, held: number = withCue): number {
  const budget = isDebate(candidates, held) ? DEBATE_TOPICS + withCue : NEWS_TOPICS + Math.floor(withCue / CUES_PER_EXTRA_TOPIC);
  return Math.min(MAX_TOPICS, budget);
}

/**
 * Nouns that name what news is about rather than a detail of it: an act of politics or law (a deal,
 * a ban, a referendum, a charge, a plea, a lawsuit) or an alleged wrong (fraud, abuse, murder).
 */
const NEWS_ISSUE_NOUNS = new Set(
  `deal deals agreement plan proposal law laws bill case cases talks vote verdict strike dispute row summit treaty policy policies
ruling judgment appeal charge charges trial retrial retrials lawsuit lawsuits prosecution prosecutions sentence plea investigation
inquiry probe referendum election poll ban tax taxes cuts reform scheme fund allegation allegations claims homicide murder killing
arrest order fraud abuse campaign`.split(/\s+/),
);
/** What a label naming a news issue adds to a candidate's salience (a sentence's worth). */
export const ISSUE_NOUN_BONUS = 1;

/** The label has a word naming a news issue or event ("board with the plea deal", "lawsuit against the district"). */
export function namesNewsIssue(label: string): boolean {
  for (const w of label.toLowerCase().split(/[^a-z-]+/)) if (NEWS_ISSUE_NOUNS.has(w)) return true;
  return false;
}

/** Where a story's late part starts, as a share of its sentences. */
export const LATE_PART = 0.67;

/**
 * News often keeps a subject for its last paragraphs (the assault that followed the row, the court
 * order lifted at the end, the proposal the charity closes on), and those candidates rank low: fewer
 * sentences so far, none in the lead. When no topic among the first `keep` of `ranked` starts in the
 * story's last third, the best-ranked candidate that does takes the last listed place. Works in place.
 */
export function promoteLateTopic<T extends Pick<CutTopic, 'sentences'>>(ranked: T[], keep: number, sentenceCount: number): void {
  const from = Math.floor(sentenceCount * LATE_PART);
  if (keep < 1 || ranked.slice(0, keep).some((t) => (t.sentences[0] ?? -1) >= from)) return;
  const i = ranked.findIndex((t, k) => k >= keep && (t.sentences[0] ?? -1) >= from);
  if (i < 0) return;
  const [late] = ranked.splice(i, 1);
  ranked.splice(keep - 1, 0, late!);
}

/**
 * A story of debate (a readout of talks): at least half its candidate topics carry a stance cue that holds in its
 * clause. Count the cues that hold (`CutTopic.cued`), not every cue word: an opinion piece or a court story is full of
 * "wanted to", "asked about", "would like to", "in a row" that say nothing about who agrees with whom, and counted
 * as cues they made a personal essay a readout of ten agreed and disputed points.
 */
export function isDebate(candidates: number, held: number): boolean {
  return candidates > 0 && held * 2 >= candidates;
}

/** Cue clauses a topic of reported news needs before it is listed with their stance rather than as a statement. */
export const NEWS_STANCE_MIN_CUES = 2;

/**
 * The stance each listed topic shows. In a story of debate every cue is the subject's. In reported
 * news one cue clause is mostly incidental ("asked her to change his password", "the letter he
 * signed", "in a row"): a topic keeps a stance only when at least `NEWS_STANCE_MIN_CUES` of its
 * clauses carry one (the criticism told, then quoted; a denial in the lead and again in the body),
 * and is otherwise a statement of reported facts, as most news topics are. One clause is enough when
 * it names both sides itself (`ClauseCues.twoSided`: "denied the charges", "pleaded not guilty") and
 * falls on a topic of law or politics (`namesNewsIssue`: charges, a plan, a lawsuit), provided no other
 * listed topic has such a clause: a plea told in the lead, a caption and the body lands on several
 * topics, and which one it disputes is then not told. One clause is enough, too, when a named party's
 * own act is the cue (`voicedStance`): "Lord Butler has criticised the way the government operates",
 * "Mr Lishman urged the next government to ...": the party whose position the clause gives is the one
 * who criticises or asks, so the stance is the story's, not an aside's.
 */
export function settleStances<T extends Pick<CutTopic, 'label' | 'stance' | 'cued' | 'twoSided' | 'positions'>>(listed: T[], candidates: number, held: number): T[] {
  if (isDebate(candidates, held)) return listed;
  // A lone two-sided cue shows which topic is disputed only when it falls on one listed topic.
  const lone = listed.filter((t) => t.twoSided > 0).length === 1;
  for (const t of listed) {
    if (t.cued >= NEWS_STANCE_MIN_CUES || (lone && t.twoSided > 0 && namesNewsIssue(t.label))) continue;
    if (t.positions.some((p) => voicedStance(p.position) === t.stance)) continue;
    t.stance = 'statement';
  }
  return listed;
}

/** Words that may stand between a party and its act: "has criticised", "also urged", "today hit out". */
const VOICE_LEAD = '(?:(?:has|have|had|also|today|yesterday|now|then|later|again|previously|repeatedly|strongly|sharply|publicly|formally)\\s+){0,2}';
const VOICED: ReadonlyArray<readonly [RegExp, Stance]> = [
  [
    new RegExp(
      `^${VOICE_LEAD}(?:accus(?:ed|es|ing)|criticis(?:ed|es|ing)|criticiz(?:ed|es|ing)|condemn(?:ed|s|ing)|reject(?:ed|s|ing)|dismiss(?:ed|es|ing)|oppos(?:ed|es|ing)|(?:hit|hits|hitting|lashed|lashes|lashing) out|slamm(?:ed|ing)|slams|brand(?:ed|s|ing)|rebut(?:s|ted|ting)|rubbish(?:ed|es|ing)|brush(?:ed|es|ing) (?:off|aside)|blast(?:ed|s|ing))\\b`,
      'i',
    ),
    'disagreement',
  ],
  [new RegExp(`^${VOICE_LEAD}(?:urg(?:ed|es|ing)|call(?:ed|s|ing)? (?:for|on)|demand(?:ed|s|ing)|appeal(?:ed|s|ing)? for|press(?:ed|es|ing) for|warn(?:ed|s|ing) against)\\b`, 'i'), 'request'],
  [new RegExp(`^${VOICE_LEAD}(?:agreed|agrees|welcomed|welcomes)\\b`, 'i'), 'agreement'],
];

/**
 * The stance a party's stated act is by itself, when the position the narrative gives it opens on an
 * outspoken verb ("criticised the way the government operates", "urged the next government to boost the
 * state pension", "hit out at critics of the bill", "agreed in principle with the plans"); null otherwise
 * (a claim, a hope, a want, a passive "was criticised", where the party is not the one who acts).
 */
export function voicedStance(position: string): Stance | null {
  for (const [re, stance] of VOICED) if (re.test(position)) return stance;
  return null;
}

/**
 * Words that tell a dispute across a story but are no clause cue of their own ("faced criticism",
 * "critics say", "insisted"): counting them as clause cues would change which topics are listed.
 */
const DISPUTE_WORDS_RE = /\b(?:criticism|critics|insist(?:s|ed)?)\b/i;

/** How many more label words another listed topic names in a disputed sentence to take it from a topic. */
export const FULLER_BY = 3;

/** Sentences with a disagreement cue a statement topic of reported news needs, beside a party's position, to be a dispute. */
export const DISPUTE_MIN_SENTENCES = 2;

/**
 * A dispute in reported news is told across the story: the claim, then the reply ("accused ...
 * disputed", "criticised ... but ... criticised", "claimed ... insisted ... denied"), often inside
 * quotations or in sentences found only by the topic's words, which `settleStances` does not count.
 * Besides the clause cues, "criticism", "critics" and "insisted" mark a sentence of the dispute.
 * A listed topic left a statement that has a party's position and at least `DISPUTE_MIN_SENTENCES`
 * of its sentences (read whole, quotes included) with a disagreement cue is a disagreement. A disputed
 * sentence counts for the listed topic it names most fully (most label words; all of them on a tie):
 * "pleaded not guilty to two felony charges of filing a false instrument, involving marriage licences"
 * is a dispute over the charges, not over the marriages. A story of debate keeps the stances its
 * clauses gave. Works in place.
 */
export function settleDisputes<T extends Pick<CutTopic, 'stance' | 'positions' | 'sentences' | 'stems'>>(listed: readonly T[], sentences: readonly Pick<Sentence, 'text'>[], debate: boolean, postings: Postings): void {
  if (debate || !listed.some((t) => t.stance === 'statement' && t.positions.length > 0)) return;
  // Each sentence is read once, however many topics it supports.
  const disputes = new Map<number, boolean>();
  const disputed = (i: number): boolean => {
    let d = disputes.get(i);
    if (d === undefined) {
      const text = sentences[i]?.text ?? '';
      const cue = clauseCues(text).stance;
      d = cue === 'disagreement' || cue === 'mixed' || DISPUTE_WORDS_RE.test(text);
      disputes.set(i, d);
    }
    return d;
  };
  const named = (t: T, i: number): number => {
    let n = 0;
    for (const x of t.stems) {
      const list = postings.get(x);
      if (list !== undefined && includesSorted(list, i)) n++;
    }
    return n;
  };
  const owns = (t: T, i: number): boolean => {
    const mine = named(t, i);
    return !listed.some((o) => o !== t && includesSorted(o.sentences, i) && named(o, i) >= mine + FULLER_BY);
  };
  for (const t of listed) {
    if (t.stance !== 'statement' || t.positions.length === 0) continue;
    let count = 0;
    for (const i of t.sentences) if (disputed(i) && owns(t, i)) count++;
    if (count >= DISPUTE_MIN_SENTENCES) t.stance = 'disagreement';
  }
}

/**
 * A candidate left off the list that shares a label word with a listed topic speaks of the same
 * subject in other words ("sex with the third student" beside "sex with three of male students";
 * "jobs and training" beside "jobs for Scottish young people"): its sentences and the parties'
 * positions join the listed topic sharing the most label words with it (the first listed on a tie),
 * rather than being lost. `listed` is in rank order; its topics' sentences stay sorted.
 */
export function absorbDropped(listed: readonly CutTopic[], dropped: readonly CutTopic[], postings: Postings): void {
  if (listed.length === 0) return;
  for (const d of dropped) {
    let best: CutTopic | null = null;
    let bestShared = 0;
    for (const t of listed) {
      let shared = 0;
      for (const x of d.stems) if (t.stems.has(x) && postings.has(x)) shared++;
      if (shared > bestShared) {
        best = t;
        bestShared = shared;
      }
    }
    if (!best) continue;
    best.sentences = mergeSorted(best.sentences, d.sentences);
    for (const p of d.positions) {
      if (best.parties.has(p.party)) continue;
      best.parties.add(p.party);
      best.positions.push(p);
    }
  }
}

/** The sentences (indices, ascending) each content stem of a story occurs in. */
export type Postings = ReadonlyMap<string, readonly number[]>;

export function sentencePostings(sentences: readonly Sentence[]): Map<string, number[]> {
  // From the stem table the summary already made for these sentences: no second tokenisation or stem lookup.
  const table = sentenceStems(sentences);
  const lists: number[][] = table.stems.map(() => []);
  for (let i = 0; i < table.distinct.length; i++) for (const id of table.distinct[i]!) lists[id]!.push(i);
  const postings = new Map<string, number[]>();
  for (let id = 0; id < table.stems.length; id++) postings.set(table.stems[id]!, lists[id]!);
  return postings;
}

/**
 * A topic is supported by every sentence that names it, not only by the clauses it was found in: a
 * sentence holding all of the label's content words speaks of the topic ("the plea deal" in the lead,
 * and again where the judge accepts it).
 */
export function addMentioningSentences(topics: readonly CutTopic[], postings: Postings): void {
  for (const t of topics) {
    const lists: Array<readonly number[]> = [];
    for (const x of t.stems) {
      const list = postings.get(x);
      if (list !== undefined) lists.push(list);
    }
    if (lists.length === 0) continue;
    // The sentences of the label's rarest word, kept when they hold every other word too.
    lists.sort((a, b) => a.length - b.length);
    const mentioning = lists[0]!.filter((i) => lists.every((list) => includesSorted(list, i)));
    t.sentences = mergeSorted(t.sentences, mentioning);
  }
}

/** Whether a sorted list of sentence indices holds `value` (binary search): a topic's sentences are kept sorted. */
export function includesSorted(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === value;
}

/** The union of two sorted lists of sentence indices, sorted. */
export function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

/** How far (in sentences) from a topic's sentences a quote with no word of its label may be and still speak on it. */
export const QUOTE_REACH = 1;

/**
 * The topic a speaker quoted in sentence `sentence` speaks on when the quote's words name none: the
 * topic with a sentence nearest the quote, at most `QUOTE_REACH` away, that has no position of the
 * speaker's yet (the first listed on a tie). News quotes its speakers beside the paragraph they
 * answer: "Angus Robertson said: 'This is a very welcome poll'" after the poll of the SNP's
 * policies; a defence lawyer's "There has to be some type of duress" beside the girl's
 * examination by a psychologist. Null when no topic is that near.
 */
export function quotedWithin<T extends CutTopic>(topics: readonly T[], sentence: number, speaker: string): T | null {
  let best: T | null = null;
  let bestDistance = QUOTE_REACH + 1;
  for (const t of topics) {
    if (t.parties.has(speaker)) continue;
    for (const i of t.sentences) {
      const d = Math.abs(i - sentence);
      if (d < bestDistance) {
        best = t;
        bestDistance = d;
      }
    }
  }
  return best;
}
