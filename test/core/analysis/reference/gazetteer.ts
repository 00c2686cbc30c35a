/**
 * The gazetteer as it was at dcad293, before its word scan became a character loop: the tests hold the loop to it.
 * One rule was added to both sides later (non-party places of several words, below).
 */
import { OTHER_PLACES, PARTIES } from '../../../../src/core/analysis/gazetteer.js';
/**
 * A small, general gazetteer: countries, their capitals and political metonyms ("Downing Street"),
 * demonyms and well-known cities. It maps the ways news refers to a party onto one canonical name,
 * so "Seoul asks..." and "the South Korean minister" both count for "South Korea".
 */

// The data (PARTIES, OTHER_PLACES) is the current gazetteer's, so adding a place changes both sides alike;
// what is kept here is the old code that reads it.
function normalise(name: string): string {
  // Hot path (called for every capitalised run): avoid regexes unless the name needs them.
  let k = name.toLowerCase();
  if (k.includes('’')) k = k.replace(/’/g, "'");
  if (/\s\s|[\t\n]/.test(k)) k = k.replace(/\s+/g, ' ');
  k = k.trim();
  return k.endsWith("'s") ? k.slice(0, -2) : k;
}

/** Blocs and organisations that act as parties but are organisations, not places. */
const ORGANISATION_PARTIES = new Set(['European Union', 'United Nations', 'NATO']);

const PARTY_BY_NAME = new Map<string, string>();
const PLACE_BY_NAME = new Map<string, string>();
const ORG_BY_NAME = new Map<string, string>();
for (const [party, [places, institutions, demonyms]] of Object.entries(PARTIES)) {
  PARTY_BY_NAME.set(normalise(party), party);
  if (ORGANISATION_PARTIES.has(party)) ORG_BY_NAME.set(normalise(party), party);
  else PLACE_BY_NAME.set(normalise(party), party);
  for (const n of places) {
    PARTY_BY_NAME.set(normalise(n), party);
    // Other names of the country itself ("Britain", "U.S.") canonicalise; capitals stay themselves.
    const isCountryName = /^[A-Z.]+$/.test(n) || /^[A-Z]\. /.test(n) || /^[A-Z.]+$/.test(n.replace(/\.$/, '')) || /^(?:America|Britain|Great Britain|Holland|Burma|Czechia|Türkiye|Republic of|United States of|People's Republic|Russian Federation)/.test(n);
    PLACE_BY_NAME.set(normalise(n), isCountryName ? party : n);
  }
  for (const n of institutions) {
    PARTY_BY_NAME.set(normalise(n), party);
    ORG_BY_NAME.set(normalise(n), /^[A-Z.]+$/.test(n) || n === 'Nato' ? party : n);
  }
  for (const n of demonyms) PARTY_BY_NAME.set(normalise(n), party);
}
for (const n of OTHER_PLACES) PLACE_BY_NAME.set(normalise(n), n);

// Added with the larger gazetteer (session 5): places of several words that hold a party's name but are not
// that party ("New South Wales", "Washington State") name no party. Written plainly over the word list.
const NON_PARTY_PLACES = new Set<string>();
for (const n of OTHER_PLACES) {
  const words = normalise(n).split(' ');
  if (words.length < 2 || PARTY_BY_NAME.has(words.join(' '))) continue;
  if (words.some((_, k) => PARTY_BY_NAME.has(words.slice(k).join(' ')) || PARTY_BY_NAME.has(words[k]!))) NON_PARTY_PLACES.add(words.join(' '));
}
const MAX_PLACE_WORDS = Math.max(...[...NON_PARTY_PLACES].map((k) => k.split(' ').length));

/** The canonical party a name refers to ("Seoul" -> "South Korea", "Japanese" -> "Japan"), or null. */
export function partyOf(name: string): string | null {
  return PARTY_BY_NAME.get(normalise(name)) ?? null;
}

/** The canonical place a name refers to ("U.S." -> "United States", "Seoul" -> "Seoul"), or null. Demonyms are not places. */
export function placeOf(name: string): string | null {
  return PLACE_BY_NAME.get(normalise(name)) ?? null;
}

/** The canonical organisation for an institutional name the gazetteer knows ("UN", "Kremlin"), or null. */
export function gazetteerOrganisation(name: string): string | null {
  return ORG_BY_NAME.get(normalise(name)) ?? null;
}

/** Longest surface form of any party, in words ("Republic of Korea" is 3). */
const MAX_FORM_WORDS = Math.max(...[...PARTY_BY_NAME.keys()].map((k) => k.split(' ').length));
/** Capitalised words (with the dots and hyphens of "U.S.-Japan"), the only places a party can be named. */
const CAPITALISED_WORD_RE = /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}.'’]*|of|the)(?![\p{L}\p{N}])/gu;

/**
 * Every party mentioned in a span of text, as canonical names in order of first mention.
 * Case-sensitive ("US" is a party, "us" is not); "inter-Korean" names no one, "Seoul-Tokyo" names two.
 */
export function partiesMentioned(text: string): string[] {
  const out: string[] = [];
  for (const m of partyMentions(text)) if (!out.includes(m.party)) out.push(m.party);
  return out;
}

/** Where each party is named in a span of text, in order: the canonical party and the offsets of its name. */
export function partyMentions(text: string): Array<{ party: string; start: number; end: number }> {
  const out: Array<{ party: string; start: number; end: number }> = [];
  const words: Array<{ w: string; start: number; end: number }> = [];
  CAPITALISED_WORD_RE.lastIndex = 0;
  for (let m = CAPITALISED_WORD_RE.exec(text); m !== null; m = CAPITALISED_WORD_RE.exec(text)) words.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    if (first.w === 'of' || first.w === 'the') continue;
    // A lower-case word joined by a hyphen ("inter-Korean") is not a party name.
    if (first.start > 0 && text[first.start - 1] === '-') {
      let b = first.start - 2;
      while (b > 0 && /[\p{L}.-]/u.test(text[b - 1]!)) b--;
      if (/\p{Ll}/u.test(text[b] ?? '')) continue;
    }
    let blocked = 0;
    for (let n = Math.min(MAX_PLACE_WORDS, words.length - i); n >= 2 && blocked === 0; n--) {
      let plain = true;
      for (let k = i; k < i + n; k++) if (words[k]!.w === 'of' || words[k]!.w === 'the' || (k > i && text.slice(words[k - 1]!.end, words[k]!.start) !== ' ')) plain = false;
      if (plain && NON_PARTY_PLACES.has(normalise(text.slice(first.start, words[i + n - 1]!.end)))) blocked = n;
    }
    if (blocked > 0) {
      i += blocked - 1;
      continue;
    }
    for (let n = Math.min(MAX_FORM_WORDS, words.length - i); n >= 1; n--) {
      const last = words[i + n - 1]!;
      // Only words separated by single spaces form one name.
      let contiguous = true;
      for (let k = i; k < i + n - 1; k++) if (text.slice(words[k]!.end, words[k + 1]!.start) !== ' ') contiguous = false;
      if (!contiguous) continue;
      const surface = text.slice(first.start, last.end).replace(/['’]s$/, '');
      let party = PARTY_BY_NAME.get(surface.toLowerCase()) ?? null;
      // Keep case: "US" names a country, but so does "Us" only at a sentence start — accept capitalised forms only.
      if (party && surface === surface.toLowerCase()) party = null;
      if (!party && surface.endsWith('.')) party = PARTY_BY_NAME.get(surface.slice(0, -1).toLowerCase()) ?? null;
      if (party) {
        out.push({ party, start: first.start, end: last.end });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}
