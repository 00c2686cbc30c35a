import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateIssues, isHeldOut } from '../../bench/issue-eval.js';
import { HELDOUT5, HELDOUT7, HELDOUT8, bbcSource, selectBbc, selectHeldout, stemCounts } from '../../bench/issue-select.js';
import { heldout4Section } from '../../bench/quality.js';

describe('issue held-out set 4 (bench/issue-select, --dm-train)', () => {
  it('GIVEN cue stems THEN they count as word starts only, distinct and in total', () => {
    expect(stemCounts('The judges ruled; a judge and the lawmaker agreed with Congress.', ['judge', 'law', 'agree', 'congress', 'vote'])).toEqual({ distinct: 4, total: 5 });
    expect(stemCounts('An outlaw prejudged it.', ['law', 'judge'])).toEqual({ distinct: 0, total: 0 });
  });

  it('GIVEN rows before 44, sport stories and long texts THEN none is chosen; issue-rich ones rank by distinct stems, ordinary ones by id', () => {
    const filler = (n: number): string => ' word'.repeat(n);
    const rows = Array.from({ length: 60 }, (_, i) => ({ id: `id${String(i).padStart(3, '0')}`, article: `A quiet day.${filler(5)}` }));
    rows[2] = { id: 'early', article: 'The minister, the court, the judge and the president agreed a deal in talks.' };
    rows[44] = { id: 'zz-rich', article: 'The minister urged a vote; the court and the judge heard the charge.' };
    rows[45] = { id: 'sport', article: 'The minister, the court and the judge watched the football match: the striker scored a goal for the club.' };
    rows[46] = { id: 'long', article: `The minister, the court, the judge and the president agreed a deal.${filler(900)}` };
    rows[47] = { id: 'aa-rich', article: 'The minister urged a vote in parliament; the court heard the charge.' };
    const chosen = selectHeldout(rows);
    const ids = chosen.map((c) => c.id);
    expect(ids).not.toContain('early');
    expect(ids).not.toContain('sport');
    expect(ids).not.toContain('long');
    expect(ids.slice(0, 2)).toEqual(['aa-rich', 'zz-rich']);
    // Six quiet rows fill the eight issue-rich places (ties go by id); the next four by id are the ordinary ones.
    expect(chosen.filter((c) => c.kind === 'issue-rich')).toHaveLength(8);
    expect(chosen.filter((c) => c.kind === 'ordinary').map((c) => c.id)).toEqual(['id053', 'id054', 'id055', 'id056']);
  });

  it('GIVEN set 5\'s rule THEN rows outside 891-1000, used ids and texts over 600 words are never chosen', () => {
    const filler = (n: number): string => ' word'.repeat(n);
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `id${String(i).padStart(4, '0')}`, article: `A quiet day.${filler(5)}` }));
    rows[500] = { id: 'early', article: 'The minister, the court, the judge and the president agreed a deal in talks.' };
    rows[900] = { id: 'used', article: 'The minister, the court, the judge and the president agreed a deal in talks.' };
    rows[901] = { id: 'long', article: `The minister, the court, the judge and the president agreed a deal.${filler(650)}` };
    rows[902] = { id: 'rich', article: 'The minister urged a vote in parliament; the court heard the charge.' };
    const chosen = selectHeldout(rows, { ...HELDOUT5, exclude: new Set(['used']) });
    expect(chosen.map((c) => c.id)).not.toContain('early');
    expect(chosen.map((c) => c.id)).not.toContain('used');
    expect(chosen.map((c) => c.id)).not.toContain('long');
    expect(chosen[0]?.id).toBe('rich');
    expect(chosen.filter((c) => c.kind === 'issue-rich')).toHaveLength(8);
    expect(chosen.filter((c) => c.kind === 'ordinary')).toHaveLength(3);
    expect(chosen.every((c) => c.row >= 891 && c.row <= 1000)).toBe(true);
  });

  it('GIVEN no --dm-train file or one without the labelled ids THEN heldout4 is skipped with how to get the texts; GIVEN them THEN it is scored with totals only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heldout4-'));
    const labels = join(dir, 'heldout4.jsonl');
    writeFileSync(labels, `${JSON.stringify({ id: 'abc', source: { repo: 'owner/repo', commit: '0000', file: 'rows.zip:rows.csv' }, topics: [] })}\n`);
    const calls: boolean[] = [];
    const evaluate = (_e: string, _l: string, options: { totalsOnly: boolean }): string => {
      calls.push(options.totalsOnly);
      return 'scored';
    };
    expect(heldout4Section(labels, undefined, evaluate)).toMatch(/^skipped: .*rows\.zip:rows\.csv of owner\/repo at 0000.*--dm-train/);
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, `${JSON.stringify({ id: 'xyz', article: 'Text.' })}\n`);
    expect(heldout4Section(labels, other, evaluate)).toMatch(/^skipped: .*no abc/);
    expect(calls).toEqual([]);
    const texts = join(dir, 'texts.jsonl');
    writeFileSync(texts, `${JSON.stringify({ id: 'abc', article: 'Text.' })}\n`);
    expect(heldout4Section(labels, texts, evaluate)).toBe('scored');
    expect(calls).toEqual([true]);
  });

  it('GIVEN a held-out label file THEN per-article output is refused; GIVEN a tuning set THEN it is allowed', () => {
    expect(isHeldOut('bench/issues/heldout4.jsonl')).toBe(true);
    expect(isHeldOut('/x/bench/issues/heldout3.jsonl')).toBe(true);
    expect(isHeldOut('bench/issues/heldout6.jsonl')).toBe(true);
    expect(isHeldOut('bench/issues/heldout7.jsonl')).toBe(true);
    expect(isHeldOut('bench/issues/heldout8.jsonl')).toBe(true);
    expect(isHeldOut('bench/issues/heldout2.jsonl')).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'heldout4-'));
    const labels = join(dir, 'heldout4.jsonl');
    writeFileSync(labels, `${JSON.stringify({ id: 'abc', topics: [] })}\n`);
    const texts = join(dir, 'texts.jsonl');
    writeFileSync(texts, `${JSON.stringify({ id: 'abc', article: 'Text.' })}\n`);
    expect(() => evaluateIssues(texts, labels, { verbose: true })).toThrow(/held out/);
    expect(evaluateIssues(texts, labels, { totalsOnly: true })).toContain('1 labelled articles');
  });

  it('GIVEN BBC files THEN set 6 takes politics files ending in 5 only, at most 600 words, 9 issue-rich by stems and 3 least issue-laden', () => {
    const filler = (n: number): string => ' word'.repeat(n);
    const files = Array.from({ length: 60 }, (_, i) => ({ path: `data/bbc/politics/${String(i + 1).padStart(3, '0')}.txt`, text: `Title\n\nThe minister spoke.${filler(5)}` }));
    files[2] = { path: 'data/bbc/politics/003.txt', text: 'Rich\n\nThe minister, the court, the judge and the president agreed a deal in talks.' };
    files[14] = { path: 'data/bbc/politics/015.txt', text: `Long\n\nThe minister, the court, the judge and the president agreed a deal.${filler(650)}` };
    files[24] = { path: 'data/bbc/politics/025.txt', text: 'Rich\n\nThe minister urged a vote in parliament; the court heard the charge.' };
    files[34] = { path: 'data/bbc/politics/035.txt', text: 'Quiet\n\nA quiet day.' };
    files.push({ path: 'data/bbc/business/005.txt', text: 'Rich\n\nThe minister, the court, the judge and the president agreed a deal in talks.' });
    const chosen = selectBbc(files);
    const ids = chosen.map((c) => c.id);
    expect(ids.every((id) => /^data\/bbc\/politics\/\d\d5\.txt$/.test(id))).toBe(true);
    expect(ids).not.toContain('data/bbc/politics/015.txt');
    expect(chosen[0]).toMatchObject({ id: 'data/bbc/politics/025.txt', row: 25, kind: 'issue-rich' });
    // Five files remain after the long one: the rich one, the one-stem ones by path, the quiet one; none is left over.
    expect(chosen.filter((c) => c.kind === 'issue-rich').map((c) => c.id)).toEqual(['025', '005', '045', '055', '035'].map((n) => `data/bbc/politics/${n}.txt`));
    expect(chosen.filter((c) => c.kind === 'ordinary')).toEqual([]);
    expect(selectBbc(files, { folder: 'data/bbc/politics', lastDigit: '5', maxWords: 600, issueRich: 1, ordinary: 2 }).map((c) => c.id)).toEqual(
      ['025', '035', '005'].map((n) => `data/bbc/politics/${n}.txt`),
    );
    // Set 7 is the same rule over the files ending in 0.
    files[29] = { path: 'data/bbc/politics/030.txt', text: 'Rich\n\nThe minister urged a vote in parliament; the court heard the charge and the judge.' };
    const seven = selectBbc(files, HELDOUT7);
    expect(seven.every((c) => /^data\/bbc\/politics\/\d\d0\.txt$/.test(c.id))).toBe(true);
    expect(seven[0]).toMatchObject({ id: 'data/bbc/politics/030.txt', kind: 'issue-rich' });
    // Set 8 is set 7's rule over the files ending in 4.
    expect(HELDOUT8).toEqual({ ...HELDOUT7, lastDigit: '4' });
    files[33] = { path: 'data/bbc/politics/034.txt', text: 'Rich\n\nThe minister urged a vote in parliament; the court heard the charge and the judge.' };
    const eight = selectBbc(files, HELDOUT8);
    expect(eight.every((c) => /^data\/bbc\/politics\/\d\d4\.txt$/.test(c.id))).toBe(true);
    expect(eight[0]).toMatchObject({ id: 'data/bbc/politics/034.txt', kind: 'issue-rich' });
    expect(bbcSource('data/bbc/politics/005.txt')).toBe('DokahlSoZoor/DieNeueKrone@4abe2d2ac2eb677e40bc2d770b7484b9745d4094:data/bbc/politics/005.txt');
  });
});
