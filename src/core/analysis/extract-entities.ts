import type { Participant } from '../briefing/briefing.js';
import { isWhitespace } from './char-class.js';
import { isGivenName } from './first-names.js';
import { gazetteerOrganisation, partyOf, partyOrganisation, placeOf } from './gazetteer.js';
import { BoundedMemo } from './bounded-memo.js';
import { nonNounClass } from './word-classes.js';
import { isOrganisationHead, isTitleWord, type Mention, type NameIndex } from './mentions.js';
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
  const works = namedAsThings(text, mentions, names);
  /** The names that open an organisation's name in this story (`organisationPrefixes`), made when a person is first checked. */
  let orgPrefixes: Set<string> | undefined;

  /** Mentions (by index) taken for people: a list item next to one may be a person named by one word. */
  const listed = new Set<number>();
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.kind !== 'person' && m.kind !== 'place' && m.kind !== 'organization' && m.single) {
      // "Ruth and Peter Gaver": a given name joined to a full name shares its surname.
      const next = mentions[k + 1];
      const shared = next !== undefined ? sharedSurname(text, m, next) : null;
      if (shared !== null && !people.has(shared)) people.set(shared, { name: shared, role: null });
      // "FKA Twigs, Rihanna and Lady Gaga": one name in a list of people is a person's.
      else if (listedWithPeople(text, mentions, k, listed) && mayBeMononym(lowerWords, m.name)) {
        listed.add(k);
        if (!people.has(m.name)) people.set(m.name, { name: m.name, role: null });
      }
      continue;
    }
    if (m.kind === 'person') {
      // A role is title words before the name ("Foreign Minister"); "Shares of General Electric" gives none.
      const stated = m.role !== null && isTitleWord(m.role.slice(m.role.lastIndexOf(' ') + 1)) ? m.role : null;
      const name = trimName(names.canonical(m.name, m.start));
      if (name === null || namesAThing(name) || works.has(name) || quotedTitle(text, m.start, m.end)) continue;
      if (!stated && (listedWithOrganisations(text, mentions, k) || (orgPrefixes ??= organisationPrefixes(mentions)).has(name))) continue;
      const inList = m.single && !stated && listedWithPeople(text, mentions, k, listed);
      // A lone surname the text never expands may still be a stray capitalised word: keep only people with a full name.
      if (!name.includes(' ') && !name.includes('-') && !people.has(name)) {
        if (!stated && !inList) continue;
      }
      if (!people.has(name) && !stated && (notAPerson(name) || commonWordName(lowerWords, name) || afterArticle(text, m.start, name))) continue;
      listed.add(k);
      const role = stated ?? appositiveRole(text, m.end);
      const existing = people.get(name);
      if (!existing) people.set(name, { name, role: role ?? null });
      else if (!existing.role && role) existing.role = role;
    } else if (m.kind === 'place') {
      const name = placeName(m.name);
      // "Million Dollar Baby", "A Nightmare On Elm Street", "the film Twin Peaks": a work's title, no place.
      if (name === null || (works.has(m.name) && placeOf(name) === null)) continue;
      // "New Labour" reads as a place ("New ...") but is a party.
      const party = partyOrganisation(name);
      if (party !== null) {
        if (!organizations.has(party.toLowerCase())) organizations.set(party.toLowerCase(), party);
        continue;
      }
      const canonical = placeOf(name) ?? name;
      if (!places.has(canonical.toLowerCase())) places.set(canonical.toLowerCase(), canonical);
    } else if (m.kind === 'organization') {
      const known = gazetteerOrganisation(m.name);
      if (known === null && !m.name.includes(' ') && notAnOrganisationAcronym(lowerWords, m.name)) continue;
      const canonical = known ?? partyOrganisation(m.name) ?? joinedOrganisationName(text, mentions, k) ?? m.name;
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

/** Words that open an organisation's name before "for": "Institute for Fiscal Studies", "Campaign for Nuclear Disarmament". */
const ORGANISATION_BEFORE_FOR = new Set(
  'institute centre center department commission council society association foundation office campaign coalition alliance fund trust agency ministry committee movement league federation union'.split(' '),
);
/**
 * Last words of public bodies' names, which often hold "and" ("Food and Drug Administration", "Travel and Tourism Council"); a
 * firm's ("Continental and American Airlines", "Ford and General Motors") more often follows another firm's name.
 */
const PUBLIC_BODY_HEADS = new Set(
  'commission administration organisation organization ministry council office department agency authority board institute association service executive committee federation corporation'.split(' '),
);
const JOINED_BEFORE_RE = /(?:^|[^\p{L}\p{N}'’-])((?:\p{Lu}[\p{L}-]*\s){0,2}\p{Lu}[\p{L}-]*)\s(and|for)\s$/u;

/**
 * The whole name of an organisation that a name run cut at "and" or "for" ("Securities and Exchange Commission" was read as
 * "Exchange Commission", "Institute for Supply Management" as "Supply Management"), or null when the words before it are
 * another name. "and" joins one word ("Securities", "Food") to a name ending on a public body's word; "for" joins
 * the words of an organisation ("Institute", "Campaign") to any name after it.
 */
function joinedOrganisationName(text: string, mentions: readonly Mention[], k: number): string | null {
  const m = mentions[k]!;
  // Most organisations follow neither word: a look at the four characters before comes first.
  if (m.start < 6 || !(text.endsWith(' and ', m.start) || text.endsWith(' for ', m.start))) return null;
  const words = m.name.split(' ');
  const match = JOINED_BEFORE_RE.exec(text.slice(Math.max(0, m.start - 60), m.start));
  if (match === null) return null;
  const before = match[1]!.split(/\s/);
  const from = m.start - match[0].length + (match[0].length - match[1]!.length - match[2]!.length - 2);
  // Words another mention holds (a person, a place, a firm: "Microsoft and Exchange ...") are no part of this name.
  // (Mentions are in text order, and the words before are at most three: the two mentions before this one are all that can hold them.)
  for (let j = Math.max(0, k - 2); j < k; j++) {
    const o = mentions[j]!;
    if (o.start < m.start && o.end > from && (o.kind === 'person' || o.kind === 'place' || o.kind === 'organization')) return null;
  }
  if (match[2] === 'and') {
    const word = before[before.length - 1]!;
    if (!PUBLIC_BODY_HEADS.has(words[words.length - 1]!.toLowerCase()) || placeOf(word) !== null || isGivenName(word.toLowerCase())) return null;
    return `${word} and ${m.name}`;
  }
  const at = before.findIndex((w) => ORGANISATION_BEFORE_FOR.has(w.toLowerCase()));
  if (at < 0 || at !== before.length - 1) return null;
  // "Institute", "the National Institute": the capitalised words that end on the organisation's word, not a sentence's first.
  const own = before.filter((w, k) => k === at || !['The', 'A', 'An'].includes(w));
  return `${own.join(' ')} for ${m.name}`;
}

/** The points of the compass as adjectives of a region ("Middle Eastern", "Western"): a people's or region's word, no name. */
const REGION_ADJECTIVES = ['eastern', 'western', 'northern', 'southern'];

/** Adjectives of continents, regions and points of the compass, which the gazetteer does not list as parties ("Middle Eastern"). */
const CONTINENTAL = new Set(['african', 'africans', 'european', 'europeans', 'asian', 'asians', 'american', 'americans', 'arab', 'arabs', 'latino', 'latina', 'hispanic', 'caribbean', 'scandinavian', 'balkan', 'nordic', 'pacific', 'atlantic', ...REGION_ADJECTIVES]);

/** Plural heads that make a group, not a person: "SNP MPs", "Coptic Christians", "Kurdish Protection Units", "Modern Family". */
const GROUP_HEADS = new Set(
  'mps ministers officials leaders members fans supporters voters christians muslims jews hindus units forces troops police residents workers chiefs bosses players activists protesters campaigners rebels militants fighters democrats republicans family families'.split(' '),
);

/**
 * Last words of events, periods and titles, never of a person's name: "Arab Spring", "Cold War", "Orange Revolution",
 * "Commonwealth Games", "Davis Cup", "Brit Awards", "Chess Olympiad", "La Liga".
 */
const EVENT_LAST_WORDS = new Set(
  'spring summer autumn winter war wars revolution revolutions uprising uprisings games cup awards award olympiad olympics championship championships tournament festival crisis liga league hashanah kippur hanukkah chanukah diwali passover purim navratri vesak'.split(' '),
);

/**
 * Words that end organisations, documents, laws, buildings and products, never a person's name, even after a title word took
 * the rest of the run: "General Electric" (read as General + "Electric"), "Bill of Rights", "Classic FM", "BT Sport",
 * "AZ Central", "Care Choices Act", "Highway Patrol", "Suez Canal", "Mercy Corps"; products, shows and events ("Windows XP", "Nintendo
 * DS", "Sony PSP Portable", "American Idol", "X Factor", "Space Invaders", "Reader's Digest", "Live 8 Live").
 */
const THING_LAST_WORDS = new Set(
  `electric electrics motors rights fm sport sports central procedure pictures ambulance plains falls heights springs house
act code control card flight patrol monastery temple mosque cathedral canal creek garden gardens theatre theater quarter shuttle
solutions products distribution films corps relations adventures report startups spa pc pcs dvd dvds xp ds portable explorer messenger
show conference events live fever idol factor invaders soldiers digest paper investigation
analytics graphics megastores syndication retail interactive software resources funds distributor stockbrokers brokers consultants
consulting industry rally advance movies episode`.split(/\s+/),
);

/** Words that open the name of a storm, never a person's: "Hurricane Isaac", "Tropical Cyclone Pam", "Typhoon Haiyan". */
const STORM_FIRST_WORDS = new Set(['hurricane', 'typhoon', 'cyclone', 'tropical', 'storm', 'superstorm']);

/** Ranks that stand before a name and that TITLE_WORDS leaves out (it would take "Major" the surname for a role). */
const RANKS = new Set(['major', 'corporal', 'brigadier', 'marshal', 'commodore', 'private']);

/**
 * A name that names a thing: its last word ends events ("Arab Spring"), organisations ("General Electric", also as the
 * "Electric" left after a title) or places ("White Plains"), or it opens on "St" ("St James' Park").
 */
function namesAThing(name: string): boolean {
  const last = name.slice(name.lastIndexOf(' ') + 1).toLowerCase();
  // Holy days named by two words: "Rosh Hashanah", "Yom Kippur", "Eid al-Fitr".
  if (name.startsWith('Eid ')) return true;
  // "St James' Park", "St Louis": a saint's name is a place's or a church's.
  if (name.startsWith('St ') || name.startsWith('St. ')) return true;
  if (EVENT_LAST_WORDS.has(last) || THING_LAST_WORDS.has(last)) return true;
  return !name.includes(' ') && isOrganisationHead(last);
}

/**
 * The name without words a capitalised run glued to it, or null when nothing of a name is left:
 * - a hyphenated adjective before it ("Twelve-year-old Alfie", "Second-placed Real");
 * - a word that is no given name before a name that opens on one, or a rank ("Witness Louie Solano",
 *   "Triathlete Charlotte Roach", "Isco Gareth Bale" where a caption ran on, "Major Thulani Zwane");
 * - a last word that is never a noun ("Malenda Meacham Dressed", a caption running on); such a word in the middle
 *   makes a title or phrase, no name ("Will Never Let You Down").
 */
function trimName(name: string): string | null {
  if (!name.includes(' ')) return name;
  return TRIMMED.get(name);
}

const TRIMMED = new BoundedMemo<string, string | null>(20_000, trimNameUncached);

function trimNameUncached(name: string): string | null {
  let words = name.split(' ');
  const first = words[0]!.toLowerCase();
  // "Finding Jesus", "Following Netanyahu's speech", "Rolling Stone": a name does not open on a gerund or participle,
  // nor on a storm's class ("Hurricane Isaac").
  if (isGerund(first) || STORM_FIRST_WORDS.has(first)) return null;
  const hyphen = first.indexOf('-');
  if (hyphen > 0 && words[0]!.slice(hyphen + 1).split('-').some((part) => part === part.toLowerCase() && nonNounClass(part) !== undefined)) words = words.slice(1);
  else if (words.length >= 2 && RANKS.has(first)) words = words.slice(1);
  else if (words.length >= 3 && !isGivenName(first) && isGivenName(words[1]!.toLowerCase())) words = words.slice(1);
  for (let i = 1; i < words.length; i++) {
    const lower = words[i]!.toLowerCase();
    if (isGivenName(lower)) continue;
    const c = nonNounClass(lower);
    if (c === 'verb' || c === 'other' || (c === 'adjective' && (lower.endsWith('ed') || lower.endsWith('ing')))) {
      // A last word ran on from the next sentence; one in the middle makes a phrase ("Performance By An Actress").
      if (i < words.length - 1) return null;
      words = words.slice(0, i);
      break;
    }
  }
  return words.length === 0 ? null : words.join(' ');
}

/** A word of six letters or more ending in "-ing" that is no given name ("Sterling", "Irving" are). */
function isGerund(lower: string): boolean {
  return lower.length >= 6 && lower.endsWith('ing') && !isGivenName(lower);
}

/**
 * Capitalised short forms of things, not of bodies: "TV", "CEO", "PTSD", "MVP", "LSD", "POTUS"; and US state codes ("KY",
 * "AZ"), which stand for places ("VA" is left out: it is also the Veterans Affairs department).
 */
const COMMON_ACRONYMS = new Set(
  `tv ceo ceos cfo coo cto mvp asap pdf lgbt lgbtq ptsd dj djs lsd potus flotus ad bc pe cte hov idp idps foi add adhd dna gdp gps hiv
aids icu er iq ok pr pc cv vip vips mp mps qc suv suvs atm ai it id url faq rsvp pin sim sms led lcd dvd dvds cd cds mri ct ecg ekg ivf
std stds ufo ufos bmi mma wmd wmds ied ieds rpg hq pow pows mia awol cpr vpn diy bbq eta tba tbc ps
gprs umts gsm cdma wcdma hsdpa wap wifi vhs usb mms drm adsl dsl rss hd hdtv pvr pvrs ip voip os rfid pda pdas iptv uwb uv mp3 mp3s
html http www cpu gpu ram rom lan wlan sdk gui dab
gmt bst utc edt est pst pm am mep meps msp msps bse sars mrsa vat cpi rpi ipo ipos
al ak az ar ca co ct de fl ga hi ia ks ky la md ma mi mn ms mo mt ne nv nh nj nm nc nd oh or pa ri sc sd tn tx ut vt wa wv wi wy`.split(/\s+/),
);

/**
 * A one-word "organisation" that is none: a short form of a thing ("TV", "PTSD"), or a common word shouted for emphasis
 * ("FAMILY", "XANAX") that the text also writes in lower case.
 */
function notAnOrganisationAcronym(text: LowerWords, name: string): boolean {
  const lower = name.toLowerCase();
  if (COMMON_ACRONYMS.has(lower) || text.definedAsTerm(name)) return true;
  return name === name.toUpperCase() && name.length > 3 && occursInLowerCase(text, name);
}

/**
 * The place a run names, or null when it names none: "Los Angeles-based" is Los Angeles; "Las Vegas-style", "New Year" and a run
 * with an honorific inside ("Harrogate Mr Kennedy") name none; a run that opens on a title
 * ("Lt. Kenny Park", "Secretary of State") is a person or an office, and one that ends on a region's adjective ("Middle
 * Eastern") describes, it does not name.
 */
function placeName(name: string): string | null {
  // "Las Vegas-style" describes; "New Year" is a day; "Harrogate Mr Kennedy" ran on into a person.
  if (name.endsWith('-style') || name.endsWith(' Year') || HONORIFIC_INSIDE_RE.test(name)) return null;
  const based = name.endsWith('-based') ? name.slice(0, -'-based'.length) : name;
  const space = based.indexOf(' ');
  if (space > 0 && isTitleWord(based.slice(0, space).replace(/\.$/, ''))) return null;
  if (space > 0 && endsOnRegionAdjective(based)) return null;
  return based.length > 0 ? based : null;
}

/** An honorific after the first word: the run went on from a place into a person's name. */
const HONORIFIC_INSIDE_RE = / (?:Mr|Mrs|Ms|Dr|Miss)\.? /;

/** The last word is a region adjective written with a capital ("Middle Eastern"). */
function endsOnRegionAdjective(name: string): boolean {
  const last = name.slice(name.lastIndexOf(' ') + 1);
  const lower = last.toLowerCase();
  return REGION_ADJECTIVES.includes(lower) && last === lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Quote marks, by side. */
const OPENING_QUOTES = new Set(['"', '“', "'", '‘']);
const CLOSING_QUOTES = new Set(['"', '”', "'", '’']);
/** How far a quoted title may reach beyond the name found in it. */
const TITLE_REACH = 60;

/**
 * The name at `start`..`end` is part of a title in quotation marks, every word of it capitalised: a show ("Al Bernameg"),
 * a game ('Grand Theft Auto'), a handle ('Baby Lexuan'). A quote that goes on in lower case is speech ("'Smith is ...").
 */
function quotedTitle(text: string, start: number, end: number): boolean {
  let i = start;
  const stopBack = Math.max(0, start - TITLE_REACH);
  while (i > stopBack && isTitleChar(text.charCodeAt(i - 1))) i--;
  if (i === 0 || !OPENING_QUOTES.has(text[i - 1]!) || !allCapitalised(text, i, start)) return false;
  let j = end;
  const stopAhead = Math.min(text.length, end + TITLE_REACH);
  while (j < stopAhead && isTitleChar(text.charCodeAt(j))) j++;
  if (!allCapitalised(text, end, j)) return false;
  // A comma or full stop may sit inside the closing quote.
  if (j < text.length && (text[j] === ',' || text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
  if (j >= text.length || !CLOSING_QUOTES.has(text[j]!)) return false;
  // A closing apostrophe is no possessive ("Youssef's").
  return j + 1 >= text.length || !isWordCode(text.charCodeAt(j + 1));
}

/** Letters, digits, spaces, hyphens and ampersands: what a title between quotes is made of (curly quotes are no letters). */
function isTitleChar(c: number): boolean {
  if (c >= 0x2018 && c <= 0x201d) return false;
  return isWordCode(c) || c === 32 || c === 45 || c === 38;
}

/** Every word of `text` between `from` and `to` starts with a capital or a digit. */
function allCapitalised(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const wordStart = isWordCode(c) && (i === 0 || !isWordCode(text.charCodeAt(i - 1)));
    if (wordStart && text[i]!.toLowerCase() === text[i] && !(c >= 48 && c <= 57)) return false;
  }
  return true;
}

/**
 * An article before a name that opens on no given name makes it a thing or a group: "the Flash Pack", "the Bongo
 * Lady", "a Land Rover", "The Spice Girls". People are named without one ("the Prime Minister" has a title).
 */
function afterArticle(text: string, start: number, name: string): boolean {
  const first = name.slice(0, name.indexOf(' ') >>> 0).toLowerCase();
  if (isGivenName(first)) return false;
  const before = text.slice(Math.max(0, start - 4), start).toLowerCase();
  return /(?:^|[^a-z])(?:the|an?) $/.test(before);
}

/** What joins the items of a list, perhaps with a title before the next name (", and Lady Gaga"). */
const LIST_SEPARATOR_RE = /^(?:,|,? and|,? &) (?:(\p{Lu}\p{L}*\.?) )?$/u;

function listSeparator(between: string | null): ', ' | 'and' | null {
  if (between === null) return null;
  const m = LIST_SEPARATOR_RE.exec(between);
  if (m === null || (m[1] !== undefined && !isTitleWord(m[1]))) return null;
  return between.startsWith(', ') ? ', ' : 'and';
}

/** A full name of a person that opens on a given name: more than one word, classified as a person. */
function fullPerson(m: Mention | undefined): boolean {
  return m !== undefined && m.kind === 'person' && !m.single && isGivenName(m.name.slice(0, m.name.indexOf(' ') >>> 0).toLowerCase());
}

/**
 * The mention at `k` is one item of a list that names people: joined by a comma or "and" to a person already listed
 * before it (`listed`), or to a full name opening on a given name after it, on one side, and to the list on the other or by "and" ("David Beckham, Luis Figo and
 * Raul"; "Anggun, David Foster and Vanness Wu").
 */
function listedWithPeople(text: string, mentions: readonly Mention[], k: number, listed: ReadonlySet<number>): boolean {
  const { before, after, next } = listNeighbours(text, mentions, k);
  if (before !== null && listed.has(k - 1) && (after !== null || before === 'and')) return true;
  return after !== null && fullPerson(next) && (before !== null || after === 'and');
}

/**
 * The mentions either side of mention `k` and how each is joined to it as in a list (", ", "and"), or null when the words
 * between are no list's separator or more than a few characters.
 */
function listNeighbours(text: string, mentions: readonly Mention[], k: number): { prev: Mention | undefined; next: Mention | undefined; before: ', ' | 'and' | null; after: ', ' | 'and' | null } {
  const m = mentions[k]!;
  const prev = mentions[k - 1];
  const next = mentions[k + 1];
  const before = listSeparator(prev !== undefined && m.start - prev.end <= 12 ? text.slice(prev.end, m.start) : null);
  const after = listSeparator(next !== undefined && next.start - m.end <= 12 ? text.slice(m.end, next.start) : null);
  return { prev, next, before, after };
}

/**
 * A name in a list between organisations is one too: "ChevronTexaco, Exxon Mobil and British Petroleum", "as well as Lockheed
 * Martin and France's Snecma", "Bank of America, UBS, Credit Suisse First Boston". Both neighbours joined by a list's comma or
 * "and" must be organisations (one is not enough: "Rod Eddington, BA's chief executive" is an appositive).
 */
function listedWithOrganisations(text: string, mentions: readonly Mention[], k: number): boolean {
  const { prev, next, before, after } = listNeighbours(text, mentions, k);
  if ((before !== null && prev!.kind === 'person') || (after !== null && next!.kind === 'person')) return false;
  return before !== null && prev!.kind === 'organization' && after !== null && next!.kind === 'organization';
}

/**
 * The names that open an organisation the story names, so are a firm's, not a person's: "Standard Life" beside "Standard Life
 * Investments". Only organisations that end on an organisation's word, and no prefix that opens on a given name ("Peter
 * Williams" of a "Peter Williams Associates"). One pass over the mentions: a set, not a search per person.
 */
function organisationPrefixes(mentions: readonly Mention[]): Set<string> {
  const out = new Set<string>();
  for (const o of mentions) {
    if (o.kind !== 'organization') continue;
    const words = o.name.split(' ');
    if (words.length < 3 || !isOrganisationHead(words[words.length - 1]!) || isGivenName(words[0]!.toLowerCase())) continue;
    for (let i = 2; i < words.length; i++) out.add(words.slice(0, i).join(' '));
  }
  return out;
}

/**
 * Nouns that name a work, a band or a firm when they stand right before a name: "the drama Vera Drake", "hit song Jailhouse
 * Rock", "New York band Scissor Sisters", "the BBC programme Go Digital", "confectionery firm, Cadbury Schweppes", "shares in
 * Biogen Idec", "the premiere of Lemony Snicket". Verbs that take a person ("show", "play", "hit") are left out: "polls show
 * Tony Blair ahead", "to play Ray Charles".
 */
export const THING_BEFORE_RE =
  /(?:^|[^\p{L}])(?:film|films|movie|movies|drama|comedy|thriller|musical|sitcom|documentary|biopic|blockbuster|album|song|band|programme|program|(?:firm|company|bank|carrier|retailer|broker)(,)?|shares in|shares of|stake in|takeover of|bid for|(?:premiere|star|stars|director|adaptation|sequel|remake|makers?|producers?) (of|to))\s+(?:The\s+)?$/iu;

/**
 * Nouns that name a work, a band or a firm when they stand right after one: "Vera Drake director Mike Leigh", "Franz
 * Ferdinand singer Alex Kapranos", "Deutsche Boerse investors", "Time Warner's chief executive". A person does not have a
 * star, a frontman or shareholders; "Tony Blair's director of communications" keeps the possessive out of the people nouns.
 */
const THING_AFTER_RE =
  /^(?:\s+(?:star|co-star|director|producer|actress|actor|premiere|soundtrack|sequel|frontman|frontwoman|singer|guitarist|drummer|bassist|programme|shares|shareholders|investors|chief executive|boss|bosses|chairman|board)|['’]s?\s+(?:shares|share price|shareholders|investors|chief executive|profits?|board))(?![\p{L}])/iu;

/** A verb after the name makes it the subject of a relative clause: "the company Bill Gates founded", "the film Tom Hanks made". */
const PERSON_DOES_AFTER_RE =
  /^\s+(?:has\s+|had\s+|once\s+)?(?:said|says|told|tells|added|adds|founded|co-founded|ran|runs|joined|set|created|started|built|owns|owned|led|leads|heads|headed|bought|sold|left|chairs|chaired|works|worked|made|makes|directed|directs|wrote|writes|starred|stars|produced|produces|sang|sings|played|plays|released|recorded|fronts|fronted|formed|advises|advised)(?![\p{L}])/u;

/** The nouns THING_BEFORE_RE ends on, and the words before the "in", "of", "for" or "to" of its phrases. */
const THING_NOUNS = new Set('film films movie movies drama comedy thriller musical sitcom documentary biopic blockbuster album song band programme program firm company bank carrier retailer broker'.split(' '));
const THING_PHRASES = new Set(
  'shares in|shares of|stake in|takeover of|bid for|premiere of|premiere to|star of|star to|stars of|stars to|director of|director to|adaptation of|adaptation to|sequel of|sequel to|remake of|remake to|maker of|maker to|makers of|makers to|producer of|producer to|producers of|producers to'.split('|'),
);

/**
 * Whether the words before `at` can be what THING_BEFORE_RE ends on (a noun of it, or a phrase of it, then perhaps "the"):
 * a test by the words themselves, so that the pattern runs only where it may match (most names follow none of them).
 */
export function thingCueBefore(text: string, at: number): boolean {
  let w = wordBefore(text, at);
  if (w.word === 'the') w = wordBefore(text, w.start);
  if (THING_NOUNS.has(w.word)) return true;
  if (w.word !== 'in' && w.word !== 'of' && w.word !== 'for' && w.word !== 'to') return false;
  return THING_PHRASES.has(`${wordBefore(text, w.start).word} ${w.word}`);
}

/** The word that ends right before `at` (over spaces and one comma), in lower case, and where it starts; "" when none. */
function wordBefore(text: string, at: number): { word: string; start: number } {
  let end = at;
  while (end > 0 && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 44) end--;
  let start = end;
  while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  return { word: end - start > 12 ? '' : text.slice(start, end).toLowerCase(), start };
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** How far before and after a name the nouns above are looked for. */
const THING_CONTEXT = 40;

/**
 * The canonical names that some mention in the text shows to be a work, a band or a firm by the noun right before or after it
 * (above), by a short form in brackets made of its initials ("Hewlett Packard (HP)"), or by a capitalised article or
 * preposition inside it ("Meet The Fockers", "Lord Of The Rings"), or a number word first ("Million Dollar Baby"). One
 * look around each mention: linear in the text.
 */
function namedAsThings(text: string, mentions: readonly Mention[], names: NameIndex): Set<string> {
  const found = new Set<string>();
  for (const m of mentions) {
    if ((m.kind !== 'person' && m.kind !== 'place') || !m.name.includes(' ')) continue;
    const after = text.slice(m.end, m.end + THING_CONTEXT);
    // The pattern before a name is tried only after one of its last words (most names follow none).
    const cued = thingCueBefore(text, m.start);
    // After a place, "director" or "singer" says where someone is from ("New Zealand director Peter Jackson").
    if ((cued && thingBefore(m.name, text.slice(Math.max(0, m.start - THING_CONTEXT), m.start), after)) || (m.kind === 'person' && THING_AFTER_RE.test(after)) || initialsAfter(m.name, after) || titleShaped(m.name)) {
      const name = m.kind === 'person' ? trimName(names.canonical(m.name, m.start)) : m.name;
      if (name !== null) found.add(name);
    }
  }
  return found;
}

/**
 * A noun before the name makes it a thing (THING_BEFORE_RE), unless the name goes on as a person's: a verb of theirs ("the
 * company Bill Gates founded", "the company, Yury Boyko, said"), a possessive or a work of theirs ("an adaptation of Bill
 * Cosby's TV cartoon", "the sequel to Ben Stiller comedy Meet The Parents"); after "star of", "adaptation of" and the like,
 * any noun after the name ("an adaptation of the Robert Harris best-seller"). After a comma only a firm's noun counts, and not
 * before a given name: "the firm, Cadbury Schweppes," but "the two earlier films, Alfonso Cuaron brings".
 */
function thingBefore(name: string, before: string, after: string): boolean {
  const m = THING_BEFORE_RE.exec(before);
  if (m === null || PERSON_DOES_AFTER_RE.test(after) || OWN_WORK_AFTER_RE.test(after)) return false;
  // "the company, Yury Boyko, said": an appositive that speaks is a person (", said X" after a film's name is someone else's).
  if (m[1] !== undefined && /^,\s+(?:said|says|told|added)(?![\p{L}])/u.test(after)) return false;
  // "the star of Elvis Presley musical Jailhouse Rock", "an adaptation of the Robert Harris best-seller": the name qualifies a noun.
  if (m[2] !== undefined && NOUN_AFTER_RE.test(after)) return false;
  return m[1] === undefined || !isGivenName(name.slice(0, name.indexOf(' ')).toLowerCase());
}

/** A lower-case word after a name that is no preposition, conjunction or verb of being: a noun the name qualifies. */
const NOUN_AFTER_RE = /^\s+(?!(?:in|at|on|of|and|or|but|was|is|were|are|has|had|have|will|with|for|to|from|by|as|which|that|who|when|where|last|this|next|earlier|later)(?![\p{L}]))\p{Ll}/u;

/** A possessive or a kind of work right after a name: the work is the person's ("Ice Cube's road-trip comedy"). */
const OWN_WORK_AFTER_RE = /^(?:['’]s?(?![\p{L}])|\s+(?:comedy|film|films|movie|musical|novel|novels|cartoon|show|series|drama|album|song|play|book|books)(?![\p{L}]))/u;

/** " (HP)" after "Hewlett Packard": a short form in brackets made of the name's initials names a body, not a person. */
function initialsAfter(name: string, after: string): boolean {
  if (after.charCodeAt(1) !== 40) return false;
  const m = /^\s+\((\p{Lu}{2,6})\)/u.exec(after);
  if (m === null) return false;
  const initials = name.split(' ').map((w) => w.charAt(0)).join('');
  return m[1] === initials;
}

/** Words a person's name never has inside it capitalised, or first: "Meet The Fockers", "Million Dollar Baby", "The Holocaust" ("A" is left out: a middle initial, "Charles A Blixt"). */
const TITLE_INNER_WORDS = new Set(['The', 'Of', 'And', 'An', 'In', 'On', 'For', 'With', 'To', 'At', 'From', 'My', 'Your', 'Our', 'Me', 'Is', 'Are']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'hundred', 'thousand', 'million', 'billion', 'dollar', 'dollars', 'pound', 'pounds']);

/** A cheap first test for titleShaped: "The" first, a number word first, or a capitalised function word inside. */
const TITLE_SHAPE_HINT_RE = /^(?:The|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve|Twenty|Hundred|Thousand|Million|Billion|Dollars?|Pounds?) | (?:The|Of|And|An|In|On|For|With|To|At|From|My|Your|Our|Me|Is|Are) /i;

function titleShaped(name: string): boolean {
  if (!TITLE_SHAPE_HINT_RE.test(name)) return false;
  const words = name.split(' ');
  if (words[0] === 'The' || NUMBER_WORDS.has(words[0]!.toLowerCase())) return true;
  for (let i = 1; i < words.length - 1; i++) if (TITLE_INNER_WORDS.has(words[i]!)) return true;
  return false;
}

/** A one-word name that may be a person's alone: no place, party, organisation or common word, not in capitals. */
function mayBeMononym(lowerWords: LowerWords, name: string): boolean {
  if (name.length < 3 || name.toUpperCase() === name || isOrganisationHead(name)) return false;
  if (placeOf(name) !== null || partyOf(name) !== null || gazetteerOrganisation(name) !== null || nonNounClass(name.toLowerCase()) !== undefined) return false;
  return !occursInLowerCase(lowerWords, name);
}

/** "Ruth" in "Ruth and Peter Gaver": the full name a given name takes from the full name joined to it, or null. */
function sharedSurname(text: string, m: Mention, next: Mention): string | null {
  if (!fullPerson(next) || text.slice(m.end, next.start) !== ' and ' || !isGivenName(m.name.toLowerCase())) return null;
  const words = next.name.split(' ');
  if (words.length !== 2 || !isGivenName(words[0]!.toLowerCase())) return null;
  return `${m.name} ${words[1]!}`;
}

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
  // "South Koreans": a people of a party the gazetteer knows, no person.
  if (partyOf(name) !== null && placeOf(name) === null) return true;
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
  private terms: Set<string> | null = null;
  constructor(readonly text: string) {}

  /**
   * The short form is defined in brackets after lower-case words whose initials it is: a term, not a body ("progressive
   * multifocal leukoencephalopathy (PML)", "digital rights management (DRM)"); "the Office for National Statistics (ONS)"
   * is written in capitals and stays a body. The text's definitions are collected in one pass, on first use.
   */
  definedAsTerm(acronym: string): boolean {
    if (this.terms === null) {
      this.terms = new Set();
      for (const m of this.text.matchAll(DEFINED_SHORT_FORM_RE)) {
        const short = m[1]!;
        const words = this.text.slice(Math.max(0, m.index - 20 * short.length), m.index).trimEnd().split(/\s+/).slice(-short.length);
        if (words.length === short.length && words.every((w, i) => w.charAt(0) === short.charAt(i).toLowerCase())) this.terms.add(short);
      }
    }
    return this.terms.has(acronym);
  }

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

/** A short form in brackets: "(PML)", "(HSDPA)". */
const DEFINED_SHORT_FORM_RE = /\((\p{Lu}{2,6})\)/gu;

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
  const role = m[1]!.replace(/^(?:the|a|an)\s+/i, '').trim();
  // The pattern's words are matched without regard to case, so it may run over a sentence's end ("..., charging toward
  // him. Pugliese fired ... at the officer,") or through a relative clause ("..., who was guarded by the best defender,").
  return NOT_A_ROLE.test(role) ? null : role;
}

const NOT_A_ROLE = /[.!?]\s|\b(?:who|whom|whose|which|that|when|where|while)\b/i;
