import { editDistance } from '../briefing/find-briefing.js';

/** The nearest tag the library has to one it lacks, if it is a typo away (two edits, more for long tags). */
function nearestTag(tag: string, known: readonly string[]): string | undefined {
  const budget = Math.max(2, Math.floor(tag.length / 4));
  let best: { tag: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(tag, k, budget);
    if (d <= budget && (!best || d < best.d || (d === best.d && k < best.tag))) best = { tag: k, d };
  }
  return best?.tag;
}

/**
 * What a moderator should know about a digest's tags that no briefing carries: a digest of
 * `#asai` is saved as asked, but would stay empty for ever if it is a typo of `#asia`. Undefined
 * when every tag is on some briefing (or there are none). `known` are the library's tags.
 */
export function unmatchedTagsNote(wanted: readonly string[], known: Iterable<string>): string | undefined {
  const have = new Set([...known].map((t) => t.toLowerCase()));
  const missing = wanted.filter((t) => !have.has(t.toLowerCase()));
  if (missing.length === 0) return undefined;
  const sorted = [...have].sort();
  const named = missing.map((t) => {
    const near = nearestTag(t.toLowerCase(), sorted);
    return near ? `#${t} (did you mean #${near}?)` : `#${t}`;
  });
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
  const empty = missing.length === wanted.length ? ' Until one is, this digest has nothing to post.' : '';
  return `No briefing is tagged ${list} yet.${empty}`;
}
