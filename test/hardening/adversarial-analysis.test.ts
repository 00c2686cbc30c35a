import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis/analyze.js';

const KB = 1024;

/**
 * Texts built to hurt a text pipeline: quadratic scans, regex backtracking, one giant sentence.
 * Each must finish within a budget generous enough for a loaded CI machine, and come back whole.
 */
const ADVERSARIAL: Record<string, () => string> = {
  '10,000 quotes': () => Array.from({ length: 10_000 }, (_, i) => `"${i}" Ann said.`).join(' '),
  'one 200 KB line of words': () => 'word '.repeat((200 * KB) / 5),
  'no punctuation, with speech verbs (200 KB)': () => Array.from({ length: 16_000 }, (_, i) => `word${i % 300} said`).join(' '),
  'only straight quotes (200 KB)': () => '"'.repeat(200 * KB),
  'only curly quotes (200 KB)': () => '“'.repeat(35 * KB) + '”'.repeat(35 * KB),
  'unbalanced quotes (100 KB)': () => Array.from({ length: 16_000 }, (_, i) => (i % 2 ? '"a' : 'b"')).join(' '),
  'only full stops (200 KB)': () => '. '.repeat(100 * KB),
  'initials everywhere (200 KB)': () => 'A. '.repeat(66 * KB),
  'one word per line (200 KB)': () => 'x\n'.repeat(100 * KB),
};

describe('the analysis on adversarial text', () => {
  it.each(Object.keys(ADVERSARIAL))('GIVEN %s THEN it finishes in reasonable time and keeps the text', (name) => {
    const text = (ADVERSARIAL[name] as () => string)();
    const started = performance.now();
    const a = analyze({ text, title: 'Adversarial' });
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(20_000);
    // Nothing of substance dropped: every non-space character survives cleaning.
    expect(a.cleanedText.replace(/\s+/g, '').length).toBeGreaterThanOrEqual(text.replace(/\s+/g, '').length * 0.99);
    expect(a.summary.length).toBeLessThanOrEqual(3);
    expect(a.quotes.filter((q) => q.key).length).toBeLessThanOrEqual(3);
  }, 60_000);

  it('GIVEN a single 1 MB line (BRIEFING_MAX_BYTES raised) THEN it is analysed as one sentence in reasonable time', () => {
    const text = 'word '.repeat((1024 * KB) / 5);
    const started = performance.now();
    const a = analyze({ text });
    expect(performance.now() - started).toBeLessThan(40_000);
    expect(a.sentences.length).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
