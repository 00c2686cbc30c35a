import type { Participant } from '../briefing/briefing.js';
import { blankLostBreaks, blankWorkTitles, quoteHolding, SPEECH_VERBS, type QuoteSpan } from './extract-quotes.js';
import { gazetteerOrganisation, partiesMentioned, partyOf, placeOf } from './gazetteer.js';
import { ABBREV_TITLES, firstMentionFrom, isTitleWord, lostBreaksInNames, mendLostBreaks, type Mention, type NameIndex } from './mentions.js';
import { pointsAtPhoto } from './clean-text.js';
import { impliedParticipants } from './implied-sides.js';
import { isGivenName } from './first-names.js';

/** Who said a quote, how sure we are, and which evidence decided it. */
export interface Attribution {
  speaker: string | null;
  confidence: number;
  /**
   * "said-after", "said-before", "colon", "according-to", "pronoun", "description", "spokesman", "continuation",
   * "side-reasoning", "unnamed" (the story does not name the speaker) or "none".
   */
  cue: string;
}

const UNKNOWN: Attribution = { speaker: null, confidence: 0, cue: 'none' };

const SPEECH = `(?:${SPEECH_VERBS})`;
const LEAD = '^[ \\t,;:—–-]*';
const ADVERB = '(?:(?:also|later|then|previously|once|has|had|have|simply|quickly|firmly|reportedly|\\w+ly)\\s+)?';
/** `," he said` / `,' she added` */
const PRONOUN_AFTER_RE = new RegExp(`${LEAD}(he|she|it|they|i|we)\\s+${ADVERB}${SPEECH}\\b`, 'i');
/** `," said Mr Wang` */
const INVERTED_AFTER_RE = new RegExp(`${LEAD}${ADVERB}${SPEECH}\\s+`, 'i');
/** A speech verb anywhere in a short span. */
const SPEECH_IN_SPAN_RE = new RegExp(`\\b${SPEECH}\\b`, 'i');
/** A character that ends no sentence: not . ! ? a quotation mark or a line break, but a dot inside a word ("told WESH.com:"). */
const NO_STOP = '(?:[^.!?"“”‘’\\n]|\\.(?=[A-Za-z0-9]))';
/** A speech verb close to the end of the text before a quote: `Mr Wang said: '` / `he told the Mail that '`. */
const SPEECH_BEFORE_RE = new RegExp(`\\b${SPEECH}\\b(?:${NO_STOP}{0,60})[:,]?\\s*$`, 'i');
/** A pronoun right before its speech verb, maybe with a modal and an adverb: "he said", "she later told", "He will also say". */
const PRONOUN_BEFORE_VERB_RE = new RegExp(`\\b(he|she|it|they|i|we)\\s+(?:(?:will|would|may|might|could|can|should|must|is to|was to|are to)\\s+)?${ADVERB}$`, 'i');
const ACCORDING_TO_RE = /\baccording to\s+/i;
const DESCRIPTION_RE = /\bthe\s+(?:[\w’'-]+\s+){0,3}?(?:group|company|firm|corporation|retailer|supermarket|carmaker|insurer|lender|regulator|watchdog|organi[sz]ation|club|union|agency|charity|department|ministry|force|council|authority|campaign|association|federation|league|government|service|board|commission|committee|body|center|centre|hospital|university|college|school|institute|embassy|museum|clinic|foundation|airline|bank|zoo|academy|newspaper|magazine|broadcaster|network|channel|\d+-year-old|star|player|manager|boss|singer|actor|actress|mother|father|mum|dad|officer|minister|president|leader|chief|coach|striker|veteran|pensioner|teenager|girl|boy|man|woman|victim|businessman|businesswoman|politician|mp|senator|lawyer|doctor|driver|pilot|midfielder|defender|goalkeeper|keeper|winger|forward|captain|skipper|batsman|bowler|pundit|presenter|host|jockey|trainer|rider|boxer|fighter|golfer|cyclist|swimmer|athlete|runner|spokesman|spokeswoman|detective|inspector|superintendent|judge|prosecutor|teacher|student|nurse|author|writer|director|founder|owner|chairman|executive|latter|former|[\w-]+-of-[\w-]+)\s*,?\s*$/i;
const SUBJECT_FOLLOW_RE = /^(?:,\s|\s+(?:[a-z]+ed|[a-z]+s|has|had|was|is|said|told|says|will|would|can|could|did|does|made|went|took|gave|got|came|felt|thought|knew|saw|wrote|spoke|met|led|left|won|lost|began|became|held|kept|put|ran|sat|set|stood|also|later|then|once|previously|recently)\b)/;
/** "Leonard Ellerbe, CEO of Mayweather Promotions, disagreed": a name, an appositive, then its verb. */
const APPOSITIVE_THEN_VERB_RE = /^,\s[^,.;:!?]{1,90},\s+(?:[a-z]+ed|[a-z]+s|said|told|has|had|was|is|will|would)\b/;
/**
 * Any other person described by a role noun before a speech verb: "the 14-time major winner", "the video
 * maker", "United's head coach" (an agent noun, or a noun for a role in a family or a team).
 */
const ROLE_DESCRIPTION_RE =
  /(?:\bthe|\b\p{Lu}[\p{L}.-]*['’]s)\s+(?:[\w’'-]+\s+){0,3}?(?!(?:other|another|either|neither|paper|newspaper|letter|order|water|matter|number|report|statement|center|centre|theater|theatre|shelter|tower|computer|register|quarter)\b)(?:[a-z][a-z-]*(?:er|or|ist|ian|ee|man|woman)|[a-z-]*(?:resident|student|agent|assistant|consultant|attendant|servant|sergeant|lieutenant|participant|applicant|contestant|migrant|claimant|defendant|tenant|opponent|correspondent|coach|chief|boss|star|ace|mum|mother|father|wife|husband|son|daughter|girl|boy|head|pundit|legend|veteran|champion|hero|youngster|hopeful|international|icon))\s*,?\s*$/u;
const ORG_POSSESSIVE_RE = /\bthe\s+(?:[\w-]+\s+)?(?:magazine|newspaper|paper|publication|website|site|broadcaster|station|channel|network|company|firm|club|group|organi[sz]ation|charity|agency)['’]s\s/i;
/** Organisation nouns that their proper names spell out ("the medical center": "California Pacific Medical Center"). */
const NAMED_ORG_HEADS = new Set(['center', 'centre', 'hospital', 'university', 'college', 'school', 'institute', 'embassy', 'museum', 'clinic', 'foundation', 'airline', 'bank', 'zoo', 'academy']);
const ORG_DESCRIPTION_RE = /\b(group|company|firm|corporation|retailer|supermarket|carmaker|insurer|lender|regulator|watchdog|organi[sz]ation|club|union|agency|charity|party|department|ministry|force|council|authority|campaign|association|federation|league|network|channel|newspaper|paper|team|side|government|administration|office|service|board|commission|committee|body|center|centre|hospital|university|college|school|institute|embassy|museum|clinic|foundation|airline|bank|zoo|academy|magazine|broadcaster)\s*,?\s*$/i;
const STRONG_BEFORE_RE = new RegExp(`\\b${SPEECH}\\b${NO_STOP}{0,40}:\\s*$`, 'i');
/** "continued to try", "went on to win": the verb is not one of speaking. */
const NOT_SPEECH_RE = /^(?:continu(?:ed|es)|went on)\s+to\s/i;
const SPEECH_GLOBAL_RE = new RegExp(`\\b${SPEECH}\\b`, 'gi');
/** A sentence ends at . ! ? … (and a closing mark) before a capital, or at a line break; not after "Mr." or an initial. */
const NOT_AFTER_ABBREVIATION = `(?<!\\b(?:${ABBREV_TITLES.join('|')}|\\p{Lu}))`;
const SENTENCE_BOUNDARY_RE = new RegExp(`(?:${NOT_AFTER_ABBREVIATION}\\.|[!?…])["”'’]?\\s+(?=[\\p{Lu}"“‘'])|\\n`, 'gu');
/** A full stop (not a title's or an initial's), ! or ? followed by a space. */
const SENTENCE_END_RE = new RegExp(`(?:${NOT_AFTER_ABBREVIATION}\\.|[!?])\\s`, 'u');

interface Context {
  text: string;
  quotes: readonly QuoteSpan[];
  /** Person and organisation mentions outside quotes, in order. */
  speakers: Mention[];
  names: NameIndex;
  /** Starts of person mentions followed by a verb or an appositive (likely subjects). */
  subjects: Set<number>;
  /** Those followed directly by a verb: stronger evidence. */
  verbSubjects: Set<number>;
  /** Gender known for the canonical person a mention names. */
  genderOf: (m: Mention) => 'm' | 'f' | null;
  /** The person the last attributed quote went to (updated as quotes are attributed in order). */
  lastSpeaker: string | null;
  /** The organisation the last attributed quote went to, if it went to one. */
  lastOrganisation: string | null;
  /** The speaker name of each person mention, by its start (see nameOf). */
  nameAt: Map<number, string>;
  /** Full names by the nicknames written inside them ("Lee 'Uncle Poodle' Thompson"), built on first use. */
  nicknames?: Map<string, string>;
  /** How often each full person name (two words or more) is written, built on first use. */
  fullNames?: Map<string, { count: number; gender: 'm' | 'f' | null }>;
  /** Nationalities the story gives people ("Karim Benzema ... the Frenchman"), built on first use. */
  nationalities?: Map<string, Set<string>>;
  /** Speaker names given to organisations so far. */
  organisations: Set<string>;
  /** Countries (and their capitals and metonyms, by the gazetteer) named outside quotes, in order: they may speak as one. */
  countries: Mention[];
}

function firstSpeakerIn(ctx: Context, from: number, to: number): Mention | null {
  let org: Mention | null = null;
  for (const m of mentionsBetween(ctx.speakers, from, to)) {
    if (m.kind === 'person') return m;
    org ??= m;
  }
  return org;
}

/**
 * The subject of a speech verb: the name just before it once an appositive is skipped
 * ("Pete Saunders, chief executive of X, added"), else the first person in the span.
 */
function subjectBefore(ctx: Context, from: number, verbAt: number): Mention | null {
  const relative = relativeClauseSubject(ctx, from, verbAt);
  if (relative) return relative;
  let lead = ctx.text.slice(from, verbAt).replace(/\s+$/, '');
  const appositive = /,[^,]{1,140},$/.exec(lead);
  if (appositive) {
    // "A Bronx building superintendent, Ruben George, told ...": the appositive is the name itself.
    const start = from + appositive.index;
    const named = mentionsBetween(ctx.speakers, start, from + lead.length);
    if (named.length === 1 && named[0]!.kind === 'person' && ctx.text.slice(start, from + lead.length).replace(/[\s,]/g, '') === named[0]!.name.replace(/\s/g, '')) return named[0]!;
    lead = lead.slice(0, appositive.index);
  }
  const leadEnd = from + lead.length;
  const nearby = mentionsBetween(ctx.speakers, Math.max(from, leadEnd - 160), leadEnd + 1);
  const near = nearby[nearby.length - 1];
  if (near && leadEnd - near.end <= 1) return personBeforeEmployer(ctx, nearby) ?? near;
  // "The 85-year-old, speaking to reporters at the Trump Doral resort, said": a description of a person before the appositive
  // is the subject, not a name inside the appositive. (An organisation's, "The immunisation service, babyjabs.co.uk,", may
  // be a website's copy.)
  if (appositive && mentionsBetween(ctx.speakers, from, leadEnd).length === 0 && /^\s*(?:the|[\p{Lu}][\p{L}.-]*['’]s)\s/iu.test(lead) && isDescription(lead + ' ') && !ORG_DESCRIPTION_RE.test(lead)) {
    return resolveDescription(ctx, lead, from);
  }
  // "The FA chairman said", "the BBC boss said": an organisation naming a person's post describes that person.
  if (near && near.kind === 'organization' && /^(?:['’]s)?(?:\s+(?:[a-z-]+|MP|MSP|MEP))+$/.test(ctx.text.slice(near.end, leadEnd)) && ORG_POST_AFTER_RE.test(ctx.text.slice(near.end, leadEnd))) {
    const the = /\bthe\s+$/i.exec(ctx.text.slice(Math.max(from, near.start - 5), near.start));
    if (the) return resolveDescription(ctx, ctx.text.slice(near.start - the[0].length, leadEnd), near.start);
  }
  return firstSpeakerIn(ctx, from, verbAt);
}

/**
 * "Wolves fan Mr Downes, who was on his way home with son Jack, 14, said": a relative clause that runs up to the verb
 * is an aside about the person before it, who speaks, whatever names the aside holds; so is one opened by a description
 * ("Mr McLuckie, a former developer who lives in France with his wife, Betty, and daughter Esmee, 13, said").
 */
function relativeClauseSubject(ctx: Context, from: number, verbAt: number): Mention | null {
  for (const m of mentionsBetween(ctx.speakers, from, verbAt)) {
    if (m.kind !== 'person') continue;
    const aside = ctx.text.slice(m.end, verbAt);
    if (RELATIVE_ASIDE_RE.test(aside)) return m;
  }
  return null;
}
const RELATIVE_ASIDE_RE = /^,\s+(?:(?:a|an|the)\s+[^,.;:!?"“”‘’\n]{1,60}?\s+)?(?:who|whose)\s[^.;:!?"“”‘’\n]{1,200},\s*(?:(?:also|later|then|previously|once|\w+ly)\s+)?$/;

/** Joins a person to the employer named after them: "Mark Diffley, Director, Ipsos MORI", "David Williams of Ladbrokes". */
const EMPLOYER_LINK_RE = /^(?:\s*,[^,.;:!?"“”‘’\n]*\p{L}[^,.;:!?"“”‘’\n]*,\s*|(?:\s*,[^.;:!?"“”‘’\n]{1,80}?,?)?\s+(?:of|from|at)\s+(?:the\s+)?)$/u;

/**
 * "David Williams of Ladbrokes said", "Mark Diffley, Director, Ipsos MORI Scotland said": the name
 * just before the verb is where the speaker works (an unfamiliar firm reads like a person's name);
 * the person named before it, joined by "of" or a role, speaks.
 */
function personBeforeEmployer(ctx: Context, nearby: readonly Mention[]): Mention | null {
  const employer = nearby[nearby.length - 1]!;
  const person = nearby[nearby.length - 2];
  if (!person || person.kind !== 'person') return null;
  const link = ctx.text.slice(person.end, employer.start);
  return EMPLOYER_LINK_RE.test(link) && !/\band\b/.test(link) ? person : null;
}

function mentionsBetween(list: readonly Mention[], from: number, to: number): Mention[] {
  const out: Mention[] = [];
  for (let i = firstMentionFrom(list, from); i < list.length && list[i]!.start < to; i++) if (list[i]!.end <= to) out.push(list[i]!);
  return out;
}

function nameOf(ctx: Context, m: Mention): string {
  if (m.kind !== 'person') return m.name;
  let name = ctx.nameAt.get(m.start);
  if (name === undefined) {
    const titleGender = m.gender && GENDERED_TITLE_RE.test(ctx.text.slice(Math.max(0, m.start - 8), m.start)) ? m.gender : null;
    name = cleanName(ctx, ctx.names.canonical(m.name, m.start, titleGender));
    name = nicknamesOf(ctx).get(name) ?? name;
    // "Her father Mr Robertson": a title's gender that differs from the full name's ("Summer Robertson") is another person.
    const fullGender = fullNamesOf(ctx).get(name)?.gender;
    if (m.gender && name !== m.name && fullGender && fullGender !== m.gender && GENDERED_TITLE_RE.test(ctx.text.slice(Math.max(0, m.start - 8), m.start))) name = m.name;
    ctx.nameAt.set(m.start, name);
  }
  return name;
}

/** A nickname quoted inside a full name: "Lee 'Uncle Poodle' Thompson", "Wayne “Wazza” Rooney". */
const NICKNAME_IN_NAME_RE = /(?<![\p{L}'’])(\p{Lu}[\p{Ll}-]+)\s+['‘"“](\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*){0,2})['’"”]\s+(\p{Lu}[\p{L}'’-]+)/gu;

/**
 * Maps each nickname written inside a full name, and its last word, to that full name: a writer who introduces "Lee 'Uncle
 * Poodle' Thompson" may then call him "Uncle Poodle" or "Poodle". Only when the first name is a known given name.
 */
function nicknamesOf(ctx: Context): Map<string, string> {
  if (!ctx.nicknames) {
    ctx.nicknames = new Map();
    for (const m of ctx.text.matchAll(NICKNAME_IN_NAME_RE)) {
      if (!isGivenName(m[1]!.toLowerCase())) continue;
      const full = `${m[1]} ${m[3]}`;
      const nick = m[2]!;
      ctx.nicknames.set(nick, full);
      const last = nick.split(' ').pop()!;
      if (last !== nick && !ctx.nicknames.has(last)) ctx.nicknames.set(last, full);
    }
  }
  return ctx.nicknames;
}

const GENDERED_TITLE_RE = /\b(?:Mr|Mrs|Ms|Miss|Sir|Lady|Lord|Dame)\.?\s+$/;

function fullNamesOf(ctx: Context): Map<string, { count: number; gender: 'm' | 'f' | null }> {
  if (!ctx.fullNames) {
    ctx.fullNames = new Map();
    for (const m of ctx.speakers) {
      if (m.kind !== 'person' || !m.name.includes(' ')) continue;
      const seen = ctx.fullNames.get(m.name);
      ctx.fullNames.set(m.name, { count: (seen?.count ?? 0) + 1, gender: seen?.gender ?? m.gender });
    }
  }
  return ctx.fullNames;
}

/**
 * Drops a capitalised word that a photo caption or a heading glued to a name: "Shocked Terry Cooper" ->
 * "Terry Cooper" (a given name follows); "League Klopp", "Goodison Park Rooney" -> "Jurgen Klopp",
 * "Wayne Rooney" (named once, while the story names one person of that surname with a given name
 * at least twice).
 */
function cleanName(ctx: Context, name: string): string {
  const tokens = name.split(' ');
  const first = tokens[0]!.toLowerCase();
  if (tokens.length < 2 || isGivenName(first) || NAME_PARTICLES.has(first) || first.includes('.')) return name;
  for (let i = 1; i < tokens.length - 1; i++) if (isGivenName(tokens[i]!.toLowerCase())) return tokens.slice(i).join(' ');
  const fullNames = fullNamesOf(ctx);
  const surname = tokens[tokens.length - 1]!;
  // "Air Commodore Lambert" after "Air Commodore Andrew Lambert": a rank written before the one full name with that
  // surname; the name runs from its given name ("Andrew Lambert").
  const ranked = new Set<string>();
  for (const n of fullNames.keys()) {
    if (!n.endsWith(` ${surname}`) || n === name) continue;
    const words = n.split(' ');
    const given = words.findIndex((w, i) => i < words.length - 1 && isGivenName(w.toLowerCase()));
    if (given > 0 && words.slice(0, given).every((w) => tokens.includes(w))) ranked.add(words.slice(given).join(' '));
  }
  if (ranked.size === 1) return [...ranked][0]!;
  const own = fullNames.get(name);
  if ((own?.count ?? 0) > 1) return name;
  const clean = [...fullNames].filter(
    ([n, x]) => x.count >= 2 && n.endsWith(` ${surname}`) && isGivenName(n.split(' ')[0]!.toLowerCase()) && (!own?.gender || own.gender === x.gender),
  );
  return clean.length === 1 ? clean[0]![0] : name;
}

/** Words that begin a full name without being a given name: "Abu Ibrahim Raqqawi", "Van Gaal". */
const NAME_PARTICLES = new Set(['abu', 'abd', 'abdul', 'al', 'el', 'bin', 'ben', 'ibn', 'van', 'von', 'de', 'da', 'di', 'du', 'le', 'la', 'mac', 'st', 'san']);

/**
 * Resolves he/she by salience rather than by distance, in this order: a subject of the sentence
 * holding the pronoun or of the one before it (the nearest first), when of that gender; the
 * referent of the same pronoun opening the sentence before ("He declined ... He said:"); the
 * speaker of the last attributed quote, when of that gender; the main subjects and that speaker
 * again when their gender is unknown; then the nearest person of that gender, and last the
 * nearest person of unknown gender. "it" goes to the last organisation named.
 */
function resolvePronoun(ctx: Context, pronoun: string, at: number, depth = 0): Mention | null {
  const p = pronoun.toLowerCase();
  if (p === 'it') return itsSubject(ctx, at) ?? lastOrganisationBefore(ctx, at);
  // "The ASA ruled: '...' They added: '...'": "they" goes on with an organisation that was just quoted.
  if (p === 'they') return ctx.lastOrganisation === null ? null : organisationMention(ctx, ctx.lastOrganisation, at);
  if (p !== 'he' && p !== 'she') return null;
  const want = p === 'he' ? 'm' : 'f';
  const { text } = ctx;
  const s0 = sentenceStartBefore(text, at, 0);
  const s1 = s0 > 0 ? sentenceStartBefore(text, s0 - 1, 0) : s0;
  const own = sentenceSubjects(ctx, s0, at).reverse();
  const before = s1 < s0 ? sentenceSubjects(ctx, s1, s0).reverse() : [];
  const subjects = [...own, ...before];
  const genderOf = (m: Mention): 'm' | 'f' | null => m.gender ?? ctx.genderOf(m);
  const compatible = (m: Mention): boolean => genderOf(m) === want;
  const unknown = (m: Mention): boolean => genderOf(m) === null && !collective(text, m);
  // "... by Winston Churchill, when he said": in the pronoun's own sentence a subject, else the nearest name of that gender.
  // A name in the possessive ("for Louis van Gaal's side") modifies a noun and is not who "he" is.
  const ownSubject = own.find(compatible) ?? mentionsBetween(ctx.speakers, s0, at).filter((m) => m.kind === 'person' && compatible(m) && !isPossessive(text, m.end) && !attributive(text, m)).pop();
  if (ownSubject) return ownSubject;
  // "But now she's found happiness ... She said:": a sentence opened by the same pronoun carries on its referent.
  const opening = depth < 3 && s1 < s0 ? PRONOUN_OPENING_RE.exec(text.slice(s1, s0)) : null;
  if (opening && opening[1]!.toLowerCase() === p) {
    const chained = resolvePronoun(ctx, p, s1 + opening[0].length, depth + 1);
    if (chained && compatible(chained)) return chained;
  }
  const subject = subjects.find(compatible);
  // "But Faily suggested ... that Obama is naively fiddling. '...,' he said": the subject of a clause after "that", or after
  // the speech verb of the sentence's first subject ("Ms Lane said some Amish arrivals are ..."), yields to that main
  // subject, of that gender or of none the story gives.
  const first = before[before.length - 1];
  const embedded = (m: Mention): boolean => embeddedSubject(text, m) || (first !== undefined && m !== first && OWN_SPEECH_VERB_RE.test(text.slice(first.end, m.start)));
  const main = subject && !own.includes(subject) && embedded(subject) ? before.find((m) => !embedded(m) && (compatible(m) || unknown(m))) : undefined;
  if (main) return main;
  if (subject) return subject;
  // "One Wolves fan, who lives in Telford, was travelling home. He said:": the sentence before introduced someone unnamed.
  if (s1 < s0 && UNNAMED_OPENING_RE.test(text.slice(s1, s0))) return null;
  // "People here are no fans of the EU, says Frederic Sawicki, a lecturer at Lille. '...,' he says": someone named after an
  // inverted speech verb in the sentence before (or the pronoun's own) was brought in to speak there; the pronoun goes on with
  // them, not with an earlier speaker. (Of that gender, or of none the story gives.)
  const introduced = mentionsBetween(ctx.speakers, s1, at)
    .filter((m) => m.kind === 'person' && (compatible(m) || unknown(m)) && !attributive(text, m) && !isPossessive(text, m.end) && INVERTED_BEFORE_NAME_RE.test(text.slice(Math.max(s1, m.start - 80), m.start)))
    .pop();
  if (introduced) return introduced;
  // "Telegraph executive Murdoch MacLennan said the papers would grow. '...,' he said": the sentence before opened with a
  // person of unknown gender and their own speech verb, so the pronoun goes on with them, not with an earlier speaker.
  // (Only when no one else is named there: "Google Maps claims ..., but Jerry Brotton isn't so sure. He argues".)
  // ("Telegraph executive Murdoch MacLennan": a name before a post and a person's name is their employer, no second person.)
  const speaking = first !== undefined && namedPeople(text, mentionsBetween(ctx.speakers, s1, s0)).length === 1 && unknown(first) && !embedded(first) && OWN_VERB_AFTER_SUBJECT_RE.test(text.slice(first.end, first.end + 160)) ? first : undefined;
  if (speaking) return speaking;
  const last = lastSpeakerMention(ctx, at);
  // "'...,' Andrei Illarionov told a press conference. Mr Gref, an opponent of nationalisation, was keen to distance himself.
  // The privatisation had been badly handled, he said. But he stressed ... '...,' he said": a subject of that gender brought
  // in after the last speaker was last named, and not on the same side of a pronoun chain, is who the pronoun goes on with.
  if (last && compatible(last)) {
    // (Not when the sentence before has a subject of unknown gender, whom the steps below weigh; not a passive agent.)
    const newer = before.some(unknown)
      ? undefined
      : mentionsBetween(ctx.speakers, last.end, s0)
          .filter((m) => compatible(m) && nameOf(ctx, m) !== nameOf(ctx, last) && freshSubject(ctx, m) && broughtInToSpeak(text, m))
          .pop();
    // (Not past a sentence a description opens with its own verb: "The prime minister on Sunday said ... But he rejected".)
    return newer && !DESCRIBED_SPEAKER_RE.test(text.slice(newer.end, at)) ? newer : last;
  }
  // A person of unknown gender ("Google Maps claims ..., but Jerry Brotton isn't so sure. He argues ...") is "he" only when
  // no one of that gender is named in these two sentences.
  const named = mentionsBetween(ctx.speakers, s1, at).filter((m) => m.kind === 'person' && compatible(m) && !isPossessive(text, m.end) && !attributive(text, m)).pop();
  if (named) return named;
  // "Valve said ... Rob Fahey, editor of a games site, said ... Before now, he said, ... '...,' he said": a last speaker of
  // unknown gender yields to a person of the pronoun's gender named after them (by a given name or a title: not "Tibetan
  // Buddhism", a thing's name read as a person's).
  const since = last && unknown(last) ? mentionsBetween(ctx.speakers, last.end, at).filter((m) => compatible(m) && freshSubject(ctx, m, false) && (m.role !== null || isGivenName(m.name.split(' ')[0]!.toLowerCase()))).pop() : undefined;
  const found = subjects.find(unknown) ?? since ?? (last && unknown(last) ? last : undefined);
  if (found) return found;
  // Nearest of that gender in the story so far; of unknown gender only in these two sentences (else no one).
  const window = mentionsBetween(ctx.speakers, Math.max(0, at - 2500), at);
  let fallback: Mention | null = null;
  let possessive: Mention | null = null;
  for (let i = window.length - 1; i >= 0; i--) {
    const m = window[i]!;
    if (m.kind !== 'person' || attributive(text, m)) continue;
    if (compatible(m)) {
      // "The veteran ran Bill Belichick's offense": a possessive name is "he" only when no other man is named.
      if (!isPossessive(text, m.end)) return m;
      possessive ??= m;
    }
    if (fallback === null && m.start >= s1 && unknown(m)) fallback = m;
  }
  return possessive ?? fallback;
}

/**
 * A person brought in as a sentence's subject: followed by a verb or an appositive, or by a role after a comma (unless
 * `needSubject` is false: then any mention will do); not a
 * possessive, a name after "the", a subject after "that", a passive agent, nor a name after a preposition (unless a role
 * follows it: "came from Brian Gammage, vice-president of research").
 */
function freshSubject(ctx: Context, m: Mention, needSubject = true): boolean {
  const { text } = ctx;
  const role = ROLE_APPOSITIVE_AFTER_RE.test(text.slice(m.end, m.end + 60));
  const before = text.slice(Math.max(0, m.start - 80), m.start);
  return (
    m.kind === 'person' &&
    (!needSubject || isSubject(ctx, m) || role) &&
    !isPossessive(text, m.end) &&
    !attributive(text, m) &&
    !embeddedSubject(text, m) &&
    (role || !PREPOSITION_BEFORE_RE.test(before.slice(-12))) &&
    !PASSIVE_AGENT_BEFORE_RE.test(before) &&
    !THAT_TITLE_BEFORE_RE.test(before.slice(-16))
  );
}

/**
 * A name introduced as a speaker: with a role or an aside after it ("Mr Gref, a well-known opponent of ...", "Brian Gammage,
 * vice-president of ..."), or with its own speech verb ("Mr Hirsch from Retail Banking Research said"); not a name that only
 * does something ("Germanwings is the budget carrier", "anything Dylan did").
 */
function broughtInToSpeak(text: string, m: Mention): boolean {
  const after = text.slice(m.end, m.end + 160);
  return ROLE_APPOSITIVE_AFTER_RE.test(after) || APPOSITIVE_OPENING_RE.test(after) || EMPLOYER_THEN_VERB_RE.test(after) || OWN_SPEECH_AFTER_RE.test(after);
}
const OWN_SPEECH_AFTER_RE = new RegExp(`^\\s+(?:\\w+ly\\s+)?(?:(?:has|had|have|also|later|then)\\s+)?${SPEECH}\\b`, 'i');

/** A role set off after a name: ", vice-president of research at", ", a lecturer at Lille". */
const ROLE_APPOSITIVE_AFTER_RE = /^,\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\w-]+\s+){0,3}?[a-z-]*(?:er|or|ist|ian|ent|ant|ee|man|woman|chief|head)\b|(?:[a-z][\w-]*\s+){1,3}(?:at|of|for|with|from)\s+\p{Lu})/u;

/** "that" (and a title) before a name: the name opens a reported clause ("explained that Mrs Meyer is"). */
const THAT_TITLE_BEFORE_RE = /\b(?:that|whether)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Prof)\.?\s+)?$/;

/** A sentence opened by a description and its speech verb: ". The prime minister on Sunday said", ". But the minister added". */
const DESCRIBED_SPEAKER_RE = new RegExp(`[.!?]["”'’]?\\s+(?:(?:But|And|However|Meanwhile),?\\s+)?[Tt]he\\s+(?:[\\w'’-]+\\s+){0,3}?[a-z][\\w-]*\\s+(?:(?:on|last|this)\\s+\\w+\\s+)?(?:\\w+ly\\s+)?(?:has\\s+|had\\s+)?${SPEECH}\\b`);

/**
 * "Wimpey said the market had proved 'challenging'. '...,' it added": "it" goes on with the subject of its own sentence or the
 * one before that can be an "it": an organisation, or a one-word name that nothing makes a person's (no given name, title or
 * gender), followed by its verb. Otherwise the caller takes the organisation named last.
 */
function itsSubject(ctx: Context, at: number): Mention | null {
  const { text } = ctx;
  const s0 = sentenceStartBefore(text, at, 0);
  const s1 = s0 > 0 ? sentenceStartBefore(text, s0 - 1, 0) : s0;
  const candidates = mentionsBetween(ctx.speakers, s1, at).filter(
    (m) =>
      (m.kind === 'organization' || (m.single && (m.gender ?? ctx.genderOf(m)) === null && !m.role && !isGivenName(m.name.toLowerCase()))) &&
      IT_SUBJECT_VERB_RE.test(text.slice(m.end, m.end + 40)) &&
      !PREPOSITION_BEFORE_RE.test(text.slice(Math.max(0, m.start - 12), m.start)) &&
      !isPossessive(text, m.end),
  );
  return candidates.pop() ?? null;
}
/** A subject's verb right after it: " said", " will have to", " has confirmed". */
const IT_SUBJECT_VERB_RE = new RegExp(`^\\s+(?:\\w+ly\\s+)?(?:(?:has|have|had|will|would|is|was|also)\\s+)?(?:${SPEECH}|[a-z]+ed)\\b`, 'i');

/**
 * An inverted speech verb right before a name, after a comma or a closing quotation mark: ", says ", ",' said energy analyst Mr ".
 * (Not "told": ", told Agence France Presse" names whom the subject before it told.)
 */
const INVERTED_BEFORE_NAME_RE = new RegExp(
  `[,"”'’]\\s*(?:\\p{Ll}+ly\\s+)?(?!told\\b|tells?\\b)${SPEECH}\\s+(?:the\\s+)?(?:\\p{Ll}[\\p{Ll}'’-]*\\s+){0,4}(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Lady|Lord|Dame)\\.?\\s+)?$`,
  'u',
);

/** A post and a person's name right after a name: " executive Murdoch", " spokesman Doug": that name is the person's employer. */
const POST_THEN_NAME_RE = /^\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,3}$/u;

/** The people among mentions in order, leaving out a name that is only the employer of the person after it ("Valve spokesman Doug Lombardi"). */
function namedPeople(text: string, list: readonly Mention[]): Mention[] {
  return list.filter((m, i) => m.kind === 'person' && !(list[i + 1]?.kind === 'person' && POST_THEN_NAME_RE.test(text.slice(m.end, list[i + 1]!.start))));
}

/** A person's post after an organisation's name: "the UCI president", "the FA's chairman", "the BBC boss", "the Labour peer" (not "spokesman"). */
const ORG_POST_AFTER_RE = /^(?:['’]s)?\s+(?:president|chief|boss|chairman|chairwoman|manager|coach|director|head|leader|captain|founder|owner|chief executive|secretary-general|general secretary|commissioner|governor|peer|MP|MSP|MEP|minister|backbencher|councillor|politician|treasurer|candidate)\b/;

/** After a subject, maybe an appositive or an employer, then its speech or reporting verb: " said", ", a Labour MP, told", " of Ofcom warned". */
const OWN_VERB_AFTER_SUBJECT_RE = new RegExp(
  `^(?:,[^,.;:!?"“”‘’\\n]{1,100},|\\s+(?:of|from|at)\\s+[^,.;:!?"“”‘’\\n]{1,60}?)?\\s+(?:\\w+ly\\s+)?(?:has\\s+|had\\s+)?(?:${SPEECH}|described|critici[sz]ed|welcomed|praised|attacked|dismissed)\\b`,
  'i',
);

/** The first subject's own speech verb and the words of its object clause up to a name, no comma between ("said some new "). */
const OWN_SPEECH_VERB_RE = new RegExp(`^\\s+(?:\\w+ly\\s+)?${SPEECH}\\b[^,;:.!?"“”‘’\\n]*$`, 'i');

/** A subject of a clause after "that" or "whether" ("suggested that Obama is"), not of its sentence's main clause. */
function embeddedSubject(text: string, m: Mention): boolean {
  return /\b(?:that|whether)\s+$/i.test(text.slice(Math.max(0, m.start - 9), m.start));
}

/** A sentence opened by an unnamed person and a relative clause: "One Wolves fan, who ...", "A neighbour who asked not to be named ...". */
const UNNAMED_OPENING_RE = /^\s*(?:(?:but|and|however|meanwhile),?\s+)?(?:One|Another|An?)\s+(?:[\p{L}'’-]+\s+){0,3}?\p{Ll}[\p{Ll}-]*,?\s+who\b/u;

/** A sentence opened by he or she ("He declined", "But now she's"), after at most three linking words. */
const PRONOUN_OPENING_RE = /^\s*(?:(?:but|and|however|now|then|yet|so|still|later|also|meanwhile),?\s+){0,3}(he|she)\b/i;

/** "the Blues are 10th": a name after "the" is a team or a band, never "he" or "she". */
function collective(text: string, m: Mention): boolean {
  return /\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 4), m.start));
}

/**
 * "the Shareholder Spring", "the 12 Years A Slave star": a name after "the" (and a number) that no title opens ("the Queen")
 * is a thing's name or modifies a noun; it is no person a pronoun or a description points back to.
 */
function attributive(text: string, m: Mention): boolean {
  return /\bthe\s+(?:\d[\d,.]*\s+)?$/i.test(text.slice(Math.max(0, m.start - 12), m.start)) && !isTitleWord(m.name.split(' ')[0]!);
}

/**
 * The likely subjects of the sentence [from, to), in order (see isSubject), except names in a list ("Manuel Pascali, Alexei Eremenko and ...").
 */
function sentenceSubjects(ctx: Context, from: number, to: number): Mention[] {
  const inSpan = mentionsBetween(ctx.speakers, from, to);
  const listed = listedMentions(ctx.text, inSpan);
  const out: Mention[] = [];
  for (let i = 0; i < inSpan.length; i++) {
    const m = inSpan[i]!;
    if (m.kind !== 'person') continue;
    if (!isSubject(ctx, m)) continue;
    if (!listed[i]) out.push(m);
  }
  return out;
}

/**
 * A person followed by their verb ("Rodgers now wants"), or opening an appositive ("Richard Rhoades,
 * who", "Pat, 69,", "Holly Leonard, a homeless woman", "Simon Scott – whose profile ... – posted").
 * A name then a comma then a verb ("... semi-final with Aston Villa, spoke to") closes an aside instead.
 */
function isSubject(ctx: Context, m: Mention): boolean {
  if (ctx.verbSubjects.has(m.start)) return true;
  const after = ctx.text.slice(m.end, m.end + 160);
  if (ADVERB_THEN_VERB_RE.test(after) || APPOSITIVE_OPENING_RE.test(after) || DASH_APPOSITIVE_RE.test(after)) return true;
  // "the Liberal Democrats' shadow home secretary, Mark Oaten, accused Mr Clarke": a name set off after its role, then the verb.
  if (NAMED_AFTER_ROLE_VERB_RE.test(after) && ROLE_THEN_COMMA_RE.test(ctx.text.slice(Math.max(0, m.start - 40), m.start))) return true;
  // "Nick Van den Brul of BNP Paribas described ...", "The report was welcomed by shadow minister David Willetts."
  return EMPLOYER_THEN_VERB_RE.test(after) || PASSIVE_AGENT_BEFORE_RE.test(ctx.text.slice(Math.max(0, m.start - 80), m.start));
}
/** Where a person works, then their verb: " of BNP Paribas described", " from the IFS said". */
const EMPLOYER_THEN_VERB_RE = /^\s+(?:of|from|at)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}&'’.-]*\s+){1,4}(?:[a-z]+ed|said|says|told|warned|thinks|believes)\b/u;
/** A passive whose agent is the person next: "was welcomed by Conservative shadow pensions secretary ". */
const PASSIVE_AGENT_BEFORE_RE = /\b(?:was|were|has been|have been|had been)\s+(?:[a-z]+ly\s+)?[a-z]+ed\s+by\s+(?:[\p{L}’'-]+\s+){0,5}$/u;

/**
 * "Rodgers now wants", "Cruz first praised", "Merkel repeatedly insisted": an adverb of time or manner between a name and
 * its verb keeps the name the subject.
 */
const ADVERB_THEN_VERB_RE =
  /^\s+(?:now|still|yesterday|today|tonight|also|later|then|once|previously|recently|however,?|first|again|initially|originally|repeatedly|publicly|privately|openly|quickly|immediately|briefly|finally|eventually|swiftly|angrily|flatly|strongly|twice|already|never|always|often|reportedly|allegedly)\s+(?:[a-z]+ed|[a-z]+s|has|had|was|is|said|told|will|would|can|could)\b/;
/** A comma and a verb after a name ("Mark Oaten, accused"), and a role noun and a comma before it ("shadow home secretary, "). */
const NAMED_AFTER_ROLE_VERB_RE = /^,\s+(?:(?:also|later|then|\w+ly)\s+)?(?:[a-z]+ed|said|told|says|tells|warned|argued|insisted|added)\b/;
const ROLE_THEN_COMMA_RE = /\b\p{Ll}[\p{Ll}-]+,\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Lord|Lady|Dame)\.?\s+)?$/u;
const APPOSITIVE_OPENING_RE = /^,\s+(?:(?:who|whose|the|a|an|another|his|her|[\w-]+-year-old|[\w-]+-of-[\w-]+)\b|\d{1,3}\s*,)/;
/** Words that open a sentence and never name a speaker. */
const SENTENCE_OPENER_RE = /^\s+(?:However|But|And|The|A|An|This|That|These|Those|It|In|On|At|After|Before|Meanwhile|Yet|So|Then|When|While|As|Despite|Although|Last|Earlier|Later)\b/;
/** "Simon Scott – whose profile has now been deleted – posted": an aside between dashes, then the verb. */
const DASH_APPOSITIVE_RE = /^\s+[–—-]\s[^–—.!?]{1,140}\s[–—-]\s+(?:[a-z]+ed|[a-z]+s|said|told|has|had|was|is|will|would)\b/;
const LIST_JOIN_RE = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)$/;

/**
 * Which mentions are items of a list: a run of three or more names joined by commas or "and", or two
 * joined by "and" ("Klopp, Mertesacker admits" is no list: the second name is the subject).
 */
function listedMentions(text: string, inSpan: readonly Mention[]): boolean[] {
  const listed = inSpan.map(() => false);
  let runStart = 0;
  let withAnd = false;
  for (let i = 1; i <= inSpan.length; i++) {
    const join = i < inSpan.length ? text.slice(inSpan[i - 1]!.end, inSpan[i]!.start) : null;
    if (join !== null && LIST_JOIN_RE.test(join)) {
      withAnd ||= /\band\b|&/.test(join);
      continue;
    }
    const length = i - runStart;
    if (length >= 3 || (length === 2 && withAnd)) for (let k = runStart; k < i; k++) listed[k] = true;
    runStart = i;
    withAnd = false;
  }
  return listed;
}

/** The latest mention of the last attributed person speaker, if named in the 2,500 characters before `at`. */
function lastSpeakerMention(ctx: Context, at: number): Mention | null {
  const name = ctx.lastSpeaker;
  if (name === null) return null;
  const window = mentionsBetween(ctx.speakers, Math.max(0, at - 2500), at);
  for (let i = window.length - 1; i >= 0; i--) {
    const m = window[i]!;
    if (m.kind === 'person' && nameOf(ctx, m) === name) return m;
  }
  return null;
}

const WHITE_SPACE_RE = /\s/u;

/** Start of the sentence containing `at`, looking back no further than `floor` (nor 1,000 characters: linear overall). */
export function sentenceStartBefore(text: string, at: number, floor: number): number {
  floor = Math.max(floor, at - 1000, 0);
  let start = floor;
  // The search reads no further than the white space after `at` and one character more (what a boundary that starts
  // before `at` can cover and look at): on the whole text, a story with no sentence end after `at` was read to its end
  // for every quote, which made such a text quadratic.
  let limit = at;
  while (limit < text.length && (text.charCodeAt(limit) <= 32 || WHITE_SPACE_RE.test(text[limit]!))) limit++;
  const window = limit + 1 >= text.length ? text : text.slice(0, limit + 1);
  SENTENCE_BOUNDARY_RE.lastIndex = floor;
  for (let m = SENTENCE_BOUNDARY_RE.exec(window); m && m.index < at; m = SENTENCE_BOUNDARY_RE.exec(window)) {
    const end = m.index + m[0].length;
    if (end <= at) start = end;
  }
  return start;
}

function sentenceEndAfter(text: string, from: number, ceiling: number): number {
  const span = text.slice(from, ceiling);
  SENTENCE_BOUNDARY_RE.lastIndex = 0;
  const m = SENTENCE_BOUNDARY_RE.exec(span);
  return m ? from + m.index + 1 : ceiling;
}

function fromMention(ctx: Context, m: Mention | null, cue: string, confidence: number): Attribution | null {
  if (!m) return null;
  if (m.kind !== 'person') ctx.organisations.add(m.name);
  return { speaker: nameOf(ctx, m), confidence: Math.round((m.kind === 'person' ? confidence : confidence * 0.8) * 100) / 100, cue };
}

function attributeAfter(ctx: Context, q: QuoteSpan, limit: number): Attribution | null {
  const { text } = ctx;
  const tailEnd = sentenceEndAfter(text, q.end, Math.min(limit, q.end + 160));
  const tail = text.slice(q.end, tailEnd);
  // "'... left alone.' Director Alison Saunders said she ...": after a full stop a new sentence begins.
  if (/[.…]$/.test(q.text) && /^\s+(?!I\b)\p{Lu}/u.test(tail)) return null;
  // "'... like, "Wow!"' However, surgeon Norman Rowe told ...": after ! or ? only a word that opens sentences says so.
  if (/[!?]["”'’]?$/.test(q.text) && SENTENCE_OPENER_RE.test(tail)) return null;
  // "'... not to touch them.' 'Very bulky': Dog walker Jane Hill ... said": a photo caption's quoted heading starts something else.
  if (CAPTION_HEADING_RE.test(tail)) return null;
  const acc = ACCORDING_TO_RE.exec(tail);
  // ("The band have done 'everything in their considerable powers' to stay the biggest band, according to Q magazine editor
  // Paul Rees.": an "according to" set off by a comma at the end of the quote's sentence attributes all of it.)
  if (acc && (acc.index <= 4 || (/,\s*$/.test(tail.slice(0, acc.index)) && !/["“”‘’]/.test(tail.slice(0, acc.index)) && !SPEECH_IN_SPAN_RE.test(tail.slice(0, acc.index)) && mentionsBetween(ctx.speakers, q.end, q.end + acc.index).length === 0 && SENTENCE_CLOSING_NAME_RE.test(tail.slice(acc.index))))) {
    const from = q.end + acc.index + acc[0].length;
    if (DOCUMENT_SOURCE_RE.test(text.slice(from, Math.min(tailEnd, from + 80)))) return { speaker: null, confidence: 0, cue: 'document' };
    const m = firstSpeakerIn(ctx, from, Math.min(tailEnd, from + 80));
    if (m) return fromMention(ctx, m, 'according-to', 0.8);
  }
  // "'...,' said Le Figaro newspaper", "wrote the influential Edge magazine": a publication named by its kind speaks as one.
  const outletAfter = OUTLET_AFTER_RE.exec(tail);
  if (outletAfter && !NOT_OUTLET_NAME_RE.test(outletAfter[1]!)) return { ...organisationNamed(ctx, outletAfter[1]!.trim()), cue: 'said-after' };
  const pron = PRONOUN_AFTER_RE.exec(tail);
  if (pron) {
    const spokesman = spokesmanBefore(ctx, pron[1]!, q.start);
    if (spokesman) return spokesman;
    const m = resolvePronoun(ctx, pron[1]!, q.start);
    return m ? fromMention(ctx, m, 'pronoun', 0.75) : { ...UNKNOWN };
  }
  // ("'...,' adding that he was": a participle goes on with its sentence's subject, see gerundSubject; it inverts nothing.)
  const inv = INVERTED_AFTER_RE.exec(tail);
  if (inv && !/ing\s+$/i.test(inv[0])) {
    const from = q.end + inv[0].length;
    if (INDEFINITE_AFTER_RE.test(text.slice(from, tailEnd + 1))) return { speaker: null, confidence: 0, cue: 'unnamed' };
    const unnamed = unnamedSpeaker(ctx, from, tailEnd, true);
    if (unnamed) return unnamed;
    const afterRole = namedAfterRole(ctx, from, tailEnd);
    if (afterRole) return fromMention(ctx, afterRole, 'said-after', 0.85);
    const first = firstSpeakerIn(ctx, from, Math.min(tailEnd, from + 60));
    // "said Kidman's publicist Wendy Day", "said Aston's chief executive Ulrich Bez": the possessive names whose post the person
    // after it holds; that person speaks.
    const holder = first && isPossessive(text, first.end) ? postHolderAfter(ctx, first, tailEnd) : null;
    if (holder && first!.start - from <= 12) return fromMention(ctx, holder, 'said-after', 0.9);
    // "said Prebon Yamane economist Lena Komileva": a name, a post in lower case, then a person: the employer and its employee.
    // (Not "said Ian Hunter at Goodbody": the first name must be no person's full name, the words between a post's.)
    const employer = first && first.start - from <= 12 && (first.kind === 'organization' || !isGivenName(first.name.split(' ')[0]!.toLowerCase())) ? first : undefined;
    const employee = employer ? mentionsBetween(ctx.speakers, employer.end, tailEnd).find((x) => x.kind === 'person') : undefined;
    if (employee && POST_WORDS_RE.test(text.slice(employer!.end, employee.start))) return fromMention(ctx, employee, 'said-after', 0.9);
    const found = first;
    // "added the UCI president": an organisation naming a person's post describes that person (read below), it does not speak.
    const m = found && found.kind === 'organization' && ORG_POST_AFTER_RE.test(text.slice(found.end, found.end + 24)) ? null : found;
    // "said goalkeeping coach Tony Parks": only lower-case role words may sit between the verb and the name.
    // "said United Kingdom-based International Animal Rescue": so may a place the speaker is based in, and "said Chief Warrant
    // Officer 5 Reggie Lane" a rank.
    if (m && (m.start - from <= 12 || /^(?:the\s+|a\s+|an\s+)?(?:[a-z’'-]+\s+){1,4}$/.test(text.slice(from, m.start)) || BASED_GAP_RE.test(text.slice(from, m.start)) || rankGap(text.slice(from, m.start)) || ROLE_COMMA_GAP_RE.test(text.slice(from, m.start)))) {
      return fromMention(ctx, m, 'said-after', 0.9);
    }
    // "said Recording Academy president and CEO Neil Portnow.": a longer role, capitals and all, when the name closes the clause.
    const closing = mentionsBetween(ctx.speakers, from, Math.min(tailEnd, from + 100)).find((x) => x.kind === 'person');
    if (closing && /^(?:the\s+)?(?:[\p{L}’'&-]+\s+){1,8}(?:\d{1,2}\s+)?$/u.test(text.slice(from, closing.start)) && /^\s*(?:[.,;!?]|$)/.test(text.slice(closing.end, closing.end + 2))) {
      return fromMention(ctx, closing, 'said-after', 0.85);
    }
    // "said the video maker", "said United's head coach".
    const described = text.slice(from, Math.min(tailEnd, from + 50)).split(/[,.;]/)[0]!;
    if (/^(?:the\s|\p{Lu}[\p{L}.-]*['’]s\s)/u.test(described) && isDescription(described + ' ')) {
      return describedSpeaker(ctx, described, q.start);
    }
    return { ...UNKNOWN };
  }
  const verb = SPEECH_IN_SPAN_RE.exec(tail);
  if (verb && verb.index <= 110) {
    const verbAt = q.end + verb.index;
    // "'...,' while Sarah Edwards added: '...'": a verb that opens the next quote is not this one's.
    if (/^[^.!?\n]{0,40}:\s*$/.test(text.slice(verbAt + verb[0].length, tailEnd)) || /^\s*:/.test(text.slice(verbAt + verb[0].length, verbAt + verb[0].length + 3))) return null;
    const g = gerundSubject(ctx, verb[0], verbAt);
    if (g) return g;
    const lead = text.slice(q.end, verbAt);
    if (SENTENCE_END_RE.test(lead)) return null;
    const unnamed = unnamedSpeaker(ctx, q.end, verbAt, false) ?? groupOrDocument(lead);
    if (unnamed) return unnamed;
    const m = subjectBefore(ctx, q.end, verbAt);
    if (m) return fromMention(ctx, m, 'said-after', 0.9);
    const pb = PRONOUN_BEFORE_VERB_RE.exec(lead);
    if (pb) {
      const r = resolvePronoun(ctx, pb[1]!, q.start);
      return r ? fromMention(ctx, r, 'pronoun', 0.7) : { ...UNKNOWN };
    }
    const core = descriptionCore(lead);
    if (isDescription(core)) return describedSpeaker(ctx, core, q.start);
  }
  return null;
}

/** One to three lower-case words of a post between an employer and a name: " economist ", " chief executive ". */
const POST_WORDS_RE = /^\s+(?:(?!(?:at|of|the|a|an|from|for|in|with|and|on|to|who|which|said|says|told|added)\b)\p{Ll}[\p{Ll}-]*\s+){1,3}$/u;

/** A possessive, then a post in lower case, then the name: "'s publicist ", "’s chief executive ". */
const POSSESSIVE_POST_RE = /^['’]s?\s+(?:[a-z][a-z-]*\s+){1,4}$/;

/** The person named right after a possessive and a post ("Kidman's publicist Wendy Day"), or null. */
function postHolderAfter(ctx: Context, owner: Mention, tailEnd: number): Mention | null {
  const next = mentionsBetween(ctx.speakers, owner.end, Math.min(tailEnd, owner.end + 60)).find((m) => m.kind === 'person');
  return next && POSSESSIVE_POST_RE.test(ctx.text.slice(owner.end, next.start)) ? next : null;
}

/** ", who is white," / ", which runs the site," closing a subject before its verb. */
const RELATIVE_ASIDE_END_RE = /,\s+(?:who|whose|which)\s(?:[^,.;:!?"“”‘’\n]|\.(?=\d)){1,140},\s*$/;
/** " from Texas", " of the Kola Flotilla": where a described person comes from, closing the subject. */
const PROVENANCE_END_RE = /\s+(?:from|of|for|at|in)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*,?\s*$/u;

/**
 * The description a subject opens with, without an aside or a provenance after it: "the mayor, who is white," -> "the mayor",
 * "the senator from Texas" -> "the senator", "the Australian, who set an Olympic record ...," -> "the Australian".
 */
function descriptionCore(lead: string): string {
  return lead.replace(RELATIVE_ASIDE_END_RE, ' ').replace(PROVENANCE_END_RE, ' ');
}

/**
 * A role ending on a title word, maybe with a grade, between an inverted verb and the name: "Chief Warrant Officer 5 ",
 * "Maj. Gen. ", "current Apple CEO ", "the club's new manager ".
 */
function rankGap(gap: string): boolean {
  const words = gap.trim().split(/\s+/);
  if (/^\d{1,2}$/.test(words[words.length - 1]!)) words.pop();
  return words.length >= 1 && words.length <= 6 && isTitleWord(words[words.length - 1]!) && !words.some((w) => /[.,;:!?]$/.test(w) && !isTitleWord(w));
}

/** "said study author, Dr. ", "said the club's captain, ": lower-case role words set off from the name by a comma. */
const ROLE_COMMA_GAP_RE = /^(?:the\s+|a\s+|an\s+)?(?:[a-z’'-]+\s+){0,3}[a-z’'-]+,\s+(?:(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame|Lord|Lady|MP|MEP|MSP)\.?\s+)?$/;

/** Between an inverted verb and its subject, where the subject is based: "the London-based ", "United Kingdom-based aid group ". */
const BASED_GAP_RE = /^(?:the\s+|a\s+|an\s+)?(?:\p{Lu}[\p{L}.]*\s+){0,3}?[\p{L}.]+-(?:based|headquartered)\s+(?:[a-z’'-]+\s+){0,3}$/u;

/** A quoted caption heading and its colon: " 'Very bulky': ", " ‘Tragic’: ". */
const CAPTION_HEADING_RE = /^\s*['‘"“][^'‘’"“”\n]{1,40}['’"”]\s*:\s/;

/**
 * "said Myer Chief Merchandise & Marketing Officer and Deputy CEO, Daniel Bracken.": after a long
 * role, the person closes the sentence, set off by a comma; capitalised role words are no name.
 */
function namedAfterRole(ctx: Context, from: number, tailEnd: number): Mention | null {
  const inSpan = mentionsBetween(ctx.speakers, from, tailEnd);
  const last = inSpan[inSpan.length - 1];
  if (!last || last.kind !== 'person' || inSpan.length < 2) return null;
  const before = ctx.text.slice(from, last.start);
  return /,\s*$/.test(before) && !/[.!?;]/.test(before) && /^\s*(?:[.!?]|$)/.test(ctx.text.slice(last.end, last.end + 2)) ? last : null;
}

/** "He accused X of ..., adding: '...'" — a participle's subject is the subject of its sentence. */
function gerundSubject(ctx: Context, verb: string, verbAt: number): Attribution | null {
  if (!/^\w+ing\b/i.test(verb.trim())) return null;
  // "criticism poured in, with one person tweeting:", "and another fan writing:": an unnamed person, not the sentence's subject.
  // ("you can hear one of the officers saying", "with two of his neighbours telling": one of a group, unnamed.)
  const near = ctx.text.slice(Math.max(0, verbAt - 60), verbAt);
  if (INDEFINITE_GERUND_SUBJECT_RE.test(near) || ONE_OF_GROUP_BEFORE_RE.test(near)) return { speaker: null, confidence: 0, cue: 'unnamed' };
  const sStart = sentenceStartBefore(ctx.text, verbAt, Math.max(0, verbAt - 600));
  const lead = ctx.text.slice(sStart, verbAt);
  const sp = /^\s*(?:(?:and|but|so|yet|then|now|still|also|however|later),?\s+)?(he|she)\b/i.exec(lead);
  if (sp) {
    const r = resolvePronoun(ctx, sp[1]!, sStart);
    if (r) return fromMention(ctx, r, 'pronoun', 0.65);
  }
  // The nearest name that is followed by its own verb ("Suzi Force believes ..., saying:"). A name followed directly by
  // its verb comes first: "Wendy Bower also praised Mr Coe, saying:" is Bower's, though "Mr Coe," looks like an appositive.
  const inSentence = mentionsBetween(ctx.speakers, sStart, verbAt);
  // ("Paul Flynn said Mr Blair and Mr Brown had a 'scorching' from MPs, adding:": a subject inside what the first subject
  // said is not the one going on.)
  const firstSubject = inSentence.find((m) => ctx.verbSubjects.has(m.start));
  for (let i = inSentence.length - 1; i >= 0; i--) {
    const m = inSentence[i]!;
    if (!ctx.verbSubjects.has(m.start)) continue;
    const reported = firstSubject !== undefined && m !== firstSubject && OWN_SPEECH_VERB_RE.test(ctx.text.slice(firstSubject.end, m.start));
    return fromMention(ctx, reported ? firstSubject : m, 'said-before', 0.75);
  }
  for (let i = inSentence.length - 1; i >= 0; i--) {
    if (ctx.subjects.has(inSentence[i]!.start)) return fromMention(ctx, inSentence[i]!, 'said-before', 0.75);
  }
  const first = inSentence[0];
  if (first && ctx.text.slice(sStart, first.start).trim().split(/\s+/).filter(Boolean).length <= 2) return fromMention(ctx, first, 'said-before', 0.75);
  return null;
}

/** One of a group, unnamed, right before a participle: "one of the officers ", "two of his neighbours ". */
const ONE_OF_GROUP_BEFORE_RE = /\b(?:one|another|some|many|several|two|three|four)\s+of\s+(?:the|his|her|their|its|our)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+$/i;
/** An indefinite subject right before a participle: "with one person ", "and another angry fan ", "with others ". */
const INDEFINITE_GERUND_SUBJECT_RE = /\b(?:with|and|as|while)\s+(?:(?:one|another|some|many)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+|others|one|another|someone|somebody)\s+$/i;

/**
 * The organisation named last before `at`; with `head` ("center" from "the medical center"), the last one whose name
 * has that word ("California Pacific Medical Center") when there is one.
 */
function lastOrganisationBefore(ctx: Context, at: number, head?: string, headRequired = false): Mention | null {
  // An outlet told or shown something ("told CNN", "CNN affiliate KGO") listens; it is not the organisation meant.
  const window = mentionsBetween(ctx.speakers, Math.max(0, at - 1500), at).filter((m) => m.kind === 'organization' && !listeningOutlet(ctx.text, m));
  if (head) {
    const word = new RegExp(`\\b${head}s?\\b`, 'i');
    for (let i = window.length - 1; i >= 0; i--) if (word.test(window[i]!.name)) return window[i]!;
    if (headRequired) return null;
    // "the magazine said", "the broadcaster said": an outlet's name, or a broadcaster's letters ("BBC"), else no one.
    if (MEDIA_HEADS.has(head)) {
      const media = (m: Mention): boolean => MEDIA_NAME_RE.test(m.name) || (BROADCAST_HEADS.has(head) && /^[A-Z]{2,5}$/.test(m.name));
      for (let i = window.length - 1; i >= 0; i--) if (media(window[i]!)) return window[i]!;
      return null;
    }
  }
  // "The NTSB said the FAA had no procedures. '...,' the safety board said": an organisation in what another said is talked
  // about; the one that said it is meant, when there is one.
  for (let i = window.length - 1; i >= 0; i--) if (!REPORTED_ORG_BEFORE_RE.test(ctx.text.slice(Math.max(0, window[i]!.start - 40), window[i]!.start))) return window[i]!;
  return window[window.length - 1] ?? null;
}
const REPORTED_ORG_BEFORE_RE = new RegExp(`\\b${SPEECH}\\s+(?:that\\s+)?(?:the\\s+)?$`, 'i');

/** "told CNN", "speaking to the BBC", "CNN affiliate KGO": an outlet that is told, or only reports. */
function listeningOutlet(text: string, m: Mention): boolean {
  return /\b(?:told|tells|telling|(?:said|spoke|speaking|talked|talking)\s+to)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 20), m.start)) || /^(?:['’]s)?\s+affiliate\b/.test(text.slice(m.end, m.end + 14));
}
const MEDIA_HEADS = new Set(['magazine', 'newspaper', 'paper', 'broadcaster', 'network', 'channel']);
const BROADCAST_HEADS = new Set(['broadcaster', 'network', 'channel']);
const MEDIA_NAME_RE = /\b(?:Times|Post|News|Magazine|Journal|Herald|Tribune|Telegraph|Mail|Guardian|Gazette|Review|Press|TV|Radio|Channel|Network|Daily|Express|Mirror|Sun|Today|Observer|Independent|Chronicle|Standard|Economist|Star)\b/;

/** The latest mention (in the 2,500 characters before `at`) of the organisation that speaks as `name`. */
function organisationMention(ctx: Context, name: string, at: number): Mention | null {
  const window = mentionsBetween(ctx.speakers, Math.max(0, at - 2500), at);
  for (let i = window.length - 1; i >= 0; i--) if (window[i]!.kind === 'organization' && nameOf(ctx, window[i]!) === name) return window[i]!;
  return null;
}

/** A role description ends `phrase`, and no name does (a name after "the" is a team: "the Blues"). */
function isDescription(phrase: string): boolean {
  // Both patterns end the phrase and start at "the" or a possessive within its last few words.
  const tail = phrase.slice(-90);
  return /\bthe\s|['’]s\s/i.test(tail) && (DESCRIPTION_RE.test(tail) || ROLE_DESCRIPTION_RE.test(tail) || OFFICE_DESCRIPTION_RE.test(tail) || demonymDescription(tail));
}

/** "the Italian", "the Slovenian", "the Frenchman", "the Iranian-Polish-American": one person named by nationality. */
const DEMONYM_DESCRIPTION_RE = /\bthe\s+((?:\p{Lu}\p{Ll}+-)*(\p{Lu}\p{Ll}+))\s*,?\s*$/u;
/** Words of demonym shape that name an organisation or a group ("the Guardian", "the Vatican", "the Taliban"). */
const NOT_DEMONYMS = new Set(['guardian', 'smithsonian', 'vatican', 'taliban', 'republican', 'democrat', 'christian', 'european', 'caribbean', 'mediterranean']);

function demonymDescription(phrase: string): boolean {
  const m = DEMONYM_DESCRIPTION_RE.exec(phrase);
  if (!m) return false;
  const word = m[2]!;
  if (NOT_DEMONYMS.has(word.toLowerCase())) return false;
  // A singular demonym: a known one that is not a place ("Japanese" and "French" also name a nation's government, so not those
  // ending -ese, -ish, -ch), one of the common -ian/-ean/-can forms, or a "-man"/"-woman" compound ("Dutchman").
  if (/(?:ese|ish|ch|s)$/.test(word)) return false;
  if (partyOf(word) !== null && placeOf(word) === null && gazetteerOrganisation(word) === null) return true;
  return /\p{Ll}(?:ian|ean|can)$/u.test(word) || /^(?:French|Dutch|English|Irish|Scots|Welsh)(?:wo)?man$/.test(word);
}

/**
 * The body a description names when the story names no organisation for it: "the government said" -> `Government`, "the
 * Scottish government" -> `Scottish government`, "The Commons education select committee called this" -> `Commons education
 * select committee` (a committee or commission only with a capitalised word that names whose it is).
 */
const BODY_DESCRIPTION_RE = /\bthe\s+((?:(?:\p{Lu}[\p{L}'’-]*|[a-z-]+)\s+){0,4}?)(government|committee|commission)\s*,?\s*$/iu;

/** The speaker a description gives: whom it points back to, else the body it names (`BODY_DESCRIPTION_RE`), else no one. */
function describedSpeaker(ctx: Context, description: string, at: number): Attribution | null {
  const owned = ownerOfSpokesman(ctx, description, at);
  if (owned) return owned;
  const found = fromMention(ctx, resolveDescription(ctx, description, at), 'description', 0.5);
  if (found) return found;
  const body = BODY_DESCRIPTION_RE.exec(description);
  if (!body) return null;
  const modifiers = body[1]!.trim();
  const head = body[2]!.toLowerCase();
  if (head !== 'government' && !/\p{Lu}/u.test(modifiers)) return null;
  const name = `${modifiers} ${head}`.trim();
  ctx.organisations.add(name.charAt(0).toUpperCase() + name.slice(1));
  return { speaker: name.charAt(0).toUpperCase() + name.slice(1), confidence: 0.5, cue: 'description' };
}

/** A group's spokesman: "the band's spokesman", "the club's official spokeswoman". */
const GROUP_SPOKESMAN_RE = /\bthe\s+(band|group|club|team|company|firm|party|union|charity|campaign|organi[sz]ation|association|council|government|ministry|department|agency)['’]s?\s+(?:official\s+)?(?:spokes(?:man|woman|person)|representative)\s*,?\s*$/i;

/** "the advocacy group said" names an organisation, "the 45-year-old said" a person. */
function resolveDescription(ctx: Context, description: string, at: number): Mention | null {
  const which = /\bthe\s+(latter|former)\s*,?\s*$/i.exec(description);
  if (which) return oneOfPair(ctx, at, which[1]!.toLowerCase() === 'latter');
  // "The band's spokesman said": a group's spokesman speaks for it, the organisation of that kind named last, not a member.
  const spokes = GROUP_SPOKESMAN_RE.exec(description);
  if (spokes) return lastOrganisationBefore(ctx, at, spokes[1]!.toLowerCase());
  // "the magazine's US columnist wrote": someone writing for an organisation, which speaks.
  const org = ORG_DESCRIPTION_RE.exec(description);
  // ("the government said" after "the Conservatives": a party or a firm named last is not the government.)
  if (org) return lastOrganisationBefore(ctx, at, org[1]!.toLowerCase(), NAMED_ORG_HEADS.has(org[1]!.toLowerCase()) || org[1]!.toLowerCase() === 'government');
  if (ORG_POSSESSIVE_RE.test(description)) return lastOrganisationBefore(ctx, at);
  // "the prime minister", "the foreign secretary": an office, held by whoever the story introduces in it, not by a deputy
  // ("Deputy Prime Minister John Prescott") nor by the holder of another office ("Home Secretary Charles Clarke").
  const office = OFFICE_DESCRIPTION_RE.exec(description);
  if (office) return officeHolder(ctx, office[1]!.toLowerCase().split(/\s+/), at);
  // "said the Chelsea boss" after "Chelsea boss Jose Mourinho": the person introduced in that role.
  const byRole = personIntroducedAs(ctx, roleHead(description), at);
  if (byRole) return byRole;
  const demonym = DEMONYM_DESCRIPTION_RE.exec(description);
  if (demonym && demonymDescription(description)) return personOfNationality(ctx, demonym[1]!, at);
  // "Dougie Hall, 34, ... the 34-year-old said": the person given that age.
  const age = /\b(\d{1,3})-year-old\b/.exec(description);
  if (age) {
    const window = mentionsBetween(ctx.speakers, Math.max(0, at - 2500), at);
    const aged = new RegExp(`^(?:,\\s*|\\s*\\()${age[1]}\\b`);
    for (let i = window.length - 1; i >= 0; i--) if (window[i]!.kind === 'person' && aged.test(ctx.text.slice(window[i]!.end, window[i]!.end + 8))) return window[i]!;
    return verbSubjectBefore(ctx, at) ?? lastPersonBefore(ctx, at);
  }
  return salientPerson(ctx, at);
}

/**
 * Who "the Slovenian" is: a person the story calls by that nationality elsewhere, else the salient person (the last
 * speaker, the subjects of this sentence and the one before, then earlier subjects, the nearest first) that the story does
 * not call by another nationality ("Karim Benzema ... after the Frenchman limped" is not "the Italian").
 */
function personOfNationality(ctx: Context, demonym: string, at: number): Mention | null {
  const tags = nationalityTags(ctx);
  // "at the Santiago Bernabeu": a name after "the" is a place or a team.
  const window = mentionsBetween(ctx.speakers, Math.max(0, at - 2500), at).filter((m) => m.kind === 'person' && !collective(ctx.text, m));
  for (let i = window.length - 1; i >= 0; i--) if (tags.get(nameOf(ctx, window[i]!))?.has(demonym)) return window[i]!;
  const other = (m: Mention | null | undefined): boolean => !!m && (tags.get(nameOf(ctx, m))?.size ?? 0) > 0;
  const s0 = sentenceStartBefore(ctx.text, at, 0);
  const s1 = s0 > 0 ? sentenceStartBefore(ctx.text, s0 - 1, 0) : s0;
  const last = lastSpeakerMention(ctx, at);
  const candidates = [last, ...sentenceSubjects(ctx, s0, at).reverse(), ...(s1 < s0 ? sentenceSubjects(ctx, s1, s0).reverse() : []), ...window.filter((m) => isSubject(ctx, m)).reverse()];
  return candidates.find((m): m is Mention => !!m && !other(m)) ?? null;
}

/**
 * The nationalities the story gives people outside quotes: "Dutchman Arjen Robben"; "the Frenchman" goes to the person named
 * last before it in its sentence.
 */
function nationalityTags(ctx: Context): Map<string, Set<string>> {
  if (!ctx.nationalities) {
    ctx.nationalities = new Map();
    for (const m of ctx.text.matchAll(/\bthe\s+((?:\p{Lu}\p{Ll}+-)*\p{Lu}\p{Ll}+)\b/gu)) {
      if (!demonymDescription(m[0]) || ctx.quotes.some((q) => q.start <= m.index && m.index < q.end)) continue;
      const person = mentionsBetween(ctx.speakers, sentenceStartBefore(ctx.text, m.index, 0), m.index).filter((x) => x.kind === 'person').pop();
      if (!person) continue;
      const name = nameOf(ctx, person);
      const set = ctx.nationalities.get(name) ?? new Set<string>();
      set.add(m[1]!);
      ctx.nationalities.set(name, set);
    }
    // "Dutchman Arjen Robben", "Slovenian Tina Maze": the nationality written before the name.
    for (const m of ctx.speakers) {
      if (m.kind !== 'person') continue;
      // (The capitalised nationality is usually read as part of the name run: "Dutchman Arjen Robben".)
      const before = /((?:\p{Lu}\p{Ll}+-)*\p{Lu}\p{Ll}+)\s+$/u.exec(ctx.text.slice(Math.max(0, m.start - 40), m.start)) ?? /^(\S+)\s+\S/u.exec(m.name);
      if (!before || !demonymDescription(`the ${before[1]}`)) continue;
      const name = nameOf(ctx, m);
      const set = ctx.nationalities.get(name) ?? new Set<string>();
      set.add(before[1]!);
      ctx.nationalities.set(name, set);
    }
  }
  return ctx.nationalities;
}

/**
 * The person whose own verb follows their name (or their appositive) in this sentence or the one before, the nearest first:
 * "Fenninger, who also won the title at Beaver Creek, said she ..." -> Fenninger, not the place in her relative clause.
 */
function verbSubjectBefore(ctx: Context, at: number): Mention | null {
  const s0 = sentenceStartBefore(ctx.text, at, 0);
  const s1 = s0 > 0 ? sentenceStartBefore(ctx.text, s0 - 1, 0) : s0;
  const inSpan = mentionsBetween(ctx.speakers, s1, at);
  for (let i = inSpan.length - 1; i >= 0; i--) if (inSpan[i]!.kind === 'person' && ctx.verbSubjects.has(inSpan[i]!.start)) return inSpan[i]!;
  return null;
}

/** The head noun of a description: its last word ("boss" in "the United boss", "father" in "the girl's father"). */
function roleHead(description: string): string {
  return (/([\p{L}-]+)[\s,]*$/u.exec(description)?.[1] ?? '').toLowerCase();
}

/**
 * The last person (in the 3,000 characters before `at`) whom the story introduced with the role noun `head`: right before
 * the name ("Chelsea boss Jose Mourinho", "council spokeswoman Jane Hart") or in an appositive after it ("Mehmet Aslan, the
 * girl's father,", "Jo Cox, 41, the local MP,"). A definite description ("the Chelsea boss", "the spokeswoman") usually
 * points back to such an introduction; when none is found the caller falls back to the salient person as before.
 */
function personIntroducedAs(ctx: Context, head: string, at: number): Mention | null {
  if (!/^[a-z][a-z-]{2,}$/.test(head) || /-year-old$/.test(head) || GENERIC_HEADS.has(head)) return null;
  const { before, after } = introductionPatterns(head);
  const window = mentionsBetween(ctx.speakers, Math.max(0, at - 3000), at);
  for (let i = window.length - 1; i >= 0; i--) {
    const m = window[i]!;
    if (m.kind !== 'person') continue;
    if (before.test(ctx.text.slice(Math.max(0, m.start - 50), m.start)) || after.test(ctx.text.slice(m.end, m.end + 90))) return m;
  }
  return null;
}

/**
 * The two patterns that introduce a person by a role head: "coach Jose Mourinho" (before the name) and
 * "Jose Mourinho, the Chelsea coach" (after it). Compiled once per head word (bounded): compiling them for
 * every description cost more than matching them.
 */
function introductionPatterns(head: string): { before: RegExp; after: RegExp } {
  let patterns = INTRODUCTION_PATTERNS.get(head);
  if (patterns === undefined) {
    patterns = {
      before: new RegExp(`\\b${head}s?\\s*,?\\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\\.?\\s+)?$`, 'i'),
      after: new RegExp(`^,\\s+(?:\\d{1,3},\\s+)?(?:the|his|her|their|a|an|\\p{Lu}[\\p{L}'’.-]*['’]s?)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?${head}\\b`, 'iu'),
    };
    if (INTRODUCTION_PATTERNS.size >= 2_000) INTRODUCTION_PATTERNS.clear();
    INTRODUCTION_PATTERNS.set(head, patterns);
  }
  return patterns;
}
const INTRODUCTION_PATTERNS = new Map<string, { before: RegExp; after: RegExp }>();

/** A description that is a public office: "the prime minister", "the foreign secretary", "the chancellor", "the president". */
const OFFICE_DESCRIPTION_RE = /\bthe\s+((?:(?:deputy|vice|shadow|prime|foreign|home|defence|defense|health|culture|education|trade|industry|environment|transport|justice|work and pensions|northern ireland|scottish|welsh|chief|first)\s+)*(?:minister|secretary|chancellor|president|premier))\s*,?\s*$/i;
const OFFICE_HEADS = new Set(['minister', 'secretary', 'chancellor', 'president', 'premier']);
/** Words that make an office another one: the deputy prime minister is not the prime minister. */
const OTHER_OFFICE_WORDS = new Set(['deputy', 'vice', 'shadow', 'former', 'ex', 'acting', 'junior', 'assistant', 'under']);

/**
 * Who holds the office a description names (`words`, lower case: ["prime", "minister"]): the last person the story
 * introduces in it ("Prime Minister Tony Blair", "Jack Straw, the foreign secretary"), else the salient person unless the
 * story gives them another office ("Home Secretary Charles Clarke" is not "the prime minister"); null when neither.
 */
function officeHolder(ctx: Context, words: string[], at: number): Mention | null {
  const office = words.join('\\s+');
  const before = new RegExp(`(?:^|[^\\p{L}-])((?:[\\p{L}-]+\\s+)?)${office}s?\\s*,?\\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\\.?\\s+)?$`, 'iu');
  const after = new RegExp(`^,\\s+(?:\\d{1,3},\\s+)?(?:the|his|her|their|a|an|\\p{Lu}[\\p{L}'’.-]*['’]s?)\\s+((?:[\\p{L}'’-]+\\s+){0,3}?)${office}\\b`, 'iu');
  const otherWord = (lead: string): boolean => {
    const w = /([\p{L}-]+)\s*$/u.exec(lead)?.[1]?.toLowerCase();
    return w !== undefined && OTHER_OFFICE_WORDS.has(w.replace(/-$/, '')) && !words.includes(w);
  };
  const window = mentionsBetween(ctx.speakers, Math.max(0, at - 3000), at);
  for (let i = window.length - 1; i >= 0; i--) {
    const m = window[i]!;
    if (m.kind !== 'person') continue;
    const b = before.exec(ctx.text.slice(Math.max(0, m.start - 60), m.start));
    if (b && !otherWord(b[1]!)) return m;
    const a = after.exec(ctx.text.slice(m.end, m.end + 90));
    if (a && !otherWord(a[1]!)) return m;
  }
  const salient = salientPerson(ctx, at);
  if (!salient) return null;
  const name = nameOf(ctx, salient);
  const phrase = words.join(' ');
  for (const m of ctx.speakers) {
    if (m.kind !== 'person' || !m.role || nameOf(ctx, m) !== name) continue;
    const role = m.role.toLowerCase();
    const head = /([\p{L}-]+)$/u.exec(role)?.[1] ?? '';
    if (OFFICE_HEADS.has(head) && (!role.endsWith(phrase) || otherWord(role.slice(0, role.length - phrase.length)))) return null;
  }
  return salient;
}

/** Heads that say too little to pick out one person. */
const GENERIC_HEADS = new Set(['man', 'woman', 'person', 'people', 'girl', 'boy', 'star', 'former', 'latter', 'one', 'other']);

/**
 * Who a role description ("the 14-time major winner", "United's head coach") most likely means: the
 * speaker of the last attributed quote, else a subject of this sentence or the one before, else the
 * last person named.
 */
function salientPerson(ctx: Context, at: number): Mention | null {
  const s0 = sentenceStartBefore(ctx.text, at, 0);
  const s1 = s0 > 0 ? sentenceStartBefore(ctx.text, s0 - 1, 0) : s0;
  // "Simon Le Bon said the group were not trying to update their sound. '...,' the singer said": the first subject of the
  // sentence before, with its own speech verb, is whom the description points back to, not an earlier speaker.
  const opener = s1 < s0 ? sentenceSubjects(ctx, s1, s0)[0] : undefined;
  if (opener && !attributive(ctx.text, opener) && !isPossessive(ctx.text, opener.end) && !embeddedSubject(ctx.text, opener) && OWN_VERB_AFTER_SUBJECT_RE.test(ctx.text.slice(opener.end, opener.end + 160))) return opener;
  const last = lastSpeakerMention(ctx, at);
  if (last) return last;
  // ("Gordon Brown has warned that the Scottish nationalists want ... The former prime minister said that Nicola Sturgeon's
  // answers": a name after "the" or with "'s" modifies a noun; it is no one a description points back to.)
  const subjects = (from: number, to: number): Mention[] =>
    sentenceSubjects(ctx, from, to).filter((m) => !attributive(ctx.text, m) && !isPossessive(ctx.text, m.end));
  return subjects(s0, at).pop() ?? (s1 < s0 ? subjects(s1, s0).pop() : undefined) ?? lastPersonBefore(ctx, at);
}

/** The mention sits in a photo caption pasted between paragraphs ("Boente was held at HMP Birmingham (pictured) when ..."). */
function inCaption(text: string, at: number): boolean {
  const from = Math.max(0, at - 200);
  const before = text.slice(from, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf("' "), before.lastIndexOf('’ '));
  const rest = text.slice(start < 0 ? from : from + start, at + 200);
  const end = rest.search(/[.!?]\s|['’‘]\s*\p{Lu}|\n/u);
  return pointsAtPhoto(end > 0 ? rest.slice(0, end + 1) : rest);
}

/**
 * A speaker the story does not name: "an FBI source told", "one of the officers says", "Van Amersfoot
 * Racing team managing director told" -> null; unless the unnamed person speaks for an organisation:
 * "A Sandown spokesman said", "a spokeswoman for the Metropolitan Police said" -> that organisation.
 * `phrase` is the subject: the words just before the verb, or just after an inverted one.
 * Returns null when the phrase names a person or is not such a description.
 */
function unnamedSpeaker(ctx: Context, from: number, to: number, inverted: boolean): Attribution | null {
  if (!inverted) {
    // ("A spokesman for the British Casino Association, which represents the UK industry, said": the aside is not the subject.)
    const aside = RELATIVE_ASIDE_TAIL_RE.exec(ctx.text.slice(Math.max(from, to - 320), to));
    if (aside && SPOKES_RE.test(ctx.text.slice(Math.max(from, to - 320), to).slice(0, aside.index))) to = Math.max(from, to - 320) + aside.index;
    const owned = ownerOfSpokesman(ctx, ctx.text.slice(Math.max(from, to - 160), to), to);
    if (owned) return owned;
  }
  // The subject phrase is at most an article, five words, a role noun and a short complement.
  if (!inverted) from = Math.max(from, to - 160);
  const phrase = ctx.text.slice(from, inverted ? Math.min(to, from + 160) : to);
  // Both patterns need a head word; most subjects have none, and the patterns are costly to try.
  if (!UNNAMED_HEAD_RE.test(phrase)) return null;
  const np = (inverted ? UNNAMED_AFTER_RE : UNNAMED_BEFORE_RE).exec(phrase);
  if (!np) return null;
  const npStart = from + np.index;
  const npEnd = inverted ? npStart + np[0].length : to;
  // Names inside the phrase only modify its role noun ("Van Amersfoot Racing team managing director", "Smith's lawyer").
  const named = mentionsBetween(ctx.speakers, npStart, npEnd);
  // ... but a phrase that ends on a name is that person's ("CIS director of research Steven Camarota").
  const lastNamed = named[named.length - 1];
  if (lastNamed?.kind === 'person' && /^\s*,?\s*$/.test(ctx.text.slice(lastNamed.end, npEnd))) return null;
  // "Kvarzell, 25, who is also an officer, told": the description is an aside about a named person.
  const person = mentionsBetween(ctx.speakers, from, npStart).filter((m) => m.kind === 'person').pop();
  // ("Ahead of Mr Kennedy's launch, a Labour spokesperson said": a possessive name is no one the phrase sets aside.)
  if (person && !isPossessive(ctx.text, person.end) && ctx.text.slice(person.end, npStart).includes(',')) return null;
  const words = np[0].trim();
  if (!SPOKES_RE.test(words)) {
    // Without an article only a run of capitalised modifiers and then lower-case role words counts ("Racing team managing director").
    if (!/^(?:an?|one|another)\b/i.test(words) && !/\p{Lu}/u.test(words.charAt(0))) return null;
    return { speaker: null, confidence: 0, cue: 'unnamed' };
  }
  const org = named.find((m) => m.kind === 'organization') ?? named[0];
  const before = /^(?:[Aa]n?\s+|[Tt]he\s+)?(?!(?:An?|The)\s)(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:(?:for|of|and|&)\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*)*)\s+(?:spokes|representative|statement)/u.exec(words);
  // "A Department for Education and Skills spokeswoman": the whole name written before the noun, not a part of it.
  if (before && /\s(?:for|of|and|&)\s/.test(before[1]!) && (!org || (before[1]!.length > org.name.length && before[1]!.includes(org.name)))) return organisationNamed(ctx, before[1]!);
  const forName = /\b(?:for|from|at|of)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?\p{Lu}[\p{L}\p{N}&.'’-]*)*)/u.exec(words);
  // ("A spokesman for the Association of Payment and Clearing Services": the whole name after "for", as before the noun.)
  if (org && forName && /\s(?:and|&)\s/.test(forName[1]!) && forName[1]!.length > org.name.length && forName[1]!.startsWith(org.name)) return organisationNamed(ctx, forName[1]!);
  if (org) return fromMention(ctx, org, 'spokesman', 0.85);
  if (forName) return organisationNamed(ctx, forName[1]!);
  if (before) return organisationNamed(ctx, before[1]!);
  // "a spokeswoman for the trust": the organisation whose name has that noun ("Royal Collection Trust"), else the last one named.
  const described = /\b(?:for|from|of)\s+the\s+(?:[a-z-]+\s+){0,2}([a-z]+)\s*,?$/.exec(words);
  if (described || /\b(?:for|from|of)\s+the\s+[a-z]/.test(words)) {
    return fromMention(ctx, lastOrganisationBefore(ctx, from, described?.[1]), 'spokesman', 0.5) ?? { speaker: null, confidence: 0, cue: 'unnamed' };
  }
  // "The Justice Department refused to say if it would appeal. '...,' a spokeswoman said": a bare spokesman speaks for the
  // organisation that is the subject of the sentence before (or of this one).
  if (/^(?:an?|the)\s+spokes(?:man|woman|person)$/i.test(words)) {
    const subject = organisationSubjectBefore(ctx, npStart);
    if (subject) return fromMention(ctx, subject, 'spokesman', 0.6);
  }
  return { speaker: null, confidence: 0, cue: 'unnamed' };
}

/** The organisation that is the subject (followed by its verb) of the sentence holding `at` or of the one before, the last one. */
function organisationSubjectBefore(ctx: Context, at: number): Mention | null {
  const { text } = ctx;
  const s0 = sentenceStartBefore(text, at, 0);
  const s1 = s0 > 0 ? sentenceStartBefore(text, s0 - 1, 0) : s0;
  const found = mentionsBetween(ctx.speakers, s1, at).filter(
    (m) => m.kind === 'organization' && IT_SUBJECT_VERB_RE.test(text.slice(m.end, m.end + 40)) && !PREPOSITION_BEFORE_RE.test(text.slice(Math.max(0, m.start - 12), m.start)) && !isPossessive(text, m.end),
  );
  return found.pop() ?? null;
}

/** An unnamed spokesman opening a clause with their verb: "A Home Office spokesman said", "a spokeswoman for Royal Mail told". */
const SPOKES_SUBJECT_RE =
  /(?:^\s*|[,;]\s+|\b(?:but|and)\s+)(?:an?|the)\s+(?:[\p{L}\p{N}&.'’-]+\s+){0,6}?spokes(man|woman|person)(?:\s+(?:for|from|at)\s+(?:the\s+)?[^,.;:!?"“”‘’\n]{1,120}?)?(?:,\s+(?:which|who)\s[^,.;:!?"“”‘’\n]{1,140},)?\s+(?:\w+ly\s+)?(?:has\s+|had\s+)?(said|says|told|tells|added|adds|confirmed|insisted|stressed|denied|explained|warned|described|admitted|claimed|argued|suggested)\b/iu;

/**
 * "A Home Office spokesman said the system had been tightened. He added: '...'": "he" or "she" after a sentence (or a
 * clause) opened by an unnamed spokesman, up to two sentences back, with no one named since, is that spokesman, who speaks
 * for the organisation.
 */
function spokesmanBefore(ctx: Context, pronoun: string, at: number): Attribution | null {
  const p = pronoun.toLowerCase();
  if (p !== 'he' && p !== 'she') return null;
  const { text } = ctx;
  const s0 = sentenceStartBefore(text, at, 0);
  const s1 = s0 > 0 ? sentenceStartBefore(text, s0 - 1, 0) : s0;
  // ("A spokesman for the Casino Association said ... He said ... '...,' he said": two sentences back, when no one is named
  // since; the check below holds for every span.)
  const s2 = s1 > 0 ? sentenceStartBefore(text, s1 - 1, 0) : s1;
  for (const [from, to] of [[s0, at], [s1, s0], [s2, s1]] as const) {
    if (to <= from) continue;
    const m = SPOKES_SUBJECT_RE.exec(text.slice(from, to));
    if (!m) continue;
    if ((m[1]!.toLowerCase() === 'man' && p === 'she') || (m[1]!.toLowerCase() === 'woman' && p === 'he')) return null;
    const verbAt = from + m.index + m[0].length - m[2]!.length;
    // (A person named since stops it, unless after a preposition: "based on doctors' advice to Mills".)
    if (mentionsBetween(ctx.speakers, verbAt, at).some((x) => x.kind === 'person' && !PREPOSITION_BEFORE_RE.test(text.slice(Math.max(0, x.start - 12), x.start)))) return null;
    const group = GROUP_SPOKESMAN_RE.exec(text.slice(from + m.index, verbAt).trimEnd());
    if (group) return fromMention(ctx, lastOrganisationBefore(ctx, from + m.index, group[1]!.toLowerCase()), 'spokesman', 0.5);
    return unnamedSpeaker(ctx, from + m.index, verbAt, false);
  }
  return null;
}

function organisationNamed(ctx: Context, written: string): Attribution {
  // "Apple's spokesman": the organisation, without the possessive.
  const name = written.replace(/['’]s?$/, '');
  ctx.organisations.add(name);
  return { speaker: name, confidence: 0.7, cue: 'spokesman' };
}

/** "The Ofcom spokesman", "the prime minister's official spokesman", "the rapper's spokesperson": whose spokesman, after "the". */
const OWNER_SPOKESMAN_RE = /(?:^|[\s,;(])[Tt]he\s+((?:[\p{L}\p{N}&.'’-]+\s+){0,3}?[\p{L}\p{N}&.-]+)(['’]s?)?\s+(?:official\s+)?spokes(?:man|woman|person)\s*,?\s*$/u;

/**
 * Whom an unnamed spokesman introduced by "the" and an owner speaks for: an organisation or person named there ("The Ofcom
 * spokesman" -> Ofcom), or the one a description in the possessive points back to ("the prime minister's official spokesman"
 * -> the prime minister; "the rapper's spokesperson" -> the rapper). A person's spokesman speaks for that person, as an
 * organisation's unnamed spokesman speaks for it (bench/quotes/README.md, conventions).
 */
function ownerOfSpokesman(ctx: Context, phrase: string, at: number): Attribution | null {
  const m = OWNER_SPOKESMAN_RE.exec(phrase);
  // ("The band's spokesman": a group's, which GROUP_SPOKESMAN_RE's callers give to the group.)
  if (!m || GROUP_SPOKESMAN_RE.test(phrase)) return null;
  const owner = m[1]!;
  if (/^\p{Lu}/u.test(owner) && owner.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]|^(?:of|for|and|&)$/u.test(w))) {
    const window = mentionsBetween(ctx.speakers, Math.max(0, at - 2500), at);
    for (let i = window.length - 1; i >= 0; i--) if (window[i]!.name === owner || nameOf(ctx, window[i]!) === owner) return fromMention(ctx, window[i]!, 'spokesman', 0.85);
    return /^(?:The|A|An|His|Her|Their|Its)$/.test(owner) ? null : organisationNamed(ctx, owner);
  }
  if (m[2] === undefined || !/^[\p{Ll}\s-]+$/u.test(owner)) return null;
  const description = `the ${owner} `;
  const org = ORG_DESCRIPTION_RE.exec(description);
  if (org) return fromMention(ctx, lastOrganisationBefore(ctx, at, org[1]!.toLowerCase()), 'spokesman', 0.5);
  const person = resolveDescription(ctx, description, at);
  return person?.kind === 'person' ? fromMention(ctx, person, 'spokesman', 0.5) : null;
}

const UNNAMED_HEAD =
  "(?:spokes(?:man|woman|person)|representative|statement|source|sources|official|officials|officer|officers|witness|witnesses|friend|neighbou?r|insider|resident|relative|member|director|employee|worker|colleague|onlooker|passer-by|customer|commenter|commentator|eyewitness|investigator|aide|staffer|diplomat|analyst)";
/** The subject just before the verb: "an FBI source", "A Sandown spokesman", "a spokesman for Mobile4all", "Racing team managing director". */
const UNNAMED_BEFORE_RE = new RegExp(
  `(?:(?:\\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\\s+(?:of\\s+(?:the|his|her|their)\\s+)?)(?:[\\p{L}\\p{N}&.’'-]+\\s+){0,6}?|(?<![\\p{L},]\\s?)(?!(?:The|A|An|His|Her|Their|Its|This|That|One|Another|Our|My)\\s)(?:\\p{Lu}[\\p{L}\\p{N}&.’'-]*\\s+){1,4}(?:[a-z-]+\\s+){0,2})${UNNAMED_HEAD}(?:\\s+(?:for|from|at|of|with)\\s+(?:the\\s+)?[^,.;:!?"“”‘’]{1,120}?)?\\s*,?\\s*$`,
  'u',
);
/** The subject just after an inverted verb: "said a spokesman for the club", "said one witness". */
const UNNAMED_AFTER_RE = new RegExp(
  `^\\s*(?:[Aa]n?|[Oo]ne|[Aa]nother)\\s+(?:of\\s+(?:the|his|her|their)\\s+)?(?:[\\p{L}\\p{N}&.’'-]+\\s+){0,4}?${UNNAMED_HEAD}(?:\\s+(?:for|from|at|of|with)\\s+(?:the\\s+)?[^,.;:!?"“”‘’]{1,60}?)?(?=\\s*[,.;]|\\s*$)`,
  'u',
);
const SPOKES_RE = /\b(?:spokes(?:man|woman|person)|representative|statement)\b/i;
/** Any head word of the two patterns above, found anywhere: the cheap test before them. */
const UNNAMED_HEAD_RE = new RegExp(UNNAMED_HEAD);

/** "according to a statement on Brownback's website", "according to court documents": a document, no speaker. */
const DOCUMENT_SOURCE_RE = /^(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’.-]+\s+){0,4}?(?:website|site|statement|documents?|papers|report|records|complaint|affidavit|lawsuit|filing|indictment|memo|study|survey|figures|data|research|law)\b/iu;
/** A subject that is a group of unnamed people or a document: "officers announced", "the plaintiffs said", "The complaint says". */
const GROUP_OR_DOCUMENT_RE =
  /(?:^|[,;]\s*|\b(?:and|but|while|as|the|some|two|three|several|many|other|its|their)\s+)(?:[a-z-]+\s+){0,2}(?:officers|officials|police|detectives|investigators|prosecutors|plaintiffs|witnesses|neighbours|neighbors|residents|friends|sources|critics|experts|researchers|scientists|locals|authorities|complaint|lawsuit|affidavit|indictment|documents|papers|records|report|memo|study|survey)\s+(?:[a-z]+ly\s+|have\s+|had\s+|also\s+|later\s+)?$/i;

/** An indefinite pronoun as the subject: "one said", "another wrote", "someone commented" (the reader is not told who). */
const INDEFINITE_BEFORE_RE = /(?:^\s*|[,;:]\s*|\b(?:and|but|while|as)\s+)(?:one|another|someone|somebody|others|many|some)\s+(?:[a-z]+ly\s+|also\s+|later\s+|then\s+)?$/i;
/** ... after an inverted verb: "wrote another.", "said one." */
const INDEFINITE_AFTER_RE = /^\s*(?:one|another|someone|somebody|others)\s*(?:[,.;!?]|$)/i;

function groupOrDocument(lead: string): Attribution | null {
  const tail = lead.slice(-90);
  if (GROUP_OR_DOCUMENT_RE.test(tail) || INDEFINITE_BEFORE_RE.test(tail)) return { speaker: null, confidence: 0, cue: 'unnamed' };
  // "But one user, speculating that Vasilyev was using a fake name, told": the aside's names are not the subject.
  // (An aside that is a name, "Another guard, Beau James, commented", is the subject itself.)
  const aside = /,\s*\p{Ll}[^,.;:!?"“”‘’\n]{0,140},\s*$/u.exec(lead);
  return aside && INDEFINITE_NOUN_RE.test(lead.slice(0, aside.index)) ? { speaker: null, confidence: 0, cue: 'unnamed' } : null;
}
/** An indefinite subject noun phrase: "one user", "another angry fan". */
const INDEFINITE_NOUN_RE = /(?:^\s*|[,;:]\s*|\b(?:and|but|while|as)\s+)(?:one|another)\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s*$/i;

/** Whether [from, to) holds a speech verb outside photo captions. */
function speechOutsideCaptions(text: string, from: number, to: number): boolean {
  SPEECH_GLOBAL_RE.lastIndex = from;
  for (let m = SPEECH_GLOBAL_RE.exec(text); m && m.index < to; m = SPEECH_GLOBAL_RE.exec(text)) {
    if (!inCaption(text, m.index)) return true;
  }
  return false;
}

/** "Gary Neville and Graeme Souness were critical ... the latter said": the second (or first) of the last pair named. */
function oneOfPair(ctx: Context, at: number, second: boolean): Mention | null {
  const window = mentionsBetween(ctx.speakers, Math.max(0, at - 1500), at).filter((m) => m.kind === 'person');
  for (let i = window.length - 1; i > 0; i--) {
    const a = window[i - 1]!;
    const b = window[i]!;
    if (/^\s*(?:,\s*)?(?:and|&)\s+$/.test(ctx.text.slice(a.end, b.start))) return second ? b : a;
  }
  return null;
}

function lastPersonBefore(ctx: Context, at: number): Mention | null {
  const window = mentionsBetween(ctx.speakers, Math.max(0, at - 2500), at);
  // "in fine form for Louis van Gaal's side": a name in the possessive modifies a noun; the person talked about is
  // someone else named before, when there is one.
  // "nicknamed the Shareholder Spring": a thing's name after "the" is no one, when a person is named before it.
  let possessive: Mention | null = null;
  for (let i = window.length - 1; i >= 0; i--) {
    const m = window[i]!;
    if (m.kind !== 'person') continue;
    if (!isPossessive(ctx.text, m.end) && !attributive(ctx.text, m)) return m;
    possessive ??= m;
  }
  return possessive;
}

/** "'s" or "’s" (or a bare apostrophe after an s) follows the name. */
function isPossessive(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c !== 39 && c !== 0x2019) return false;
  const next = text.charCodeAt(end + 1);
  return next === 115 ? !/[\p{L}\p{N}]/u.test(text.charAt(end + 2)) : text.charCodeAt(end - 1) === 115 && !/[\p{L}\p{N}]/u.test(text.charAt(end + 1));
}

/** The last speech verb in `head` that is close to its end: "agreed ... Ellerbe said that Arum '" -> "said that Arum ". */
function lastSpeechVerb(head: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  SPEECH_GLOBAL_RE.lastIndex = Math.max(0, head.length - 140);
  for (let m = SPEECH_GLOBAL_RE.exec(head); m; m = SPEECH_GLOBAL_RE.exec(head)) if (!NOT_SPEECH_RE.test(head.slice(m.index, m.index + 20))) last = m;
  if (!last) return null;
  const rest = head.slice(last.index);
  if (!SPEECH_BEFORE_RE.test(rest)) return null;
  // Callers read the match and the text after it as one span, like the anchored regex gave.
  const out = [rest] as unknown as RegExpExecArray;
  out.index = last.index;
  return out;
}

function attributeBefore(ctx: Context, q: QuoteSpan, floor: number): Attribution | null {
  const { text } = ctx;
  let headStart = sentenceStartBefore(text, q.start, floor);
  // ("Vince Cable ... said . bosses are finally being '": a lost line break, blanked; offsets are unchanged.)
  // ("John Ormsby ... wrote of "Don Quixote," '...'": a work's title between the verb and the quote is blanked too.)
  let head = blankWorkTitles(blankLostBreaks(text.slice(headStart, q.start)));
  // "X said:" may end the paragraph before a quote that opens its own paragraph.
  if (/^\s*$/.test(head) && headStart > floor) {
    const prevEnd = headStart;
    const before = text.slice(floor, prevEnd).replace(/\s+$/, '');
    if (before.endsWith(':')) {
      headStart = sentenceStartBefore(text, floor + before.length - 1, floor);
      head = blankLostBreaks(text.slice(headStart, floor + before.length));
    }
  }
  // "Asked if she enjoys ping pong she confesses: '": he or she, its own verb (one that is no speech verb) and a colon, as
  // "Rodgers reflected:" with a name.
  const pv = PRONOUN_VERB_COLON_RE.exec(head);
  if (pv && !SPEECH_IN_SPAN_RE.test(pv[0])) {
    const at = q.start - pv[0].length;
    const r = spokesmanBefore(ctx, pv[1]!, at) ?? fromMention(ctx, resolvePronoun(ctx, pv[1]!, at), 'pronoun', 0.6);
    if (r) return r;
  }
  const acc = ACCORDING_TO_RE.exec(head);
  if (acc) {
    const from = headStart + acc.index + acc[0].length;
    // "according to research Prudential specialist Clare Moffat said:" (a full stop lost): the later verb decides.
    const laterVerb = lastSpeechVerb(head);
    if (DOCUMENT_SOURCE_RE.test(text.slice(from, Math.min(q.start, from + 80))) && !(laterVerb && laterVerb.index > acc.index + acc[0].length)) {
      return { speaker: null, confidence: 0, cue: 'document' };
    }
    const m = firstSpeakerIn(ctx, from, Math.min(q.start, from + 80));
    if (m) return fromMention(ctx, m, 'according-to', 0.8);
  }
  const colon = /([\p{L}.'’-]+)\s*:\s*$/u.exec(head);
  const verb = lastSpeechVerb(head);
  if (verb) {
    const verbAt = headStart + verb.index;
    const lead = text.slice(headStart, verbAt);
    const g = gerundSubject(ctx, verb[0], verbAt);
    if (g) return g;
    const pb = PRONOUN_BEFORE_VERB_RE.exec(lead);
    if (pb && pb.index + pb[0].length === lead.length) {
      // Resolved where the pronoun stands: "He told Sky News' Sunday with Adam Boulton:" is not the host speaking.
      const spokesman = spokesmanBefore(ctx, pb[1]!, headStart + pb.index);
      if (spokesman) return spokesman;
      const r = resolvePronoun(ctx, pb[1]!, headStart + pb.index);
      return r ? fromMention(ctx, r, 'pronoun', 0.7) : { ...UNKNOWN };
    }
    // ("Broadcast magazine said: '", "Us magazine was unrepentant ..., saying: '": the publication, as after the quote.)
    const outletBefore = OUTLET_SUBJECT_RE.exec(lead);
    // (Not "Q magazine reviews editor Ted Kessler said": a person named there speaks.)
    if (outletBefore && !NOT_OUTLET_NAME_RE.test(outletBefore[1]!) && !mentionsBetween(ctx.speakers, headStart, verbAt).some((m) => m.kind === 'person')) {
      return { ...organisationNamed(ctx, outletBefore[1]!.trim()), cue: 'said-before' };
    }
    const unnamed = unnamedSpeaker(ctx, headStart, verbAt, false) ?? groupOrDocument(lead);
    if (unnamed) return unnamed;
    const m = subjectBefore(ctx, headStart, verbAt);
    if (m) return fromMention(ctx, m, 'said-before', 0.9);
    // "said Mr Wang:" — the name follows the verb.
    // ("told the Huffington Post:", "telling Sky News:": the one told is listening, not speaking.)
    const after = TOLD_RE.test(verb[0]) ? null : firstSpeakerIn(ctx, verbAt, q.start);
    // ("said that Adeli felt '", "prosecutors said Barrientos married men ... 'red flags'": a name that opens the reported
    // clause, followed by its own verb, is talked about, not speaking.)
    // ("said that Nicola Sturgeon's answers are '": a possessive name is talked about too.)
    if (after && after.start - verbAt <= 14 && !isPossessive(text, after.end) && !/^\s+that\b/i.test(text.slice(verbAt + verb[0].length, after.start)) && !/^\s+(?:[a-z]+ed|[a-z]+s|was|is|had|has|felt|would|will|could)\b/.test(text.slice(after.end, after.end + 16))) {
      return fromMention(ctx, after, 'said-before', 0.85);
    }
    if (isDescription(lead)) return describedSpeaker(ctx, lead, q.start);
    // "The young jihadist, who describes himself on Twitter as a '": the verb of an aside speaks for the description it follows.
    const aside = DESCRIPTION_ASIDE_RE.exec(lead);
    const described = aside ? `t${aside[1]!.slice(1)}` : '';
    if (aside && isDescription(`${described} `)) return describedSpeaker(ctx, described, q.start);
  } else if (colon) {
    const m = mentionsBetween(ctx.speakers, headStart, q.start).pop();
    if (m && text.slice(m.end, q.start).trim() === ':') return fromMention(ctx, m, 'colon', 0.85);
    // "Rodgers reflected: '", "Mrs May later mused: '": a name, its own verb (any verb) and a colon introduce its words.
    // ("His latest message to Vasilyev reads:": a name after a preposition is no subject.)
    if (m && NAME_VERB_COLON_RE.test(text.slice(m.end, q.start)) && !isPossessive(text, m.end) && !PREPOSITION_BEFORE_RE.test(text.slice(Math.max(headStart, m.start - 12), m.start))) {
      return fromMention(ctx, m, 'colon', 0.8);
    }
    // "Corker on Sunday released a statement: '", "the FA later issued a message:": the one who put it out speaks.
    if (m && ISSUED_WRITING_COLON_RE.test(text.slice(m.end, q.start)) && !isPossessive(text, m.end) && !PREPOSITION_BEFORE_RE.test(text.slice(Math.max(headStart, m.start - 12), m.start))) {
      return fromMention(ctx, m, 'statement', 0.75);
    }
    // "Drummer Larry Mullen Jr echoed those sentiments: '", "Mr Dean is confident though: '", "As Gavin Cox of the
    // buildyourown website put it: '": a sentence its only person opens, with their own verb, introduces their words.
    const named = mentionsBetween(ctx.speakers, headStart, q.start).filter((x) => x.kind === 'person');
    const opener = named[0];
    if (opener && named.every((x) => nameOf(ctx, x) === nameOf(ctx, opener)) && COLON_OPENER_RE.test(text.slice(headStart, opener.start)) && !isPossessive(text, opener.end) && (!opener.single || GENDERED_TITLE_RE.test(text.slice(Math.max(0, opener.start - 6), opener.start)))) {
      // (A word alone only with a title: "Mr Dean is confident though:", not "Merriam-Webster defines a blog as:".)
      const rest = text.slice(opener.end, q.start);
      if (COLON_OPENER_VERB_RE.test(rest) && !/["“”]/.test(rest)) return fromMention(ctx, opener, 'colon', 0.7);
    }
  }
  return writtenStatement(ctx, headStart, q.start) ?? ownClaim(ctx, headStart, q.start) ?? judgingParticiple(ctx, headStart, q.start) ?? clauseSubject(ctx, headStart, q.start);
}

/** Before the person who opens a sentence that ends in a colon: a conjunction or "as", then at most three role words ("Drummer "). */
const COLON_OPENER_RE = /^\s*(?:(?:but|and|as|so|yet|however|meanwhile),?\s+)?(?:(?!(?:by|of|for|with|to|from|in|on|at|about|the|a|an|his|her|their|its)\b)[\p{L}'’-]+\s+){0,3}$/iu;
/** The person's own verb right after the name (or after where they work): " echoed", " is confident", " of the X website put". */
const COLON_OPENER_VERB_RE = /^(?:\s+(?:Jr|Sr)\.?)?(?:,[^,:]{1,80},)?(?:\s+(?:of|from|at)\s+[^:;]{1,80}?)?\s+(?:(?:also|then|later|too|\w+ly)\s+)?(?:is|was|has|had|[a-z]+ed|[a-z]+s|put|put it)\b[^:]{0,80}:\s*$/;
/** He or she, a verb that is no auxiliary, a colon: "she confesses: ", "he later reflected: ". */
const PRONOUN_VERB_COLON_RE = /\b(he|she)\s+(?:(?:also|later|then|simply|once|\w+ly)\s+)?(?!(?:has|was|is|does|goes|gets|needed|wanted)\b)\p{Ll}+(?:ed|s)\s*:\s*$/iu;

/** A description, then "who" or "which" opening an aside, up to the aside's verb: "The young jihadist, who ". */
const DESCRIPTION_ASIDE_RE = /^\s*(?:(?:but|and|meanwhile),?\s+)?(the\s+[^,.;:!?"“”‘’\n]{1,60}?),\s+(?:who|which)\s+(?:(?:also|has|had|often|now|\w+ly)\s+)?$/i;

/** A sentence opened by a description and an aside that runs up to a quote: "The young jihadist, who describes himself as a ". */
const DESCRIPTION_ASIDE_HEAD_RE = /^\s*(?:(?:but|and|meanwhile),?\s+)?the\s+[^,.;:!?"“”‘’\n]{1,60}?,\s+(?:who|which)\s+[^,.;:!?"“”‘’\n]{1,100}$/i;

/** "Dencia's claim that Lancome is a '", "Mr Smith's insistence that the plan was '": the words claimed, up to the quote. */
const OWN_CLAIM_RE =
  /^['’]s?\s+(?:(?:latest|earlier|repeated|later|bizarre|angry|extraordinary)\s+)?(?:claims?|assertions?|insistence|suggestions?|comments?|remarks?|warnings?|promises?|pledges?|boasts?|admissions?|arguments?|descriptions?|view|words|accusations?|allegations?)\s+(?:that\s+|of\s+)?[^.!?;:"“”‘’'\n]{0,100}$/;

/**
 * A partial quote inside a claim a possessive names: "as far as Dencia's claim that Lancome is a 'white people company'",
 * "Mr Hunt's warning that the NHS faced 'a very difficult winter'" are theirs.
 */
function ownClaim(ctx: Context, headStart: number, quoteStart: number): Attribution | null {
  const from = Math.max(headStart, quoteStart - 160);
  for (const m of mentionsBetween(ctx.speakers, from, quoteStart)) {
    if (isPossessive(ctx.text, m.end) && !attributive(ctx.text, m) && OWN_CLAIM_RE.test(ctx.text.slice(m.end, quoteStart))) return fromMention(ctx, m, 'said-before', 0.6);
  }
  return null;
}

/** ", accusing her of bowing to '", ", branding it '", ", calling the decision '": a participle that judges, then the quote. */
const JUDGING_PARTICIPLE_RE =
  /,\s+(?:accusing|branding|calling|describing|labelling|labeling|dismissing|condemning|slamming|blasting|praising|hailing|urging|warning)\b[^.!?;:"“”‘’'\n]{0,100}$/i;

/**
 * "Pop star Dencia has hit out at Lupita Nyong'o, accusing her of bowing to 'white people companies'": the participle's
 * subject is the sentence's (see gerundSubject), not the person accused.
 */
function judgingParticiple(ctx: Context, headStart: number, quoteStart: number): Attribution | null {
  const from = Math.max(headStart, quoteStart - 140);
  const m = JUDGING_PARTICIPLE_RE.exec(ctx.text.slice(from, quoteStart));
  if (!m) return null;
  const verbAt = from + m.index + m[0].search(/\p{L}/u);
  return gerundSubject(ctx, ctx.text.slice(verbAt, verbAt + 12), verbAt);
}

/** After a name: one verb in the past or present (not an auxiliary), maybe an adverb before it, then the colon ending the head. */
const NAME_VERB_COLON_RE = /^\s+(?:(?:also|later|then|simply|once|\w+ly)\s+)?(?!(?:has|was|is|does|goes|gets|needed|wanted)\b)\p{Ll}+(?:ed|s)\s*:\s*$/u;

/** After a name: a short time phrase, a verb of putting out and the writing, then the colon: " on Sunday released a statement:". */
const ISSUED_WRITING_COLON_RE =
  /^\s+(?:(?:on|late|early|last|this|later|then|also)\b[\w ]{0,20}?\s+)?(?:released|issued|put out|posted|published|sent out)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|message|note|letter|post|response)\b[^.!?:;"“”‘’\n]{0,40}:\s*$/;

/** Speech verbs whose object is the listener. */
const TOLD_RE = /^(?:told|tells|tell|telling)\b/i;
const PREPOSITION_BEFORE_RE = /\b(?:to|at|with|for|from|about|of|by|on|in|against|into|over)\s+$/i;

/** A verb that takes someone's words as its object, right before the quote: "condemned the '", "described it as '". */
const REPORTED_OBJECT_RE =
  /^(?:\s+\((?:pictured|above|below|left|right|centre|center|top|bottom|inset)\))?\s+(?:(?:also|later|then|publicly|openly|swiftly|angrily)\s+)?(?:condemned|condemns|described|describes|called|calls|branded|brands|dismissed|dismisses|labelled|labeled|hailed|hails|denounced|denounces|derided|derides|mocked|mocks)\s+(?:(?:it|them|him|her|this|that|the\s+\w+)\s+as\s+|as\s+)?(?:(?:the|a|an|his|her|their|its)\s+)?$/;

/**
 * "As Mr Cameron condemned the 'brutal and barbaric murder', Foreign Secretary Philip Hammond said ...": a partial quote that
 * is the object of a verb of judging, right after its named subject (a photo pointer such as "(above)" may stand between),
 * is that subject's, whatever speech follows in the sentence.
 */
function reportedObject(ctx: Context, q: QuoteSpan, floor: number): Attribution | null {
  const sStart = sentenceStartBefore(ctx.text, q.start, floor);
  const m = mentionsBetween(ctx.speakers, sStart, q.start).pop();
  if (!m || !REPORTED_OBJECT_RE.test(ctx.text.slice(m.end, q.start))) return null;
  return fromMention(ctx, m, 'said-before', 0.8);
}

/** A passive verb of judging or naming before a quote in its clause: "was described by Jobs as the ", "has been branded a ". */
const PASSIVE_JUDGING_RE =
  /\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?(?:described|called|branded|praised|criticised|criticized|hailed|dismissed|labelled|labeled|accused|condemned|slammed|attacked)\b[^.!?;"“”‘’\n]{0,80}$/i;
/** "by " and the agent, right after the verb or the quote: " by the film's director Marc Forster" ("by depriving" is no agent; "by Downing Street" is). */
const BY_AGENT_RE = /^(?:[^.!?;"“”‘’\n]{0,50}?\s)?by\s+(?!\p{Ll}+ing\b)((?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\p{Ll}'’-]+\s+){0,4})/u;

/**
 * "Reports of a snap election have been described as 'idle speculation' by Downing Street", "he was called the 'fifth child of
 * the group' by the film's director Marc Forster": in a passive the agent after "by" is the speaker, not the subject; an agent
 * no name is given for ("by MPs", "by scouts who saw them"), or none, is an unnamed speaker.
 */
function passiveAgent(ctx: Context, q: QuoteSpan, floor: number): Attribution | null {
  const { text } = ctx;
  const sStart = sentenceStartBefore(text, q.start, floor);
  const verb = PASSIVE_JUDGING_RE.exec(text.slice(sStart, q.start));
  // ("He has been called the Johnny Carson of podcasting which, he says, '...'": a speech verb after the passive decides.)
  if (!verb || SPEECH_IN_SPAN_RE.test(verb[0].replace(/^\S+\s+(?:\w+ly\s+)?\S+/, ''))) return null;
  const verbEnd = sStart + verb.index + verb[0].length;
  const inside = BY_AGENT_RE.exec(text.slice(sStart + verb.index, q.start));
  const afterQuote = inside ? null : BY_AGENT_RE.exec(text.slice(q.end, Math.min(text.length, q.end + 120)));
  const by = inside ?? afterQuote;
  // ("David Blunkett has been accused of using the 'politics of confusion' to ...": with no agent the one judged is still no
  // speaker; unless the rest of the sentence names one ("..., his manager said"), the speaker is not given.)
  if (!by) return SPEECH_IN_SPAN_RE.test(text.slice(q.end, sentenceEndAfter(text, q.end, Math.min(text.length, q.end + 300)))) ? null : { speaker: null, confidence: 0, cue: 'unnamed' };
  const agentAt = inside ? sStart + verb.index + by.index + by[0].length : q.end + by.index + by[0].length;
  if (inside && agentAt > verbEnd) return null;
  const m = ctx.speakers.find((x) => x.start === agentAt);
  if (m) return fromMention(ctx, m, 'said-after', 0.8);
  // ("by MPs", "by scouts who saw them live", "by television campaigners": a group or a person not named.)
  return /^\p{Lu}/u.test(text.slice(agentAt, agentAt + 2)) && !/^(?:MPs|MEPs|MSPs|Tories|Tory)\b/.test(text.slice(agentAt, agentAt + 6)) ? null : { speaker: null, confidence: 0, cue: 'unnamed' };
}

/** After a name: "who" and a verb that reports or judges, then the words up to the quote: ", who called Marie Leroi's work ". */
const WHO_REPORTED_RE = new RegExp(
  `^,?\\s+who\\s+(?:(?:also|later|has|had|then)\\s+)?(?:\\w+ly\\s+)?(?:${SPEECH}|called|calls|described|describes|branded|brands|labelled|labeled|dismissed|dismisses|hailed|hails|praised|praises|criticised|criticized|condemned|condemns)\\b[^.!?;"“”‘’\\n]{0,100}$`,
  'i',
);

/**
 * "Her words were echoed by Iris director Sir Richard Eyre who called Marie Leroi's work '...'": a quote in a relative clause
 * whose "who" reports or judges is the words of the person the clause hangs on.
 */
function relativeSpeaker(ctx: Context, q: QuoteSpan, floor: number): Attribution | null {
  const sStart = sentenceStartBefore(ctx.text, q.start, floor);
  for (const m of mentionsBetween(ctx.speakers, sStart, q.start)) {
    // ("students Ryan Crabbe and Gordon Rennie, who observed": a pair says it together; left to the other rules.)
    if (m.kind === 'person' && WHO_REPORTED_RE.test(ctx.text.slice(m.end, q.start)) && !/\b(?:and|or|&)\s+$/.test(ctx.text.slice(Math.max(0, m.start - 5), m.start))) {
      return fromMention(ctx, m, 'said-before', 0.75);
    }
  }
  return null;
}

/** Words after a quote that carry its sentence on: a lower-case word that is no pronoun or speech verb. */
const EMBEDDED_AFTER_RE = new RegExp(`^[ \\t]+(?!(?:he|she|it|they|we|i|${SPEECH_VERBS})\\b)\\p{Ll}`, 'u');
/** A sentence opened by a clause of contrast and its subject: "While the BBC ", "Although Mr Smith ". */
const CONTRAST_OPENING_RE = /^\s*(?:(?:but|and|yet),?\s+)?(?:while|whilst|although|though|whereas)\s+(?:the\s+)?$/i;
/** The subject's reporting verb right after it: " claimed", " has insisted", " previously said". */
const CONTRAST_VERB_RE = new RegExp(`^\\s+(?:(?:has|had|have)\\s+)?(?:\\w+ly\\s+)?(?:${SPEECH}|maintained|maintains|believes|believed|described|describes|called|calls)\\b`, 'i');

/**
 * "While the BBC claimed the plate was an 'unhappy coincidence', Maria Cristina Barrionuevo said ...": a partial quote that
 * ends the opening clause of contrast is the words of that clause's subject, not of the speaker of the main clause after it.
 */
function contrastClauseSubject(ctx: Context, q: QuoteSpan, floor: number): Attribution | null {
  if (!/^[\s'’"”]*,/.test(ctx.text.slice(q.end, q.end + 4)) && !q.text.endsWith(',')) return null;
  const sStart = sentenceStartBefore(ctx.text, q.start, floor);
  const m = mentionsBetween(ctx.speakers, sStart, q.start)[0];
  if (!m || !CONTRAST_OPENING_RE.test(ctx.text.slice(sStart, m.start)) || isPossessive(ctx.text, m.end)) return null;
  // (A quote set off by a comma or colon, "While Smith said nothing, 'we are fine,' Jones said", is the main clause's.)
  const between = ctx.text.slice(m.end, q.start);
  if (!CONTRAST_VERB_RE.test(between) || /[,:]\s*$/.test(between)) return null;
  return fromMention(ctx, m, 'said-before', 0.7);
}

/** Verbs that report or judge what someone said, around a partial quote in their clause: "accused X of having '...'". */
const REPORTING_VERB_RE = new RegExp(
  `\\b(?:${SPEECH_VERBS}|accused|accuses|called|calls|described|dismissed|dismisses|branded|brands|critici[sz]ed|praised|condemned|attacked|hit out|labelled|labeled|insisted|believes|believed|feels|felt|thinks|thought|hopes|hoped|wants|wanted|pledged|promised)\\b`,
  'i',
);

/**
 * A quote inside a sentence that opened with its speaker and a reporting verb: "Francis, 78, said he feels God only wanted
 * him to lead the Church for a short time 'and nothing more.'", "Mr Cameron accused Ed Miliband of having 'some brass neck'".
 * The subject must open the sentence (after at most four words such as a title), be followed by its verb, and the quote
 * must be the first in the sentence.
 */
function clauseSubject(ctx: Context, headStart: number, quoteStart: number): Attribution | null {
  // ("Jon Belmar said the shootings were an "ambush" intended '...'", "The airline said it was "embarrassed" and '...'": a short
  // phrase quoted and closed earlier in the sentence is part of the same report, and the sentence's subject still opens it.)
  const head = blankShortQuotes(ctx.text.slice(headStart, quoteStart));
  if (!/\p{L}/u.test(head) || /["“”‘’']\s/.test(head) || /\s['‘"“]/.test(head)) return null;
  // ("The firm, which is to receive pounds 24.5m, said it is '...'": a verb inside an aside after the subject is not its verb.)
  const skip = DESCRIPTION_THEN_ASIDE_RE.exec(head)?.[0].length ?? 0;
  const verb = REPORTING_VERB_RE.exec(skip > 0 ? head.slice(skip) : head);
  if (!verb) return null;
  const verbAt = headStart + skip + verb.index;
  const lead = ctx.text.slice(headStart, verbAt);
  if (groupOrDocument(lead)) return { speaker: null, confidence: 0, cue: 'unnamed' };
  // ("After his sacking, he bitterly said that ... '...'": a short phrase and its comma may open the clause.)
  const pronoun = /^\s*(?:(?:after|before|during|on|in|at|asked|speaking|writing)\b[^,.;:!?"“”‘’\n]{1,50},\s+)?(?:(?:but|and|however|now|then|yet|so|still|later|also|meanwhile),?\s+)?(he|she)\s+(?:[a-z]+\s+)?$/i.exec(lead);
  if (pronoun) {
    const spokesman = spokesmanBefore(ctx, pronoun[1]!, headStart);
    if (spokesman) return spokesman;
    const r = resolvePronoun(ctx, pronoun[1]!, headStart);
    return r ? fromMention(ctx, r, 'pronoun', 0.6) : null;
  }
  const first = mentionsBetween(ctx.speakers, headStart, verbAt)[0];
  // "The Prime Minister said Labour had left people in a system which '...'": a description opening the sentence, then its verb.
  // ("The club, which has posted record losses, said last week that it was in '...'": past a relative aside.)
  const aside = RELATIVE_ASIDE_TAIL_RE.exec(lead);
  const described = CLAUSE_DESCRIPTION_RE.exec(aside ? `${lead.slice(0, aside.index)} ` : lead);
  if (described && (!first || first.start >= headStart + described.index + described[0].length - 1 || first.kind !== 'person') && isDescription(described[1]! + ' ')) {
    const m = describedSpeaker(ctx, described[1]!, headStart);
    if (m) return m;
  }
  // "The Economist called Clinton's stance '...'": an organisation right before its verb speaks as one.
  // ("The Liberal Democrats have argued for ... '...'": and after "has" or "have".)
  if (first && first.kind === 'organization' && /^\s+(?:(?:has|have|had|also|\w+ly)\s+){0,2}$/.test(ctx.text.slice(first.end, verbAt)) && /^\s*(?:the\s+)?$/i.test(ctx.text.slice(headStart, first.start))) {
    return fromMention(ctx, first, 'said-before', 0.6);
  }
  // "Despite ..., the US said the meeting was '...'", "And Australia said it was '...'": a country or an organisation that
  // opens its clause right before the verb speaks as one.
  const body = [mentionsBetween(ctx.speakers, headStart, verbAt).pop(), mentionsBetween(ctx.countries, headStart, verbAt).pop()]
    .filter((m): m is Mention => m !== undefined && m.kind !== 'person')
    .sort((a, b) => b.end - a.end)[0];
  if (body && BODY_BEFORE_VERB_RE.test(ctx.text.slice(body.end, verbAt)) && CLAUSE_OPENING_RE.test(ctx.text.slice(headStart, body.start))) {
    if (body.kind === 'organization') return fromMention(ctx, body, 'said-before', 0.6);
    ctx.organisations.add(body.name);
    return { speaker: body.name, confidence: 0.5, cue: 'said-before' };
  }
  // ("Liberal Democrat deputy leader Menzies Campbell said": a party or a place may modify the role before the name.)
  // ("On the issue of the unpaid invoices, Sir John said ... '...'": past a short opening phrase and its comma.)
  const opening = INTRODUCTORY_PHRASE_RE.exec(lead)?.[0].length ?? 0;
  const lead0 = opening > 0 ? mentionsBetween(ctx.speakers, headStart + opening, verbAt)[0] : first;
  const person = lead0 && lead0.kind !== 'person' ? mentionsBetween(ctx.speakers, lead0.end, verbAt).find((m) => m.kind === 'person') : lead0;
  if (!person || person.kind !== 'person' || !ctx.subjects.has(person.start)) return null;
  if (person !== lead0 && !/^(?:['’]s)?(?:\s+(?:[\p{L}-]+))*\s+$/u.test(ctx.text.slice(lead0!.end, person.start))) return null;
  // ("On Sunday, Israeli Prime Minister Benjamin Netanyahu accused Iran of trying to '...'": a time phrase may open it.)
  // ("In an e-mail, Dan Lane calls it '...'", "In a statement, ...": so may a short phrase of where it was said.)
  const before = ctx.text.slice(headStart + opening, person.start).replace(INTRODUCTORY_TIME_RE, '').replace(INTRODUCTORY_MEDIUM_RE, '');
  if (before.includes(',') || before.trim().split(/\s+/).filter(Boolean).length > 5) return null;
  return fromMention(ctx, person, 'said-before', 0.6);
}
/** A phrase of one to eight words quoted and closed inside a sentence: `an "ambush" `, `the 'challenge' of `. */
const SHORT_QUOTE_RE = /(?<=^|[\s(])(["“‘'])((?:[\p{L}\p{N}’'-]+[ ,]{1,2}){0,7}[\p{L}\p{N}’'-]+[,!?]?)(["”’'])(?=[\s,;:)])/gu;

/** `head` with each short closed quotation (marks and words) blanked, its length unchanged: what is left is the sentence's own words. */
function blankShortQuotes(head: string): string {
  if (!/["“‘']/.test(head)) return head;
  const single = (c: string): boolean => c === "'" || c === '‘' || c === '’';
  return head.replace(SHORT_QUOTE_RE, (m, open: string, _inner: string, close: string) => (single(open) === single(close) ? ' '.repeat(m.length) : m));
}
/** "according to Q magazine editor Paul Rees." closing a sentence: at most eight words, then its end. */
const SENTENCE_CLOSING_NAME_RE = /^according to\s+(?:[\p{L}\p{N}.'’&-]+\s+){0,7}[\p{L}\p{N}'’&-]+\s*[.!?]?\s*$/u;
/** After a quote, an inverted verb and a publication named with its kind, and no person after it: " said Le Figaro newspaper." */
const OUTLET_AFTER_RE =
  /^[ \t,;:—–-]*(?:said|says|wrote|writes|added|adds|reported|reports)\s+(?:the\s+)?(?:[a-z]+\s+)?((?:\p{Lu}[\p{L}'’.&-]*\s+){1,4})(?:magazine|newspaper|paper|daily|weekly)\b(?!\s+(?:[\p{Ll}-]+\s+){1,3}\p{Lu})/u;
/** Capitalised words that open a sentence rather than name a publication: "The newspaper said", "His paper". */
const NOT_OUTLET_NAME_RE = /^(?:The|A|An|His|Her|Their|Its|This|That|Our|One|Another|Local|Sunday|Daily)\s/;
/** A sentence opened by a publication named with its kind, before its own verb: "Broadcast magazine ", "Us magazine was unrepentant ..., ". */
const OUTLET_SUBJECT_RE = /^\s*(?:(?:but|and|however),?\s+)?(?:the\s+)?((?:\p{Lu}[\p{L}'’.&-]*\s+){1,4})(?:magazine|newspaper|paper)\s+(?![\p{Ll}-]+\s+\p{Lu})(?:[^.!?"“”‘’\n]{0,100}?[,\s])?$/u;
/** A description opening a sentence and a relative aside after it: "The club, which has posted record losses,". */
const DESCRIPTION_THEN_ASIDE_RE = /^\s*(?:(?:but|and|however|meanwhile),?\s+)?the\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+,\s+(?:which|who)\s(?:[^,.;:!?"“”‘’\n]|\.(?=\d)){1,140},/i;
/** A relative aside closing the words before a verb: ", which has posted record losses, ". */
const RELATIVE_ASIDE_TAIL_RE = /,\s+(?:which|who)\s(?:[^,.;:!?"“”‘’\n]|\.(?=\d)){1,140},\s*(?:(?:also|later|then|\w+ly)\s+)?$/i;
/** Only adverbs or "has"/"have" between a body and its verb. */
const BODY_BEFORE_VERB_RE = /^\s+(?:(?:has|have|had|also|\w+ly)\s+){0,2}$/;
/** What may stand before a clause's subject: the sentence's start, a comma, or a conjunction, then maybe "the". */
const CLAUSE_OPENING_RE = /(?:^\s*|[,;]\s+|\b(?:and|but|while|whereas|although)\s+)(?:the\s+)?$/i;
/** A description alone before the verb: "The Prime Minister ", "But the former minister ". */
const CLAUSE_DESCRIPTION_RE = /^\s*(?:(?:but|and|however|meanwhile),?\s+)?(the\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+(?:(?:also|later|then|\w+ly)\s+)?(?:has\s+|had\s+)?$/i;
/** A time phrase and its comma opening a sentence: "On Sunday, ", "Last week, ", "Earlier this month, ". */
/** A short prepositional phrase and its comma opening a sentence: "On the issue of the unpaid invoices, ", "After the vote, ". */
const INTRODUCTORY_PHRASE_RE = /^\s*(?:(?:but|and),?\s+)?(?:on|in|at|after|before|during|asked about|speaking|with|for|of|about|following|despite)\s+(?:the|a|an|his|her|their|its)\s+[^,.;:!?"“”‘’\n]{1,50},\s+/i;
/** A phrase of where words were said or written, and its comma, opening a sentence: "In an e-mail, ", "In a statement on Monday, ". */
const INTRODUCTORY_MEDIUM_RE = /^\s*(?:(?:but|and),?\s+)?(?:in|on)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:e-?mail|statement|letter|interview|speech|message|blog|post|memoirs?|book|article|column|tweet|note|report)\b[^,.;:!?"“”‘’\n]{0,30},\s+/i;
const INTRODUCTORY_TIME_RE = /^\s*(?:(?:on|last|earlier|later|in|this|by|after|before|during)\s+)?(?:(?:this|last|next|the|early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|afternoon|evening|night|weekend|today|yesterday|earlier|later|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})(?:\s+(?:morning|afternoon|evening|night))?,\s+/i;

/** "A statement from UEFA read:", "The message read:" (after "the college issued an apology"). */
const STATEMENT_READ_RE = /\b(?:statement|message|apology|letter|email|e-mail|post|notice)\s+(?:(?:from|by|issued by|on behalf of)\s+([^,:;.]{1,60}?)\s+)?(?:read|reads)\s*:?\s*$/i;
/** "His latest message to Vasilyev reads:", "Her letter to the council said:": the writer is the one the possessive means. */
const OWN_WRITING_READ_RE =
  /(?:^|[.!?]\s+|,\s*|\band\s+)(his|her)\s+(?:[a-z-]+\s+){0,2}(?:statement|message|letter|email|e-mail|post|tweet|note|text|reply)\s+(?:to\s+[^,:;.!?]{1,50}?\s+)?(?:read|reads|said|says)\s*:?\s*$/i;
/** A sentence saying an organisation (named by a noun) put something out: "the college issued an apology". */
const ORG_ISSUED_RE = /\bthe\s+(?:[\w-]+\s+)?(?:college|university|school|club|company|firm|council|ministry|department|agency|charity|group|federation|association|league|union|party|police|force|board|body|organi[sz]ation|government|authority|hospital|trust|airline)\s+(?:has\s+|had\s+|then\s+|later\s+)?(?:issued|released|published|sent|posted|put out)\b/i;

/**
 * A written statement read out: its organisation speaks when the story says whose it is ("from UEFA",
 * "from European football's governing body", "the college issued an apology. The message read:"),
 * else it is a document and no one speaks.
 */
function writtenStatement(ctx: Context, from: number, to: number): Attribution | null {
  const own = OWN_WRITING_READ_RE.exec(ctx.text.slice(from, to));
  if (own) {
    const r = resolvePronoun(ctx, own[1]!.toLowerCase() === 'his' ? 'he' : 'she', from + own.index);
    if (r) return fromMention(ctx, r, 'pronoun', 0.6);
  }
  const posted = postedWriting(ctx, from, to);
  if (posted) return posted;
  const read = STATEMENT_READ_RE.exec(ctx.text.slice(from, to));
  if (!read) return null;
  const at = from + read.index;
  if (read[1]) {
    const named = mentionsBetween(ctx.speakers, at, to).find((m) => m.kind === 'organization');
    if (named) return fromMention(ctx, named, 'statement', 0.8);
    if (/\b(?:body|organi[sz]ation|club|company|federation|association|authority|council|ministry|department|government|party|group|union|league|charity)\b/i.test(read[1])) {
      return fromMention(ctx, lastOrganisationBefore(ctx, at), 'statement', 0.6) ?? { speaker: null, confidence: 0, cue: 'document' };
    }
    return { speaker: null, confidence: 0, cue: 'document' };
  }
  const previous = ctx.text.slice(sentenceStartBefore(ctx.text, Math.max(0, from - 1), Math.max(0, from - 400)), from);
  if (ORG_ISSUED_RE.test(previous)) return fromMention(ctx, lastOrganisationBefore(ctx, at), 'statement', 0.6) ?? { speaker: null, confidence: 0, cue: 'document' };
  return { speaker: null, confidence: 0, cue: 'document' };
}

/** "It read:", "The tweet said:", "The post reads:" opening the sentence before a quote. */
const IT_READ_RE = /^\s*(?:It|The\s+(?:tweet|post|message|note|caption|comment|update))\s+(?:read|reads|said|says)\s*:\s*$/;
/** A sentence in which someone put out a writing: "Katy Perry posted a message on Twitter", "she tweeted on Monday". */
const POSTED_RE = /\b(?:posted|tweeted|wrote|shared|published|uploaded|sent)\b/;

/**
 * "Singer Katy Perry posted a message on Twitter on Monday. It read: '...'": the writing the sentence before put out is its
 * writer's, when that sentence's subject is a person (or he or she) before the verb of posting.
 */
function postedWriting(ctx: Context, from: number, to: number): Attribution | null {
  if (!IT_READ_RE.test(ctx.text.slice(from, to)) || from === 0) return null;
  const prevStart = sentenceStartBefore(ctx.text, from - 1, Math.max(0, from - 400));
  const prev = ctx.text.slice(prevStart, from);
  const verb = POSTED_RE.exec(prev);
  if (!verb) return null;
  const verbAt = prevStart + verb.index;
  const pb = PRONOUN_BEFORE_VERB_RE.exec(ctx.text.slice(prevStart, verbAt));
  if (pb) {
    const r = resolvePronoun(ctx, pb[1]!, prevStart);
    return r ? fromMention(ctx, r, 'pronoun', 0.6) : null;
  }
  // (Only a name followed by its own verb: "the college issued an apology" after a sentence naming a lecturer is the college's.)
  const m = subjectBefore(ctx, prevStart, verbAt);
  return m && m.kind === 'person' && ctx.verbSubjects.has(m.start) ? fromMention(ctx, m, 'statement', 0.6) : null;
}

/**
 * The sentence before a quote that opens its own sentence after `floor`: where each starts and the earlier one's text; null
 * when words stand before the quote in its sentence or its sentence starts at the floor.
 */
function sentenceBeforeQuote(text: string, q: QuoteSpan, floor: number): { thisStart: number; prevStart: number; prev: string } | null {
  const thisStart = sentenceStartBefore(text, q.start, floor);
  if (text.slice(thisStart, q.start).trim().length > 0 || thisStart <= floor) return null;
  const prevStart = sentenceStartBefore(text, thisStart - 1, floor);
  return { thisStart, prevStart, prev: text.slice(prevStart, thisStart) };
}

/**
 * "The foreign secretary meanwhile said the 'justice' of the rebate remained. '...'": a quote opening its sentence right after
 * a sentence (in the same paragraph) that a description and its speech verb open goes on with whom that description is, found
 * as the description is ("Foreign Secretary Jack Straw"), not with the last speaker quoted.
 */
function describedPreviousSentence(ctx: Context, q: QuoteSpan, floor: number): Attribution | null {
  const { text } = ctx;
  const before = sentenceBeforeQuote(text, q, floor);
  if (before === null) return null;
  const { thisStart, prevStart, prev } = before;
  if (/\n\s*$/.test(prev)) return null;
  // ("'...,' the Frenchman said in a statement. '...'": not the previous quote's own attribution.)
  if (!/\S/.test(text.slice(floor, prevStart)) && floor > 0 && !/[.!?…]["”’']?\s*$/.test(text.slice(Math.max(0, floor - 3), floor))) return null;
  const verb = SPEECH_IN_SPAN_RE.exec(prev);
  if (!verb) return null;
  const lead = DESCRIPTION_LEAD_RE.exec(prev.slice(0, verb.index));
  const described = lead ? `${lead[1]!.replace(/^The/, 'the')} ` : '';
  if (!lead || !isDescription(described)) return null;
  const r = describedSpeaker(ctx, described, prevStart);
  return r?.speaker ? { ...r, cue: 'description' } : null;
}

/** "Kang said it was vital... 'We will work on it.'" — the previous sentence names the speaker. */
function attributeFromPreviousSentence(ctx: Context, q: QuoteSpan, floor: number): Attribution | null {
  const { text } = ctx;
  const before = sentenceBeforeQuote(text, q, floor);
  if (before === null) return null;
  const { thisStart, prevStart, prev } = before;
  // Across a paragraph break only a sentence that itself quotes its subject's words carries on into the quote ("Jim Parton
  // said the proposals 'lacked compulsion'.\n\n'We would like ...'"); a plain narrative paragraph may be anyone's.
  // ("Ian Harris, deputy editor of Mac Format, said the machine would appeal to iPod owners.\n\n'They want a further taste of
  // Mac ...'": nor does a paragraph of a named person's reported speech, opened by them and their speech verb, when the
  // quote opens the next paragraph with a capital; its words go on with that person.)
  const acrossParagraph = /\n\s*$/.test(prev) && !/:\s*$/.test(prev);
  const reportedParagraph = acrossParagraph && !PARTIAL_QUOTE_END_RE.test(prev);
  if (reportedParagraph && !/^[\p{Lu}]/u.test(q.text)) return null;
  // ("Writing in the Guardian, Mr Brown outlined his view.": a participle with no subject before it yields to the next verb.)
  for (const verb of reportedParagraph ? [SPEECH_IN_SPAN_RE.exec(prev)] : [SPEECH_IN_SPAN_RE.exec(prev), JUDGING_VERB_RE.exec(prev)]) {
    if (!verb) continue;
    const verbAt = prevStart + verb.index;
    const lead = text.slice(prevStart, verbAt);
    const pb = PRONOUN_BEFORE_VERB_RE.exec(lead);
    if (pb && pb.index + pb[0].length === lead.length) {
      const r = resolvePronoun(ctx, pb[1]!, prevStart);
      return r ? fromMention(ctx, r, 'said-before', 0.6) : null;
    }
    if (reportedParagraph && !REPORTED_PARAGRAPH_VERB_RE.test(verb[0])) return null;
    const m = subjectBefore(ctx, prevStart, verbAt) ?? (reportedParagraph ? null : invertedSubject(ctx, verbAt, verb[0], thisStart));
    if (m || /\p{L}/u.test(lead)) return m && m.kind === 'person' ? fromMention(ctx, m, 'said-before', reportedParagraph ? 0.5 : 0.6) : null;
  }
  return null;
}
/** A sentence opened by a description and its verb, maybe past an adverb: "The foreign secretary meanwhile ", "But the minister ". */
const DESCRIPTION_LEAD_RE = /^\s*(?:(?:but|and|however|meanwhile|earlier|later),?\s+)?([Tt]he\s+(?:[\p{L}-]+\s+){0,4}?[\p{L}-]+)\s+(?:(?:meanwhile|also|later|then|however|now|too|again|previously|earlier|has|had|have)\s+)?$/u;

/** The verbs of a paragraph of reported speech whose subject the next paragraph's quote goes on with. */
const REPORTED_PARAGRAPH_VERB_RE = /^(?:said|says|told|tells|added|adds|explained|explains|argued|argues|insisted|insists|warned|warns|believes|predicted|predicts|suggested|suggests)$/i;
/** A sentence that ends with a short quoted phrase: `... the proposals "lacked compulsion".`, `... as 'very important'.` */
const PARTIAL_QUOTE_END_RE = /\s["“‘'][^"“”‘’\n]{2,80}["”’'][.!?]?\s*$/;
/** Verbs of judging or setting out with a person as subject, whose next sentence quotes that person: "X criticised the system. '...'" */
const JUDGING_VERB_RE = /\b(?:critici[sz]ed|attacked|praised|welcomed|defended|condemned|dismissed|rejected|accused|outlined|hit out)\b/i;

/**
 * "Most people live on root crops, said Jonathan Napat, a disaster official.": the person right after an inverted verb that
 * follows a comma (a paraphrase, then its source), with at most a rank or lower-case role words between.
 */
function invertedSubject(ctx: Context, verbAt: number, verb: string, to: number): Mention | null {
  if (TOLD_RE.test(verb) || !/,\s*$/.test(ctx.text.slice(Math.max(0, verbAt - 3), verbAt))) return null;
  const from = verbAt + verb.length;
  const m = firstSpeakerIn(ctx, from, Math.min(to, from + 60));
  if (!m) return null;
  const gap = ctx.text.slice(from, m.start);
  return /^\s*(?:(?:the|a|an)\s+)?(?:[a-z’'-]+\s+){0,4}$/.test(gap) || rankGap(gap) ? m : null;
}


function mentionsName(quote: string, p: Participant): boolean {
  const words = new Set(quote.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u));
  const forms = [p.name, ...p.aliases];
  const lower = quote.toLowerCase();
  for (const f of forms) {
    const fl = f.toLowerCase();
    if (fl.includes(' ') ? lower.includes(fl) : words.has(fl)) return true;
  }
  // The family name alone also counts ("Minister Kono").
  for (const t of p.name.toLowerCase().split(' ')) if (t.length > 2 && words.has(t)) return true;
  return false;
}

/**
 * With no speech verb, reasons from what the quote says: a speaker does not name themself in the
 * third person, and speaks of the other side (not their own) by name. Returns null unless exactly
 * one participant survives. `implied`: the sides are the story's (implied-sides.ts), not the editor's.
 */
function attributeBySide(quote: QuoteSpan, participants: readonly Participant[], implied = false): Attribution | null {
  const candidates = participants.filter((p) => p.side);
  if (candidates.length < 2) return null;
  const parties = partiesMentioned(quote.text);
  const remaining: Participant[] = [];
  let positive = 0;
  for (const p of candidates) {
    if (mentionsName(quote.text, p)) continue;
    if (parties.includes(p.side!)) continue;
    remaining.push(p);
  }
  for (const p of candidates) if (!remaining.includes(p)) positive++;
  if (remaining.length !== 1 || positive === 0) return null;
  // Sides the story only implies (implied-sides.ts) are weaker evidence than the editor's participants.
  const confidence = (candidates.length === 2 ? 0.65 : 0.55) - (implied ? 0.15 : 0);
  return { speaker: remaining[0]!.name, confidence: Math.round(confidence * 100) / 100, cue: 'side-reasoning' };
}

/** Whether what a quote says rules out a participant as its speaker (they are named, or their side is). */
function excludedBySide(quote: QuoteSpan, speaker: string | null, participants: readonly Participant[]): boolean {
  const p = participants.find((x) => x.name === speaker);
  if (!p) return false;
  return mentionsName(quote.text, p) || (p.side !== undefined && partiesMentioned(quote.text).includes(p.side));
}

export interface AttributeOptions {
  participants?: readonly Participant[];
}

/**
 * Attributes each quote to a speaker from the story's own cues, in order of strength: a speech
 * verb with a named subject after or before the quote, "according to", a name and a colon, a
 * pronoun resolved to the last person of that gender, a continuation of the previous quote, and
 * finally participants' sides. Unknown stays unknown.
 */
export function attributeSpeakers(
  original: string,
  quotes: readonly QuoteSpan[],
  mentions: readonly Mention[],
  names: NameIndex,
  options: AttributeOptions = {},
): Attribution[] {
  // "said Deborah . Hargreaves, of the ...": a line break lost inside a name ends no sentence (the mentions read it as one name).
  let text = mendLostBreaks(original, lostBreaksInNames(original), (b) => original.slice(b.start, b.end).replace(' . ', '   '));
  // "A QuickenLoans spokesman . said:", "a Sleep Number . spokesman said": a lost break before a lower-case word ends no
  // sentence either; blanked for every cue, not only the quote's own head.
  text = blankLostBreaks(text);
  const inQuote = (m: Mention): boolean => quoteHolding(quotes, m.start, m.end) !== undefined;
  const speakers = mentions.filter((m) => (m.kind === 'person' || m.kind === 'organization') && !inQuote(m) && !inQuotedTitle(text, m));
  // Likely subjects: a name followed by a verb ("Billy Payne talked") or an appositive ("Simon Danczuk, the MP who...").
  const subjects = new Set<number>();
  const verbSubjects = new Set<number>();
  for (const m of speakers) {
    if (m.kind !== 'person') continue;
    const after = text.slice(m.end, m.end + 24);
    if (SUBJECT_FOLLOW_RE.test(after)) subjects.add(m.start);
    if ((!after.startsWith(',') && SUBJECT_FOLLOW_RE.test(after)) || APPOSITIVE_THEN_VERB_RE.test(text.slice(m.end, m.end + 120))) verbSubjects.add(m.start);
  }
  const genders = new Map<string, 'm' | 'f'>();
  for (const m of mentions) if (m.kind === 'person' && m.gender) genders.set(names.canonical(m.name, m.start), m.gender);
  const countries = mentions.filter((m) => m.kind === 'place' && partyOf(m.name) !== null && !inQuote(m));
  const ctx: Context = { text, quotes, speakers, names, subjects, verbSubjects, genderOf: (m) => genders.get(names.canonical(m.name, m.start)) ?? null, lastSpeaker: null, lastOrganisation: null, nameAt: new Map(), organisations: new Set(), countries };
  const out: Attribution[] = [];
  // With no participants from the editor, the sides a two-sided story implies (implied-sides.ts), worked out once and only
  // for a quote no cue attributes.
  let sides: readonly Participant[] | null = options.participants !== undefined && options.participants.length > 0 ? options.participants : null;
  const sideParticipants = (): readonly Participant[] => (sides ??= impliedParticipants(text, quotes, mentions, names));
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k]!;
    const prevEnd = k > 0 ? quotes[k - 1]!.end : 0;
    const nextStart = k + 1 < quotes.length ? quotes[k + 1]!.start : text.length;
    // "X said: '...'" right before the quote is the strongest cue; otherwise the words after the quote come first.
    // A partial quote that the sentence runs on from ("... and urged 'patriotic Scots' to vote Labour") is the words of
    // the sentence's own speaker, before it, more often than of a name after it.
    const embedded = !/[.,;:!?…—–-]$/.test(q.text) && EMBEDDED_AFTER_RE.test(text.slice(q.end, q.end + 40));
    // So is one inside an aside after a description ("The young jihadist, who describes himself as a '...', said"): the
    // verb after the aside has the description for its subject, not a name after it.
    const inAside = DESCRIPTION_ASIDE_HEAD_RE.test(text.slice(sentenceStartBefore(text, q.start, prevEnd), q.start));
    const strongBefore = embedded || inAside || STRONG_BEFORE_RE.test(text.slice(Math.max(prevEnd, q.start - 80), q.start));
    let a = reportedObject(ctx, q, prevEnd) ?? contrastClauseSubject(ctx, q, prevEnd) ?? passiveAgent(ctx, q, prevEnd) ?? relativeSpeaker(ctx, q, prevEnd) ?? (strongBefore
      ? (attributeBefore(ctx, q, prevEnd) ?? attributeAfter(ctx, q, nextStart))
      : (attributeAfter(ctx, q, nextStart) ?? attributeBefore(ctx, q, prevEnd)));
    if (!a && k > 0) a = describedPreviousSentence(ctx, q, prevEnd);
    if (!a && k > 0 && out[k - 1]!.cue !== 'side-reasoning' && !excludedBySide(q, out[k - 1]!.speaker, options.participants ?? [])) {
      const prev = out[k - 1]!;
      const gap = text.slice(prevEnd, q.start);
      // Names in the rest of the previous quote's own sentence ("... ,' added Evelyn Mazzocco, General Manager of Barbie.")
      // belong to its attribution, not to a new speaker.
      // A previous quote closed by its own full stop and followed by a new sentence ("... arguments.' Mr Howard described
      // it as 'very important'. '...'") has no attribution after it: names from there on are new speakers.
      // (The sentence after it may still report that same person's speech: "Mr Cameron promised ... and said ...".)
      const closedSentence = /[.…]$/.test(quotes[k - 1]!.text) && /^\s+(?!I\b)\p{Lu}/u.test(gap);
      const attributionEnd = sentenceEndAfter(text, prevEnd, q.start);
      const gapMentions = mentionsBetween(speakers, closedSentence ? prevEnd : attributionEnd, q.start).filter((m) => m.kind === 'person' && !inCaption(text, m.start));
      const samePerson = gapMentions.every((m) => prev.speaker !== null && nameOf(ctx, m) === prev.speaker);
      // A narrative paragraph up to 1,000 characters long keeps the run going when it names no one else and
      // reports no other speech ("Collecting fresh water was a nightmare for Jordan. ... 'I had tried ...'").
      const quietGap = gap.length <= 300 || (gap.length <= 1000 && !speechOutsideCaptions(text, attributionEnd, q.start));
      if (prev.speaker && quietGap && samePerson) {
        a = { speaker: prev.speaker, confidence: Math.round(prev.confidence * 0.85 * 100) / 100, cue: 'continuation' };
      }
    }
    // "Kalanick wrote: '...' He added: '...'": "he added" goes on with the speaker just quoted, when they may be "he".
    if ((a === null || a.speaker === null || a.cue === 'pronoun') && k > 0 && out[k - 1]!.speaker && a?.speaker !== out[k - 1]!.speaker) {
      const said = goesOn(text, prevEnd, Math.min(text.length, q.end + 60));
      const prev = out[k - 1]!;
      const gender = genders.get(prev.speaker!);
      // A photo caption pasted in between ("Smith was jailed at Leeds Crown Court (pictured) He added:") names no new speaker.
      const other = (m: Mention): boolean => m.kind === 'person' && nameOf(ctx, m) !== prev.speaker && !inCaption(text, m.start);
      if (said && (gender === undefined || gender === (said[1]!.toLowerCase() === 'he' ? 'm' : 'f')) && !mentionsBetween(speakers, prevEnd, q.start).some(other)) {
        a = { speaker: prev.speaker, confidence: a?.speaker ? a.confidence : 0.7, cue: 'pronoun' };
      }
    }
    a ??= attributeFromPreviousSentence(ctx, q, prevEnd);
    a ??= attributeBySide(q, sideParticipants(), sides !== options.participants);
    out.push(a ?? { ...UNKNOWN });
    // Organisations speak too, but only a person is the "he" or "she" of a later quote.
    if (a?.speaker) ctx.lastOrganisation = ctx.organisations.has(a.speaker) ? a.speaker : null;
    if (a?.speaker && !ctx.organisations.has(a.speaker)) ctx.lastSpeaker = a.speaker;
  }
  return out;
}

/** An opening mark, then capitalised words up to the name: `"Saturday `, `‘`. */
const TITLE_OPENING_RE = /(?:^|[\s(])["“‘'](?:\p{Lu}[\p{L}\p{N}'’-]*\s+){0,4}$/u;
/** Capitalised words after the name, then a closing mark that ends a word: ` Live"`, `”`. */
const TITLE_CLOSING_RE = /^(?:\s+\p{Lu}[\p{L}\p{N}'’-]*){0,4}[,.!?]?["”’'](?![\p{L}\p{N}])/u;

/**
 * A name inside a quoted title of capitalised words ("Saturday Night Live" said, Starbucks' "Race Together" stated goal): the
 * title of a show, a campaign or a book, which speaks for no one.
 */
function inQuotedTitle(text: string, m: Mention): boolean {
  return TITLE_OPENING_RE.test(text.slice(Math.max(0, m.start - 40), m.start)) && TITLE_CLOSING_RE.test(text.slice(m.end, m.end + 40));
}

const GOES_ON_RE = /\b(he|she)\s+(?:also\s+|then\s+|later\s+)?(?:added|adds|continued|continues|went on)\b/i;
/** GOES_ON_RE for a scan of every match (one object, its lastIndex reset by each scan: single-threaded). */
const GOES_ON_ALL_RE = new RegExp(GOES_ON_RE.source, 'gi');

/**
 * The first "he added" / "she went on" in [from, to), except the cue right after the previous quote's closing mark: in
 * "'...,' he added. But the commission warned ... '...,' said the report" that "he added" is the previous quote's own.
 */
function goesOn(text: string, from: number, to: number): RegExpExecArray | null {
  const re = GOES_ON_ALL_RE;
  re.lastIndex = 0;
  const span = text.slice(from, to);
  for (let m = re.exec(span); m !== null; m = re.exec(span)) if (!/^[\s,.;]*$/.test(span.slice(0, m.index))) return m;
  return null;
}

const FIRST_PERSON_RE = /\b(?:I|we|We|my|My|our|Our)\b/;

/**
 * Picks the quotes for the card: attributed, substantive (neither a fragment nor a speech),
 * preferring first-person statements and quotes early in the story. Returns indices in document order.
 */
export function rankKeyQuotes(quotes: ReadonlyArray<{ text: string; speaker: string | null; confidence: number }>, count: number): number[] {
  const scored = quotes.map((q, i) => {
    const words = q.text.split(/\s+/).filter(Boolean).length;
    let score = q.speaker ? q.confidence : 0;
    score += words >= 8 && words <= 60 ? 0.5 : words >= 5 ? 0.2 : -0.5;
    if (FIRST_PERSON_RE.test(q.text)) score += 0.2;
    score -= i * 0.01;
    return { i, score, attributed: q.speaker !== null && words >= 5 };
  });
  // Prefer variety: each speaker's best quote first, then second-best quotes, and so on (n log n).
  const rankWithinSpeaker = new Map<string, number>();
  const ordered = scored
    .filter((x) => x.attributed)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => {
      const speaker = quotes[x.i]!.speaker!;
      const rank = rankWithinSpeaker.get(speaker) ?? 0;
      rankWithinSpeaker.set(speaker, rank + 1);
      return { ...x, rank };
    })
    .sort((a, b) => a.rank - b.rank || b.score - a.score || a.i - b.i);
  const chosen = ordered.slice(0, Math.max(0, count)).map((x) => x.i);
  return chosen.sort((a, b) => a - b);
}
