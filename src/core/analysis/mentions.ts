import type { Participant } from '../briefing/briefing.js';
import { codePointAt, isLetter, isLetterOrMark, isLetterOrNumber, isLower, isMark, isUpper, isWhitespace, widthOf } from './char-class.js';
import { FEMALE_FIRST_NAMES, isGivenName, MALE_FIRST_NAMES } from './first-names.js';
import { gazetteerOrganisation, partyOf, placeOf } from './gazetteer.js';
import { nonNounClass } from './word-classes.js';
import { BoundedMemo } from './bounded-memo.js';

/**
 * Finds names in running text: runs of capitalised tokens, classified as people, places or
 * organisations with a few general cues (titles, organisation heads, the gazetteer, the editor's
 * participants). Speaker attribution and entity extraction both read these mentions.
 */

export type MentionKind = 'person' | 'place' | 'organization' | 'other';
export type Gender = 'm' | 'f' | null;

export interface Mention {
  /** Offsets of the name itself (titles excluded) in the text. */
  start: number;
  end: number;
  /** The name as written, titles stripped ("Kang Kyung-wha", "Kang", "Obama"). */
  name: string;
  kind: MentionKind;
  /** A stated role: "Foreign Minister" from "Foreign Minister Kang Kyung-wha"; null when none is given. */
  role: string | null;
  gender: Gender;
  /** Whether the run stood alone as one capitalised word (weak evidence for a person). */
  single: boolean;
}

/**
 * A run of capitalised tokens joined by single spaces and name connectors ("Bank of England"), not
 * preceded by a letter, digit or apostrophe: the matches of
 *
 *   (?<![\p{L}\p{N}'’])TOKEN(?: (?:CONNECTOR )?TOKEN)*(?![\p{L}\p{N}])   (flags gu), where
 *   TOKEN = (?:ABBREV_TITLE\.|(?:[A-Z]\.)+(?:[A-Z](?![\p{L}]))?|Mc[A-Z]\p{Ll}+|O['’][A-Z]\p{Ll}+|\p{Lu}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*)
 *
 * found by a character loop (the regex engine tried the pattern at every character of the text; the
 * tests hold the loop to the regex). A token is followed either by a space, which may start the next
 * token, or by the end of the run, so the only token end the regex's backtracking can settle on is the
 * first one, in the pattern's order of preference, that is not followed by a letter or digit
 * (`tokenEnd`); the run then takes every further token it can.
 */
/** Titles written with a full stop ("Mr.", "Maj."): a name goes on after them, and no sentence ends there. */
export const ABBREV_TITLES = ['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Sgt', 'Col', 'Capt', 'Maj', 'Brig', 'Adm', 'Cmdr', 'Cpl', 'Pvt', 'Pfc', 'Spc', 'Prof', 'Det', 'Supt', 'Insp', 'Jr', 'Sr', 'Rev'];
const CONNECTORS = ['of', 'de', 'da', 'del', 'della', 'van', 'von', 'der', 'den', 'bin', 'al', 'la', 'le', 'du', 'dos', 'el'];
/** Titles and connectors by their first character, each with the character that must follow it. */
const TITLES_BY_FIRST = groupByFirst(ABBREV_TITLES, '.');
const CONNECTORS_BY_FIRST = groupByFirst(CONNECTORS, ' ');

function groupByFirst(words: readonly string[], after: string): Array<string[] | undefined> {
  const out: Array<string[] | undefined> = new Array(128).fill(undefined);
  for (const w of words) (out[w.charCodeAt(0)] ??= []).push(w + after);
  return out;
}

/** The end of the one word of `byFirst` (with its following character) at `at`, or -1. */
function literalEnd(text: string, at: number, byFirst: ReadonlyArray<readonly string[] | undefined>): number {
  const c = text.charCodeAt(at);
  const list = c < 128 ? byFirst[c] : undefined;
  if (list === undefined) return -1;
  for (const w of list) if (text.startsWith(w, at)) return at + w.length;
  return -1;
}

/** `(?![\p{L}\p{N}])` at `at`. */
function endsWord(text: string, at: number): boolean {
  return at >= text.length || !isLetterOrNumber(codePointAt(text, at));
}

function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** After `\p{Ll}+` from `at` (at least one), or -1. */
function lowerRunEnd(text: string, at: number): number {
  let e = at;
  while (e < text.length) {
    const c = codePointAt(text, e);
    if (!isLower(c)) break;
    e += widthOf(c);
  }
  return e > at ? e : -1;
}

/** The end of the TOKEN at `q` that the regex settles on (see above), or -1 when every way of matching one is followed by a letter or digit. */
function tokenEnd(text: string, q: number): number {
  const cp = codePointAt(text, q);
  if (!isUpper(cp)) return -1;
  if (cp < 128) {
    // ABBREV_TITLE\.
    const t = literalEnd(text, q, TITLES_BY_FIRST);
    if (t >= 0 && endsWord(text, t)) return t;
    // (?:[A-Z]\.)+(?:[A-Z](?![\p{L}]))?: the most pairs first, then one pair fewer (where the final letter always fits).
    if (text.charCodeAt(q + 1) === 46) {
      let p = q + 2;
      while (isAsciiUpper(text.charCodeAt(p)) && text.charCodeAt(p + 1) === 46) p += 2;
      if (isAsciiUpper(text.charCodeAt(p)) && (p + 1 >= text.length || !isLetter(codePointAt(text, p + 1))) && endsWord(text, p + 1)) return p + 1;
      if (endsWord(text, p)) return p;
      if (p - q >= 4) return p - 1;
    }
    // Mc[A-Z]\p{Ll}+ and O['’][A-Z]\p{Ll}+: a shorter \p{Ll}+ is followed by a letter.
    const c1 = text.charCodeAt(q + 1);
    if ((cp === 77 && c1 === 99) || (cp === 79 && (c1 === 39 || c1 === 0x2019))) {
      if (isAsciiUpper(text.charCodeAt(q + 2))) {
        const e = lowerRunEnd(text, q + 3);
        if (e >= 0 && endsWord(text, e)) return e;
      }
    }
  }
  // \p{Lu}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*: when the longest match is followed by a digit, the regex gives back
  // the last run's characters down to its last mark (a mark is no letter or digit), else the last "-" part.
  let e = q + widthOf(cp);
  let lastMark = -1;
  let lastHyphen = -1;
  for (;;) {
    while (e < text.length) {
      const c = codePointAt(text, e);
      if (!isLetterOrMark(c)) break;
      if (isMark(c)) lastMark = e;
      e += widthOf(c);
    }
    if (text.charCodeAt(e) !== 45 || e + 1 >= text.length) break;
    const c = codePointAt(text, e + 1);
    if (!isLetter(c)) break;
    lastHyphen = e;
    lastMark = -1;
    e += 1 + widthOf(c);
  }
  if (endsWord(text, e)) return e;
  if (lastMark >= 0) return lastMark;
  return lastHyphen;
}

/** The end of the run of tokens starting at `q` (see above), or -1. */
function runEnd(text: string, q: number): number {
  let e = tokenEnd(text, q);
  if (e < 0) return -1;
  while (text.charCodeAt(e) === 32) {
    const c = literalEnd(text, e + 1, CONNECTORS_BY_FIRST);
    let next = c >= 0 ? tokenEnd(text, c) : -1;
    if (next < 0) next = tokenEnd(text, e + 1);
    if (next < 0) break;
    e = next;
  }
  return e;
}

const RUN_START_CANDIDATE = /[A-Z\u0080-\uffff]/g;

/** The capitalised runs of `text` in order (see above). */
export function nameRuns(text: string): Array<{ run: string; start: number }> {
  const out: Array<{ run: string; start: number }> = [];
  for (let i = 0; i < text.length; ) {
    // Plain ASCII other than a capital starts no run: skip it with a plain class (a regex skips faster than a loop).
    RUN_START_CANDIDATE.lastIndex = i;
    if (!RUN_START_CANDIDATE.test(text)) break;
    i = RUN_START_CANDIDATE.lastIndex - 1;
    const c = text.charCodeAt(i);
    const cp = c < 0xd800 ? c : codePointAt(text, i);
    if (isUpper(cp) && !afterWordCharacter(text, i)) {
      const e = runEnd(text, i);
      if (e >= 0) {
        out.push({ run: text.slice(i, e), start: i });
        i = e;
        continue;
      }
    }
    i += widthOf(cp);
  }
  return out;
}

/** The code point before `at` is a letter, a digit or an apostrophe. */
function afterWordCharacter(text: string, at: number): boolean {
  if (at === 0) return false;
  let cp = text.charCodeAt(at - 1);
  // A low surrogate after a high one ends a pair: the pair is the code point before.
  if (cp >= 0xdc00 && cp <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) cp = codePointAt(text, at - 2);
  }
  return cp === 39 || cp === 0x2019 || isLetterOrNumber(cp);
}

/** Capitalised words that start sentences or label things but are not names. */
const COMMON_CAPITALISED = new Set(
  `the a an but and or nor so yet in on at for with while when where after before as if it its he she they we i you this that these those
his her their our my your also however meanwhile now then last next yesterday today tonight tomorrow some many most more all both each
every no not one two three four five six seven eight nine ten there here what who why how which scroll video photo pictured picture
read watch click follow share mr mrs ms miss dr sir madam despite although though because since until unless during under over into
from by about against between through among amid without within according earlier later still even just only once instead other such
despite several few much another any well yes oh thanks please dear let breaking update updated source sources related advertisement
recommended editor note getty images ap reuters afp monday tuesday wednesday thursday friday saturday sunday
have has had do does did is are was were would could should shall`.split(/\s+/),
);

/** Title words that end the name of a post ("Cabinet Secretary", "Industry Minister") and are hardly ever surnames. */
const POST_HEADS = new Set(['secretary', 'minister', 'president', 'chancellor', 'speaker', 'premier', 'chairman', 'chairwoman', 'spokesman', 'spokeswoman']);

/** Title words that may precede a name; the part that is a role is kept, honorifics are not. */
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'madam', 'prof', 'prof.', 'professor', 'rev', 'rev.', 'reverend']);
/** Honorifics that only ever stand before a surname, so the word after them is one even when it is a title ("Ms Bishop"). */
const SURNAME_HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss']);
/** Titles that only ever precede a person's own name (unlike "Lord" or "Professor of Medicine"). */
const PERSONAL_TITLES = new Set([...SURNAME_HONORIFICS, 'dr', 'dr.']);
const TITLE_WORDS = new Set(
  `president vice prime minister foreign defence defense finance interior home justice trade health education culture environment
secretary state chancellor senator sen sen. rep rep. representative congressman congresswoman governor gov gov. mayor judge officer detective
det det. sergeant sgt sgt. constable inspector insp insp. superintendent supt supt. captain capt capt. lieutenant lt lt. colonel col col.
general gen gen. maj maj. brig brig. adm adm. cmdr cmdr. cpl cpl. pvt pvt. pfc pfc. spc spc. warrant admiral commander chief executive king queen prince princess pope father coach manager chairman chairwoman ceo ambassador
envoy spokesman spokeswoman deputy acting former assistant attorney district leader opposition mp premier emperor sheikh ayatollah
cardinal archbishop bishop rabbi imam pc dc di dci sheriff coroner councillor councilman councilwoman speaker director boss striker
midfielder defender goalkeeper star singer actor actress rapper presenter host anchor correspondent reporter lawyer barrister
solicitor prosecutor professor nurse doctor agent ambassador emeritus consort
economist analyst producer comedian conductor broadcaster founder co-founder newcomer developer writer author novelist photographer designer
model artist chef musician composer playwright poet historian scientist researcher activist campaigner pianist guitarist drummer dancer
filmmaker film-maker`.split(/\s+/),
);
const MALE_TITLES = new Set(['mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'father', 'congressman', 'chairman', 'spokesman', 'emperor', 'councilman', 'actor', 'sheikh']);
const FEMALE_TITLES = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'lady', 'dame', 'queen', 'princess', 'congresswoman', 'chairwoman', 'spokeswoman', 'councilwoman', 'actress', 'madam']);

const POSTNOMINALS = new Set(['MP', 'MEP', 'QC', 'KC', 'MSP', 'Jr', 'Jr.', 'Sr', 'Sr.', 'OBE', 'MBE', 'CBE', 'PhD']);
const CONNECTOR_WORDS = new Set(['of', 'de', 'da', 'del', 'della', 'van', 'von', 'der', 'den', 'bin', 'al', 'la', 'le', 'du', 'dos', 'el']);
/** Ships' prefixes: "USS Sampson" is a vessel. */
const VESSEL_PREFIXES = new Set(['USS', 'HMS', 'HMAS', 'HMCS', 'HMNZS', 'RMS', 'MV', 'RFA']);

/** A word in capitals with at least two letters ("PLANE", "HAVE"): crossheads shout, names do not. */
function isShouted(token: string): boolean {
  let letters = 0;
  for (let k = 0; k < token.length; k++) {
    const c = token.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
    else if (c > 127 && token[k]!.toLowerCase() === token[k] && token[k]!.toUpperCase() !== token[k]) return false;
  }
  return letters >= 2;
}

/** A name particle written in lower case ("van", "de", "bin"). */
function isLowerParticle(t: string): boolean {
  return t === t.toLowerCase();
}

/** Political parties named by one word. */
const PARTY_WORDS = new Set(['labour', 'conservative', 'conservatives', 'tory', 'tories', 'democrat', 'democrats', 'republican', 'republicans', 'liberal', 'liberals', 'snp', 'ukip', 'greens', 'whig']);

/** Last words that make a run an organisation. */
const ORG_HEADS = new Set(
  `ministry agency council party police university college school inc inc. corp corp. corporation ltd ltd. plc llc co co. company news fc
united city club association committee commission department bank group union organisation organization institute institution foundation
hospital office post network airlines airline airways government congress parliament senate assembly army navy force forces guard
federation league board authority trust society centre center museum channel tv radio press journal times guardian telegraph mail
herald tribune daily express mirror sun gazette review magazine studios records motors industries holdings partners service services
court tribunal bureau administration secretariat cabinet commons lords academy church coalition alliance movement front brigade
regiment squad team institute laboratory labs systems technologies agency watch fund programme program project initiative council
yard online today post advocates promotions productions entertainment media pictures records trains railway railways rail buses transport energy foods stores airport circuit
chamber chambers local rescue relief aid
securities exchange capital communications brothers bros economics statistics management laboratories consortium investments networks
electronics pharmaceuticals wholesale telekom telecom research unit petroleum aeronautics aerospace distributors enterprises ventures
instruments dynamics automotive logistics chemicals semiconductor semiconductors pharma biotech mining shipping insurance assurance
engineering construction breweries brewery textiles`.split(/\s+/),
);
/** A word that says where something is based: "London-based", "Kingdom-based", "US-headquartered". */
const BASED_RE = /-(?:based|headquartered)$/i;

/**
 * "Human Rights Watch", "USA Today": a last word that usually opens a sentence or a caption ("Watch the video") but ends
 * an organisation's name here, since the words before it are no person's name (a person's opens on a given name).
 */
function endsOnOrganisationHead(tokens: readonly string[]): boolean {
  if (tokens.length < 2 || !ORG_HEADS.has(tokens[tokens.length - 1]!.toLowerCase()) || isGivenName(tokens[0]!.toLowerCase())) return false;
  // Two words make an organisation only after a place ("Russia Today", "Asia Watch"); else it is often a product ("Apple Watch").
  return tokens.length >= 3 || placeOf(tokens[0]!) !== null;
}

/** Whether a word is one that may stand before a person's name as a title or role ("Minister", "Sgt", "Mr"). */
export function isTitleWord(word: string): boolean {
  const l = word.toLowerCase();
  return TITLE_WORDS.has(l) || HONORIFICS.has(l);
}
/** A word that makes an organisation of a run it ends ("Airlines", "Council", "Report" is not one). */
export function isOrganisationHead(word: string): boolean {
  return ORG_HEADS.has(word.toLowerCase());
}
const ORG_LEADS = new Set(['university', 'bank', 'ministry', 'department', 'house', 'church', 'office', 'bureau', 'court', 'institute', 'college', 'federal', 'national', 'royal', 'academy', 'association', 'society', 'federation', 'council', 'commission', 'committee']);
/** Last words that make a run a place. */
const PLACE_HEADS = new Set(
  `street road avenue lane square stadium airport station bridge river lake mountain mountains island islands county province state
valley beach bay coast peninsula sea ocean desert forest creek hill hills park arena palace castle tower prison square district region
strait straits
st. ave ave. blvd blvd. rd. boulevard highway hwy parkway`.split(/\s+/),
);
/** Words that mark a run as neither a person nor a place (events, documents, periods). */
const NOT_A_NAME = new Set(
  `january february march april may june july august september october november december monday tuesday wednesday thursday friday
saturday sunday christmas easter ramadan international festival league cup championship championships olympics olympic games award
awards prize world record grand prix day week act bill law treaty agreement declaration summit war revolution empire age era god
premier champions europa series people final finals open tour show awards hall fame guinness dream type chapter section article amendment celsius fahrenheit election elections
court`.split(/\s+/),
);


const SPEECH_VERB_AFTER_RE = /^\s*(?:,\s*\d{1,3}\s*,\s*)?(?:has\s+|had\s+|have\s+|also\s+|later\s+|previously\s+|then\s+|once\s+)?(?:said|says|told|tells|added|adds|explained|insisted|warned|stated|declared|noted|claimed|argued|wrote|writes|tweeted|replied|admitted|confirmed|revealed|recalled|announced|urged|stressed|joked|asked|agreed)\b/;
/** ", 25," after a name, or where someone is from and their verb ("Giggs, of Salford said"): a person. */
const AGE_AFTER_RE = /^\s*,\s*(?:\d{1,3}\s*,|of\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?,?\s+(?:said|says|told|added|admitted|denied|claimed|insisted)\b)/u;

/** Longest capitalised run examined as a possible name, titles and connectors included. */
const MAX_RUN_TOKENS = 16;

export interface NameRun {
  start: number;
  end: number;
  tokens: string[];
}

function tokensOf(run: string): string[] {
  return run.split(' ');
}

/** Names recur in a story, and the same name is classified the same way: remember the answers (bounded). */
const KIND_CACHE = new Map<string, MentionKind | 'unknown'>();
const KIND_CACHE_LIMIT = 20_000;

function classifyBody(tokens: readonly string[], name: string): MentionKind | 'unknown' {
  let kind = KIND_CACHE.get(name);
  if (kind === undefined) {
    kind = classifyUncached(tokens, name);
    if (KIND_CACHE.size >= KIND_CACHE_LIMIT) KIND_CACHE.clear();
    KIND_CACHE.set(name, kind);
  }
  return kind;
}

/**
 * A word that is never a noun (by the POS lexicon) and so opens no name: a verb or participle
 * ("Concluding", "Announcing"), an adverb ("Interestingly"). Other adjectives may ("Frank", "Young").
 */
function opensNoName(lower: string): boolean {
  const c = nonNounClass(lower);
  return c === 'verb' || c === 'other' || (c === 'adjective' && lower.endsWith('ing'));
}

/** First words that make a place of a name: "San Jose", "Los Alamos", "Fort Worth", "Mount Kenya". */
const PLACE_LEADS = new Set(['san', 'santa', 'los', 'las', 'fort', 'mount', 'lake', 'port']);

function classifyUncached(tokens: readonly string[], name: string): MentionKind | 'unknown' {
  const lower = tokens.map((t) => t.toLowerCase());
  const last = lower[lower.length - 1]!;
  const first = lower[0]!;
  if (gazetteerOrganisation(name)) return 'organization';
  if (PARTY_WORDS.has(first) && (tokens.length === 1 || PARTY_WORDS.has(last) || last === 'party')) return 'organization';
  // "Lib Dem leader Charles Kennedy", "the Lib Dems": the British party's short name.
  if (tokens.length === 2 && first === 'lib' && (last === 'dem' || last === 'dems')) return 'organization';
  if (placeOf(name)) return 'place';
  if (partyOf(name)) return 'other';
  if (name.includes('-') && name.split(/[- ]/).every((part) => partyOf(part) || placeOf(part) || /^(?:Korea|[A-Z]\.?)$/.test(part))) return 'other';
  if ((tokens.length > 1 && (ORG_HEADS.has(last) || ORG_HEADS.has(last.split('-').pop()!))) || (tokens.length > 1 && ORG_LEADS.has(first) && lower.includes('of'))) return 'organization';
  // An airline: "Air France", "Air Deccan", "Air India".
  if (tokens.length === 2 && first === 'air' && !placeOf(tokens[1]!)) return 'organization';
  // A firm's or broadcaster's branch in a country: "AOL UK", "BBC Scotland", "IBM Japan".
  if (tokens.length === 2 && /^[A-Z]{3,6}$/.test(tokens[0]!) && placeOf(tokens[1]!) !== null) return 'organization';
  if (/^[A-Z]{2,6}$/.test(name) && !/^[IVXLC]+$/.test(name)) return 'organization';
  // "Planned Parenthood Advocates of Kansas", "Federation of Small Businesses".
  for (let i = 0; i + 1 < lower.length; i++) if (lower[i + 1] === 'of' && ORG_HEADS.has(lower[i]!) && i > 0) return 'organization';
  if (tokens.length > 1 && (PLACE_HEADS.has(last) || PLACE_LEADS.has(first))) return 'place';
  // "Hall of Fame" and "Supreme Court" are no people, but "Dougie Hall" and "Margaret Court" are: a known first name decides.
  // ... but not a given name followed by "of": "Bill of Rights".
  const firstName = tokens.length > 1 && isGivenName(first) && lower[1] !== 'of';
  // "Amnesty International", "International Animal Rescue": a name closed by "International", or opened by it and two more
  // words, is an organisation, unless it joins a person to it ("Perry of CARE International") or holds a title ("International Development Secretary Priti Patel") or another word
  // of events ("International Festival of Arts"; "International Women's Day" leaves the run "International Women").
  if (!firstName && !lower.includes('of') && ((tokens.length > 1 && last === 'international') || (tokens.length > 2 && first === 'international')) && lower.every((t) => t === 'international' || (!NOT_A_NAME.has(t) && !TITLE_WORDS.has(t) && !HONORIFICS.has(t)))) {
    return 'organization';
  }
  if (!firstName && lower.some((t) => NOT_A_NAME.has(t) || (t.includes('-') && t.split('-').some((part) => NOT_A_NAME.has(part))))) return 'other';
  if (tokens.length > 1 && placeOf(tokens[tokens.length - 1]!) && (first === 'north' || first === 'south' || first === 'east' || first === 'west' || first === 'central')) return 'place';
  return 'unknown';
}

function genderOf(firstToken: string | undefined, titles: readonly string[]): Gender {
  for (const t of titles) {
    const l = t.toLowerCase();
    if (MALE_TITLES.has(l)) return 'm';
    if (FEMALE_TITLES.has(l)) return 'f';
  }
  if (!firstToken) return null;
  const f = firstToken.toLowerCase();
  if (MALE_FIRST_NAMES.has(f)) return 'm';
  if (FEMALE_FIRST_NAMES.has(f)) return 'f';
  return null;
}

/**
 * Every capitalised name in the text, classified. Participants' names and aliases always count
 * as people; a single capitalised word counts as a person only with a title, an age, a speech
 * verb, or when it is part of a fuller person name found elsewhere.
 */
export function findMentions(text: string, participants: readonly Participant[] = []): Mention[] {
  const breaks = lostBreaksInNames(text);
  if (breaks.length === 0) return findMentionsIn(text, participants);
  // Read the names as if the break were not there ("  Deborah Hargreaves"), then give each name its start in the real text.
  const mentions = findMentionsIn(mendLostBreaks(text, breaks, (b) => b.joined), participants);
  // A map, not a look through every break for each name: a text full of them was quadratic.
  const startOf = new Map(breaks.map((b) => [b.start + 2, b.start]));
  for (const m of mentions) m.start = startOf.get(m.start) ?? m.start;
  return mentions;
}

/** "Deborah . Hargreaves", "the Marine . Conservation Society": a given name, a lost line break (" . ") and a capitalised word. */
const LOST_BREAK_IN_NAME_RE = /(?<![\p{L}'’])(\p{Lu}\p{Ll}+) \. (\p{Lu}\p{Ll}+)(?![\p{L}'’])/gu;

/**
 * Where a page's flattening put " . " inside a name (a given name, then a capitalised word that is neither a given name nor
 * a word that opens sentences): "Deborah . Hargreaves, of the High Pay Centre", "Nancy . Pelosi". Each is read as
 * "Deborah Hargreaves", padded in front to the same length.
 */
export function lostBreaksInNames(text: string): Array<{ start: number; end: number; joined: string }> {
  if (!text.includes(' . ')) return [];
  const out: Array<{ start: number; end: number; joined: string }> = [];
  for (const m of text.matchAll(LOST_BREAK_IN_NAME_RE)) {
    const [first, second] = [m[1]!, m[2]!];
    if (!isGivenName(first.toLowerCase()) || isGivenName(second.toLowerCase()) || COMMON_CAPITALISED.has(second.toLowerCase()) || nonNounClass(second.toLowerCase()) !== undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, joined: `  ${first} ${second}` });
  }
  return out;
}

/**
 * `text` with each of `breaks` (from `lostBreaksInNames`: in order, apart) written as `form` gives it, of the same length, in
 * one pass: a copy of the whole text for each break made a text full of them quadratic.
 */
export function mendLostBreaks(text: string, breaks: ReturnType<typeof lostBreaksInNames>, form: (b: ReturnType<typeof lostBreaksInNames>[number]) => string): string {
  if (breaks.length === 0) return text;
  const pieces: string[] = [];
  let from = 0;
  for (const b of breaks) {
    pieces.push(text.slice(from, b.start), form(b));
    from = b.end;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

/** A performer's noun right before a name: "US rapper ", "pop star ", "comedian ". */
const PERFORMER_BEFORE_RE = /\b(?:rapper|singer|star|actor|actress|comedian|musician|rocker|songwriter|DJ|presenter|artist)\s+$/;

/**
 * "US rapper Snoop Dogg", "singer Kid Rock": two plain capitalised words after a performer's noun are a (stage) name, even
 * when the first is a word that opens no name ("snoop", "kid"), which the run's own reading drops. Null for any other run.
 */
function stageName(text: string, run: string, start: number): PlannedMention | null {
  const words = run.split(' ');
  if (words.length !== 2 || !words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return null;
  if (!PERFORMER_BEFORE_RE.test(text.slice(Math.max(0, start - 20), start))) return null;
  const plans = runPlan(run);
  // (Only where the reading dropped the first word: a name it reads whole is left to it.)
  if (plans.length !== 1 || plans[0]!.start === 0) return null;
  const lower = words.map((w) => w.toLowerCase());
  if (lower.some((w) => TITLE_WORDS.has(w) || HONORIFICS.has(w) || COMMON_CAPITALISED.has(w) || NOT_A_NAME.has(w) || ORG_HEADS.has(w) || PLACE_HEADS.has(w))) return null;
  return { start: 0, end: run.length, name: run, kind: 'person', role: null, gender: genderOf(words[0], []), single: false, unknown: false, singleNeedsCue: false, lower: run.toLowerCase(), lowerTokens: lower };
}

function findMentionsIn(text: string, participants: readonly Participant[]): Mention[] {
  const participantTokens = new Map<string, string>();
  for (const p of participants) {
    for (const n of [p.name, ...p.aliases]) participantTokens.set(n.toLowerCase(), p.name);
  }
  const raw: RawMention[] = [];
  let transcript: Set<string> | undefined;
  for (const { run, start } of nameRuns(text)) {
    const stage = stageName(text, run, start);
    if (stage) {
      raw.push({ start, end: start + run.length, name: run, kind: 'person', role: null, gender: stage.gender, single: false, unknown: false, plan: stage });
      continue;
    }
    for (const e of runPlan(run)) {
      const s = start + e.start;
      const end = start + e.end;
      if (e.kind === 'place' && personNamedLikePlace(text, e.name, end)) {
        const lowerTokens = e.lower.split(' ');
        const plan: PlannedMention = { ...e, kind: 'person', gender: genderOf(e.name.split(' ')[0], []), single: false, lowerTokens };
        raw.push({ start: s, end, name: e.name, kind: 'person', role: null, gender: plan.gender, single: false, unknown: false, plan });
        continue;
      }
      if (!e.singleNeedsCue) {
        const kind = e.kind === 'person' ? (notAPersonHere(text, e, s, end) ?? e.kind) : e.kind;
        raw.push({ start: s, end, name: e.name, kind, role: e.role, gender: e.gender, single: e.single, unknown: e.unknown, plan: e });
        continue;
      }
      // A lone word without a title is a person only with a cue: a participant's name, an age or a speech verb after it.
      // ("Giggs, of Salford said": a lone word after ", of" is where someone is from, whatever verb follows it.)
      const strongSingle =
        participantTokens.has(e.lower) ||
        (mayOpenCue(text, end) && cueAfter(text.slice(end, end + 40)) && !/,\s+of\s+$/.test(text.slice(Math.max(0, s - 6), s))) ||
        givenNameAfterVerb(text, e.lower, s) ||
        nameAfterRelation(text, s);
      // (A transcript's label names its speaker there only: "Titus:" says nothing of "Titus" elsewhere, a role in a show.)
      const label = !strongSingle && text.charCodeAt(end) === 58 && (transcript ??= transcriptSpeakers(text)).has(e.name);
      if (!strongSingle && !label) {
        // Sentence-initial single words are mostly ordinary words; decide after seeing fuller names.
        raw.push({ start: s, end, name: e.name, kind: 'other', role: e.role, gender: e.gender, single: true, unknown: true, plan: e });
      } else raw.push({ start: s, end, name: e.name, kind: 'person', role: e.role, gender: e.gender, single: true, unknown: false, plan: e, label });
    }
  }
  return resolveMentions(text, raw, participants, participantTokens);
}

type RawMention = Mention & { unknown: boolean; plan: PlannedMention; label?: boolean };

/** Club words that end team names ("Aston Villa", "Blackburn Rovers"); a team only with sports context (see below). */
const CLUB_WORDS = new Set(['villa', 'rovers', 'rangers', 'athletic', 'wanderers', 'albion', 'hotspur', 'argyle', 'county', 'town', 'united', 'city', 'wednesday', 'palace', 'celtic']);
const PLACE_PREPOSITION_BEFORE_RE = /\b(?:in|at|near|outside|across|from|to|of)\s+(?:the\s+)?$/i;
const PLACE_PREPOSITIONS_ONLY_RE = /\b(?:in|near|outside|across)\s+(?:the\s+)?$/i;
const SPORTS_BEFORE_RE = /\b(?:against|beat|beating|beaten|host|hosts|hosting|visit|visiting|face|faces|facing|draw with|drew with|lost to|loss to|win over|victory over|defeat to|defeat by|joined|join|signed for|sign for|move to)\s+(?:the\s+)?$/i;
/** ", Colorado", ", New South Wales": a place after the comma, but not a possessive ("Tevita Fifita, Tonga's climate envoy"). */
const STATE_OR_COUNTRY_AFTER_RE = /^,\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)(?![\p{L}'’])/u;

/**
 * A name of two or more words read as a person by its run alone, with no title and no known given name to open it, that its
 * context shows is a place or a team: "Colorado Springs, Colorado" (a place the gazetteer knows follows after a comma), "in
 * Colorado Springs" (a place preposition before it), "against Aston Villa" / "at Aston Villa" (a club word with sports or
 * place context), "Washington D.C." (a known place and an initialism).
 */
function notAPersonHere(text: string, e: PlannedMention, start: number, end: number): 'place' | 'organization' | null {
  const tokens = e.lowerTokens;
  // A title is person evidence ("Residents of Cedar Rapids" leaves a "role" that is none).
  if (tokens === null || isGivenName(tokens[0]!) || (e.role !== null && e.role.split(' ').some((w) => TITLE_WORDS.has(w.toLowerCase()) || HONORIFICS.has(w.toLowerCase())))) return null;
  const words = e.name.split(' ');
  if (words.length === 2 && placeOf(words[0]!) && /^(?:[A-Z]\.){2,3}$/.test(words[1]!)) return 'place';
  const before = text.slice(Math.max(0, start - 24), start);
  if (CLUB_WORDS.has(tokens[tokens.length - 1]!) && (SPORTS_BEFORE_RE.test(before) || PLACE_PREPOSITION_BEFORE_RE.test(before))) return 'organization';
  const after = STATE_OR_COUNTRY_AFTER_RE.exec(text.slice(end, end + 40));
  if (after && (placeOf(after[1]!) || placeOf(after[1]!.split(/\s/)[0]!))) return 'place';
  if (PLACE_PREPOSITIONS_ONLY_RE.test(before)) return 'place';
  // A constituency: "the Tory MP for Sleaford and North Hykeham", "the Ealing North MP".
  if (CONSTITUENCY_BEFORE_RE.test(text.slice(Math.max(0, start - 60), start))) return 'place';
  if (words.length <= 3 && !tokens.some((t) => ORG_HEADS.has(t)) && /\bthe\s+$/i.test(before) && MEMBER_AFTER_RE.test(text.slice(end, end + 6))) return 'place';
  return null;
}
/** A member's seat before a name: "MP for ", "MSP for Sleaford and ", "the constituency of ". */
const CONSTITUENCY_BEFORE_RE = /\b(?:MP|MSP|MEP|AM|member|seat|constituency)\s+(?:for|of)\s+(?:\p{Lu}[\p{L}'’-]*\s+(?:and\s+|&\s+)?){0,4}$/u;
/** A member's letters after a seat's name: " MP", " MSP". */
const MEMBER_AFTER_RE = /^\s+(?:MP|MSP|MEP|AM)\b/;

/** An inverted speech verb and maybe a short description before a name: "said ", "says Brazilian fan ", "wrote reader ". */
const INVERTED_VERB_BEFORE_RE = /\b(?:said|says|added|adds|asked|asks|wrote|writes|explained|explains|recalled|recalls|tweeted)\s+(?:(?:[a-z’'-]+|\p{Lu}\p{Ll}+)\s+){0,3}$/u;

/**
 * "Dan Lane calls it", "Rachel Street said": a given name and one word that reads as a street or a place, followed by a
 * speech verb, is a person's name.
 */
function personNamedLikePlace(text: string, name: string, end: number): boolean {
  const space = name.indexOf(' ');
  if (space < 0 || name.indexOf(' ', space + 1) >= 0 || !isGivenName(name.slice(0, space).toLowerCase())) return false;
  const after = text.slice(end, end + 40);
  return SPEECH_VERB_AFTER_RE.test(after) || REPORTING_AFTER_RE.test(after);
}
/** Verbs of reporting and judging that do not open SPEECH_VERB_AFTER_RE: " calls it", " described". */
const REPORTING_AFTER_RE = /^\s+(?:\w+ly\s+)?(?:calls|called|describes|described|believes|believed|thinks|thought|argues|argued|insists|warns|urges|urged)\b/;

/** A relation named through someone before a name: "His brother ", "her late husband ", "Mr Ambani's son ", "his wife, ex-model ". */
const RELATION_BEFORE_RE =
  /(?:\b(?:his|her|their|my|our)|\p{Lu}[\p{L}-]*['’]s?)\s+(?:(?:elder|younger|older|eldest|youngest|late|twin|estranged|former|new)\s+)?(?:brother|sister|wife|husband|son|daughter|father|mother|uncle|aunt|cousin|nephew|niece|grandson|granddaughter|grandfather|grandmother|stepson|stepdaughter|stepfather|stepmother|widow|widower|fianc[ée]e?|girlfriend|boyfriend)(?:\s*,\s*(?:[a-z-]+\s+){1,3}|\s*,?\s+)$/iu;

/** A relation's noun somewhere before the name: the quick test before RELATION_BEFORE_RE, which must hold one. */
const RELATION_WORD_RE = /brother|sister|wife|husband|son|daughter|father|mother|uncle|aunt|cousin|nephew|niece|widow|fianc|friend/i;

/**
 * "His brother Anil, the vice-chairman, said": one word after a relation named through someone is that relative's name.
 * Most single words follow a sentence's end or no relation at all, so two quick tests come first: whitespace right before
 * the name after a letter, comma or hyphen (what the pattern's end can be), and a relation's noun in the window.
 */
export function nameAfterRelation(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0 && isWhitespace(text.charCodeAt(j))) j--;
  if (j === start - 1 || j < 0) return false;
  const c = text.charCodeAt(j);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 127 || c === 44 || c === 45)) return false;
  const window = text.slice(Math.max(0, start - 60), start);
  return RELATION_WORD_RE.test(window) && RELATION_BEFORE_RE.test(window);
}

/** "said Toni, visiting from Switzerland", "says Brazilian fan Melissa": a given name alone after an inverted verb is a person. */
function givenNameAfterVerb(text: string, lower: string, start: number): boolean {
  return isGivenName(lower) && INVERTED_VERB_BEFORE_RE.test(text.slice(Math.max(0, start - 50), start));
}

const TRANSCRIPT_LINE_RE = /(?<![\p{L}\p{N}'’])(\p{Lu}\p{Ll}+):\s*["“‘]/gu;

/**
 * `Kimmy: "But he is good at math." Titus: "I don't make the rules."`: one word, a colon and a quotation, twice or more, is a
 * speaker's label in a transcript or a script (a heading such as "Update:" is not repeated so, or is a common word).
 */
function transcriptSpeakers(text: string): Set<string> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(TRANSCRIPT_LINE_RE)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const out = new Set<string>();
  for (const [word, n] of counts) if (n >= 2 && !COMMON_CAPITALISED.has(word.toLowerCase()) && !NOT_A_NAME.has(word.toLowerCase()) && nonNounClass(word.toLowerCase()) === undefined) out.add(word);
  return out;
}

/** A single word is a person when an age or a speech verb follows it. */
export function cueAfter(after: string): boolean {
  return AGE_AFTER_RE.test(after) || SPEECH_VERB_AFTER_RE.test(after);
}

/** The first characters either cue regex can read after its leading whitespace: "," and the verbs' and adverbs' first letters. */
const CUE_OPENERS = new Set([',', ...'has had have also later previously then once said says told tells added adds explained insisted warned stated declared noted claimed argued wrote writes tweeted replied admitted confirmed revealed recalled announced urged stressed joked asked agreed'.split(' ').map((w) => w[0]!)]);

/** Whether AGE_AFTER_RE or SPEECH_VERB_AFTER_RE may match `text.slice(end, end + 40)`: its first non-space character opens one. */
export function mayOpenCue(text: string, end: number): boolean {
  const stop = Math.min(text.length, end + 40);
  let j = end;
  while (j < stop && isWhitespace(text.charCodeAt(j))) j++;
  return j < stop && CUE_OPENERS.has(text[j]!);
}

/**
 * What a capitalised run holds, with offsets into the run: the names in it, classified as far as the run
 * alone tells. A lone word with no title (`singleNeedsCue`) is left for the text after it to decide.
 */
interface PlannedMention extends Mention {
  unknown: boolean;
  singleNeedsCue: boolean;
  /** `name.toLowerCase()` */
  lower: string;
  /** Each word of the name in lower case, for a person named by more than one word. */
  lowerTokens: readonly string[] | null;
}

/** Two capitalised words that may be a person's name: neither a title, an organisation's or place's word, nor an event's. */
function plainTwoWordName(first: string, second: string): boolean {
  const words = [first, second];
  if (!words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return false;
  const lower = words.map((w) => w.toLowerCase());
  if (lower.some((w) => TITLE_WORDS.has(w) || HONORIFICS.has(w) || ORG_HEADS.has(w) || ORG_LEADS.has(w) || PLACE_HEADS.has(w) || NOT_A_NAME.has(w) || COMMON_CAPITALISED.has(w))) return false;
  return classifyBody(words, `${first} ${second}`) === 'unknown' && placeOf(first) === null && placeOf(second) === null;
}

/** Runs recur within a story and across stories, and a run is read the same way every time: remember the readings (bounded). */
const PLANS = new BoundedMemo<string, readonly PlannedMention[]>(20_000, planRun);

function runPlan(run: string): readonly PlannedMention[] {
  return PLANS.get(run);
}

function planRun(run: string): PlannedMention[] {
  const raw: Array<Omit<PlannedMention, 'lower' | 'lowerTokens'>> = [];
  /** `employer`: the run followed "<person> of", so it names where they work unless it is a known place. */
  const pending: Array<{ tokens: string[]; start: number; employer?: boolean }> = [{ tokens: tokensOf(run), start: 0 }];
  for (let p = 0; p < pending.length; p++) {
    let { tokens, start } = pending[p]!;
    // A name is a handful of words. A longer capitalised run ("A. A. A. ...", a shouted caption) is
    // not one, and the prefix search below would be quadratic in its length.
    if (tokens.length > MAX_RUN_TOKENS) continue;
    // Drop sentence-initial words and other capitalised function words at the front, and at the back
    // when a caption runs into the next sentence ("... Armenians In her book").
    // "Concluding Top Gear chiefs ...", "Interestingly, ...": a word that is never a noun (by the POS lexicon) opens no name.
    // ... but a given name opens one ("Peter Gaver", though "peter" is only ever a verb).
    // ("Downing Street": unless the first two words are an institution the gazetteer knows.)
    while (tokens.length > 1 && (COMMON_CAPITALISED.has(tokens[0]!.toLowerCase()) || (opensNoName(tokens[0]!.toLowerCase()) && !isGivenName(tokens[0]!.toLowerCase()) && gazetteerOrganisation(`${tokens[0]} ${tokens[1]}`) === null)) && !HONORIFICS.has(tokens[0]!.toLowerCase())) {
      start += tokens[0]!.length + 1;
      tokens = tokens.slice(1);
    }
    while (tokens.length > 0 && COMMON_CAPITALISED.has(tokens[0]!.toLowerCase()) && !HONORIFICS.has(tokens[0]!.toLowerCase())) {
      start += tokens[0]!.length + 1;
      tokens = tokens.slice(1);
    }
    while (tokens.length > 1 && COMMON_CAPITALISED.has(tokens[tokens.length - 1]!.toLowerCase()) && !endsOnOrganisationHead(tokens)) tokens = tokens.slice(0, -1);
    // A nationality before a name is not part of it: "Australian Marc Leishman".
    if (tokens.length >= 3 && partyOf(tokens[0]!) && !placeOf(tokens[0]!) && !gazetteerOrganisation(tokens[0]!)) {
      start += tokens[0]!.length + 1;
      tokens = tokens.slice(1);
    }
    if (tokens.length === 0) continue;
    // "Speaking in Harrogate Mr Kennedy said": Mr, Mrs, Ms or Miss inside a run opens a person's name; the words before it are
    // something else (unless they are all a role: "Home Secretary Mr Clarke").
    const honorific = tokens.findIndex((t, k) => k > 0 && k < tokens.length - 1 && SURNAME_HONORIFICS.has(t.toLowerCase()));
    if (honorific > 0 && !tokens.slice(0, honorific).every((t) => TITLE_WORDS.has(t.toLowerCase()) || HONORIFICS.has(t.toLowerCase()))) {
      const restStart = start + tokens.slice(0, honorific).join(' ').length + 1;
      pending.splice(p + 1, 0, { tokens: tokens.slice(0, honorific), start }, { tokens: tokens.slice(honorific), start: restStart });
      continue;
    }
    // "United Kingdom-based International Animal Rescue", "London-based Oxfam": the words up to "-based" say where the
    // organisation (or person) after them is; they are a place (or nothing), not part of the name.
    const based = tokens.findIndex((t, k) => k < tokens.length - 1 && BASED_RE.test(t));
    if (based >= 0) {
      const prefix = tokens.slice(0, based + 1).join(' ');
      const kind = placeOf(prefix.replace(BASED_RE, '')) ? 'place' : 'other';
      raw.push({ start, end: start + prefix.length, name: prefix, kind, role: null, gender: null, single: based === 0, unknown: false, singleNeedsCue: false });
      pending.splice(p + 1, 0, { tokens: tokens.slice(based + 1), start: start + prefix.length + 1 });
      continue;
    }
    // A crosshead in capitals ("COULD PLANE HAVE STALLED?") or a vessel ("USS Sampson", "HMS Victory") names no person.
    if ((tokens.length >= 2 && tokens.every(isShouted)) || (tokens.length >= 2 && VESSEL_PREFIXES.has(tokens[0]!))) {
      const name = tokens.join(' ');
      raw.push({ start, end: start + name.length, name, kind: 'other', role: null, gender: null, single: false, unknown: false, singleNeedsCue: false });
      continue;
    }
    // A known place or organisation glued to a name: "United Nations Samantha Power".
    const wholeKind = tokens.length >= 3 ? classifyBody(tokens, tokens.join(' ')) : 'unknown';
    if (tokens.length >= 3 && (wholeKind === 'unknown' || wholeKind === 'other')) {
      let split = 0;
      for (let k = tokens.length - 2; k >= 1 && split === 0; k--) {
        // (Not before a lower-case particle: "Chad le Clos", "Jordan de Goey" are names that open on a place's.)
        if (CONNECTOR_WORDS.has(tokens[k]!) && tokens[k] !== 'of') continue;
        const prefix = tokens.slice(0, k).join(' ');
        if (placeOf(prefix) || gazetteerOrganisation(prefix)) split = k;
      }
      if (split > 0) {
        const restStart = start + tokens.slice(0, split).join(' ').length + 1;
        pending.splice(p + 1, 0, { tokens: tokens.slice(0, split), start }, { tokens: tokens.slice(split), start: restStart });
        continue;
      }
    }
    // "David Williams of Ladbrokes": a person's full name (a known first name, no title), then where they work.
    // "Dr. Natasha Burgert of KC Kids Doc", "Mr Smith of Ladbrokes": a personal title names a person just as well.
    // "Cara Diemont of IT firm ...", "Orin Middleton of Barclays Capital": two plain words before "of" that make no place,
    // organisation, title or event are a full name too, whether or not the given name is a known one.
    const of = tokens.indexOf('of');
    const titled = PERSONAL_TITLES.has(tokens[0]!.toLowerCase()) ? 1 : 0;
    // (After role words: "Economist Tomasz Wrobel of Hypovereinsbank".)
    let leadingRoles = 0;
    while (leadingRoles < of && TITLE_WORDS.has(tokens[leadingRoles]!.toLowerCase())) leadingRoles++;
    const plainName = of - leadingRoles === 2 && plainTwoWordName(tokens[leadingRoles]!, tokens[leadingRoles + 1]!);
    if (
      of >= 2 &&
      of < tokens.length - 1 &&
      (plainName ||
        ((titled === 1 || genderOf(tokens[0], []) !== null) && !tokens.slice(titled, of).some((t) => TITLE_WORDS.has(t.toLowerCase()) || HONORIFICS.has(t.toLowerCase()))))
    ) {
      const restStart = start + tokens.slice(0, of + 1).join(' ').length + 1;
      pending.splice(p + 1, 0, { tokens: tokens.slice(0, of), start }, { tokens: tokens.slice(of + 1), start: restStart, employer: true });
      continue;
    }
    const fullName = tokens.join(' ');
    const whole = classifyBody(tokens, fullName);
    // "Neighbouring Liberia", "Rural Kansas": a word that is no given name before a known place is no person's name.
    if (whole === 'unknown' && tokens.length === 2 && !isGivenName(tokens[0]!.toLowerCase()) && !TITLE_WORDS.has(tokens[0]!.toLowerCase()) && !HONORIFICS.has(tokens[0]!.toLowerCase()) && placeOf(tokens[1]!) !== null) {
      const placeStart = start + tokens[0]!.length + 1;
      raw.push({ start: placeStart, end: placeStart + tokens[1]!.length, name: tokens[1]!, kind: 'place', role: null, gender: null, single: true, unknown: false, singleNeedsCue: false });
      continue;
    }
    if (pending[p]!.employer && whole !== 'place') {
      raw.push({ start, end: start + fullName.length, name: fullName, kind: 'organization', role: null, gender: null, single: tokens.length === 1, unknown: false, singleNeedsCue: false });
      continue;
    }
    if (whole !== 'unknown' && whole !== 'other') {
      raw.push({ start, end: start + fullName.length, name: fullName, kind: whole, role: null, gender: null, single: tokens.length === 1, unknown: false, singleNeedsCue: false });
      continue;
    }
    // Strip titles: "Foreign Minister Kang Kyung-wha" -> role "Foreign Minister", name "Kang Kyung-wha".
    let bStart = 0;
    let bEnd = tokens.length;
    while (bEnd - bStart > 1 && POSTNOMINALS.has(tokens[bEnd - 1]!)) bEnd--;
    // Leading title words are a role: "Trade Secretary Maria Lopez", "Mr Wang", "Secretary of State John Kerry".
    while (bStart < bEnd - 1) {
      const l = tokens[bStart]!.toLowerCase();
      if (HONORIFICS.has(l) || TITLE_WORDS.has(l) || (l === 'of' && bStart > 0)) bStart++;
      else break;
    }
    while (bStart > 0 && tokens[bStart - 1] === 'of') bStart--;
    if (bEnd - bStart > 3 && tokens.slice(0, bEnd - 2).some((t) => TITLE_WORDS.has(t.toLowerCase()))) {
      // "Marine Maj. Gen. Joseph L. Osterman": a middle initial keeps the given name before it.
      bStart = /^\p{Lu}\.$/u.test(tokens[bEnd - 2]!) && !TITLE_WORDS.has(tokens[bEnd - 3]!.toLowerCase()) ? bEnd - 3 : bEnd - 2;
    }
    // "Duke of Cambridge", "Crown Prince bin Salman": after "of", or a particle that follows a title, the name begins.
    // Between names a lower-case particle is part of the name: "Erik van Sebille", "Charles de Gaulle".
    for (let k = bEnd - 1; k >= bStart; k--) {
      const t = tokens[k]!;
      if (!CONNECTOR_WORDS.has(t)) continue;
      const before = k > 0 ? tokens[k - 1]!.toLowerCase() : '';
      if (t === 'of' || k === 0 || TITLE_WORDS.has(before) || HONORIFICS.has(before) || !isLowerParticle(t)) {
        bStart = k + 1;
        break;
      }
    }
    if (bStart >= bEnd) continue;
    // "the Prime Minister": all title words, a reference by role, resolved below. But after Mr, Mrs, Ms or Miss a title
    // word is a surname: "Ms Bishop", "Mr Major".
    const surnameAfterHonorific = bStart === 1 && bEnd === 2 && SURNAME_HONORIFICS.has(tokens[0]!.toLowerCase());
    if (!surnameAfterHonorific && tokens.slice(bStart, bEnd).every((t) => TITLE_WORDS.has(t.toLowerCase()) || HONORIFICS.has(t.toLowerCase()))) bStart = 0;
    const titles = tokens.slice(0, bStart);
    const body = tokens.slice(bStart, bEnd);
    const bodyStart = start + tokens.slice(0, bStart).reduce((n, t) => n + t.length + 1, 0);
    const name = body.join(' ');
    // "U.S. Ambassador": a name cannot end in a title word.
    // ("Cabinet Secretary", "Industry Minister", "Commons Speaker": a post, not a person's name, unless a given name opens it.)
    const last = body[body.length - 1]!.toLowerCase();
    if (body.length > 1 && TITLE_WORDS.has(last) && (partyOf(body[0]!) || placeOf(body[0]!) || (POST_HEADS.has(last) && !isGivenName(body[0]!.toLowerCase()) && !body.every((t) => TITLE_WORDS.has(t.toLowerCase()))))) continue;
    const roleWords = titles.filter((t) => !HONORIFICS.has(t.toLowerCase()));
    while (roleWords.length > 0 && CONNECTOR_WORDS.has(roleWords[0]!)) roleWords.shift();
    while (roleWords.length > 0 && CONNECTOR_WORDS.has(roleWords[roleWords.length - 1]!)) roleWords.pop();
    const role = roleWords.length > 0 ? roleWords.join(' ') : null;
    const bodyKind = titles.length > 0 ? classifyBody(body, name) : whole;
    if (bodyKind === 'place' || bodyKind === 'organization') {
      raw.push({ start: bodyStart, end: bodyStart + name.length, name, kind: bodyKind, role: null, gender: null, single: body.length === 1, unknown: false, singleNeedsCue: false });
      continue;
    }
    // "General Election": a title before words that are no name is no person either.
    if (bodyKind === 'other' && (titles.length === 0 || body.every((t) => NOT_A_NAME.has(t.toLowerCase())))) {
      raw.push({ start, end: start + fullName.length, name: fullName, kind: 'other', role: null, gender: null, single: tokens.length === 1, unknown: false, singleNeedsCue: false });
      continue;
    }
    const gender = genderOf(body[0], titles);
    const end = bodyStart + name.length;
    if (body.length === 1 && titles.length === 0) {
      raw.push({ start: bodyStart, end, name, kind: 'other', role, gender, single: true, unknown: true, singleNeedsCue: true });
      continue;
    }
    if (body.length > 5) {
      raw.push({ start: bodyStart, end, name, kind: 'other', role, gender, single: false, unknown: false, singleNeedsCue: false });
      continue;
    }
    raw.push({ start: bodyStart, end, name, kind: 'person', role, gender, single: body.length === 1, unknown: false, singleNeedsCue: false });
  }
  return raw.map((e) => ({
    start: e.start,
    end: e.end,
    name: e.name,
    kind: e.kind,
    role: e.role,
    gender: e.gender,
    single: e.single,
    unknown: e.unknown,
    singleNeedsCue: e.singleNeedsCue,
    lower: e.name.toLowerCase(),
    lowerTokens: e.kind === 'person' && !e.single ? e.name.split(' ').map((t) => t.toLowerCase()) : null,
  }));
}

/** The index of the first mention starting at or after `at` in a list in text order (as findMentions gives them). */
export function firstMentionFrom(mentions: readonly Mention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mentions of a text, from the runs' readings: single words and roles resolved against the whole text's names. */
function resolveMentions(text: string, raw: RawMention[], participants: readonly Participant[], participantTokens: ReadonlyMap<string, string>): Mention[] {
  // A name shown by its context to be a place or a team is one wherever it recurs without a title.
  const notPeople = new Map<string, MentionKind>();
  // But the last words of a fuller person's name in the story are that person, whatever the context: "in Van Gaal's 3-5-2
  // system" after "Louis van Gaal" is the manager's, and so is every other "Van Gaal".
  const tails = new Set<string>();
  for (const m of raw) {
    if (m.kind !== 'person' || m.single || m.plan.kind !== 'person') continue;
    const words = m.plan.lower.split(' ');
    for (let i = 1; i < words.length - 1; i++) tails.add(words.slice(i).join(' '));
  }
  for (const m of raw) {
    if (m.kind === 'person' || m.plan.kind !== 'person') continue;
    if (tails.has(m.plan.lower)) m.kind = 'person';
    else notPeople.set(m.name, m.kind);
  }
  for (const m of raw) if (m.kind === 'person' && !m.role && !m.single && notPeople.has(m.name)) m.kind = notPeople.get(m.name)!;
  // A single word that is part of a fuller person's name is that person ("Kang" after "Kang Kyung-wha").
  const personTokens = new Set<string>();
  for (const m of raw) {
    // (Only the plan makes a person of more than one word, and it lower-cased the words.)
    if (m.kind === 'person' && !m.single) for (const t of m.plan.lowerTokens!) personTokens.add(t);
  }
  // ("King said" in a story about B.B. King: a title word that is a word of a full name is a surname, see below.)
  const fullNameTokens = new Set(personTokens);
  // "pop star Dencia has hit out ... Dencia said": a lone word a speech verb or an age shows to be a person once is that
  // person wherever else it stands without a cue.
  for (const m of raw) if (m.kind === 'person' && m.single && m.plan.singleNeedsCue && !m.label) personTokens.add(m.plan.lower);
  for (const t of participantTokens.keys()) {
    for (const w of t.split(' ')) {
      personTokens.add(w);
      fullNameTokens.add(w);
    }
  }
  // "attorney Jerryl Christmas said", "'Mama' June Shannon ... June said": a month or holiday word that is someone's name.
  // "Shares in UK Coal", "Game maker Valve", "Vodafone's chief executive": a name the story shows to be a firm is one
  // wherever it recurs.
  const firms = new Set<string>();
  for (const m of raw) if (m.kind !== 'organization' && firmByContext(text, m)) firms.add(m.name);
  for (const m of raw) if (firms.has(m.name) && !m.role && !isGivenName(m.plan.lower.split(' ')[0]!)) m.kind = 'organization';
  const calendarNames = calendarPeople(text, raw);
  for (const m of raw) {
    if (calendarNames.has(m)) m.kind = 'person';
    else if (speaksAsOrganisation(text, m) || publicationTitle(text, m)) m.kind = 'organization';
    else if (speaksAsPerson(text, m)) m.kind = 'person';
  }
  const out: Mention[] = [];
  for (const m of raw) {
    // An unknown single word, and also "Jordan said" in a story about Louis Jordan (the man, not the country), and
    // "Hall admits" in a story about Dougie Hall (a word that is usually no name, "hall", is his here).
    if ((m.unknown || (m.single && (m.kind === 'place' || m.kind === 'other'))) && personTokens.has(m.plan.lower)) m.kind = 'person';
    out.push({ start: m.start, end: m.end, name: m.name, kind: m.kind, role: m.role, gender: m.gender, single: m.single });
  }
  // "the Prime Minister said" names a person by role: resolve it to the person given that role.
  const byRole = new Map<string, Mention>();
  // "King Albert II ... King Juan Carlos ... the King noted": of several holders of a role, the one named last before the
  // reference (else the first after it) is meant, not the last in the story.
  const holders = new Map<string, Mention[]>();
  for (const m of out) {
    if (m.kind !== 'person' || !m.role || m.single) continue;
    const role = m.role.toLowerCase();
    byRole.set(role, m);
    const list = holders.get(role);
    if (list === undefined) holders.set(role, [m]);
    else list.push(m);
  }
  const nearestHolder = (role: string, at: number): Mention | undefined => {
    const list = holders.get(role);
    if (list === undefined) return undefined;
    let best = list[0]!;
    for (const h of list) if (h.start < at) best = h;
    return best;
  };
  for (const p of participants) {
    if (!p.role) continue;
    byRole.set(p.role.toLowerCase(), { start: -1, end: -1, name: p.name, kind: 'person', role: p.role, gender: null, single: false });
    holders.delete(p.role.toLowerCase());
  }
  for (let k = 0; k < out.length; k++) {
    const m = out[k]!;
    if (m.kind !== 'person' || m.role) continue;
    const lower = raw[k]!.plan.lower;
    const space = lower.indexOf(' ');
    const first = space < 0 ? lower : lower.slice(0, space);
    if (!TITLE_WORDS.has(first) && !HONORIFICS.has(first)) continue;
    const words = space < 0 ? [lower] : lower.split(' ');
    if (!words.every((w) => TITLE_WORDS.has(w) || HONORIFICS.has(w))) continue;
    // "King said" in a story about B.B. King: a surname that happens to be a title word.
    if (words.length === 1 && fullNameTokens.has(words[0]!)) continue;
    const holder = nearestHolder(m.name.toLowerCase(), m.start) ?? byRole.get(m.name.toLowerCase()) ?? byRoleTail(byRole, m.name.toLowerCase());
    if (holder) {
      m.role = m.name;
      m.name = holder.name;
    } else m.kind = 'other';
  }
  learnCompanies(text, out, participants);
  learnGenders(text, out);
  return out;
}

/** After a one-word name: ", which" (a person takes "who"), or a verb and "its" ("Umbro announced its sponsorship"). */
const COMPANY_AFTER_RE = /^(?:,\s+which\s|\s+(?:\w+ly\s+)?(?:has\s+|had\s+|have\s+)?\p{Ll}+\s+its\s)/u;

/**
 * "Umbro, which lost its deals ...", "Valve ... Umbro announced its sponsorship": a one-word name that no given name, title
 * or pronoun makes a person, and that once takes "which" or a verb and "its" after it, names a company wherever it stands.
 */
function learnCompanies(text: string, mentions: Mention[], participants: readonly Participant[]): void {
  const companies = new Set<string>();
  const people = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    // (The surname of a full name is a person's: "Manuel Millan ... Millan, which ...".)
    if (!m.single || m.gender || m.role || isGivenName(m.name.toLowerCase())) {
      people.add(m.name);
      if (m.name.includes(' ')) for (const t of m.name.split(' ')) people.add(t);
    }
    else if (COMPANY_AFTER_RE.test(text.slice(m.end, m.end + 40))) companies.add(m.name);
  }
  for (const p of participants) for (const n of [p.name, ...p.aliases]) people.add(n);
  // "Multiplex Group, which is building the stadium ... Multiplex will have to win legal claims": the first word of a company's
  // name and a corporate suffix, alone, is that company.
  const byFirstWord = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'organization') continue;
    const words = m.name.split(' ');
    if (words.length === 2 && CORPORATE_SUFFIXES.has(words[1]!.toLowerCase()) && !people.has(words[0]!)) byFirstWord.add(words[0]!);
  }
  for (const m of mentions) {
    if (!m.single || (m.kind !== 'person' && m.kind !== 'other')) continue;
    // (It keeps the name written: a story's "Multiplex" is what readers call the company.)
    if (byFirstWord.has(m.name) && m.gender === null && !people.has(m.name)) m.kind = 'organization';
    else if (m.kind === 'person' && companies.has(m.name) && !people.has(m.name)) m.kind = 'organization';
  }
}
const CORPORATE_SUFFIXES = new Set(['group', 'holdings', 'plc', 'inc', 'corp', 'corporation', 'ltd', 'limited', 'co', 'company', 'airlines', 'airways', 'motors', 'industries', 'international', 'systems', 'technologies', 'communications', 'entertainment', 'pharmaceuticals', 'bank']);

/** "said United Kingdom-based International Animal Rescue", "according to the World Vision": an inverted verb before a name. */
const SAID_BEFORE_NAME_RE = /\b(?:said|says|added|adds|according to)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}.]*\s+){0,3}?[\p{L}.]+-(?:based|headquartered)\s+)?$/u;
/** "at the World Cup Defoe added": a name after a preposition is a thing the sentence is about, glued to the speaker. */
const PREPOSITION_THE_BEFORE_RE = /\b(?:in|at|on|of|for|from|to|with|during|after|before|since)\s+(?:the\s+)?$/i;

/**
 * A name of several words read as no name (an event word, "World", "Hall", "Fame") that speaks is an organisation: "World
 * Vision said", "the Rock and Roll Hall of Fame announced", "said Global Witness". Not when it holds a title or a given name
 * ("Assistant Attorney General", "Rolling Stone Managing Editor Will Dana": a role or a person, read elsewhere).
 */
function speaksAsOrganisation(text: string, m: RawMention): boolean {
  if (m.kind !== 'other' || m.single || !m.name.includes(' ') || isShouted(m.name.replace(/ /g, ''))) return false;
  const words = m.plan.lower.split(' ');
  // (Only a run that a word of events made no name; a longer run, "Rolling Stone Managing Editor Will Dana", is a role and a name.)
  if (words.length > 5 || !words.some((w) => NOT_A_NAME.has(w))) return false;
  if (words.some((w) => TITLE_WORDS.has(w) || HONORIFICS.has(w) || isGivenName(w))) return false;
  const before = text.slice(Math.max(0, m.start - 60), m.start);
  if (PREPOSITION_THE_BEFORE_RE.test(before)) return false;
  return (mayOpenCue(text, m.end) && SPEECH_VERB_AFTER_RE.test(text.slice(m.end, m.end + 40))) || SAID_BEFORE_NAME_RE.test(before);
}

/** Before a name, words that make it a firm: "shares in ", "game maker ", "the retailer ", "rival carmaker ". */
const FIRM_BEFORE_RE =
  /(?:\bshares\s+in|\b(?:maker|makers|retailer|carmaker|manufacturer|airline|carrier|lender|insurer|supermarket|chain|conglomerate)|\b(?:firm|company|group|giant|bank)\s+(?!of\b))\s+$/i;
/** After a name, words that make it a firm: "'s shares", " shares fell", "'s chief executive", " chief executive Gerry Spindler". */
const FIRM_AFTER_RE = /^(?:['’]s?\s+(?:shares|share price|profits?|chief executive|chairman|board|shareholders|stores|customers)|\s+(?:shares|stock)\s+(?:fell|rose|dropped|slipped|climbed|jumped|closed|were|have)|\s+(?:plc|Inc|Ltd)\b)/u;

/**
 * A name its context shows to be a firm: after "shares in" or an industry's noun ("Game maker Valve"), before "'s shares",
 * "'s chief executive", "shares fell". Not a name with a title or opened by a known given name (a person's), nor
 * one after a person's possessive ("the retailer's founder").
 */
function firmByContext(text: string, m: RawMention): boolean {
  // (Not a letter cut from a name such as "M&S".)
  if (m.role || m.kind === 'organization' || m.name.length < 3) return false;
  const first = m.plan.lower.split(' ')[0]!;
  if (isGivenName(first) || HONORIFICS.has(first)) return false;
  if (HONORIFICS.has(text.slice(Math.max(0, m.start - 5), m.start).trim().toLowerCase())) return false;
  return FIRM_BEFORE_RE.test(text.slice(Math.max(0, m.start - 30), m.start)) || FIRM_AFTER_RE.test(text.slice(m.end, m.end + 40));
}

/** Months (not "May", a surname too often) and holidays that are also given names or surnames ("June", "Christmas"). */
const CALENDAR_NAME_WORDS = new Set(['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'christmas', 'easter']);
/** Words before a month or holiday that make it a date: "in June", "last Christmas", "early March". */
const DATE_BEFORE_RE = /\b(?:in|on|of|since|until|till|by|last|next|this|early|late|mid|from|through|during|before|after|between|every|each|for|over|at|to|since|that|the|a|merry|happy)\s+$/i;

/**
 * Two-word names that hold a month or a holiday ("June Shannon", "Jerryl Christmas"), read as no name by NOT_A_NAME, that are
 * a person's: the other word is a plain word (no event, title, place or organisation word), no number follows, and the run
 * or its calendar word alone is followed by a speech verb somewhere in the text ("Christmas said", "June said"), not after a
 * date word. Returns those runs and the lone calendar words, outside a date, that stand for them.
 */
function calendarPeople(text: string, raw: readonly RawMention[]): Set<RawMention> {
  const found = new Set<RawMention>();
  const words = new Set<string>();
  const notDate = (m: RawMention): boolean => !DATE_BEFORE_RE.test(text.slice(Math.max(0, m.start - 12), m.start)) && !/^\s*,?\s*\d/.test(text.slice(m.end, m.end + 4));
  const speaks = (m: RawMention): boolean => mayOpenCue(text, m.end) && SPEECH_VERB_AFTER_RE.test(text.slice(m.end, m.end + 40));
  for (const m of raw) {
    if (m.kind === 'person' || m.kind === 'place' || m.single) continue;
    const lower = m.plan.lower.split(' ');
    if (lower.length !== 2) continue;
    const at = CALENDAR_NAME_WORDS.has(lower[0]!) ? 0 : CALENDAR_NAME_WORDS.has(lower[1]!) ? 1 : -1;
    const other = lower[1 - at];
    if (at < 0 || other === undefined || !/^[a-z][a-z'’-]+$/.test(other) || NOT_A_NAME.has(other) || TITLE_WORDS.has(other) || HONORIFICS.has(other)) continue;
    if (ORG_HEADS.has(other) || ORG_LEADS.has(other) || PLACE_HEADS.has(other) || COMMON_CAPITALISED.has(other) || placeOf(m.name.split(' ')[1 - at]!) || !notDate(m)) continue;
    const word = lower[at]!;
    if (speaks(m) || raw.some((x) => x.single && x.plan.lower === word && notDate(x) && speaks(x))) {
      found.add(m);
      words.add(word);
    }
  }
  if (words.size > 0) for (const m of raw) if (m.single && m.kind !== 'person' && words.has(m.plan.lower) && notDate(m)) found.add(m);
  return found;
}

/** Newspapers and journals whose name is one common word after "The": "The Economist", "the Guardian", "The Lancet". */
const PUBLICATION_WORDS = new Set(['economist', 'spectator', 'observer', 'guardian', 'times', 'telegraph', 'independent', 'mirror', 'lancet', 'scotsman']);

/**
 * "The Economist called her 'cautious'", "the Guardian said": one of those words alone after "the" is the publication, not a
 * role ("Economist Jim O'Neill") or a person ("Times said"); a name of more words ("The Times Educational Supplement") is read
 * on its own.
 */
function publicationTitle(text: string, m: RawMention): boolean {
  return m.single && PUBLICATION_WORDS.has(m.plan.lower) && /(?:^|[^\p{L}])[Tt]he $/u.test(text.slice(Math.max(0, m.start - 5), m.start));
}

/** "said Chief Warrant Officer 5 ": a speech verb and a rank or role, right before a name. */
const SAID_RANK_BEFORE_NAME_RE = /\b(?:said|says|added|adds|according to)\s+(?:(?:\p{Lu}[\p{L}.]*\s+){1,5}(?:\d{1,2}\s+)?)?$/u;

/**
 * "said Chief Warrant Officer 5 Reggie Lane", "Grace Hill told": two words read as a place by their last ("Lane", "Hill"), that
 * open on a given name and speak, are a person (streets and parks do not speak).
 */
function speaksAsPerson(text: string, m: RawMention): boolean {
  if (m.kind !== 'place' || m.plan.kind !== 'place') return false;
  const words = m.plan.lower.split(' ');
  if (words.length !== 2 || !isGivenName(words[0]!) || !PLACE_HEADS.has(words[1]!)) return false;
  const before = text.slice(Math.max(0, m.start - 60), m.start);
  return (mayOpenCue(text, m.end) && SPEECH_VERB_AFTER_RE.test(text.slice(m.end, m.end + 40))) || SAID_RANK_BEFORE_NAME_RE.test(before);
}

/** A holder whose role ends with the words given ("Minister" -> the "Prime Minister"), if there is exactly one. */
function byRoleTail(byRole: ReadonlyMap<string, Mention>, tail: string): Mention | undefined {
  let found: Mention | undefined;
  let n = 0;
  for (const [role, m] of byRole) {
    if (!role.endsWith(tail)) continue;
    found = m;
    if (++n > 1) return undefined;
  }
  return found;
}

const HE_WORDS = new Set(['he', 'him', 'his', 'himself']);
const SHE_WORDS = new Set(['she', 'her', 'hers', 'herself']);

/** ASCII word characters (`\w`) and the sentence-ending marks `[.!?]`, by char code. */
const PRONOUN_SCAN = new Uint8Array(128);
const WORD_CHAR = 1;
const TERMINAL = 2;
for (let c = 0; c < 128; c++) PRONOUN_SCAN[c] = /\w/.test(String.fromCharCode(c)) ? WORD_CHAR : /[.!?]/.test(String.fromCharCode(c)) ? TERMINAL : 0;

/**
 * The gender the pronouns after a person mentioned up to `end` give: those up to the sentence's end, within 200
 * characters, and before the next person at `nextStart`. Exactly, with
 *   span = text.slice(end, Math.min(end + (i < 0 ? 200 : i), nextStart, end + 200)) where i = text.slice(end, end + 200).search(/[.!?](?:\s|$)/),
 *   he = span.match(/\b(?:he|him|his|himself)\b/gi)?.length ?? 0 and she likewise for she|her|hers|herself:
 * 'm' when only he > 0, 'f' when only she > 0, else null. Each match is a whole run of ASCII word characters, so one
 * character loop reads the runs and finds the sentence end; the tests hold it to the regexes.
 */
export function pronounGender(text: string, end: number, nextStart: number): Gender {
  const sliceEnd = Math.min(text.length, end + 200);
  const stop = Math.min(sliceEnd, nextStart);
  let he = false;
  let she = false;
  for (let i = end; i < stop; ) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? PRONOUN_SCAN[c]! : 0;
    if (k === 0) {
      i++;
      continue;
    }
    if (k === TERMINAL) {
      if (i + 1 >= sliceEnd || isWhitespace(text.charCodeAt(i + 1))) break;
      i++;
      continue;
    }
    const a = i;
    for (i++; i < stop; i++) {
      const d = text.charCodeAt(i);
      if (d >= 128 || PRONOUN_SCAN[d] !== WORD_CHAR) break;
    }
    const n = i - a;
    const first = c | 32;
    if (n >= 2 && n <= 7 && (first === 104 || first === 115)) {
      const w = text.slice(a, i).toLowerCase();
      if (HE_WORDS.has(w)) he = true;
      else if (SHE_WORDS.has(w)) she = true;
      if (he && she) return null;
    }
  }
  return he ? 'm' : she ? 'f' : null;
}

/** Offsets of the double quotation marks (" “ ”) in `text`, in order: each mark found by the native search, then merged. */
function doubleMarkPositions(text: string): number[] {
  const out: number[] = [];
  for (const mark of ['"', '\u201c', '\u201d']) for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) out.push(i);
  return out.sort((a, b) => a - b);
}

/** A gendered title right before a name: "Mr ", "Mrs. ", "Lady ". */
const TITLE_BEFORE_RE = /\b(?:Mr|Mrs|Ms|Miss|Sir|Lady|Lord|Dame)\.?\s+$/;

/** ", his ", ", her " (maybe after an age: ", 54, his "): a possessive that opens an appositive after a name. */
const POSSESSIVE_APPOSITIVE_RE = /^,\s+(?:\d{1,3},\s+)?(?:his|her)\b/i;

/**
 * Gives people the gender the text implies: a sentence about one person that uses only "he/his"
 * (or only "she/her") tells us which. Names resolved later to the same person share it.
 */
function learnGenders(text: string, mentions: Mention[]): void {
  const byName = new Map<string, Gender>();
  const people = mentions.filter((m) => m.kind === 'person');
  for (const m of people) if (m.gender) byName.set(m.name, m.gender);
  // "Elizabeth Glaser ... Johnson said that Glaser ... answered questions from him": a surname alone takes the gender its
  // full name's given name or title gives (when one person of that surname has one), not a pronoun's that follows it.
  const bySurname = new Map<string, Gender | 'mixed'>();
  for (const p of people) {
    if (p.single || !p.gender) continue;
    const last = p.name.split(' ').pop()!;
    const seen = bySurname.get(last);
    bySurname.set(last, seen === undefined || seen === p.gender ? p.gender : 'mixed');
  }
  // "Andrea Arnold ... Arnold said she": a surname alone that is also a given name ("Arnold", "Isaac") takes the gender of the
  // full name it shortens, not the given name's (a title before it, "Mr Arnold", still decides).
  for (const m of people) {
    if (!m.single || !m.gender || TITLE_BEFORE_RE.test(text.slice(Math.max(0, m.start - 6), m.start))) continue;
    const g = bySurname.get(m.name);
    if ((g === 'm' || g === 'f') && g !== m.gender) m.gender = g;
  }
  for (const m of people) {
    // (Not a given name alone: "Charlotte" after a run "Harry Potter Charlotte" is no surname.)
    const g = m.single && !byName.has(m.name) && genderOf(m.name, []) === null ? bySurname.get(m.name) : undefined;
    if (g === 'm' || g === 'f') byName.set(m.name, g);
  }
  // A double quotation mark ends the pronouns' reach: "'... Valve is taking real steps,' he said" - the pronoun after a
  // closing mark is the speaker's, and one after an opening mark is in someone's speech, not about the name before it.
  const marks = doubleMarkPositions(text);
  let mark = 0;
  // "June Shannon and her husband ... June's oldest daughter ... him": a word alone that is a word of one full name the
  // pronouns have already given a gender (a given name the lists do not know) takes it, before the pronouns after it.
  const fullByWord = new Map<string, string | null>();
  for (const p of people) {
    if (p.single) continue;
    for (const w of p.name.split(' ')) fullByWord.set(w, fullByWord.has(w) && fullByWord.get(w) !== p.name ? null : p.name);
  }
  for (let k = 0; k < people.length; k++) {
    const m = people[k]!;
    if (byName.has(m.name)) continue;
    const full = m.single ? fullByWord.get(m.name) : undefined;
    const known = full ? byName.get(full) : undefined;
    if (known) {
      byName.set(m.name, known);
      continue;
    }
    while (mark < marks.length && marks[mark]! < m.end) mark++;
    const nextPerson = people[k + 1];
    // ("Joanna Shuter, his former head teacher,", "Janie Hendrix, her stepsister,": a possessive opening an appositive after
    // the name is someone else's, whose teacher or sister the person is; the pronouns after it still count.)
    const owner = POSSESSIVE_APPOSITIVE_RE.exec(text.slice(m.end, m.end + 16));
    const g = pronounGender(text, m.end + (owner ? owner[0].length : 0), Math.min(nextPerson ? nextPerson.start : Infinity, marks[mark] ?? Infinity));
    if (g !== null) byName.set(m.name, g);
  }
  // "Okafor said she ..." tells the gender of "Jo Okafor" too, when she is the only full name with that surname.
  const surnameOf = (name: string): string => name.slice(name.lastIndexOf(' ') + 1);
  const fullNamesBySurname = new Map<string, Set<string>>();
  for (const p of people) {
    if (p.single) continue;
    const names = fullNamesBySurname.get(surnameOf(p.name)) ?? new Set<string>();
    fullNamesBySurname.set(surnameOf(p.name), names.add(p.name));
  }
  for (const p of people) {
    if (p.single || byName.has(p.name) || fullNamesBySurname.get(surnameOf(p.name))!.size > 1) continue;
    const g = byName.get(p.name.split(' ').pop()!);
    if (g) byName.set(p.name, g);
  }
  // Share gender across the short and full forms of one name (indexed by token: linear overall).
  const genderByToken = new Map<string, Gender>();
  for (const p of people) {
    if (p.single) continue;
    const g = p.gender ?? byName.get(p.name) ?? null;
    if (!g) continue;
    for (const t of p.name.split(' ')) if (!genderByToken.has(t)) genderByToken.set(t, g);
  }
  for (const m of people) {
    if (m.gender) continue;
    // (A full name takes no gender from another full name with its surname: "Yassine Labidi" says nothing of "Mehrezia Labidi".)
    m.gender = byName.get(m.name) ?? (m.single ? genderByToken.get(m.name) : undefined) ?? null;
  }
}

/**
 * Expands short names to the fullest name known: the participants first, then the text's own
 * fuller mentions ("Kang" -> "Kang Kyung-wha", "Obama" -> "Barack Obama").
 */
export class NameIndex {
  private readonly participants: readonly Participant[];
  /** Fuller names by each of their tokens, in order of appearance. */
  private readonly byToken = new Map<string, Array<{ name: string; start: number; tokens: string[] }>>();

  constructor(mentions: readonly Mention[], participants: readonly Participant[] = []) {
    this.participants = participants;
    const seen = new Set<string>();
    for (const m of mentions) {
      if (m.kind !== 'person') continue;
      if (m.single) {
        if (!this.bareAt.has(m.name)) this.bareAt.set(m.name, m.start);
        continue;
      }
      // Every later mention of a fuller name is kept too (see bearer()).
      if (m.gender && !this.genderOf.has(m.name)) this.genderOf.set(m.name, m.gender);
      const later = this.mentionsOf.get(m.name);
      if (later) later.push(m.start);
      else this.mentionsOf.set(m.name, [m.start]);
      // byToken lists each fuller name once, at its first mention.
      if (seen.has(m.name)) continue;
      seen.add(m.name);
      const tokens = m.name.toLowerCase().split(' ');
      for (const t of new Set(tokens)) {
        let list = this.byToken.get(t);
        if (!list) this.byToken.set(t, (list = []));
        list.push({ name: m.name, start: m.start, tokens });
      }
    }
  }

  /** Where each fuller person name is written out, in order. */
  private readonly mentionsOf = new Map<string, number[]>();
  /** Where each name of one word is first written alone. */
  private readonly bareAt = new Map<string, number>();
  /** The gender known for each fuller person name. */
  private readonly genderOf = new Map<string, Gender>();

  /**
   * What `canonical` answers for each name asked about: a name when `at` does not matter, else the fuller names
   * containing it in order of first mention, each with the name it resolves to.
   */
  private readonly resolved = new Map<string, string | ReadonlyArray<{ start: number; name: string; source: string }>>();

  /**
   * The fullest form of `name`; when several people share a surname, the one whose full name was written most recently
   * before `at` (and not of another gender than a title before the surname gives, `titleGender`).
   */
  canonical(name: string, at = Infinity, titleGender: Gender = null): string {
    let r = this.resolved.get(name);
    if (r === undefined) {
      r = this.resolve(name);
      this.resolved.set(name, r);
    }
    if (typeof r === 'string') return r;
    if (r.length === 1) return r[0]!.name;
    return this.bearer(name, r, at, titleGender);
  }

  /**
   * Which of several people sharing a surname a bare `surname` at `at` means. Writers name a secondary family member in
   * full each time and leave the bare surname to the story's subject ("Frank Jordan told CNN ... Frank Jordan said ...
   * Jordan said" is his son Louis Jordan): so the bearer whose full name the text writes least often, among those
   * introduced before `at`, with the first introduced on a tie. A later-introduced bearer must open with a known given
   * name ("France Gomis" is a stray run, not a Gomis), a second spelling of one person counts as that person ("Andrew M
   * Luger" after "Andy Luger"), and a title's gender rules out bearers of the other ("Mr Obama" after "Michelle Obama").
   */
  private bearer(surname: string, r: ReadonlyArray<{ start: number; name: string; source: string }>, at: number, titleGender: Gender): string {
    // Only full names written after the bare surname came into use count: by then the writer needed to set that bearer apart.
    const firstBare = this.bareAt.get(surname) ?? Infinity;
    const counts = new Map<(typeof r)[number], number>();
    for (const f of r) {
      const own = sameInitialBearer(r, f);
      const after = (this.mentionsOf.get(f.source) ?? []).filter((s) => s > firstBare).length;
      counts.set(own, (counts.get(own) ?? 0) + after);
    }
    // The first introduced stays unless it was set apart at least twice.
    if ((counts.get(r[0]!) ?? 0) < 2) return titleGender ? this.firstOfGender(r, titleGender) : r[0]!.name;
    let best: (typeof r)[number] | null = null;
    for (const [f, n] of counts) {
      if (f !== r[0] && n >= counts.get(r[0]!)!) continue;
      if (f !== r[0] && (f.start >= at || !f.source.endsWith(` ${surname}`) || !isGivenName(f.source.slice(0, f.source.indexOf(' ')).toLowerCase()))) continue;
      const g = this.genderOf.get(f.source);
      if (titleGender && g && g !== titleGender) continue;
      if (best === null || n < counts.get(best)!) best = f;
    }
    return (best ?? r[0]!).name;
  }

  /** The first introduced of `r` not of another gender than `gender`. */
  private firstOfGender(r: ReadonlyArray<{ name: string; source: string }>, gender: Gender): string {
    for (const f of r) {
      const g = this.genderOf.get(f.source);
      if (!g || g === gender) return f.name;
    }
    return r[0]!.name;
  }

  private resolve(name: string): string | ReadonlyArray<{ start: number; name: string; source: string }> {
    const lower = name.toLowerCase();
    for (const p of this.participants) {
      if (p.name.toLowerCase() === lower || p.aliases.some((a) => a.toLowerCase() === lower)) return p.name;
    }
    const tokens = lower.split(' ');
    const fuller: Array<{ start: number; name: string; source: string }> = [];
    for (const f of this.byToken.get(tokens[0]!) ?? []) {
      if (f.tokens.length <= tokens.length) continue;
      if (!containsSequence(f.tokens, tokens)) continue;
      // A participant's listed name wins over the text's spelling of the same person.
      let resolved = f.name;
      for (const p of this.participants) {
        if (p.name.toLowerCase().split(' ').some((t) => f.tokens.includes(t)) && containsSequence(f.tokens, p.name.toLowerCase().split(' '))) {
          resolved = p.name;
          break;
        }
      }
      fuller.push({ start: f.start, name: resolved, source: f.name });
    }
    if (fuller.length > 0) return fuller;
    for (const p of this.participants) {
      if (containsSequence(p.name.toLowerCase().split(' '), tokens)) return p.name;
    }
    return name;
  }

  /** The participant a (canonical) name belongs to, if any. */
  participant(name: string): Participant | undefined {
    const lower = name.toLowerCase();
    return this.participants.find((p) => p.name.toLowerCase() === lower || p.aliases.some((a) => a.toLowerCase() === lower));
  }
}

/**
 * The first-introduced of `bearers` that `f` is likely another spelling of: the same surname and a given name with the same
 * first three letters ("Andrew M Luger" after "Andy Luger"; "John Smith" after "Jane Smith" is another person), else `f` itself.
 */
function sameInitialBearer<T extends { source: string }>(bearers: readonly T[], f: T): T {
  const last = f.source.slice(f.source.lastIndexOf(' ') + 1);
  for (const b of bearers) {
    if (b === f) break;
    if (b.source.slice(0, 3) === f.source.slice(0, 3) && b.source.slice(b.source.lastIndexOf(' ') + 1) === last) return b;
  }
  return f;
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
