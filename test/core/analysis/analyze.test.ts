import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysisCacheKey, analyze, ENGINE_VERSION } from '../../../src/core/analysis/analyze.js';
import { readableSentence } from '../../../src/core/analysis/clean-text.js';
import type { Participant } from '../../../src/core/briefing/briefing.js';

const seed = readFileSync(new URL('../../fixtures/korea-japan.txt', import.meta.url), 'utf8');
const ministers: Participant[] = [
  { name: 'Kang Kyung-wha', role: 'Foreign Minister', side: 'South Korea', aliases: ['Kang'] },
  { name: 'Taro Kono', role: 'Foreign Minister', side: 'Japan', aliases: ['Kono'] },
];

describe('analyze', () => {
  const analysis = analyze({ text: seed, title: 'S. Korea-Japan foreign ministers hold talks', participants: ministers });

  it('GIVEN the Korea-Japan briefing THEN both statements are key quotes from the right ministers, in their sentences', () => {
    expect(analysis.quotes.map((q) => [q.speaker, q.key])).toEqual([
      ['Kang Kyung-wha', true],
      ['Taro Kono', true],
    ]);
    for (const q of analysis.quotes) expect(analysis.sentences[q.sentence]!.text).toContain(q.text.slice(0, 30));
  });

  it('GIVEN the briefing THEN the summary, issues, entities and keywords are filled and consistent', () => {
    expect(analysis.engineVersion).toBe(ENGINE_VERSION);
    expect(analysis.summary).toEqual(analysis.summaryIndices.map((i) => readableSentence(analysis.sentences[i]!.text)));
    expect(analysis.tldr.length).toBeGreaterThan(0);
    expect(analysis.issues.map((i) => i.topic).join(' | ')).toMatch(/fishing quotas/);
    for (const issue of analysis.issues) for (const s of issue.sentences) expect(s).toBeLessThan(analysis.sentences.length);
    expect(analysis.entities.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Kang Kyung-wha', 'Taro Kono']));
    expect(analysis.entities.places).toEqual(expect.arrayContaining(['South Korea', 'Japan', 'North Korea']));
    expect(analysis.keywords.length).toBeGreaterThan(0);
  });

  it('GIVEN the unclosed opening mark THEN the first line does not swallow the story', () => {
    expect(analysis.quotes.every((q) => !q.text.includes("That's how"))).toBe(true);
  });

  it('GIVEN the same input twice THEN the analysis and its cache key are identical; other options or participants change the key', () => {
    const again = analyze({ text: seed, title: 'S. Korea-Japan foreign ministers hold talks', participants: ministers });
    expect(JSON.stringify(again)).toBe(JSON.stringify(analysis));
    const key = analysisCacheKey({ text: seed, participants: ministers });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(analysisCacheKey({ text: seed, participants: ministers })).toBe(key);
    expect(analysisCacheKey({ text: seed, participants: ministers }, { keyQuotes: 1 })).not.toBe(key);
    expect(analysisCacheKey({ text: seed })).not.toBe(key);
    expect(analysisCacheKey({ text: `${seed} ` , participants: ministers })).not.toBe(key);
  });

  it('GIVEN no participants THEN the transcript quotes go to the ministers the story itself sides ("asked for Japan\'s cooperation"), with less confidence than an editor\'s participants give', () => {
    const bare = analyze({ text: seed });
    expect(bare.quotes.map((q) => [q.speaker, q.cue, q.confidence])).toEqual([
      ['Kang', 'side-reasoning', 0.5],
      ['Kono', 'side-reasoning', 0.5],
    ]);
  });

  it('GIVEN an empty text THEN it returns an empty analysis instead of failing', () => {
    const empty = analyze({ text: '' });
    expect(empty.sentences).toEqual([]);
    expect(empty.quotes).toEqual([]);
    expect(empty.issues).toEqual([]);
  });

  it('GIVEN keyQuotes 1 THEN exactly one quote is key', () => {
    expect(analyze({ text: seed, participants: ministers }, { keyQuotes: 1 }).quotes.filter((q) => q.key)).toHaveLength(1);
  });
});

describe('analyze: what the card shows', () => {
  it("GIVEN the transcript's ',...' pauses THEN no summary sentence or TL;DR shows them", () => {
    const analysis = analyze({ text: seed, title: 'S. Korea-Japan foreign ministers hold talks', participants: ministers });
    expect(analysis.sentences.some((s) => s.text.includes(',...'))).toBe(true);
    for (const line of [...analysis.summary, analysis.tldr]) expect(line).not.toMatch(/,\s*\.\.\./);
  });
});
