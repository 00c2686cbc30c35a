import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cnnValSection, cnnTextsMissing, dmTrainSection, formatTable, splitOnPunctuation } from '../../bench/quality.js';
import { isUnread } from '../../bench/quote-eval.js';

describe('bench/quality helpers', () => {
  it('GIVEN a reference with PTB tokens and closing quotes THEN it splits after . ! ? (and a closing mark) only', () => {
    expect(splitOnPunctuation("Kite is 6 km -LRB- 3.7 miles -RRB- long. ` I want her gone. ' She left! Why?")).toEqual([
      'Kite is 6 km -LRB- 3.7 miles -RRB- long.',
      '` I want her gone.',
      "' She left!",
      'Why?',
    ]);
  });

  it('GIVEN lower-cased neural output THEN it still splits into sentences', () => {
    expect(splitOnPunctuation('the kite was set to fly. but it was too big.')).toEqual(['the kite was set to fly.', 'but it was too big.']);
  });

  it('GIVEN a system that did not load THEN its row shows dashes and the reason', () => {
    const table = formatTable([
      { name: 'ours', scores: { rouge1: 43.5, rouge2: 21.1, rougeLsum: 39.8 }, note: '' },
      { name: 'broken', scores: null, note: 'did not load: boom' },
    ]);
    expect(table).toContain('|  43.50 |  21.10 |  39.80 |');
    expect(table).toMatch(/broken\s+\|\s+- \|\s+- \|\s+- \| did not load: boom/);
  });

  it('GIVEN no file, a missing file or one without the labelled ids THEN the fresh CNN set is skipped with a reason; GIVEN the texts THEN it is scored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnnval-'));
    const labels = join(dir, 'labels.jsonl');
    writeFileSync(labels, `${JSON.stringify({ id: 'abc', source: 'owner/repo@0000:rows.csv', quotes: [] })}\n`);
    expect(cnnTextsMissing(labels, undefined)).toMatch(/^skipped: .*--cnnval-eval/);
    expect(cnnTextsMissing(labels, join(dir, 'nowhere.jsonl'))).toMatch(/^skipped: .*does not exist/);
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, `${JSON.stringify({ id: 'xyz', article: 'Text.' })}\n`);
    expect(cnnTextsMissing(labels, other)).toMatch(/^skipped: .*no abc/);
    const texts = join(dir, 'texts.jsonl');
    writeFileSync(texts, `${JSON.stringify({ id: 'abc', article: 'Text.' })}\n`);
    expect(cnnTextsMissing(labels, texts)).toBeUndefined();
    // A source given as {repo, commit, file} (the issue sets) is named in the note, with the set's own flag.
    const issueLabels = join(dir, 'issues.jsonl');
    writeFileSync(issueLabels, `${JSON.stringify({ id: 'abc', source: { repo: 'owner/repo', commit: '0000', file: 'rows.csv' }, topics: [] })}\n`);
    expect(cnnTextsMissing(issueLabels, undefined, '--heldout3-eval')).toMatch(/^skipped: .*rows\.csv of owner\/repo at 0000.*--heldout3-eval/);
    expect(cnnTextsMissing(issueLabels, texts, '--heldout3-eval')).toBeUndefined();
  });

  it('GIVEN no CNN validation file, or a path that does not exist THEN the section is skipped with how to build it', async () => {
    expect(await cnnValSection(undefined)).toMatch(/skipped: .*bench\/cnn-val-to-jsonl\.ts/);
    expect(await cnnValSection('/nonexistent/cnn-val.jsonl')).toMatch(/skipped: \/nonexistent\/cnn-val\.jsonl does not exist/);
  });

  it('GIVEN no --dm-train file THEN both halves of the Daily Mail set are skipped with how to get it; GIVEN the texts THEN each half is scored by its lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dmtrain-'));
    const labels = join(dir, 'dmtrain.jsonl');
    writeFileSync(labels, `${JSON.stringify({ id: 'abc', source: 'owner/repo@0000:rows.csv', quotes: [] })}\n`);
    const calls: string[] = [];
    const evaluate = async (_e?: string, _l?: string, lines?: 'odd' | 'even'): Promise<string> => {
      calls.push(lines ?? 'all');
      return `scored ${lines}`;
    };
    const skipped = await dmTrainSection(labels, undefined, evaluate);
    expect(skipped.match(/skipped: .*--dm-train/g)).toHaveLength(2);
    expect(calls).toEqual([]);
    const texts = join(dir, 'texts.jsonl');
    writeFileSync(texts, `${JSON.stringify({ id: 'abc', article: 'Text.' })}\n`);
    const scored = await dmTrainSection(labels, texts, evaluate);
    expect(scored).toMatch(/odd lines \(half A[^\n]*\nscored odd/);
    expect(scored).toMatch(/even lines \(half B[^\n]*\nscored even/);
    expect(calls).toEqual(['odd', 'even']);
  });

  it('GIVEN a held-out set or its unread half THEN its per-quote errors may not be printed; GIVEN a read set or half THEN they may', () => {
    // dmtrain's half B became development data in session 6, after three totals-only scorings.
    expect(isUnread('bench/quotes/dmtrain.jsonl', 'even')).toBe(false);
    expect(isUnread('bench/quotes/dmtrain.jsonl', undefined)).toBe(false);
    expect(isUnread('bench/quotes/dmtrain.jsonl', 'odd')).toBe(false);
    expect(isUnread('bench/quotes/dmfresh.jsonl', 'odd')).toBe(true);
    expect(isUnread('/x/bench/quotes/dmfresh2.jsonl', undefined)).toBe(true);
    expect(isUnread('bench/quotes/outside.jsonl', undefined)).toBe(true);
    expect(isUnread('bench/quotes/bbc2.jsonl', undefined)).toBe(true);
    expect(isUnread('bench/quotes/bbc3.jsonl', undefined)).toBe(true);
    expect(isUnread('bench/quotes/heldout2.jsonl', undefined)).toBe(true);
    expect(isUnread('bench/quotes/heldout2.jsonl', 'odd')).toBe(false);
    expect(isUnread('bench/quotes/heldout2.jsonl', 'even')).toBe(true);
    expect(isUnread('/x/bench/quotes/cnnval.jsonl', 'odd')).toBe(true);
    expect(isUnread('bench/quotes/labels.jsonl', undefined)).toBe(false);
    expect(isUnread('bench/quotes/heldout.jsonl', undefined)).toBe(false);
    // The second fresh Daily Mail set is not split: no half of it may be read.
    expect(isUnread('bench/quotes/dmfresh.jsonl', undefined)).toBe(true);
    expect(isUnread('bench/quotes/dmfresh.jsonl', 'odd')).toBe(true);
    expect(isUnread('/x/bench/quotes/dmfresh.jsonl', 'even')).toBe(true);
  });

  it('GIVEN the fresh Daily Mail label file THEN every line has an id, a source and quotes of text and speaker (ids and labels only, no article text)', () => {
    const lines = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../bench/quotes/dmfresh.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(16);
    const ids = new Set<string>();
    for (const line of lines) {
      const row = JSON.parse(line) as { id: unknown; source: unknown; quotes: unknown; article?: unknown };
      expect(Object.keys(row).sort()).toEqual(['id', 'quotes', 'source']);
      expect(row.id).toMatch(/^[0-9a-f]{40}$/);
      ids.add(row.id as string);
      expect(row.source).toBe('EileenFeng/Text-Summarization-NLP@5bfee8b9ad6228e1c4d02f7be1042a4276632417:data/train_sample.zip:train_sample.csv');
      for (const q of row.quotes as { text: unknown; speaker: unknown }[]) {
        expect(typeof q.text).toBe('string');
        expect(q.speaker === null || typeof q.speaker === 'string').toBe(true);
      }
    }
    expect(ids.size).toBe(16);
  });
});
