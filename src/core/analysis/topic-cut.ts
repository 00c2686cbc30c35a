import { contentStems, sentenceTokens } from './tokenize.js';
import type { IssuePosition, Sentence, Stance } from './types.js';

/**
 * How many topics a story lists, and what becomes of the candidates it does not list. Works on any
 * topic with these fields (extract-issues' topics have them).
 */
export interface CutTopic {
  label: string;
  stance: Stance;
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
 * How many of `candidates` topics to list, `withCue` of them with a stance cue. In a story of debate
 * (a readout of talks: at least half the candidates are agreed, differed on or asked for) each cue
 * topic is a subject of its own, so the list grows by one per cue topic. In reported news, cues are
 * incidental ("denied", "said he wanted"), a candidate is found in nearly every clause and a
 * reader lists a handful of subjects: a few topics, and one more for every few cue topics.
 */
export function topicBudget(candidates: number, withCue: number): number {
  const debate = candidates > 0 && withCue * 2 >= candidates;
  const budget = debate ? DEBATE_TOPICS + withCue : NEWS_TOPICS + Math.floor(withCue / CUES_PER_EXTRA_TOPIC);
  return Math.min(MAX_TOPICS, budget);
}

/**
 * A candidate left off the list that shares a label word with a listed topic speaks of the same
 * subject in other words ("sex with the third student" beside "sex with three of male students";
 * "jobs and training" beside "jobs for Scottish young people"): its sentences and the parties'
 * positions join the listed topic sharing the most label words with it (the first listed on a tie),
 * rather than being lost. `listed` is in rank order; its topics' sentences stay sorted.
 */
export function absorbDropped(listed: readonly CutTopic[], dropped: readonly CutTopic[]): void {
  if (listed.length === 0) return;
  const listedStems = listed.map((t) => new Set(contentStems(t.label)));
  for (const d of dropped) {
    const stems = new Set(contentStems(d.label));
    let best: CutTopic | null = null;
    let bestShared = 0;
    for (let k = 0; k < listed.length; k++) {
      const t = listed[k]!;
      let shared = 0;
      for (const x of stems) if (listedStems[k]!.has(x)) shared++;
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

/**
 * A topic is supported by every sentence that names it, not only by the clauses it was found in: a
 * sentence holding all of the label's content words speaks of the topic ("the plea deal" in the lead,
 * and again where the judge accepts it).
 */
export function addMentioningSentences(topics: readonly CutTopic[], sentences: readonly Sentence[]): void {
  if (topics.length === 0) return;
  const stemsOf = sentences.map((s) => {
    const set = new Set<string>();
    for (const t of sentenceTokens(s)) if (t.stem) set.add(t.stem);
    return set;
  });
  for (const t of topics) {
    const stems = new Set(contentStems(t.label));
    if (stems.size === 0) continue;
    const mentioning: number[] = [];
    for (let i = 0; i < stemsOf.length; i++) {
      let all = true;
      for (const x of stems) if (!stemsOf[i]!.has(x)) {
        all = false;
        break;
      }
      if (all) mentioning.push(i);
    }
    t.sentences = mergeSorted(t.sentences, mentioning);
  }
}

/** The union of two sorted lists of sentence indices, sorted. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
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
