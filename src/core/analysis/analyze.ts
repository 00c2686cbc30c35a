import { createHash } from 'node:crypto';
import { attributeSpeakers, rankKeyQuotes } from './attribute-speakers.js';
import { cleanText, readableSentence } from './clean-text.js';
import { extractEntities } from './extract-entities.js';
import { extractIssues } from './extract-issues.js';
import { classifyQuotes } from './extract-quotes.js';
import { extractKeywords } from './keywords.js';
import { findMentions, NameIndex } from './mentions.js';
import { splitSentences } from './split-sentences.js';
import { summarize } from './summarize.js';
import type { Analysis, AnalysisInput, AnalyzeOptions, Quote, Sentence } from './types.js';

/**
 * Bump whenever the analysis of the same input may come out differently, so cached analyses
 * made by an older engine are recomputed.
 */
export const ENGINE_VERSION = 60;

const DEFAULT_SUMMARY_SENTENCES = 3;
const DEFAULT_KEY_QUOTES = 3;
const KEYWORD_COUNT = 8;

/**
 * The whole analysis of one text: cleaning, sentences, summary, quotes with speakers, issues,
 * entities and keywords. Pure and deterministic; linear in the length of the text.
 */
export function analyze(input: AnalysisInput, options: AnalyzeOptions = {}): Analysis {
  const participants = input.participants ?? [];
  const cleanedText = cleanText(input.text);
  const sentences = splitSentences(cleanedText);
  const summary = summarize(sentences, { count: options.summarySentences ?? DEFAULT_SUMMARY_SENTENCES, title: input.title });

  const mentions = findMentions(cleanedText, participants);
  const names = new NameIndex(mentions, participants);
  const { spans, speech } = classifyQuotes(cleanedText);
  const attributions = attributeSpeakers(cleanedText, spans, mentions, names, { participants });
  const quotes: Quote[] = spans.map((span, i) => ({
    text: span.text,
    speaker: attributions[i]!.speaker,
    confidence: attributions[i]!.confidence,
    cue: attributions[i]!.cue,
    key: false,
    sentence: sentenceAt(sentences, span.start + 1),
  }));
  for (const i of rankKeyQuotes(quotes, options.keyQuotes ?? DEFAULT_KEY_QUOTES)) quotes[i]!.key = true;

  // The issue breakdown reads speech as the speakers' positions and the rest as the story's narrative; a phrase quoted inside
  // a reported sentence ("dismissed the plan as 'desperate'") is part of that sentence's narrative, so the tagger sees it so.
  const issues = extractIssues(sentences, {
    participants,
    quotes: spans.filter((_, i) => speech[i]),
    mentions,
    names,
    quoteSpeakers: quotes.filter((_, i) => speech[i]).map((q) => q.speaker),
    title: input.title,
  });
  const entities = extractEntities(cleanedText, mentions, names, participants);
  const keywords = extractKeywords(sentences, KEYWORD_COUNT);

  return {
    engineVersion: ENGINE_VERSION,
    cleanedText,
    sentences,
    tldr: readableSentence(summary.tldr),
    summary: summary.indices.map((i) => readableSentence(sentences[i]!.text)),
    summaryIndices: summary.indices,
    quotes,
    issues,
    entities,
    keywords,
  };
}

/** A stable cache key: sha256 over the engine version, the options and the whole input. */
export function analysisCacheKey(input: AnalysisInput, options: AnalyzeOptions = {}): string {
  const payload = JSON.stringify({
    v: ENGINE_VERSION,
    o: { s: options.summarySentences ?? DEFAULT_SUMMARY_SENTENCES, k: options.keyQuotes ?? DEFAULT_KEY_QUOTES },
    t: input.text,
    title: input.title ?? null,
    p: (input.participants ?? []).map((p) => [p.name, p.role ?? null, p.side ?? null, p.aliases]),
  });
  return createHash('sha256').update(payload).digest('hex');
}

/** Index of the sentence containing `offset` (binary search over sentence starts). */
function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

