import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCommit, parseSourceRef, readSourceArticle, readSourceText, splitHeadline } from '../../bench/git-texts.js';
import { outsideSetMissing } from '../../bench/quality.js';
import { evaluateIssues } from '../../bench/issue-eval.js';
import { evaluateQuotes } from '../../bench/quote-eval.js';

const ARTICLE = [
  'The mayor spoke on Tuesday.',
  '"We will rebuild the bridge before the winter comes," said Mayor Jane Holloway.',
  'Residents were not convinced.',
].join('\n\n');

let dir: string;
let commit: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'git-texts-'));
  git('init', '-q');
  writeFileSync(join(dir, 'story.txt'), ARTICLE);
  writeFileSync(join(dir, 'bbc.txt'), `Mayor vows to rebuild bridge\n\n${ARTICLE}`);
  git('add', 'story.txt', 'bbc.txt');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'story');
  commit = git('rev-parse', 'HEAD');
  // Changed after the commit: the reader must return the committed text, not the work tree's.
  writeFileSync(join(dir, 'story.txt'), 'edited');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function labels(lines: readonly object[]): string {
  const path = join(dir, `labels-${lines.length}.jsonl`);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

describe('bench/git-texts', () => {
  it('GIVEN a source reference THEN it splits into repository, commit and path, and rejects other strings', () => {
    expect(parseSourceRef('codelucas/newspaper@1618b547f31c2d1fd19ae3b6afd8f7542dd02074:tests/data/text/nj.com1.txt')).toEqual({
      repo: 'codelucas/newspaper',
      commit: '1618b547f31c2d1fd19ae3b6afd8f7542dd02074',
      path: 'tests/data/text/nj.com1.txt',
    });
    expect(parseSourceRef('tests/data/text/nj.com1.txt')).toBeUndefined();
    expect(parseSourceRef('a/b@main:x.txt')).toBeUndefined();
  });

  it('GIVEN a clone holding the commit THEN the text is read as committed; an absent path or commit gives undefined', () => {
    expect(readSourceText(dir, `me/stories@${commit}:story.txt`)).toBe(ARTICLE);
    expect(readSourceText(dir, `me/stories@${commit}:missing.txt`)).toBeUndefined();
    expect(hasCommit(dir, commit)).toBe(true);
    expect(hasCommit(dir, 'f'.repeat(40))).toBe(false);
    expect(hasCommit(join(dir, 'not-a-repo'), commit)).toBe(false);
  });

  it('GIVEN a BBC News file (headline, blank line, body) THEN the headline becomes the title and only the body is analysed', () => {
    expect(splitHeadline("Blair backs 'pre-election budget'\n\nTony Blair has backed the report.\n\nMore.")).toEqual({
      title: "Blair backs 'pre-election budget'",
      text: 'Tony Blair has backed the report.\n\nMore.',
    });
    expect(splitHeadline('One paragraph, no headline.')).toEqual({ text: 'One paragraph, no headline.' });
    // Only the repositories known to keep a headline line are split; other sources are read whole.
    expect(readSourceArticle(dir, `me/stories@${commit}:story.txt`)).toEqual({ text: ARTICLE });
    expect(readSourceArticle(dir, `DokahlSoZoor/DieNeueKrone@${commit}:story.txt`)).toEqual({
      title: 'The mayor spoke on Tuesday.',
      text: ARTICLE.slice(ARTICLE.indexOf('\n\n') + 2),
    });
  });

  it('GIVEN no clone or one without the commit THEN the outside set is skipped with how to get it; GIVEN the clone THEN it runs', () => {
    const path = labels([{ id: 'story.txt', source: `me/stories@${commit}:story.txt`, quotes: [] }]);
    expect(outsideSetMissing(path, undefined)).toMatch(/^skipped: .*git clone https:\/\/github.com\/me\/stories .*--newspaper-git/);
    expect(outsideSetMissing(path, undefined, '--bbc-git')).toMatch(/pass --bbc-git <its path>/);
    expect(outsideSetMissing(path, tmpdir())).toMatch(/^skipped: .* is not a clone holding commit/);
    expect(outsideSetMissing(path, dir)).toBeUndefined();
  });

  it('GIVEN labels with sources and --texts-from-git THEN quotes are scored on the committed texts, totals only', async () => {
    const path = labels([
      { id: 'story.txt', source: `me/stories@${commit}:story.txt`, quotes: [{ text: 'We will rebuild the bridge before the winter comes', speaker: 'Jane Holloway' }] },
      { id: 'gone.txt', source: `me/stories@${commit}:gone.txt`, quotes: [{ text: 'never read', speaker: null }] },
    ]);
    const table = await evaluateQuotes(undefined, path, undefined, dir);
    expect(table).toContain('Quotes: 1 labelled articles, 1 gold quotes');
    expect(table).toContain('1 labelled ids not in the clone');
    expect(table).toMatch(/\| briefbot \(extract \+ attribute\)\s+\| 100\.0 \| 100\.0 \| 100\.0 \|/);
    expect(table).not.toContain('story.txt');
  });

  it('GIVEN issue labels with sources and --texts-from-git THEN issues are scored on the committed body, its title apart', () => {
    const topic = { label: 'rebuilding the bridge', keywords: ['bridge'], evidence: ['We will rebuild the bridge before the winter comes'], stance: 'statement', positions: [] };
    const path = labels([
      { id: 'bbc-1', source: `me/stories@${commit}:bbc.txt`, topics: [topic] },
      { id: 'gone', source: `me/stories@${commit}:gone.txt`, topics: [topic] },
    ]);
    const table = evaluateIssues(undefined, path, { totalsOnly: true, textsFromGit: dir });
    expect(table).toContain('Issue breakdown: 1 labelled articles, 1 gold topics');
    expect(table).toContain('1 labelled ids not in the clone');
    // Every evidence fragment is found in the body's sentences, none in a title run into the first sentence.
    expect(table).not.toContain('not found');
  });
});
