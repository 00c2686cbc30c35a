/**
 * The versions of two text helpers before session 8 made them linear, kept to hold the new ones to them on random
 * text: attribute-speakers.ts's `sentenceStartBefore` (which read the whole rest of the text for each call when no
 * sentence ended after `at`) and extract-issues.ts's `narrativeOf` (which copied the sentence once per quote).
 */
import { ABBREV_TITLES } from '../../../../src/core/analysis/mentions.js';

const NOT_AFTER_ABBREVIATION = `(?<!\\b(?:${ABBREV_TITLES.join('|')}|\\p{Lu}))`;
const SENTENCE_BOUNDARY_RE = new RegExp(`(?:${NOT_AFTER_ABBREVIATION}\\.|[!?…])["”'’]?\\s+(?=[\\p{Lu}"“‘'])|\\n`, 'gu');

export function sentenceStartBefore(text: string, at: number, floor: number): number {
  floor = Math.max(floor, at - 1000, 0);
  let start = floor;
  SENTENCE_BOUNDARY_RE.lastIndex = floor;
  for (let m = SENTENCE_BOUNDARY_RE.exec(text); m && m.index < at; m = SENTENCE_BOUNDARY_RE.exec(text)) {
    const end = m.index + m[0].length;
    if (end <= at) start = end;
  }
  return start;
}

export function narrativeOf(s: { text: string; start: number; end: number }, quotes: readonly { start: number; end: number }[], from: number): string {
  let out = s.text;
  for (let k = from; k < quotes.length && quotes[k]!.start < s.end; k++) {
    const q = quotes[k]!;
    if (q.end <= s.start) continue;
    const a = Math.max(q.start, s.start) - s.start;
    const b = Math.min(q.end, s.end) - s.start;
    out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  }
  return out;
}
