import type { Participant } from '../briefing/briefing.js';
import { isGivenName } from './first-names.js';
import { gazetteerOrganisation, partyOf, placeOf } from './gazetteer.js';
import { BoundedMemo } from './bounded-memo.js';
import { nonNounClass } from './word-classes.js';
import { isOrganisationHead, type Mention, type NameIndex } from './mentions.js';
import type { Entities, PersonEntity } from './types.js';

/** A role given in an appositive after the name: "Kang Kyung-wha, South Korea's foreign minister,". */
const APPOSITIVE_ROLE_RE =
  /^,\s+((?:the\s+|a\s+|an\s+)?(?:[\p{Lu}][\p{L}.'’-]*(?:'s|’s)?\s+)*(?:(?:former|deputy|acting|chief|senior|vice|prime|foreign|defence|defense|finance|interior|trade|health|home|general|executive|assistant|head|lead)\s+)*(?:minister|secretary|president|chancellor|spokesman|spokeswoman|spokesperson|director|chairman|chairwoman|chair|chief executive|ceo|founder|leader|governor|mayor|senator|ambassador|envoy|manager|coach|captain|judge|lawyer|attorney|prosecutor|professor|editor|correspondent|reporter|analyst|economist|officer|commissioner|superintendent|inspector|sergeant|detective|publicist|agent|owner|president|mp|chief|head|boss|striker|midfielder|goalkeeper|defender|singer|actor|actress)(?:\s+(?:of|for|at)\s+[^,.;]{1,60})?),/iu;

/**
 * People (with the role the story gives them), places and organisations, from the classified
 * name mentions, the gazetteer and the editor's participants. Each appears once, under its
 * fullest name, in order of first mention.
 */
export function extractEntities(text: string, mentions: readonly Mention[], names: NameIndex, participants: readonly Participant[] = []): Entities {
  const people = new Map<string, PersonEntity>();
  const places = new Map<string, string>();
  const organizations = new Map<string, string>();

  for (const p of participants) people.set(p.name, { name: p.name, role: p.role ?? null });
  const lowerWords = new LowerWords(text);

  for (const m of mentions) {
    if (m.kind === 'person') {
      const name = names.canonical(m.name, m.start);
      // A lone surname the text never expands may still be a stray capitalised word: keep only people with a full name.
      if (!name.includes(' ') && !name.includes('-') && !people.has(name)) {
        if (!m.role) continue;
      }
      if (!people.has(name) && !m.role && (notAPerson(name) || commonWordName(lowerWords, name))) continue;
      const role = m.role ?? appositiveRole(text, m.end);
      const existing = people.get(name);
      if (!existing) people.set(name, { name, role: role ?? null });
      else if (!existing.role && role) existing.role = role;
    } else if (m.kind === 'place') {
      const canonical = placeOf(m.name) ?? m.name;
      if (!places.has(canonical.toLowerCase())) places.set(canonical.toLowerCase(), canonical);
    } else if (m.kind === 'organization') {
      const canonical = gazetteerOrganisation(m.name) ?? m.name;
      if (!organizations.has(canonical.toLowerCase())) organizations.set(canonical.toLowerCase(), canonical);
    }
  }
  // Fold short forms into the full names they abbreviate ("Kang" into "Kang Kyung-wha"), and a role written
  // before a surname already listed ("Oceanographer Pattiaratchi" after "Charitha Pattiaratchi").
  const all = [...people.values()];
  const tokensOfFuller = new Set<string>();
  for (const p of all) if (p.name.includes(' ')) for (const t of p.name.split(' ')) tokensOfFuller.add(t);
  const surnamesSeen = new Set<string>();
  const kept = all.filter((p) => {
    if (!p.name.includes(' ')) return !tokensOfFuller.has(p.name);
    const words = p.name.split(' ');
    const surname = words[words.length - 1]!;
    const roleBefore = words.length === 2 && surnamesSeen.has(surname) && !isGivenName(words[0]!.toLowerCase()) && occursInLowerCase(lowerWords, words[0]!);
    surnamesSeen.add(surname);
    return !roleBefore;
  });
  // "Crown Prosecution" folds into "Crown Prosecution Service": drop an organisation that starts a longer one.
  const orgs = [...organizations.values()];
  const prefixes = new Set<string>();
  for (const o of orgs) {
    const words = o.split(' ');
    for (let i = 1; i < words.length; i++) prefixes.add(words.slice(0, i).join(' '));
  }
  return {
    people: kept,
    places: [...places.values()],
    organizations: orgs.filter((o) => !prefixes.has(o)),
  };
}

/** Adjectives of continents and regions, which the gazetteer does not list as parties. */
const CONTINENTAL = new Set(['african', 'africans', 'european', 'europeans', 'asian', 'asians', 'american', 'americans', 'arab', 'arabs', 'latino', 'latina', 'hispanic', 'caribbean', 'scandinavian', 'balkan', 'nordic', 'pacific', 'atlantic']);

/** Plural heads that make a group, not a person: "SNP MPs", "Coptic Christians", "Kurdish Protection Units". */
const GROUP_HEADS = new Set(
  'mps ministers officials leaders members fans supporters voters christians muslims jews hindus units forces troops police residents workers chiefs bosses players activists protesters campaigners rebels militants fighters democrats republicans'.split(' '),
);

/**
 * A capitalised run the mention finder took for a person that a reader would not list as one:
 * a group ("Tory MPs"), or a run opening on a word that is never a noun and no given name
 * ("Clear Evidence"); given names and roles keep a run ("Frank Jordan", "Minister Kono").
 */
function notAPerson(name: string): boolean {
  return NOT_A_PERSON.get(name);
}

/** Names recur across stories and are judged the same way each time: remember the answers (bounded). */
const NOT_A_PERSON = new BoundedMemo<string, boolean>(20_000, notAPersonUncached);

function notAPersonUncached(name: string): boolean {
  const words = name.toLowerCase().split(' ');
  if (GROUP_HEADS.has(words[words.length - 1]!)) return true;
  const first = words[0]!;
  if (words.length < 2 || isGivenName(first)) return false;
  // "West African", "Latin American": a name does not end on a people's adjective (a given name keeps "Bill English").
  const last = name.split(' ').pop()!;
  if (CONTINENTAL.has(words[words.length - 1]!) || (partyOf(last) !== null && placeOf(last) === null && gazetteerOrganisation(last) === null)) return true;
  // "Syria Sparks", "Scottish Labour", "Labour Brown": a place, nationality or party is no given name.
  const opening = name.split(' ')[0]!;
  return nonNounClass(first) !== undefined || placeOf(opening) !== null || partyOf(opening) !== null || gazetteerOrganisation(opening) !== null;
}

/**
 * A run the finder took for a person whose words the story also uses as common nouns: "Transparency Report"
 * (the text says "the report"), "City Weekend". A given name first keeps a person ("Theresa May").
 */
function commonWordName(text: LowerWords, name: string): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.some((w) => isGivenName(w.toLowerCase()))) return false;
  // "Airlines Flight", "Rescue Agency Chief": a word that makes organisations is in no person's name.
  if (words.slice(0, -1).some((w) => isOrganisationHead(w) || GROUP_HEADS.has(w.toLowerCase()))) return true;
  return occursInLowerCase(text, words[words.length - 1]!);
}

/**
 * The whole words of a text (maximal runs of letters, digits and non-ASCII characters), collected on first
 * use: one pass over the text instead of a search of it for every name (which grew with names × text).
 */
class LowerWords {
  private words: Set<string> | null = null;
  constructor(readonly text: string) {}

  has(word: string): boolean {
    // A short text is searched directly: building the set costs more than a few searches.
    if (this.text.length < DIRECT_SEARCH_MAX) return occursAsWord(this.text, word);
    if (this.words === null) {
      this.words = new Set();
      const t = this.text;
      let start = -1;
      for (let i = 0; i <= t.length; i++) {
        const inWord = i < t.length && isWordCode(t.charCodeAt(i));
        if (inWord && start < 0) start = i;
        else if (!inWord && start >= 0) {
          this.words.add(t.slice(start, i));
          start = -1;
        }
      }
    }
    return this.words.has(word);
  }
}

/** The word also occurs in lower case in the text, as a whole word: a common noun, not only a name. */
function occursInLowerCase(text: LowerWords, word: string): boolean {
  const lower = word.toLowerCase();
  if (lower === word || lower.length < 3) return false;
  let plain = true;
  for (let k = 0; k < lower.length && plain; k++) plain = isWordCode(lower.charCodeAt(k));
  if (plain) return text.has(lower);
  // A word with an apostrophe or a hyphen is searched for as written.
  return occursAsWord(text.text, lower);
}

/** Texts shorter than this are searched word by word instead of collecting their words. */
const DIRECT_SEARCH_MAX = 20_000;

/** `word` occurs in `text` with no letter, digit or non-ASCII character on either side. */
function occursAsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const after = at + word.length < text.length ? text.charCodeAt(at + word.length) : 32;
    if (!isWordCode(before) && !isWordCode(after)) return true;
  }
  return false;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127;
}

function appositiveRole(text: string, end: number): string | null {
  // The pattern opens with a comma.
  if (text.charCodeAt(end) !== 44) return null;
  const m = APPOSITIVE_ROLE_RE.exec(text.slice(end, end + 120));
  if (!m) return null;
  return m[1]!.replace(/^(?:the|a|an)\s+/i, '').trim();
}
