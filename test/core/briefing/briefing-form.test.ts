import { describe, expect, it } from 'vitest';
import { briefingFromForm, parseSubmission, submissionError } from '../../../src/core/briefing/briefing-form.js';

const enc = (s: string) => new TextEncoder().encode(s);
const opts = { maxBodyBytes: 1000 };

describe('briefingFromForm', () => {
  it('GIVEN a title, comma-separated tags and text THEN the slug comes from the title and the tags are split', () => {
    const r = briefingFromForm({ title: 'Fishing talks stall', tags: '#Fishing, EU waters', text: 'Talks stalled.' }, opts);
    expect(r.ok && r.briefing).toEqual({ slug: 'fishing-talks-stall', title: 'Fishing talks stall', tags: ['fishing', 'eu waters'], participants: [], body: 'Talks stalled.' });
  });

  it('GIVEN text that looks like front-matter THEN it stays in the body and cannot set fields', () => {
    const r = briefingFromForm({ title: 'T', text: '---\ntitle: Injected\nslug: other\n---\nBody.' }, opts);
    expect(r.ok && r.briefing.title).toBe('T');
    expect(r.ok && r.briefing.slug).toBe('t');
    expect(r.ok && r.briefing.body).toContain('title: Injected');
  });

  it('GIVEN a missing title, a bad slug, an empty or oversized body THEN each is a problem naming its field', () => {
    const fields = (form: Parameters<typeof briefingFromForm>[0]) => {
      const r = briefingFromForm(form, opts);
      return r.ok ? [] : r.problems.map((p) => p.field);
    };
    expect(fields({ title: '  ', text: 'Body.' })).toContain('title');
    expect(fields({ title: 'T', slug: 'Bad Slug!', text: 'Body.' })).toContain('slug');
    expect(fields({ title: 'T', text: ' \n ' })).toContain('body');
    expect(fields({ title: 'T', text: 'é'.repeat(600) })).toContain('body');
    expect(fields({ title: 'Two\nlines', text: 'Body.' })).toContain('title');
  });

  it.each(['東京サミット開幕', '🎉🎉🎉', 'Встреча в Москве'])('GIVEN the title %s, which gives no slug, and no slug THEN the problem says so and how to give one', (title) => {
    const r = briefingFromForm({ title, text: 'Body.' }, opts);
    expect(r.ok).toBe(false);
    const problem = r.ok ? undefined : r.problems.find((p) => p.field === 'slug');
    expect(problem?.message).toBe(`the title "${title}" has no letters a-z or digits to make a slug from; give a slug (lowercase a-z, 0-9 and hyphens), in the form's Slug field or a .md file's slug: line`);
  });

  it('GIVEN an edit slug THEN a form naming another slug is refused', () => {
    const r = briefingFromForm({ title: 'T', slug: 'other', text: 'Body.' }, { ...opts, slug: 'mine' });
    expect(r.ok).toBe(false);
    expect(briefingFromForm({ title: 'T', text: 'Body.' }, { ...opts, slug: 'mine' })).toMatchObject({ ok: true, briefing: { slug: 'mine' } });
  });
});

describe('parseSubmission', () => {
  it('GIVEN a .txt file of one line THEN the refusal says that line became the title and the text must follow it', () => {
    const r = parseSubmission({ name: 'x.txt', content: enc('  \n\nThe port reopened on Sunday after the storm.\n') }, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join('; ')).toMatch(/first line is the title \("The port reopened on Sunday after the storm\."\), and the text follows it/);
  });

  it('GIVEN a .txt file THEN the first line is the title (a Markdown heading mark dropped) and the rest the body', () => {
    const r = parseSubmission({ name: 'x.txt', content: enc('\n# Port reopens after storm\n\nShips sailed again.\nSecond line.') }, opts);
    expect(r.ok && r.briefing).toMatchObject({ slug: 'port-reopens-after-storm', title: 'Port reopens after storm', body: 'Ships sailed again.\nSecond line.' });
  });

  it('GIVEN a .md file without a slug THEN the slug comes from the file name, made valid', () => {
    const r = parseSubmission({ name: 'uploads/Port Storm.md', content: enc('---\ntitle: Port\n---\nBody.') }, opts);
    expect(r.ok && r.briefing.slug).toBe('port-storm');
  });

  it('GIVEN a file far over the limit THEN it is refused as too large before decoding', () => {
    const r = parseSubmission({ name: 'big.md', content: new Uint8Array(10 * 1024 * 1024) }, opts);
    expect(r.ok).toBe(false);
    expect(!r.ok && submissionError(r.problems).code).toBe('TOO_LARGE');
  });

  it('GIVEN problems of several kinds THEN the error is INVALID_BRIEFING and lists each field', () => {
    const r = parseSubmission({ name: 'x.md', content: enc('---\ntitle: ""\nurl: nope\n---\n') }, opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const error = submissionError(r.problems);
    expect(error.code).toBe('INVALID_BRIEFING');
    expect(error.userMessage).toMatch(/• title/);
    expect(error.userMessage).toMatch(/• url/);
    expect(error.userMessage).toMatch(/• body/);
  });
});
