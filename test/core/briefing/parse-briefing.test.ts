import { describe, expect, it } from 'vitest';
import { parseBriefing, serializeBriefing } from '../../../src/core/briefing/parse-briefing.js';

const good = `---
title: Talks resume
source: Example News
published: 2024-05-01
tags: [Diplomacy, water]
participants:
  - name: Samir Haddad
    side: Alvania
    aliases: [Haddad]
---

Negotiators met on Monday.
`;

function problemsOf(text: string | Uint8Array, fileName = 'story.md', maxBodyBytes?: number) {
  const r = parseBriefing(text, { fileName, ...(maxBodyBytes !== undefined && { maxBodyBytes }) });
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('parseBriefing', () => {
  it.each(['2026-02-30', '2025-02-29', '2026-04-31', '2026-02-30T10:00:00Z'])('GIVEN a published date no calendar has (%s) THEN it is refused, not read as a day of the next month', (date) => {
    const problems = problemsOf(`---\ntitle: Talks\npublished: ${date}\n---\nText`);
    expect(problems.map((p) => p.field)).toEqual(['published']);
    expect(problems[0]?.message).toMatch(/no such day/);
  });

  it.each(['2024-02-29', '2026-12-31', '2026-04-30T23:59:59+09:00'])('GIVEN a real date (%s) THEN it is kept as written', (date) => {
    const r = parseBriefing(`---\ntitle: Talks\npublished: ${date}\n---\nText`, { fileName: 'talks.md' });
    expect(r.ok && r.briefing.published).toBe(date);
  });

  it('GIVEN a valid file THEN the slug defaults to the file name and tags are lowercased', () => {
    const r = parseBriefing(good, { fileName: 'river-talks.md' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.briefing.slug).toBe('river-talks');
    expect(r.briefing.tags).toEqual(['diplomacy', 'water']);
    expect(r.briefing.participants[0]).toEqual({ name: 'Samir Haddad', side: 'Alvania', aliases: ['Haddad'] });
    expect(r.briefing.body).toBe('Negotiators met on Monday.');
  });

  it('GIVEN a title, tag or name with tabs, line breaks or runs of spaces THEN each is one line with single spaces, as chat shows titles', () => {
    const r = parseBriefing('---\ntitle: "Tabs\\tand  spaces"\ntags: ["north\\tkorea"]\nsource: |\n  Two\n  lines\n---\nText', { fileName: 'x.md' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.briefing.title).toBe('Tabs and spaces');
    expect(r.briefing.tags).toEqual(['north korea']);
    expect(r.briefing.source).toBe('Two lines');
  });

  it('GIVEN a tag of only invisible characters (a zero-width space, a Hangul filler) THEN it is refused naming them; a zero-width space inside a tag is dropped', () => {
    for (const [tag, shown] of [['\u200b', 'U+200B'], ['\u3164', 'U+3164'], ['\u200b\u2060', 'U+200B U+2060']] as const) {
      const problems = problemsOf(`---\ntitle: T\ntags: [korea, "${tag}"]\n---\nText`);
      expect(problems, shown).toContainEqual(expect.objectContaining({ field: 'tags[1]', message: expect.stringContaining(`only invisible characters (this one is ${shown})`) }));
    }
    const r = parseBriefing('---\ntitle: T\ntags: ["ko\u200brea"]\n---\nText', { fileName: 'x.md' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.briefing.tags).toEqual(['korea']);
  });

  it('GIVEN a tag with a comma THEN it is refused, since forms and digest filters separate tags by commas (an edit form would split it in two)', () => {
    const problems = problemsOf('---\ntitle: T\ntags: ["north korea", "trade,tariffs"]\n---\nText');
    expect(problems).toContainEqual(expect.objectContaining({ field: 'tags[1]', message: expect.stringMatching(/a tag cannot contain a comma/) }));
  });

  it('GIVEN no title THEN the problem names the file and the field', () => {
    const problems = problemsOf('---\nsource: X\n---\nText');
    expect(problems).toContainEqual(expect.objectContaining({ file: 'story.md', field: 'title' }));
  });

  it('GIVEN several bad fields THEN every problem is reported at once', () => {
    const problems = problemsOf('---\ntitle: ""\ntags: nope\nurl: ftp://x\npublished: yesterday\nsubtitle: x\n---\nText');
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'tags', 'url', 'published', 'front-matter']));
    expect(problems.find((p) => p.message.includes('unknown field'))?.message).toContain('subtitle');
  });

  it('GIVEN a participant without a name THEN the path points into the list', () => {
    const problems = problemsOf('---\ntitle: T\nparticipants:\n  - name: A\n  - role: Minister\n---\nText');
    expect(problems.map((p) => p.field)).toContain('participants[1].name');
  });

  it('GIVEN a bad slug in the file name THEN the editor is told to rename or set slug', () => {
    const problems = problemsOf('---\ntitle: T\n---\nText', 'My Story.md');
    expect(problems[0]?.field).toBe('slug');
    expect(problems[0]?.message).toMatch(/rename the file or set slug/);
  });

  it.each(['../../etc/passwd', 'CON', 'con', 'Korea', 'a--b', 'x'.repeat(65), 'kоrea'])('GIVEN slug %j THEN it is refused', (slug) => {
    const problems = problemsOf(`---\ntitle: T\nslug: ${JSON.stringify(slug)}\n---\nText`);
    expect(problems.map((p) => p.field)).toContain('slug');
  });

  it('GIVEN an empty body or an oversized one THEN the body is refused with the limit named', () => {
    expect(problemsOf('---\ntitle: T\n---\n   \n')[0]).toMatchObject({ field: 'body' });
    const big = problemsOf(`---\ntitle: T\n---\n${'word '.repeat(1000)}`, 'x.md', 1024);
    expect(big[0]?.message).toMatch(/limit is 1 KB/);
  });

  it('GIVEN invalid UTF-8 or binary THEN the file is refused, not garbled', () => {
    expect(problemsOf(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]))[0]?.message).toMatch(/UTF-8/);
    expect(problemsOf('---\ntitle: T\n---\nab\u0000cd')[0]?.message).toMatch(/binary/);
  });

  it('GIVEN a YAML alias bomb, a custom tag or a __proto__ key THEN front-matter is refused', () => {
    const bomb = `---\ntitle: T\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\nText`;
    expect(problemsOf(bomb).length).toBeGreaterThan(0);
    expect(problemsOf('---\ntitle: !!js/function "x"\n---\nText')[0]?.message).toMatch(/tag/);
    expect(problemsOf('---\ntitle: T\n__proto__: {x: 1}\n---\nText').map((p) => p.field)).toContain('__proto__');
  });

  it('GIVEN no front-matter THEN the editor is told what is expected', () => {
    expect(problemsOf('Just a story.')[0]?.message).toMatch(/front-matter/);
  });

  it('GIVEN zero-width characters in a title THEN they are removed', () => {
    const r = parseBriefing('---\ntitle: "Ta\u200Blks"\n---\nText', { fileName: 'a.md' });
    expect(r.ok && r.briefing.title).toBe('Talks');
  });

  it('GIVEN a parsed briefing THEN serializing and parsing again gives the same briefing', () => {
    const r = parseBriefing(good, { fileName: 'river-talks.md' });
    if (!r.ok) throw new Error('bad fixture');
    const again = parseBriefing(serializeBriefing(r.briefing));
    expect(again).toEqual({ ok: true, briefing: r.briefing });
  });
});
