import type { Participant } from '../briefing/briefing.js';
import { quoteHolding, type QuoteSpan } from './extract-quotes.js';
import { partyMentions } from './gazetteer.js';
import type { Mention, NameIndex } from './mentions.js';

/**
 * The participants a two-sided story implies when the editor named none: a TV package on talks between two countries
 * often runs its soundbites with no speaker verb ("'I hope to work with Minister Kono ...'"), so the reasoning by sides
 * needs to know who speaks for which side. The story says it in ways that hold for news in general:
 *
 * - **the two sides**: two parties joined by "and" or a hyphen and named as the ones meeting: "the foreign ministers of
 *   South Korea and Japan", "India-Pakistan talks", "the leaders of France and Germany"; the pair named most often, and
 *   none when two pairs are named equally often;
 * - **each person's side**, for the people named at least twice outside quotes: a side named right before their title
 *   or name ("South Korea's Foreign Minister Kang", "Japanese minister Taro Kono"), or else the side left when they ask,
 *   urge or call on the other ("Kang ... asked for Japan's cooperation", "Kono also asked Seoul to ..."): one does not
 *   ask one's own side.
 *
 * Returns participants only when two or more people get a side and both sides are taken; otherwise none, and unknown
 * stays unknown. Linear in the text: one pass over its party names, one look around each person's mention.
 */
export function impliedParticipants(text: string, quotes: readonly QuoteSpan[], mentions: readonly Mention[], names: NameIndex): Participant[] {
  const inQuote = (at: number): boolean => quoteHolding(quotes, at) !== undefined;
  // People named outside quotes, and how often: a sentence-initial "Swaraj and Qureshi agreed" counts, whatever kind the
  // mention finder gave the first word. Fewer than two people named twice imply nothing, and the party names are not read.
  const byName = new Map<string, Mention[]>();
  for (const m of mentions) if (m.kind === 'person' && !inQuote(m.start)) byName.set(names.canonical(m.name, m.start), []);
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (inQuote(m.start)) continue;
    const name = names.canonical(m.name, m.start);
    const list = byName.get(name);
    if (list === undefined) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    list.push(m);
  }
  let namedTwice = 0;
  for (const n of counts.values()) if (n >= 2) namedTwice++;
  if (namedTwice < 2) return [];

  const parties = partyMentions(text).filter((p) => !inQuote(p.start));
  const sides = twoSides(text, parties);
  if (sides === null) return [];
  const personStarts = mentions.filter((m) => m.kind === 'person').map((m) => m.start);
  const out: Participant[] = [];
  for (const [name, list] of byName) {
    if ((counts.get(name) ?? 0) < 2) continue;
    const side = sideOf(text, list, parties, sides, personStarts);
    if (side !== null) out.push({ name, side, aliases: [] });
  }
  const taken = new Set(out.map((p) => p.side));
  return taken.size === 2 ? out : [];
}

type PartyMention = ReturnType<typeof partyMentions>[number];

/** What joins the two sides' names: " and ", a hyphen or a dash ("Korea-Japan", "US–China"). */
const PAIR_JOIN_RE = /^(?: and |-|–|—)$/;
/** The people or the event of two sides, before their names: "the foreign ministers of", "top diplomats from". */
const PAIR_BEFORE_RE = /\b(?:ministers|leaders|diplomats|presidents|premiers|envoys|officials|delegations|negotiators|counterparts|sides|heads of state|heads of government)\s+(?:of|from)\s+(?:the\s+)?$/i;
/** ... or after them: "South Korea-Japan foreign ministers", "India-Pakistan talks", "France and Germany's leaders". */
const PAIR_AFTER_RE = /^(?:['’]s)?\s+(?:(?:foreign|prime|trade|defen[cs]e|finance|top)\s+)?(?:ministers|leaders|diplomats|talks|summit|summits|negotiations|negotiators|envoys|officials|meeting|relations|ties)\b/i;

/**
 * The pair of parties the story names as meeting most often, or null when it names none or two pairs equally often
 * ("the U.S.-Japan summit" once in a story of Korea-Japan talks named four times leaves Korea and Japan).
 */
function twoSides(text: string, parties: readonly PartyMention[]): readonly [string, string] | null {
  const counts = new Map<string, { pair: [string, string]; n: number }>();
  for (let i = 0; i + 1 < parties.length; i++) {
    const a = parties[i]!;
    const b = parties[i + 1]!;
    if (a.party === b.party || b.start - a.end > 5 || !PAIR_JOIN_RE.test(text.slice(a.end, b.start))) continue;
    const named = PAIR_BEFORE_RE.test(text.slice(Math.max(0, a.start - 50), a.start)) || PAIR_AFTER_RE.test(text.slice(b.end, b.end + 40));
    if (!named) continue;
    const pair: [string, string] = a.party < b.party ? [a.party, b.party] : [b.party, a.party];
    const key = pair.join('\u0000');
    const entry = counts.get(key) ?? { pair, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  const ranked = [...counts.values()].sort((x, y) => y.n - x.n);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1]!.n === ranked[0]!.n)) return null;
  return ranked[0]!.pair;
}

/** Title words between a side and the name it is given to: "'s Foreign Minister ", " minister ". */
const SIDE_BEFORE_NAME_RE = /^(?:['’]s)?\s+(?:(?:\p{L}+\s+){0,3})$/u;
/** A verb by which a person asks something of someone: one does not ask it of one's own side. */
const ASKS_RE = /\b(?:asked|asks|urged|urges|called on|calls on|pressed|presses|requested|requests|demanded|demands)\b/;
/** How far after a person's mention their asking verb, and after it the side asked, are looked for. */
const ASK_REACH = 160;
const ASKED_REACH = 100;

/**
 * The side a person's mentions give them, or null: a side named right before a mention wins; else the other side, when
 * every side they are seen asking something of is one of the two and they ask of only one.
 */
function sideOf(
  text: string,
  list: readonly Mention[],
  parties: readonly PartyMention[],
  sides: readonly [string, string],
  personStarts: readonly number[],
): string | null {
  const asked = new Set<string>();
  for (const m of list) {
    const before = parties[lastIndexBefore(parties, (p) => p.end, m.start + 1)];
    if (before !== undefined && before.end >= m.start - (m.role?.length ?? 0) - 40 && sides.includes(before.party) && SIDE_BEFORE_NAME_RE.test(text.slice(before.end, m.start))) {
      return before.party;
    }
    // The person's own clause, to the sentence's end (a transcript's ",..." goes on) and before any other person is named.
    const span = text.slice(m.end, Math.min(text.length, m.end + ASK_REACH));
    const stop = span.search(CLAUSE_END_RE);
    let clause = stop >= 0 ? span.slice(0, stop) : span;
    const next = personStarts[lastIndexBefore(personStarts, (x) => x, m.end) + 1];
    if (next !== undefined && next < m.end + clause.length) clause = clause.slice(0, next - m.end);
    const v = ASKS_RE.exec(clause);
    if (v === null) continue;
    // The first side named after the verb is the one asked: "asked Seoul to deliver ... the Japanese government's hopes".
    const from = m.end + v.index + v[0].length;
    const first = parties[lastIndexBefore(parties, (p) => p.start, from) + 1];
    if (first !== undefined && first.end <= Math.min(m.end + clause.length, from + ASKED_REACH) && sides.includes(first.party)) asked.add(first.party);
  }
  if (asked.size !== 1) return null;
  const [only] = asked;
  return sides[0] === only ? sides[1] : sides[0];
}

/** A sentence's end, not the dots of a transcript's ",..." that runs on. */
const CLAUSE_END_RE = /(?<!\.)[.!?;](?!\.)\s|\n/;

/** The index of the last item whose key is below `limit` in a list sorted by that key, or -1 (binary search). */
function lastIndexBefore<T>(items: readonly T[], key: (item: T) => number, limit: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
