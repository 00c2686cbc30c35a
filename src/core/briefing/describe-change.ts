import type { Briefing } from './briefing.js';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Characters inserted and removed between two texts, outside their common start and end. */
export function textDelta(before: string, after: string): { added: number; removed: number } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { added: after.length - start - end, removed: before.length - start - end };
}

/**
 * What changed between two versions of a briefing, for people reading the history:
 * "title changed; tags changed; body +120/-30 characters". `before` undefined means created.
 */
export function describeChange(before: Briefing | undefined, after: Briefing): string {
  if (!before) return `created: "${after.title}", ${after.body.length} characters`;
  const parts: string[] = [];
  if (before.title !== after.title) parts.push(`title "${before.title}" → "${after.title}"`);
  if (!sameList(before.tags, after.tags)) parts.push('tags changed');
  if ((before.source ?? '') !== (after.source ?? '')) parts.push('source changed');
  if ((before.url ?? '') !== (after.url ?? '')) parts.push('url changed');
  if ((before.published ?? '') !== (after.published ?? '')) parts.push('published date changed');
  if (JSON.stringify(before.participants) !== JSON.stringify(after.participants)) parts.push('participants changed');
  if (before.body !== after.body) {
    const { added, removed } = textDelta(before.body, after.body);
    parts.push(`body +${added}/-${removed} characters`);
  }
  return parts.length ? parts.join('; ') : 'no change to the text';
}

/** True when two briefings read the same everywhere a person would look. */
export function sameBriefing(a: Briefing, b: Briefing): boolean {
  return describeChange(a, b) === 'no change to the text' && a.slug === b.slug;
}
