import { codePointAt, isLetter, isLetterOrNumber, isLower, isUpper, widthOf } from './char-class.js';

/**
 * A small, general gazetteer: countries, their capitals and political metonyms ("Downing Street"),
 * demonyms and well-known cities. It maps the ways news refers to a party onto one canonical name,
 * so "Seoul asks..." and "the South Korean minister" both count for "South Korea".
 */

/**
 * Canonical party -> [places that stand for it (capitals, other country names), institutions and
 * seats of government that stand for it but are not places one lists, demonyms].
 */
export const PARTIES: Readonly<Record<string, readonly [readonly string[], readonly string[], readonly string[]]>> = {
  'United States': [['US', 'U.S.', 'U.S', 'USA', 'U.S.A.', 'America', 'United States of America', 'Washington'], ['White House', 'Capitol Hill', 'Pentagon'], ['American', 'Americans']],
  'United Kingdom': [['UK', 'U.K.', 'U.K', 'Britain', 'Great Britain', 'London'], ['Westminster', 'Downing Street', 'Whitehall'], ['British', 'Briton', 'Britons']],
  'European Union': [['Brussels'], ['EU', 'E.U.', 'European Commission'], []],
  'South Korea': [['Republic of Korea', 'S. Korea', 'Seoul'], ['ROK', 'Blue House'], ['South Korean', 'South Koreans']],
  'North Korea': [['N. Korea', 'Pyongyang'], ['DPRK'], ['North Korean', 'North Koreans']],
  Japan: [['Tokyo'], [], ['Japanese']],
  China: [['Beijing', "People's Republic of China"], ['PRC', 'Zhongnanhai'], ['Chinese']],
  Taiwan: [['Taipei'], [], ['Taiwanese']],
  Russia: [['Moscow', 'Russian Federation'], ['Kremlin'], ['Russian', 'Russians']],
  Ukraine: [['Kyiv', 'Kiev'], [], ['Ukrainian', 'Ukrainians']],
  France: [['Paris'], ['Elysee', 'Élysée'], ['French']],
  Germany: [['Berlin'], [], ['German', 'Germans']],
  Italy: [['Rome'], [], ['Italian', 'Italians']],
  Spain: [['Madrid'], [], ['Spanish', 'Spaniard', 'Spaniards']],
  Portugal: [['Lisbon'], [], ['Portuguese']],
  Netherlands: [['Holland', 'Amsterdam', 'The Hague'], [], ['Dutch']],
  Belgium: [[], [], ['Belgian', 'Belgians']],
  Switzerland: [['Bern'], [], ['Swiss']],
  Austria: [['Vienna'], [], ['Austrian']],
  Sweden: [['Stockholm'], [], ['Swedish', 'Swede', 'Swedes']],
  Norway: [['Oslo'], [], ['Norwegian']],
  Denmark: [['Copenhagen'], [], ['Danish', 'Dane', 'Danes']],
  Finland: [['Helsinki'], [], ['Finnish', 'Finn', 'Finns']],
  Ireland: [['Dublin', 'Republic of Ireland'], [], ['Irish']],
  Poland: [['Warsaw'], [], ['Polish', 'Pole', 'Poles']],
  Greece: [['Athens'], [], ['Greek', 'Greeks']],
  Turkey: [['Ankara', 'Türkiye'], [], ['Turkish', 'Turks']],
  Hungary: [['Budapest'], [], ['Hungarian']],
  'Czech Republic': [['Prague', 'Czechia'], [], ['Czech']],
  Romania: [['Bucharest'], [], ['Romanian']],
  Serbia: [['Belgrade'], [], ['Serbian', 'Serb', 'Serbs']],
  Israel: [['Jerusalem'], [], ['Israeli', 'Israelis']],
  Palestine: [['Ramallah', 'Gaza', 'West Bank'], [], ['Palestinian', 'Palestinians']],
  Iran: [['Tehran'], [], ['Iranian', 'Iranians']],
  Iraq: [['Baghdad'], [], ['Iraqi', 'Iraqis']],
  Syria: [['Damascus'], [], ['Syrian', 'Syrians']],
  Lebanon: [['Beirut'], [], ['Lebanese']],
  Jordan: [['Amman'], [], ['Jordanian']],
  'Saudi Arabia': [['Riyadh'], [], ['Saudi', 'Saudis']],
  Yemen: [['Sanaa', "Sana'a"], [], ['Yemeni', 'Yemenis']],
  Egypt: [['Cairo'], [], ['Egyptian', 'Egyptians']],
  Libya: [['Tripoli'], [], ['Libyan', 'Libyans']],
  Tunisia: [['Tunis'], [], ['Tunisian']],
  Algeria: [['Algiers'], [], ['Algerian']],
  Morocco: [['Rabat'], [], ['Moroccan']],
  Nigeria: [['Abuja'], [], ['Nigerian', 'Nigerians']],
  Kenya: [['Nairobi'], [], ['Kenyan', 'Kenyans']],
  Ethiopia: [['Addis Ababa'], [], ['Ethiopian']],
  'South Africa': [['Pretoria'], [], ['South African', 'South Africans']],
  Afghanistan: [['Kabul'], [], ['Afghan', 'Afghans']],
  Pakistan: [['Islamabad'], [], ['Pakistani', 'Pakistanis']],
  India: [['New Delhi', 'Delhi'], [], ['Indian', 'Indians']],
  Bangladesh: [['Dhaka'], [], ['Bangladeshi']],
  'Sri Lanka': [['Colombo'], [], ['Sri Lankan']],
  Nepal: [['Kathmandu'], [], ['Nepalese', 'Nepali']],
  Myanmar: [['Burma', 'Naypyidaw'], [], ['Burmese']],
  Thailand: [['Bangkok'], [], ['Thai']],
  Vietnam: [['Hanoi'], [], ['Vietnamese']],
  Cambodia: [['Phnom Penh'], [], ['Cambodian']],
  Malaysia: [['Kuala Lumpur'], [], ['Malaysian']],
  Singapore: [['Singapore'], [], ['Singaporean']],
  Indonesia: [['Jakarta'], [], ['Indonesian']],
  Philippines: [['Manila'], [], ['Filipino', 'Philippine']],
  Australia: [['Canberra'], [], ['Australian', 'Australians']],
  'New Zealand': [['Wellington'], [], ['New Zealander', 'New Zealanders']],
  Canada: [['Ottawa'], [], ['Canadian', 'Canadians']],
  Mexico: [['Mexico City'], [], ['Mexican', 'Mexicans']],
  Cuba: [['Havana'], [], ['Cuban', 'Cubans']],
  Venezuela: [['Caracas'], [], ['Venezuelan']],
  Colombia: [['Bogota', 'Bogotá'], [], ['Colombian']],
  Brazil: [['Brasilia', 'Brasília'], [], ['Brazilian', 'Brazilians']],
  Argentina: [['Buenos Aires'], [], ['Argentine', 'Argentinian']],
  Chile: [['Santiago'], [], ['Chilean']],
  Peru: [['Lima'], [], ['Peruvian']],
  'United Nations': [[], ['UN', 'U.N.', 'Security Council', 'General Assembly'], []],
  NATO: [[], ['Nato', 'North Atlantic Treaty Organization'], []],
  Scotland: [['Edinburgh'], ['Holyrood'], ['Scottish', 'Scot', 'Scots']],
  Wales: [['Cardiff'], [], ['Welsh']],
  'Northern Ireland': [['Belfast'], ['Stormont'], []],
  England: [[], [], ['English']],
  Vatican: [['Vatican City'], ['Holy See'], []],
};

/** Cities, regions and features that are places but not parties. */
export const OTHER_PLACES: readonly string[] = [
  'New York', 'Los Angeles', 'Chicago', 'Houston', 'Philadelphia', 'Phoenix', 'San Francisco', 'Boston', 'Seattle', 'Miami',
  'Atlanta', 'Dallas', 'Denver', 'Detroit', 'Las Vegas', 'New Orleans', 'Baltimore', 'Pittsburgh', 'Cleveland', 'San Diego',
  'Manchester', 'Liverpool', 'Leicester', 'Cardiff', 'Southampton', 'Brighton', 'Portsmouth', 'Norwich', 'Derby', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol', 'Newcastle', 'Sheffield', 'Nottingham', 'Oxford', 'Cambridge',
  'Sydney', 'Melbourne', 'Toronto', 'Vancouver', 'Montreal', 'Shanghai', 'Hong Kong', 'Chongqing', 'Osaka', 'Busan', 'Mumbai',
  'Dubai', 'Istanbul', 'Barcelona', 'Munich', 'Milan', 'Florida', 'California', 'Texas', 'Pennsylvania', 'Ohio', 'Georgia',
  'Virginia', 'Michigan', 'Arizona', 'Alabama', 'Tennessee', 'Kentucky', 'Louisiana', 'Missouri', 'Illinois', 'Massachusetts',
  'New Jersey', 'Maryland', 'Colorado', 'Oregon', 'Nevada', 'Utah', 'Iowa', 'Kansas', 'Oklahoma', 'Arkansas', 'Mississippi',
  'South Carolina', 'North Carolina', 'Indiana', 'Wisconsin', 'Minnesota', 'Connecticut', 'Alaska', 'Hawaii',
  'Europe', 'Asia', 'Africa', 'Middle East', 'Latin America', 'South America', 'North America', 'Antarctica', 'Arctic',
  'Korean peninsula', 'Korean Peninsula', 'Crimea', 'Kashmir', 'Tibet', 'Xinjiang', 'Siberia', 'Balkans', 'Caribbean',
  'Atlantic', 'Pacific', 'Mediterranean', 'Gulf', 'Sahara', 'Himalayas', 'Alps', 'North London', 'South London', 'East London', 'West London',
  'Yorkshire', 'Lancashire', 'Kent', 'Essex', 'Surrey', 'Sussex', 'Devon', 'Cornwall', 'Merseyside',
];

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
/** The first word of each surface form of two or more words, with the most words any such form has. */
const MULTI_WORD_FORMS = new Map<string, number>();
for (const k of PARTY_BY_NAME.keys()) {
  const words = k.split(' ');
  if (words.length > 1) MULTI_WORD_FORMS.set(words[0]!, Math.max(MULTI_WORD_FORMS.get(words[0]!) ?? 0, words.length));
}

/** `/[\p{L}\p{N}]/u` on the code point at `at` (false past the end). */
function letterOrDigitAt(text: string, at: number): boolean {
  return at < text.length && isLetterOrNumber(codePointAt(text, at));
}

/**
 * The words a party's name can have are capitalised words (with the dots and hyphens of "U.S.-Japan"), "of" and "the":
 * the matches of `/(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}.'’]*|of|the)(?![\p{L}\p{N}])/gu`. They are found by character
 * loops (the tests hold the result to the gazetteer that used the regex). A name opens with a capitalised word, so only
 * capitals (and non-ASCII characters) are visited; the words after one are read where they must start.
 */
const CAPITAL_CANDIDATE = /[A-Z\u0080-\uffff]/g;

/**
 * The end of the capitalised word at `i`, or -1. When the longest `\p{Lu}[\p{L}.'’]*` is followed by a digit, the regex
 * gives characters back down to the last `.`, `'` or `’` in the word, the only ones a letter or digit does not follow.
 */
function capitalisedWordEnd(text: string, i: number): number {
  const cp = codePointAt(text, i);
  if (!isUpper(cp) || (i > 0 && afterLetterOrDigit(text, i))) return -1;
  let e = i + widthOf(cp);
  let lastMark = -1;
  while (e < text.length) {
    const d = codePointAt(text, e);
    if (d === 46 || d === 39 || d === 0x2019) lastMark = e;
    else if (!isLetter(d)) break;
    e += widthOf(d);
  }
  return !letterOrDigitAt(text, e) ? e : lastMark;
}

/** The end of the word that follows a space at `i - 1` (a capitalised word, "of" or "the"), or -1. */
function nameWordEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 111 || c === 116) {
    const n = c === 111 ? (text.startsWith('of', i) ? 2 : 0) : text.startsWith('the', i) ? 3 : 0;
    return n > 0 && !letterOrDigitAt(text, i + n) ? i + n : -1;
  }
  return capitalisedWordEnd(text, i);
}

/** A surface form's party, remembered (bounded): "US" and "U.S." recur in every story. */
const PARTY_OF_SURFACE = new Map<string, string | null>();

function partyOfSurface(raw: string): string | null {
  let party = PARTY_OF_SURFACE.get(raw);
  if (party !== undefined) return party;
  let surface = raw;
  const e = surface.length;
  if (e >= 2 && surface.charCodeAt(e - 1) === 115 && (surface.charCodeAt(e - 2) === 39 || surface.charCodeAt(e - 2) === 0x2019)) surface = surface.slice(0, -2);
  const lower = surface.toLowerCase();
  party = PARTY_BY_NAME.get(lower) ?? null;
  // Keep case: "US" names a country, but so does "Us" only at a sentence start — accept capitalised forms only.
  if (party && surface === lower) party = null;
  if (!party && surface.endsWith('.')) party = PARTY_BY_NAME.get(surface.slice(0, -1).toLowerCase()) ?? null;
  if (PARTY_OF_SURFACE.size >= 20_000) PARTY_OF_SURFACE.clear();
  PARTY_OF_SURFACE.set(raw, party);
  return party;
}

/** The code point before `at` is a letter or digit. */
function afterLetterOrDigit(text: string, at: number): boolean {
  let cp = text.charCodeAt(at - 1);
  if (cp >= 0xdc00 && cp <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) cp = codePointAt(text, at - 2);
  }
  return isLetterOrNumber(cp);
}

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
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    CAPITAL_CANDIDATE.lastIndex = i;
    if (!CAPITAL_CANDIDATE.test(text)) break;
    const start = CAPITAL_CANDIDATE.lastIndex - 1;
    const first = capitalisedWordEnd(text, start);
    if (first < 0) {
      i = start + widthOf(codePointAt(text, start));
      continue;
    }
    i = first;
    // A lower-case word joined by a hyphen ("inter-Korean") is not a party name.
    if (start > 0 && text.charCodeAt(start - 1) === 45) {
      let b = start - 2;
      // `[\p{L}.-]` and then `\p{Ll}` on single UTF-16 units (a surrogate is neither).
      for (; b > 0; b--) {
        const u = text.charCodeAt(b - 1);
        if (u !== 46 && u !== 45 && !isLetter(u)) break;
      }
      if (b >= 0 && b < text.length && isLower(text.charCodeAt(b))) continue;
    }
    // Only words separated by single spaces form one name, and only a known first word opens a name of several.
    ends.length = 0;
    ends.push(first);
    const multi = MULTI_WORD_FORMS.get(text.slice(start, first).toLowerCase());
    if (multi !== undefined) {
      const limit = Math.min(MAX_FORM_WORDS, multi);
      while (ends.length < limit) {
        const q = ends[ends.length - 1]!;
        if (text.charCodeAt(q) !== 32) break;
        const next = nameWordEnd(text, q + 1);
        if (next < 0) break;
        ends.push(next);
      }
    }
    for (let n = ends.length; n >= 1; n--) {
      const party = partyOfSurface(text.slice(start, ends[n - 1]!));
      if (party) {
        out.push({ party, start, end: ends[n - 1]! });
        i = ends[n - 1]!;
        break;
      }
    }
  }
  return out;
}
