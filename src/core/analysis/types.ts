import type { Participant } from '../briefing/briefing.js';

/** What the analysis engine reads: the body of a briefing and what the editor said about it. */
export interface AnalysisInput {
  text: string;
  title?: string;
  participants?: readonly Participant[];
}

export interface AnalyzeOptions {
  /** Summary length in sentences (default 3). */
  summarySentences?: number;
  /** How many quotes are marked `key` for the card (default 3). */
  keyQuotes?: number;
}

/** One sentence of the cleaned text, with its character offsets into `Analysis.cleanedText`. */
export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Zero-based paragraph number in the cleaned text. */
  paragraph: number;
}

export interface Quote {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** The fullest known name of the speaker, or null when the text does not tell. */
  speaker: string | null;
  /** 0..1: how sure the attribution is (0 when speaker is null). */
  confidence: number;
  /** The evidence used, e.g. "said-after", "according-to", "pronoun", "continuation", "side-reasoning", "none". */
  cue: string;
  /** True for the quotes ranked for the card. */
  key: boolean;
  /** Index of the sentence where the quote starts. */
  sentence: number;
}

export type Stance = 'agreement' | 'disagreement' | 'request' | 'mixed' | 'statement';

export interface IssuePosition {
  /** A party (country, organisation or person) in its canonical name, e.g. "South Korea". */
  party: string;
  /** What that party holds or asks, in the story's words. */
  position: string;
}

export interface Issue {
  /** A short label: "fishing quotas", "'comfort women' deal". */
  topic: string;
  stance: Stance;
  positions: IssuePosition[];
  /** Indices into `Analysis.sentences` of the sentences that support the topic. */
  sentences: number[];
}

export interface PersonEntity {
  name: string;
  role: string | null;
}

export interface Entities {
  people: PersonEntity[];
  places: string[];
  organizations: string[];
}

/** Everything the engine says about one text. Pure data: safe to serialise and cache. */
export interface Analysis {
  /** Bumped whenever the engine's output for the same input may change (cache key part). */
  engineVersion: number;
  cleanedText: string;
  sentences: Sentence[];
  /** One line, for digests and lists. */
  tldr: string;
  /** Summary sentences, in document order. */
  summary: string[];
  /** Indices into `sentences` of the summary sentences. */
  summaryIndices: number[];
  quotes: Quote[];
  issues: Issue[];
  entities: Entities;
  keywords: string[];
}
