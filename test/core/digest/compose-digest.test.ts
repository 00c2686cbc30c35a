import { describe, expect, it } from 'vitest';
import { composeDigest, type DigestItem, selectDigestItems } from '../../../src/core/digest/compose-digest.js';
import { parseChannelMention, parseDays, parseTimeZone, suggestTimeZones } from '../../../src/core/digest/schedule-input.js';
import { documentText } from '../../../src/core/render/document.js';
import { isBriefbotError } from '../../../src/core/errors.js';

const item = (slug: string, updated: string, tags: string[] = []): DigestItem & { updatedAt: Date } => ({
  briefing: { slug, title: `T ${slug}`, tags, participants: [], body: 'x' },
  updatedAt: new Date(updated),
  tldr: `tldr ${slug}`,
  topQuote: { text: `quote ${slug}`, speaker: `Speaker ${slug}` },
});
const opts = { style: 'full' as const, noteWhenEmpty: false, timeZone: 'Asia/Seoul', at: new Date('2026-06-01T23:00:00Z'), tags: [] };

describe('selectDigestItems', () => {
  it('GIVEN briefings inside and outside the window and tags THEN only changed, matching ones come back, newest first', () => {
    const all = [item('old', '2026-05-01T00:00:00Z', ['asia']), item('a', '2026-06-01T01:00:00Z', ['asia']), item('b', '2026-06-01T05:00:00Z', ['Asia']), item('c', '2026-06-01T06:00:00Z', ['sport'])];
    const picked = selectDigestItems(all, { since: new Date('2026-05-31T23:00:00Z'), until: new Date('2026-06-01T23:00:00Z'), tags: ['asia'] });
    expect(picked.map((i) => i.briefing.slug)).toEqual(['b', 'a']);
  });
});

describe('composeDigest', () => {
  it('GIVEN full style THEN each briefing shows title, TL;DR, top quote with speaker and the command that opens it', () => {
    const doc = composeDigest([item('a', '2026-06-01T01:00:00Z')], opts);
    const text = documentText(doc!);
    expect(text).toContain('T a');
    expect(text).toContain('tldr a');
    expect(text).toContain('quote a — Speaker a');
    expect(text).toContain('/briefing a');
    expect(doc!.visibility).toBe('public');
    expect(doc!.title).toBe('Digest · Tue 2 Jun 2026');
  });

  it('GIVEN nothing new THEN there is nothing to post, unless a note was asked for', () => {
    expect(composeDigest([], opts)).toBeNull();
    expect(documentText(composeDigest([], { ...opts, noteWhenEmpty: true })!)).toMatch(/No new briefings/);
  });

  it('GIVEN hundreds more briefings than a digest shows (a library imported at once) THEN the line naming the rest stays short: twenty of them, and how many others, with where to find them', () => {
    const many = Array.from({ length: 400 }, (_, i) => item(`story-number-${i}-about-the-harbour-ferry`, '2026-06-01T01:00:00Z'));
    const text = documentText(composeDigest(many, { ...opts, style: 'compact' })!);
    const rest = text.split('\n').find((l) => l.startsWith('And 375 more')) ?? '';
    expect(rest).toMatch(/^And 375 more: story-number-25-about-the-harbour-ferry, .*story-number-44-about-the-harbour-ferry and 355 others \(\/briefing list shows them all, newest first\)\.$/);
    expect(rest).not.toContain('story-number-45-');
    expect(rest.length).toBeLessThan(1000);
  });

  it('GIVEN more briefings than a digest shows THEN the rest are named in one line and buttons stay within five', () => {
    const many = Array.from({ length: 30 }, (_, i) => item(`s${i}`, '2026-06-01T01:00:00Z'));
    const doc = composeDigest(many, opts)!;
    expect(doc.sections.filter((s) => s.title)).toHaveLength(10);
    expect(documentText(doc)).toMatch(/And 20 more: s10, s11/);
    expect(doc.actions.length).toBeLessThanOrEqual(5);
  });
});

describe('schedule input', () => {
  it('GIVEN zone spellings THEN case is forgiven and typos get suggestions', () => {
    expect(parseTimeZone('europe/london')).toBe('Europe/London');
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(suggestTimeZones('Asia/Seol')[0]).toBe('Asia/Seoul');
    expect(suggestTimeZones('Amerca/New_York')[0]).toBe('America/New_York');
    try {
      parseTimeZone('Mars/Olympus');
      expect.unreachable();
    } catch (e) {
      expect(isBriefbotError(e) && e.code).toBe('BAD_TIME_ZONE');
    }
  });

  it.each([
    ['EST', /^EST is an abbreviation, not a time zone: .*America\/New_York/],
    ['pdt', /^pdt is an abbreviation, not a time zone: .*America\/Los_Angeles/],
    ['KST', /Asia\/Seoul/],
    ['+09:00', /^\+09:00 is an offset, not a time zone: .*Asia\/Tokyo/],
    ['UTC-5', /^UTC-5 is an offset, not a time zone: .*America\/New_York/],
    ['GMT+5:30', /Asia\/(Kolkata|Calcutta)/],
  ])('GIVEN %s, an abbreviation or an offset THEN the refusal says so and names zones that fit, not a zone far away', (typed, message) => {
    try {
      parseTimeZone(typed);
      expect.unreachable();
    } catch (e) {
      expect(isBriefbotError(e) && e.code).toBe('BAD_TIME_ZONE');
      expect(isBriefbotError(e) && e.userMessage).toMatch(message);
      expect(isBriefbotError(e) && e.userMessage).not.toMatch(/did you mean GMT/);
    }
  });

  it('GIVEN day lists THEN names, plurals and shortcuts map to weekday numbers, and nonsense is refused', () => {
    expect(parseDays('weekdays')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseDays('Sundays, tues')).toEqual([0, 2]);
    expect(() => parseDays('funday')).toThrow(/not a day/);
  });

  it('GIVEN channel mentions from each platform THEN the id is read', () => {
    expect(parseChannelMention('<#123456789012345678>')).toBe('123456789012345678');
    expect(parseChannelMention('<#C0123ABC|general>')).toBe('C0123ABC');
    expect(parseChannelMention('#C0123ABC')).toBe('C0123ABC');
    expect(parseChannelMention('not a channel')).toBeUndefined();
    expect(parseChannelMention('wed')).toBeUndefined();
    expect(parseChannelMention('#news')).toBe('news');
    expect(parseChannelMention('shell')).toBe('shell');
  });
});
