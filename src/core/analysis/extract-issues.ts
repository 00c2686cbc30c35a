import type { Participant } from '../briefing/briefing.js';
import { pointsAtPhoto } from './clean-text.js';
import { absorbDropped, includesSorted, ISSUE_NOUN_BONUS, isDebate, namesNewsIssue, promoteLateTopic, settleDisputes, settleStances, voicedStance, addMentioningSentences, mergeSorted, type Postings, quotedWithin, sentencePostings, topicBudget } from './topic-cut.js';
import type { QuoteSpan } from './extract-quotes.js';
import { codePointAt, isCapitalisedWord, isLetter, isLetterOrNumber, isNumber, isWhitespace, widthOf } from './char-class.js';
import { partiesMentioned, partyMentions, partyOf } from './gazetteer.js';
import { firstMentionFrom, type Mention, type NameIndex } from './mentions.js';
import { BoundedMemo } from './bounded-memo.js';
import { CURRENCY_WORDS, isWeakAlone, labelSpan, withoutLeadingGerund } from './label-quality.js';
import { clauseCues } from './stance-cues.js';
import { STOPWORDS, contentStems, sentenceTokens, stem } from './tokenize.js';
import { type NonNounClass, nonNounClass } from './word-classes.js';
import type { Issue, IssuePosition, Sentence, Stance } from './types.js';

/**
 * Breaks a story into the topics it covers. Each sentence is cut into clauses at coordinating
 * points ("agreed to establish X, work to settle Y and hold Z" gives three), each clause is
 * labelled by its most informative noun phrase (determiners, generic heads such as "the issue of"
 * and evaluative adjectives dropped), clauses that point back ("such issues", "that declaration")
 * join the topic before them, near-duplicate labels merge, a final pass (`mergeTopics`) joins topics
 * told in other words, and document order is kept. Stance
 * comes from the story's own cues (agreed, differences, asked, hopes; with negation), and a
 * clause whose subject is one party records that party's position.
 */

export interface IssueContext {
  participants?: readonly Participant[];
  /** Direct quotations: their words are someone's speech, not the story's account of the topics. */
  quotes?: readonly QuoteSpan[];
  mentions?: readonly Mention[];
  names?: NameIndex;
  /** Who said each of `quotes` (null when unknown), in the same order: a speaker quoted on a topic has a position on it. */
  quoteSpeakers?: readonly (string | null)[];
  /** The headline, when the text has one apart from its body: it names what the story is about. */
  title?: string;
}

const DETERMINERS = new Set(
  'the a an their its his her our my your this that these those such both all some any each every either neither another other no several many much more most few'.split(' '),
);
const ANAPHORIC = new Set(['such', 'this', 'that', 'these', 'those', 'the issue', 'the matter', 'it']);
const PREPOSITIONS = new Set(
  'of with over on for between against by to towards toward about in at from into onto under after before during since until upon within without across through along among amid around regarding concerning as than via per like near including ahead'.split(' '),
);
/** Prepositions whose phrase stays in a label ("sanctions on North Korea", "issue of fishing quotas"). */
const LABEL_PREPOSITIONS = new Set(['of', 'with', 'on', 'over', 'against', 'between']);
const PRONOUNS = new Set('i we you he she they it me us him them who whom which what whose there here one'.split(' '));
const CONJUNCTIONS = new Set('and or but nor so yet while whereas although though because since if unless when whenever where as that whether than also then simply just only even still already briefly'.split(' '));
const AUXILIARIES = new Set(
  'is are was were be been being am has have had having do does did will would shall should can could may might must not no never cannot'.split(' '),
);
/** Verbs common in news clauses, in the forms that matter; anything else ending in -ed/-s after a subject is also treated as a verb. */
const VERBS = new Set(
  `say says said tell tells told ask asks asked agree agrees agreed reaffirm reaffirms reaffirmed share shares shared describe describes described
urge urges urged call calls called hope hopes hoped want wants wanted seek seeks sought demand demands demanded request requests requested
insist insists insisted warn warns warned repeat repeats repeated reject rejects rejected oppose opposes opposed deny denies denied accept
accepts accepted sign signs signed announce announces announced plan plans planned discuss discusses discussed mention mentions mentioned
develop develops developed establish establishes established work works worked hold holds held settle settles settled build builds built boost
boosts boosted keep keeps kept continue continues continued remain remains remained understand understands understood deliver delivers
delivered solve solves solved celebrate celebrates celebrated look looks looked make makes made take takes took give gives gave get gets got
go goes went come comes came bring brings brought carry carries carried meet meets met reach reaches reached pledge pledges pledged vow vows
vowed promise promises promised expect expects expected believe believes believed think thinks thought know knows knew see sees saw show
shows showed include includes included cut cuts raise raises raised increase increases increased lift lifts lifted impose imposes imposed
end ends ended launch launches launched set sets review reviews reviewed consider considers considered improve improves improved support
supports supported provide provides provided implement implements implemented resume resumes resumed return returns returned protect
protects protected allow allows allowed ban bans banned introduce introduces introduced adopt adopts adopted push pushes pushed press presses
pressed address addresses addressed tackle tackles tackled fight fights fought prevent prevents prevented remove removes removed restore
restores restored explore explores explored invest invests invested fund funds funded strengthen strengthens strengthened promote promotes
promoted cooperate cooperates cooperated create creates created ensure ensures ensured maintain maintains maintained pursue pursues pursued
reduce reduces reduced expand expands expanded resolve resolves resolved communicate communicates communicated become becomes became seem
seems seemed appear appears appeared stand stands stood face faces faced win wins won lose loses lost claim claims claimed argue argues
argued rule rules ruled order orders ordered file files filed sue sues sued appeal appeals appealed strike strikes struck walk walks walked
offer offers offered welcome welcomes welcomed criticise criticises criticised criticize criticizes criticized condemn condemns condemned
block blocks blocked approve approves approved vote votes voted decide decides decided confirm confirms confirmed admit admits admitted
disagree disagrees disagreed found finds find led leads lead put puts run runs ran try tries tried need needs needed failed fail fails going doing making taking violate violates violated protect protects discriminate discriminates discriminated break breaks broke broken block blocks blocked scrap scraps scrapped publish publishes published triple triples tripled afford affords represented represents represent`.split(/\s+/),
);
/** Base-form verbs that start a coordinated clause: "..., work to settle ... and hold ...". */
// "(?<!\s)": a run of spaces (quoted speech is blanked out of the narrative) is tried from its first space
// only; from every space it was quadratic in the run's length, and a later space can never match where the
// first did not.
export const COORDINATED_VERB_RE = /(?:,\s+(?:and\s+)?|(?<!\s)\s+and\s+)([a-z]+(?: (?:up|out|down))?)\b/g;
const COORDINATED_VERBS = new Set(
  `work hold establish build boost develop keep continue seek settle resolve discuss expand strengthen promote cooperate create ensure maintain pursue reduce cut raise increase lift impose end launch set_up review consider share exchange improve support provide implement carry_out sign meet resume protect allow ban introduce adopt reach push address tackle fight prevent remove restore explore invest fund phase_out tighten ease return agreed reaffirmed said asked urged called pledged vowed shared discussed repeated welcomed rejected signed announced warned stressed expressed confirmed decided promised insisted demanded refused accused denied voted ruled ordered dismissed upheld awarded walked_out threatened blocked rejected dropped upheld overturned struck_down`.split(/\s+/).map((w) => w.replace('_', ' ')),
);
/** Other clause boundaries: ",...", ";", ", but", "while ...,", ", which", ", including", "and that". */
// Every alternative starts with a definite character (",", ".", ";" or a space), so the scan stays cheap;
// the ones that skip a run of spaces start at its first space only ("(?<!\s)", as above).
export const CLAUSE_BOUNDARY_RE =
  /,\.\.\.\s*|\.\.\.\s*|;\s+|,\s+(?:but|while|whereas)\s+|,\s*(?=which\b|including\b|(?:she|he|they|it)\s+(?:cannot|can't|could not|will|would|did|does|do|has|have|had|is|are|was|were)\b)|(?<!\s)\s(?:\s*\.\.\.\s*|\s*but\s+|\s*and\s+(?=that\b))|\s(?=which are\b|including\b)/gi;

/** Heads too general to name a topic on their own: "the issue of X" is about X. */
const GENERIC = new Set(
  `issue issues matter matters way ways view views goal goals importance hope hopes stance stances position positions detail details time times
year years momentum cooperation agenda table side sides country countries minister ministers diplomat diplomats leader leaders official
officials government governments regime meeting meetings talk talks need needs part parts kind sort lot number end start case point thing
things fact question questions problem problems effort efforts plan plans idea ideas opportunity chance step steps people person members
member spokesman spokeswoman statement statements news more today yesterday week weeks day days month months get-go now future
ground grounds basis sense role progress impact effect result results way reporters journalists monday tuesday wednesday thursday friday saturday sunday again
million millions billion billions trillion thousand thousands hundred hundreds dozen dozens percent
city union unions council councils company companies firm firms group groups business businesses workers authorities critics campaigners residents`.split(/\s+/),
);
const TALKS_WORDS = new Set(['talks', 'negotiations', 'summit', 'summits', 'dialogue']);

/** Evaluative or vague modifiers dropped from labels. */
const DROPPED_MODIFIERS = new Set(
  'controversial so-called clear same mutual specific respective such certain various key major main important vital new recent current upcoming ongoing possible further long-standing longstanding simply briefly two three both top senior foreign chief former deputy bilateral sure able likely apparent necessary'.split(' '),
);

/** Words naming a dispute, dropped from the front of a label with their "over" ("differences over X" is about X). */
const DISPUTE_HEADS = new Set('difference differences disagreement disagreements dispute disputes row rows rift clash clashes split divided disagree disagreed wrangle tension tensions'.split(' '));

/**
 * Words naming an attack on someone: what it is over is the topic ("a swipe at Klass over her criticism
 * of the mansion tax plans" is about the mansion tax plans; "criticism of the new stadium" about the stadium).
 */
const ATTACK_HEADS = new Set('swipe swipes attack attacks criticism criticisms dig digs jibe jibes broadside broadsides tirade rant outburst blast'.split(' '));
/** ... of which these are verbal only, so what they are "of" or "on" is the topic too (an "attack on the crew" may be a real one). */
const VERBAL_ATTACKS = new Set('swipe swipes criticism criticisms dig digs jibe jibes broadside broadsides tirade rant'.split(' '));
/** How an attack is described: "a furious attack", "stinging criticism". */
const ATTACK_MODIFIERS = new Set('furious scathing stinging fierce bitter blistering verbal angry sharp withering veiled thinly-veiled personal public strong'.split(' '));

const EVENT_NOUNS = new Set('ruling decision deal agreement plan proposal move law bill case talks vote verdict strike dispute offer row meeting summit accord treaty measure measures policy judgment appeal'.split(' '));

export type Kind = 'np' | 'det' | 'prep' | 'verb' | 'aux' | 'pron' | 'conj' | 'adv' | 'punct';
/**
 * Verbs by which a clause's subject states where it stands, so the clause is its position: saying
 * and believing, and the stands news reports in court and politics (claimed, argued, admitted,
 * pleaded, ordered, ruled, promised, pledged, warned, told), and the verbs that answer or weigh a claim
 * (questioned, maintained, stressed, acknowledged, conceded, recommended), announced (a stand made public: "announced
 * his support for gay marriage") and a verdict ("jurors found him guilty"); not in the passive ("was ordered to
 * repay", "was told to leave"), where the subject is the one acted on.
 */
const STATING_WORD_RE = /\b(?:says?|said|insist(?:s|ed)?|believes?|wants?|claim(?:s|ed)?|argue[sd]?|admit(?:s|ted)?|plead(?:s|ed)?|pled|order(?:s|ed)|rule[sd]|rule(?=\s+out\b)|promise[sd]?|pledge[sd]?|warn(?:s|ed)?|told|tells?|questioned|maintain(?:s|ed)|stress(?:es|ed)|acknowledg(?:es|ed)|conced(?:es|ed)|recommend(?:s|ed)|announce[sd]?|defend(?:s|ed)|add(?:ed|s)(?=\s+that\b)|repl(?:ied|ies)|suggest(?:s|ed)|point(?:s|ed)(?=\s+out\b)|outline[sd]|complain(?:s|ed)|derided|derides|describe[sd]|found(?=\s(?:[^.,;]{0,40}\s)?guilty\b))\b/g;
/**
 * One party's outspoken backing of another's stance or plan ("the Cardinal backed Mr Howard's stance", "the Tories
 * welcomed the report"): a stand, where "agreed", "signed", "settled" are mostly what both sides did together; "backed by
 * the government" is a participle, someone else's act.
 */
const VOICED_AGREEMENT_RE = /\b(?:back(?:s|ed|ing)|welcom(?:es|ed|ing)|endors(?:es|ed|ing)|prais(?:es|ed|ing)|support(?:s|ed|ing))\b(?!\s+by\b)/i;
const PASSIVE_AUXILIARIES = ['is', 'are', 'was', 'were', 'be', 'been', 'being'];

/**
 * Whether `text` has a stating verb not in the passive: exactly
 *   /(?<!\b(?:is|are|was|were|be|been|being)\s+)\b(?:says?|said|...|tells?)\b/.test(text)
 * (the tests hold it to that). A lookbehind at the front keeps the regex engine from skipping ahead to
 * candidate words, so the words are found by a regex without it and the auxiliary before each is read back.
 */
export function hasStatingVerb(text: string): boolean {
  STATING_WORD_RE.lastIndex = 0;
  for (let m = STATING_WORD_RE.exec(text); m !== null; m = STATING_WORD_RE.exec(text)) if (!afterPassiveAuxiliary(text, m.index)) return true;
  return false;
}

/** Whether text[0, at) ends with `\b(?:is|are|was|were|be|been|being)\s+`. */
function afterPassiveAuxiliary(text: string, at: number): boolean {
  let j = at;
  while (j > 0 && isWhitespace(text.charCodeAt(j - 1))) j--;
  if (j === at) return false;
  for (const aux of PASSIVE_AUXILIARIES) {
    const from = j - aux.length;
    if (from >= 0 && text.startsWith(aux, from) && (from === 0 || !isAsciiWordChar(text.charCodeAt(from - 1)))) return true;
  }
  return false;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

export interface Token {
  text: string;
  lower: string;
  kind: Kind;
  /** The word's own facts, shared by every occurrence (read only). */
  facts: WordFacts;
}


const TIME_AND_PARTICLES = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november
december today yesterday tomorrow tonight week weekend month year morning evening afternoon night again up out off down away back ago later
earlier now then soon recently currently still already next last ever alone`.split(/\s+/),
);
/** Role words: who speaks, not what about. */
const ROLE_WORDS = new Set(
  `commissioner minister prime president chancellor secretary spokesman spokeswoman spokesperson lawyer judge attorney general prosecutor
official officials chief executive director chairman chairwoman governor mayor senator ambassador envoy union leader leaders state states
company firm group workers staff members side sides
gov lt sgt det insp supt dr rev pope cardinal archbishop bishop lord lady sir dame mr mrs ms professor prof captain capt col gen lieutenant
sergeant detective inspector constable officer superintendent`.split(/\s+/),
);

/** Closed-class words and their kind, looked up once per token. */
const CLOSED_CLASS = new Map<string, Kind>();
for (const [set, kind] of [
  [AUXILIARIES, 'aux'],
  [CONJUNCTIONS, 'conj'],
  [PRONOUNS, 'pron'],
  [PREPOSITIONS, 'prep'],
  [DETERMINERS, 'det'],
] as const) {
  for (const w of set) CLOSED_CLASS.set(w, kind);
}
for (const w of TIME_AND_PARTICLES) if (!CLOSED_CLASS.has(w)) CLOSED_CLASS.set(w, 'adv');

const MODALS = new Set('will would shall should can could may might must'.split(' '));

/** Words in -ly that are not adverbs. */
const NOT_ADVERBS = new Set(
  'family italy supply rally july assembly reply ally friendly elderly likely early daily weekly monthly yearly lonely costly deadly orderly holy ugly belly bully jelly lily fly apply comply reply monopoly anomaly'.split(' '),
);

/**
 * What `classify` needs to know of a word alone, worked out once per distinct word (bounded cache).
 * Suffixes are read with `endsWith` (each was a regex); the two lookups that cost most on a word never
 * seen before (the POS lexicon, the gazetteer) wait until the word's reading asks for them
 * (`lexicalOf`, `namesParty`).
 */
export interface WordFacts {
  /** The word as written. */
  word: string;
  lower: string;
  /** Lower case without "'s". */
  base: string;
  /** 'punct' or 'np' when the first character decides, else null. */
  fixed: Kind | null;
  closed: Kind | undefined;
  /** After "to" following a noun, this word would be a verb. */
  infinitive: boolean;
  isVerbWord: boolean;
  capitalised: boolean;
  endsEd: boolean;
  lyAdverb: boolean;
  endsEdOrEs: boolean;
  startsLowerAscii: boolean;
  participle: boolean;
  /** As a previous noun: possessive text, or a modifier's suffix. */
  possessiveText: boolean;
  modifierSuffix: boolean;
  /** For `countContentWords`: the lower-case word without "'s" is generic, a word for talks, or never content (a vague modifier, a number, a role). */
  generic: boolean;
  talks: boolean;
  neverContent: boolean;
  /** `lexicalOf` and `namesParty`, once asked (null before). */
  lexical: NonNounClass | undefined | null;
  party: boolean | null;
  /** `stemsOf` the word, once a label shows it (null before). */
  stems: string[] | null;
}

export function describeWord(word: string): WordFacts {
  const wordLower = word.toLowerCase();
  const c = word.charCodeAt(0);
  const lower = stripPossessive(wordLower);
  const capitalised = isCapitalisedWord(word);
  const startsLowerAscii = c >= 97 && c <= 122;
  const endsEd = lower.endsWith('ed');
  const d = lower.charCodeAt(0);
  return {
    word,
    lower: wordLower,
    base: lower,
    fixed: word.length === 1 && (c === 44 || c === 59 || c === 58 || c === 40 || c === 41) ? 'punct' : c === 34 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 39 ? 'np' : null,
    closed: CLOSED_CLASS.get(lower),
    infinitive: !capitalised && startsLowerAscii && !DETERMINERS.has(lower) && !PREPOSITIONS.has(lower),
    isVerbWord: VERBS.has(lower),
    capitalised,
    endsEd,
    lyAdverb: lower.length > 4 && lower.endsWith('ly') && !NOT_ADVERBS.has(lower),
    endsEdOrEs: endsEd || lower.endsWith('es'),
    startsLowerAscii,
    participle: endsEd && lower.length > 4 && lower.charCodeAt(lower.length - 3) !== 101,
    possessiveText: word.endsWith("'s") || word.endsWith('’s'),
    modifierSuffix: endsWithAny(wordLower, MODIFIER_SUFFIXES),
    generic: GENERIC.has(lower),
    talks: TALKS_WORDS.has(lower),
    neverContent: DROPPED_MODIFIERS.has(lower) || (d >= 48 && d <= 57) || ROLE_WORDS.has(lower),
    lexical: null,
    party: null,
    stems: null,
  };
}

/** What the POS lexicon says a lower-case word is when it can never be a noun. */
export function lexicalOf(f: WordFacts): NonNounClass | undefined {
  if (f.lexical === null) f.lexical = isLetter(codePointAt(f.word, 0)) ? nonNounClass(f.base) : undefined;
  return f.lexical;
}

/** The word without "'s" names a party in the gazetteer. */
export function namesParty(f: WordFacts): boolean {
  if (f.party === null) f.party = partyOf(stripPossessive(f.word)) !== null;
  return f.party;
}

const MODIFIER_SUFFIXES = ['ing', 'al', 'ic', 'ive', 'ous', 'ary', 'ful', 'less', 'ern', 'ish'];

function endsWithAny(word: string, suffixes: readonly string[]): boolean {
  for (const x of suffixes) if (word.endsWith(x)) return true;
  return false;
}

const WORD_FACTS = new BoundedMemo<string, WordFacts>(50_000, describeWord);

function wordFacts(word: string): WordFacts {
  return WORD_FACTS.get(word);
}

function classify(f: WordFacts, prev: Token | undefined, prev2: Token | undefined): Kind {
  if (f.fixed !== null) return f.fixed;
  const closed = f.closed;
  if (closed === 'adv' && !(prev && prev.kind === 'det')) return 'adv';
  // "at least eight holidays", "at most": a bound on a figure, not a noun.
  if (prev?.lower === 'at' && (f.lower === 'least' || f.lower === 'most')) return 'adv';
  // "to scrap quotas": after the infinitive marker that follows a noun, an unknown lower-case word is a verb.
  if (prev?.lower === 'to' && prev2 && prev2.kind === 'np' && f.infinitive) return 'verb';
  if (closed !== undefined && closed !== 'adv') return closed;
  const isVerbWord = f.isVerbWord;
  const nounContext =
    isVerbWord &&
    prev !== undefined &&
    ((prev.kind === 'det' && prev.lower !== 'that') ||
      (prev.kind === 'prep' && prev.lower !== 'to') ||
      (prev.kind === 'np' && (prev.facts.possessiveText || (prev.facts.modifierSuffix && (!prev2 || prev2.kind === 'det' || prev2.kind === 'prep')))));
  if (isVerbWord && !f.capitalised && !nounContext) {
    // "the planned summit": after a determiner a participle is a modifier.
    if (prev && prev.kind === 'det' && f.endsEd) return 'np';
    return 'verb';
  }
  if (f.lyAdverb) return 'adv';
  // A word the lexicon never has as a noun is no noun here ("to try and flatten their nose", "however"),
  // except a participle after a determiner, which modifies one ("the stalled talks").
  if (f.startsLowerAscii && lexicalOf(f) === 'other') return 'adv';
  if (f.startsLowerAscii && lexicalOf(f) === 'verb' && !(prev && prev.kind === 'det' && f.endsEd)) return 'verb';
  if (prev && (prev.kind === 'pron' || prev.kind === 'aux') && f.endsEdOrEs && !f.capitalised) return 'verb';
  // "would focus on", "will hold": after a modal, a lower-case word is a verb.
  if (prev && MODALS.has(prev.lower) && f.startsLowerAscii) return 'verb';
  // "the summit slated for next week": a participle after a noun ends the noun phrase.
  if (prev && prev.kind === 'np' && f.participle && !f.capitalised) return 'verb';
  if (prev && afterPluralParty(f, prev)) return 'verb';
  return 'np';
}

/**
 * "The Israelis head to the polls", "Palestinians rally in Ramallah": after a plural party (a people or
 * a party's members), a bare lower-case word agrees with it as its verb; a compound would read
 * "Israeli voters". Words ending in -s, -ed or -ing are left to the other rules.
 */
function afterPluralParty(f: WordFacts, prev: Token): boolean {
  if (!f.startsLowerAscii || !/^[a-z]+$/.test(f.word) || /(?:s|ed|ing)$/.test(f.lower)) return false;
  const p = prev.facts;
  return p.capitalised && !p.possessiveText && /[a-z]s$/.test(p.word) && namesParty(p);
}

/** Whether an auxiliary is among tokens[from, to). */
function hasAux(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.kind === 'aux') return true;
  return false;
}

export function tokenize(clause: string): Token[] {
  const out: Token[] = [];
  // The tokens of `scanClauseTokens`, read in place (no array of them, one slice each).
  let i = 0;
  while (i < clause.length) {
    const cp = codePointAt(clause, i);
    const end = clauseTokenEnd(clause, i, cp);
    if (end < 0) {
      i += widthOf(cp);
      continue;
    }
    // A sentence-final period is not part of the word; the dots of "U.S." are.
    const text = clause.charCodeAt(end - 1) === 46 && clause.indexOf('.', i) === end - 1 ? clause.slice(i, end - 1) : clause.slice(i, end);
    i = end;
    const facts = wordFacts(text);
    const kind = classify(facts, out[out.length - 1], out[out.length - 2]);
    // "his satire show had mocked", "the peace plan was": a verb's base form between a noun phrase and an
    // auxiliary is the noun phrase's head.
    if (kind === 'aux' && out.length >= 2) {
      const prev = out[out.length - 1]!;
      const before = out[out.length - 2]!;
      if (prev.kind === 'verb' && prev.facts.isVerbWord && !prev.facts.endsEdOrEs && !prev.lower.endsWith('s') && (before.kind === 'np' || before.kind === 'det')) prev.kind = 'np';
    }
    if (kind === 'punct' || kind === 'conj' || (kind === 'prep' && facts.lower !== 'to')) compoundHead(out);
    out.push({ text, lower: facts.lower, kind, facts });
  }
  compoundHead(out);
  return out;
}

/**
 * "a second independence vote if ...", "a pay cut after ...", "the government ban on ...": a verb's base form
 * after a singular common noun of a noun phrase, with nothing after it but a preposition, a conjunction, a comma
 * or the clause's end, is the phrase's head (a singular subject would take "votes", and a verb here has no object).
 * Looks at the last three tokens of `out` only.
 */
function compoundHead(out: Token[]): void {
  const n = out.length;
  if (n < 3) return;
  const w = out[n - 1]!;
  const prev = out[n - 2]!;
  const before = out[n - 3]!;
  if (w.kind !== 'verb' || !w.facts.isVerbWord || !w.facts.startsLowerAscii || w.facts.endsEdOrEs || w.lower.endsWith('s')) return;
  if (prev.kind !== 'np' || !prev.facts.startsLowerAscii || prev.lower.endsWith('s') || prev.facts.possessiveText) return;
  if (before.kind === 'det' || before.kind === 'np') w.kind = 'np';
}

/**
 * The tokens of a clause as written: words (with the dots of "U.S." and inner hyphens and apostrophes),
 * percentages ("5 per cent"), other numbers, short quoted titles as one token, and , ; : ( ).
 * Exactly the matches of
 *   /\p{L}[\p{L}\p{N}.'’-]*|\d[\d.,]*(?:\s*per\s*cent|\s*percent|%)|\p{N}[\p{L}\p{N}.'’-]*|["“”][^"“”]{1,60}["“”]|[‘'][^'‘’]{1,40}['’](?=[\s,.;:]|$)|[,;:()]/gu
 * (the tests hold it to that regex), found by a character loop, which takes less than half the regex's time.
 */
export function scanClauseTokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    const end = clauseTokenEnd(text, i, cp);
    if (end < 0) {
      i += widthOf(cp);
      continue;
    }
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** Where the token starting at `i` (code point `cp`) ends, or -1 when none starts there. */
function clauseTokenEnd(text: string, i: number, cp: number): number {
  if (isLetter(cp)) return skipWordTail(text, i + widthOf(cp));
  if (isNumber(cp)) {
    const percentage = cp >= 48 && cp <= 57 ? percentageEnd(text, i + 1) : -1;
    return percentage >= 0 ? percentage : skipWordTail(text, i + widthOf(cp));
  }
  // A quotation's words cannot hold its own kind of mark, so it closes at the first one (if near enough).
  if (cp === 34 || cp === 0x201c || cp === 0x201d) {
    const close = nextMark(text, i + 1, 60, isDoubleMark);
    return close < 0 ? -1 : close + 1;
  }
  if (cp === 39 || cp === 0x2018) {
    const close = nextMark(text, i + 1, 40, isSingleMark);
    if (close < 0 || text.charCodeAt(close) === 0x2018) return -1;
    const after = text.charCodeAt(close + 1);
    return close + 1 === text.length || isWhitespace(after) || after === 44 || after === 46 || after === 59 || after === 58 ? close + 1 : -1;
  }
  return cp === 44 || cp === 59 || cp === 58 || cp === 40 || cp === 41 ? i + 1 : -1;
}

/** `[\p{L}\p{N}.'’-]*` from `from` (ASCII from a table). */
function skipWordTail(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (WORD_TAIL_ASCII[c] !== 1) break;
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    if (!(isLetterOrNumber(cp) || cp === 46 || cp === 39 || cp === 0x2019 || cp === 45)) break;
    i += widthOf(cp);
  }
  return i;
}

const WORD_TAIL_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_TAIL_ASCII[c] = isLetterOrNumber(c) || c === 46 || c === 39 || c === 45 ? 1 : 0;

/** After a digit: the end of `[\d.,]*` followed by "per cent", "percent" or "%", or -1. */
function percentageEnd(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); (c >= 48 && c <= 57) || c === 46 || c === 44; c = text.charCodeAt(++i));
  const digitsEnd = i;
  i = skipWhitespace(text, i);
  if (text.startsWith('per', i)) {
    const cent = skipWhitespace(text, i + 3);
    if (text.startsWith('cent', cent)) return cent + 4;
  }
  return text.charCodeAt(digitsEnd) === 37 ? digitsEnd + 1 : -1;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** Index of the first mark (`isMark`) after 1 to `max` other code points from `from`, or -1. */
function nextMark(text: string, from: number, max: number, isMark: (c: number) => boolean): number {
  let count = 0;
  for (let i = from; i < text.length; ) {
    const cp = codePointAt(text, i);
    if (isMark(cp)) return count >= 1 ? i : -1;
    if (++count > max) return -1;
    i += widthOf(cp);
  }
  return -1;
}

function isDoubleMark(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d;
}

function isSingleMark(c: number): boolean {
  return c === 39 || c === 0x2018 || c === 0x2019;
}

export interface Chunk {
  tokens: Token[];
  /** Index of the first token in the clause. */
  at: number;
}

/**
 * Noun-phrase chunks: determiners and modifiers, "and"-joined heads, possessives and
 * prepositional phrases that continue a noun ("of", "with", "on", "over", "by" after a participle).
 */
export function chunks(tokens: readonly Token[]): Chunk[] {
  const out: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.kind !== 'np' && tokens[i]!.kind !== 'det') {
      i++;
      continue;
    }
    const start = i;
    const body: Token[] = [];
    // Tokens after the phrase that are a clause's verb, which no phrase starts on ("owning the rest", "and used computers").
    let skip = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      const next = tokens[i + 1];
      const prevTok = body[body.length - 1];
      // "ten men 38-year-old Lianna Barrientos": an age opens a new noun phrase (the sentence's subject, or an apposition).
      if (t.kind === 'np' && prevTok?.kind === 'np' && AGE_RE.test(t.text)) break;
      // "with its share price increasing by ...", "a case centring around ...": a participle after a noun, with its
      // complement after it, is the verb of a clause about that noun, not the noun phrase's head.
      if (t.kind === 'np' && prevTok?.kind === 'np' && trailingParticiple(t, next, tokens[start - 1]?.lower === 'with')) {
        skip = 1;
        break;
      }
      if (t.kind === 'np' || (t.kind === 'det' && (body.length === 0 || prevTok!.kind === 'prep' || afterGerund(body)))) {
        body.push(t);
        i++;
      } else if (t.kind === 'conj' && t.lower === 'and' && body.length > 0 && body[body.length - 1]!.kind === 'np' && next && next.kind === 'np' && !(next.facts.capitalised && partyOf(next.text))) {
        if (verbWithObject(next, tokens[i + 2], tokens[start - 1])) {
          skip = 2;
          break;
        }
        body.push(t);
        i++;
      } else if (t.kind === 'prep' && body.length > 0 && (body[body.length - 1]!.kind === 'np' || (t.lower === 'by' && body[body.length - 1]!.kind === 'verb')) && next && (next.kind === 'np' || next.kind === 'det') && body.length < 14) {
        body.push(t);
        i++;
      } else if (t.lower === 'to' && body.length > 0 && body[body.length - 1]!.kind === 'np' && !partyOf(body[body.length - 1]!.text) && next?.kind === 'verb' && tokens[i + 2] && (tokens[i + 2]!.kind === 'np' || tokens[i + 2]!.kind === 'det')) {
        body.push(t, next); // "a task force to boost exchanges"
        i += 2;
      } else if (t.kind === 'verb' && t.lower.endsWith('ed') && next?.lower === 'by' && body.length > 0) {
        body.push(t); // "citizens abducted by Pyongyang"
        i++;
      } else break;
    }
    while (body.length > 0 && (body[body.length - 1]!.kind !== 'np')) body.pop();
    if (body.length > 0) out.push({ tokens: body, at: start });
    if (i === start) i++;
    i += skip;
  }
  return out;
}

const AGE_RE = /^\d+-(?:year|month|week|day)s?-old$/i;

/** A lower-case -ing word (not a news issue such as "ruling" or "killing"): a verb's participle or a gerund. */
function isIngWord(t: Token): boolean {
  return t.facts.startsLowerAscii && t.lower.length > 5 && t.lower.endsWith('ing') && !namesNewsIssue(t.lower);
}

/** Particles that go with a verb, not a noun: "pushing up prices", "selling off assets". */
const VERB_PARTICLES = new Set(['up', 'out', 'off', 'down', 'away', 'back']);

/**
 * Words that open a verb's complement, never a noun's: a determiner, a pronoun, an adverb in -ly, a particle
 * (a time word, "spending last year", opens no complement).
 */
function opensComplement(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'det' || t.kind === 'pron' || (t.kind === 'adv' && (t.facts.lyAdverb || VERB_PARTICLES.has(t.lower))));
}

/**
 * "stole people's identities and used computers and websites", "selling shares and focusing on its brands",
 * "prompting an auction and pushing the sale price higher": after "and", a past tense or an -ing word followed by
 * what it acts on (a determiner, pronoun or adverb; for an -ing word also a preposition of `PARTICIPLE_PREPOSITIONS`)
 * opens a second verb phrase, so the noun phrase before "and" ends there ("profits and capital spending",
 * "fraud and money laundering", "spending and rising household savings" go on); a past tense also before a noun when
 * the lexicon never has it as a noun and the phrase before "and" is a verb's object ("stole identities and used
 * computers"; "technical and automated trading" goes on).
 */
function verbWithObject(t: Token, after: Token | undefined, beforePhrase: Token | undefined): boolean {
  if (after === undefined || !t.facts.startsLowerAscii) return false;
  if (isIngWord(t)) return opensComplement(after) || (after.kind === 'prep' && PARTICIPLE_PREPOSITIONS.has(after.lower));
  return t.facts.endsEd && t.lower.length >= 4 && (opensComplement(after) || (after.kind === 'np' && beforePhrase?.kind === 'verb' && lexicalOf(t.facts) !== undefined));
}

/**
 * Prepositions a participle takes but a gerund-noun seldom does: "centring around", "pushing through", "moving into"
 * ("spending by households", "lending from banks" are a noun's, so "by" and "from" are not here).
 */
const PARTICIPLE_PREPOSITIONS = new Set(['around', 'through', 'into', 'towards', 'toward', 'across', 'behind', 'up', 'down', 'off', 'out']);

/**
 * An -ing word after a noun is a participle (the verb of a clause about that noun) when what follows it is a
 * complement: a determiner, pronoun or adverb ("firm owning the rest", "companies filling vacancies quickly"), or a
 * preposition a verb takes ("a case centring around ..."); after "with" ("with its share price increasing by ...",
 * "with growth falling from 3%", the absolute construction) "by" and "from" do too ("charged with fraud and money
 * laundering in 2003" stays). "consumer spending", "mortgage lending in the UK" stay; so does
 * a saying participle ("Alicia Castro calling the plate ..."), which `participleSpeaker` reads as its speaker's stand.
 */
function trailingParticiple(t: Token, next: Token | undefined, afterWith: boolean): boolean {
  if (!isIngWord(t) || next === undefined || SAYING_PARTICIPLES.has(t.lower)) return false;
  if (opensComplement(next)) return true;
  if (next.kind === 'prep') return PARTICIPLE_PREPOSITIONS.has(next.lower) || (afterWith && (next.lower === 'by' || next.lower === 'from'));
  return false;
}

/** The chunk so far is a gerund alone or after a preposition ("for removing the ..."): a determiner may follow. */
function afterGerund(body: readonly Token[]): boolean {
  const prevTok = body[body.length - 1];
  return prevTok !== undefined && prevTok.kind === 'np' && prevTok.lower.endsWith('ing') && (body.length === 1 || body[body.length - 2]!.kind === 'prep');
}

/**
 * A topic is named by a noun phrase: the last word before any preposition must be able to be a
 * noun ("fishing quotas", "arrival of the septum piercing"), not an adjective, participle or adverb
 * left over from a clause ("pretty impressive", "often used", "better known").
 */
function nounHeaded(tokens: readonly Token[]): boolean {
  let head: Token | undefined;
  for (const t of tokens) {
    if (t.kind === 'prep' || (t.lower === 'to' && head !== undefined)) break;
    if (t.kind === 'np') head = t;
  }
  if (head === undefined || NON_HEADS.has(head.lower)) return false;
  // A quoted word or phrase is judged by its last word: "'hacked'" is no topic, "'comfort women'" is.
  if (/^["“”‘']/.test(head.text)) return nonNounClass(lastWord(head.text)) === undefined;
  // A capitalised word is a name unless the lexicon says otherwise ("According" opening a sentence).
  return lexicalOf(head.facts) === undefined;
}

/** Words that end an adjective phrase, never a noun phrase's head: "strong enough", "too much". */
const NON_HEADS = new Set(['enough', 'much', 'less', 'more', 'too']);

function lastWord(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu);
  return words ? words[words.length - 1]! : '';
}

/** A capitalised word names a party or (without its "'s") a participant. */
function isPartyOrPerson(t: Token, ctx: IssueContext): boolean {
  if (namesParty(t.facts)) return true;
  if (!ctx.participants || ctx.participants.length === 0) return false;
  const lower = stripPossessive(t.text).toLowerCase();
  for (const p of ctx.participants ?? []) if (p.name.toLowerCase() === lower || p.aliases.some((a) => a.toLowerCase() === lower)) return true;
  return false;
}

/**
 * "criticised Tony Blair and Gordon Brown amid renewed reports of a rift": a chunk whose words before a preposition
 * of circumstance ("amid", "despite", "following", "during") only name parties gives no label of its own, so the phrase after that
 * preposition is a candidate too. Empty when the chunk has no such split.
 */
const CIRCUMSTANCE_PREPOSITIONS = new Set(['amid', 'despite', 'following', 'during']);

function namesThenPhrase(c: Chunk, ctx: IssueContext, named: ReadonlySet<string>): Chunk[] {
  const cut = c.tokens.findIndex((t, k) => k > 0 && t.kind === 'prep' && CIRCUMSTANCE_PREPOSITIONS.has(t.lower));
  if (cut <= 0 || cut >= c.tokens.length - 1 || countContentWords(c.tokens.slice(0, cut), ctx, named) > 0) return [];
  return [{ tokens: c.tokens.slice(cut + 1), at: c.at + cut + 1 }];
}

/** The tokens (after a preposition) name parties and nothing else: "Iran", "North Korea and China". */
function namesOnlyParties(tokens: readonly Token[]): boolean {
  if (tokens.length === 0 || tokens[0]!.kind === 'prep') return false;
  const sig = signatureOf(tokens.map((t) => t.text).join(' '));
  return sig.words === 0 && sig.all.size > 0;
}

/** `/^\d/` */
export function startsWithDigit(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function stripPossessive(w: string): string {
  return w.endsWith("'s") || w.endsWith('’s') ? w.slice(0, -2) : w;
}


const NAMED_TOKENS = new WeakMap<object, Set<string>>();
/** Tokens of people's and organisations' names: who acts, not what the story is about. */
function namedTokens(ctx: IssueContext): Set<string> {
  const key = ctx.mentions ?? ctx;
  let set = NAMED_TOKENS.get(key);
  if (!set) {
    set = new Set();
    for (const m of ctx.mentions ?? []) if (m.kind === 'person' || m.kind === 'organization') for (const t of m.name.split(' ')) set.add(t);
    for (const p of ctx.participants ?? []) for (const t of [p.name, ...p.aliases].join(' ').split(' ')) set.add(t);
    NAMED_TOKENS.set(key, set);
  }
  return set;
}

/**
 * How many words of a phrase say what it is about: nouns and modifiers that are not generic, vague,
 * numbers, roles, parties or the names of people and organisations. The word's own part of that test
 * comes with its facts.
 */
function countContentWords(tokens: readonly Token[], ctx: IssueContext, named: ReadonlySet<string> = namedTokens(ctx)): number {
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'np') continue;
    const f = t.facts;
    // "talks with Iran": generic talks become the topic when they are with parties and nothing else.
    if (f.generic && f.talks && namesOnlyParties(tokens.slice(i + 2))) {
      n++;
      continue;
    }
    if (f.generic || f.neverContent) continue;
    if (f.capitalised && (isPartyOrPerson(t, ctx) || named.has(t.text))) continue;
    n++;
  }
  return n;
}

/**
 * The label a chunk gives: generic heads give way to their complement, modifiers and possessors are dropped.
 * With `changeIn`, a change noun keeps what changes ("rise in national insurance": `CHANGE_NOUNS`).
 */
export function labelOf(chunk: readonly Token[], changeIn = false): { label: string; tokens: Token[]; shown: Token[]; anaphoric: boolean } {
  let toks = [...chunk];
  let anaphoric = false;
  for (;;) {
    // Drop determiners, possessors ("Seoul and Washington's", "Japan's") and vague modifiers at the front.
    const possessive = toks.findIndex((t) => t.facts.possessiveText && t.kind === 'np');
    const firstPrep = toks.findIndex((t) => t.kind === 'prep');
    if (possessive >= 0 && (firstPrep < 0 || possessive < firstPrep) && possessive < toks.length - 1) toks = toks.slice(possessive + 1);
    // "to allay fears of the closure", "plans to extend paid maternity leave": a verb's base form that the lexicon never
    // has as a noun, left at a label's front, is the clause's verb; its object is the topic.
    let verbs = 0;
    while (verbs < toks.length - 1 && toks[verbs]!.facts.startsLowerAscii && !toks[verbs]!.facts.endsEd && lexicalOf(toks[verbs]!.facts) === 'verb') verbs++;
    if (verbs > 0 && toks.some((t, k) => k >= verbs && t.kind === 'np')) toks = toks.slice(verbs);
    while (toks.length > 1 && (toks[0]!.kind === 'det' || toks[0]!.kind === 'prep' || (DROPPED_MODIFIERS.has(toks[0]!.lower) && !startsName(toks)) || startsWithDigit(toks[0]!.lower) || NUMBER_WORDS.has(toks[0]!.lower) || toks[0]!.lower === 'and' || (CURRENCY_WORDS.has(toks[0]!.lower) && startsWithDigit(toks[1]!.lower)))) {
      if (toks[0]!.kind === 'det' && ANAPHORIC.has(toks[0]!.lower)) anaphoric = true;
      toks = toks.slice(1);
    }
    const prep = toks.findIndex((t) => t.kind === 'prep');
    const head = (prep < 0 ? toks : toks.slice(0, prep)).filter((t) => t.kind === 'np');
    // "solving the issue of X" is about X too.
    const core = head.length > 1 && head[0]!.lower.endsWith('ing') && ['issue', 'issues', 'matter', 'question', 'problem'].includes(head[head.length - 1]!.lower) ? head.slice(1) : head;
    // "differences over territorial issues", "divided over the new dam": the dispute is the stance, its object the topic.
    const disputeOver = core.length === 1 && DISPUTE_HEADS.has(core[0]!.lower) && ['over', 'on', 'about'].includes(toks[prep]?.lower ?? '');
    const headIsGeneric = core.length > 0 && (disputeOver || core.every((t) => t.facts.generic || DROPPED_MODIFIERS.has(t.lower)));
    // "a swipe at Klass over her criticism of the plans": past the attack, to what it is over (or of, or on).
    const attack = core[core.length - 1]?.lower ?? '';
    if (ATTACK_HEADS.has(attack) && core.slice(0, -1).every((t) => ATTACK_MODIFIERS.has(t.lower)) && prep >= 0) {
      const over = toks.findIndex((t, i) => i >= prep && t.kind === 'prep' && (t.lower === 'over' || t.lower === 'about'));
      const at = over >= 0 ? over : VERBAL_ATTACKS.has(attack) && ['of', 'on', 'against'].includes(toks[prep]!.lower) ? prep : -1;
      if (at >= 0 && at < toks.length - 1 && !namesOnlyParties(toks.slice(at + 1))) {
        toks = toks.slice(at + 1);
        continue;
      }
    }
    // "talks with Iran": talks whose complement only names parties are the topic, not the parties.
    if (headIsGeneric && core.length === 1 && TALKS_WORDS.has(core[0]!.lower) && prep >= 0 && namesOnlyParties(toks.slice(prep + 1))) break;
    if (headIsGeneric && prep >= 0 && prep < toks.length - 1) {
      if (head.some((t) => t.lower === 'issue' || t.lower === 'issues' || t.lower === 'matter') && toks[0]!.kind === 'det') anaphoric = true;
      toks = toks.slice(prep + 1);
      // "statement to Parliament about the legality of the war": the generic head's addressee is a name; what it is about follows.
      const next = toks.findIndex((t) => t.kind === 'prep');
      const addressee = toks.slice(0, next).filter((t) => t.kind !== 'det');
      if (next > 0 && next < toks.length - 1 && ABOUT_PREPOSITIONS.has(toks[next]!.lower) && addressee.length > 0 && addressee.every((t) => t.kind === 'np' && t.facts.capitalised)) toks = toks.slice(next + 1);
      continue;
    }
    if (headIsGeneric && prep < 0) anaphoric = true;
    break;
  }
  // Keep the head and phrases that define it; cut at other prepositions and keep labels short.
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // "a task force to boost exchanges", "a fund to compensate victims": a purpose defines its noun. Not after a name,
    // whose "to" is its verb's future ("President Kirchner to suspend gas exports", "Microsoft to gather intelligence"),
    // nor with a passive or an adjective after "be" ("software to be patented", "users to be wary"): those are clauses
    // ("ambition to be leader" stays).
    const purpose = t.lower === 'to' && toks[i + 1]?.kind === 'verb' && out.length <= 3 && !passiveAfterBe(toks[i + 1]!, toks[i + 2]) && !(out.length > 0 && out[out.length - 1]!.facts.capitalised);
    // "Traders expect the Federal Reserve to raise interest rates": a name whose "to" is its verb's future names who acts;
    // what the clause is about is the infinitive's object ("interest rates"), when it has one.
    if (t.lower === 'to' && toks[i + 1]?.kind === 'verb' && toks[i + 1]!.lower !== 'be' && !NUMBER_WORDS.has(toks[i + 1]!.lower) && !SMALL_NUMBERS.has(toks[i + 1]!.lower) && out.length > 0 && out.every((x) => x.kind === 'det' || x.facts.capitalised) && lexicalOf(out[out.length - 1]!.facts) === undefined) {
      const object = labelOf(toks.slice(i + 2), changeIn);
      const head = object.tokens[object.tokens.length - 1];
      if (head !== undefined && !head.facts.capitalised && lexicalOf(head.facts) === undefined) return object;
    }
    const defining = (t.lower === 'for' && out.length === 1) || (changeIn && t.lower === 'in' && out.length > 0 && CHANGE_NOUNS.has(out[out.length - 1]!.lower));
    if (t.kind === 'prep' && !purpose && !defining && !LABEL_PREPOSITIONS.has(t.lower) && !(t.lower === 'by' && out.length > 0 && out[out.length - 1]!.lower.endsWith('ed'))) break;
    if (t.kind === 'prep' && out.length >= 5) break;
    // A long quoted title after "of" makes a label unreadable: "joint declaration of '...'" -> "joint declaration".
    if (t.kind === 'prep' && /^["“‘']/.test(toks[i + 1]?.text ?? '') && toks[i + 1]!.text.split(' ').length > 3) break;
    if (out.length >= 9) break;
    out.push(t);
  }
  // A label stops where a clause's verb shows through ("Nowsch shot"), and loses a stray letter or figure (`labelSpan`).
  const [from, to] = labelSpan(out.map((t) => t.text));
  if (to < out.length) out.splice(to);
  if (from > 0) out.splice(0, from);
  while (out.length > 0 && out[out.length - 1]!.kind !== 'np') out.pop();
  // "the ruling", "the deal": a definite event noun on its own points back to the topic before.
  // "The decision by the law lords on detention" names its own event: a complement saying what it is about says which
  // one ("the agreement by the G8" only says whose, and still points back).
  if (out.length === 1 && EVENT_NOUNS.has(out[0]!.lower) && chunk[chunk.indexOf(out[0]!) - 1]?.lower === 'the' && !chunk.slice(chunk.indexOf(out[0]!) + 1).some((t) => t.kind === 'prep' && ABOUT_PREPOSITIONS.has(t.lower))) anaphoric = true;
  // "quotas on its steel exports" -> "quotas on steel exports".
  const shown = out.filter((t, i) => !(t.kind === 'det' && POSSESSIVE_DETERMINERS.has(t.lower) && i > 0 && out[i - 1]!.kind === 'prep'));
  const label = shown
    .map((t) => t.text)
    .join(' ')
    .replace(/["“”]/g, "'")
    .replace(/\s+,/g, ',');
  return { label, tokens: out, shown, anaphoric };
}

/** "be patented", "be wary", "be directed by": "be" with a participle or a word the lexicon never has as a noun. */
function passiveAfterBe(be: Token, next: Token | undefined): boolean {
  if (be.lower !== 'be' || next === undefined) return false;
  return next.facts.endsEd || /en$/.test(next.lower) || (next.facts.startsLowerAscii && lexicalOf(next.facts) !== undefined);
}

/**
 * Nouns of a change in an amount: what changes follows "in" and is the topic's substance ("a rise in national
 * insurance", "cuts in public spending", "a fall in unemployment"), so a lone "rise" is relabelled with it
 * (`fullerLabel`). Only there: as a candidate's own label the longer phrase changes which topics are listed.
 */
const CHANGE_NOUNS = new Set(
  'rise rises increase increases cut cuts fall falls drop drops reduction reductions decline declines hike hikes jump surge slump slowdown growth boost change changes'.split(' '),
);

/** Prepositions that say what a statement, letter or question is about. */
const ABOUT_PREPOSITIONS = new Set(['about', 'over', 'on', 'regarding', 'concerning']);

/** Counts in words, dropped from a label's front like a figure ("eight holidays" -> "holidays"). */
const SMALL_NUMBERS = new Set(['one', 'two', 'three']);
const NUMBER_WORDS = new Set('four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds dozen dozens'.split(' '));

/** "New York Toy Fair", "Top Gear": a capitalised modifier before another capitalised word begins a name, kept whole. */
function startsName(toks: readonly Token[]): boolean {
  return toks[0]!.facts.capitalised && toks[1]!.kind === 'np' && toks[1]!.facts.capitalised;
}

interface Clause {
  text: string;
  start: number;
  sentence: number;
  /** Joins the previous clause's topic ("which are that ...", "and that ..."). */
  dependent: boolean;
  /** A coordinated verb phrase ("..., work to settle Y"): it shares the stance of the verb that governs it. */
  coordinated: boolean;
  /** Its length in the sentence up to the next clause, with the quotation blanked out at its end ("says that: \"...\""). */
  span: number;
}

const ATTRIBUTION_RE = /\b(?:said|says|told|tells|added|adds|according to|explained|insisted|warned|asked|wrote)\b/i;
const PREPOSITION_BEFORE_RE = /\b(?:at|of|for|from|in|with|by|to|against|on)\s+(?:the\s+)?$/i;
const POSSESSIVE_DETERMINERS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
/**
 * At least five runs of non-space characters: `/^\s*(?:\S+\s+){4}\S/.test(text)` (the tests hold it to that),
 * by a character loop that stops at the fifth.
 */
export function hasFiveWords(text: string): boolean {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    if (isWhitespace(text.charCodeAt(i))) inRun = false;
    else if (!inRun) {
      inRun = true;
      if (++runs === 5) return true;
    }
  }
  return false;
}
const COPULAS = new Set(['remain', 'remains', 'remained', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'become', 'becomes', 'became', 'mentioned', 'discussed']);
const FRONTED_SUBORDINATE_RE = /^\s*(?:also,?\s+|and\s+|but\s+)?(?:as|while|when|after|although|though|because|if|since|despite|amid|before|once)\b/i;
const FRONTED_COMMA_RE = /,["”’']?\s+(?!and\b|but\b|or\b|\.)/g;

function splitClauses(s: Sentence, narrative: string): Clause[] {
  const out: Clause[] = [];
  let last = 0;
  let dependent = false;
  let coordinated = false;
  const cuts: Array<{ at: number; end: number; dependent: boolean; coordinated: boolean }> = [];
  for (const re of [CLAUSE_BOUNDARY_RE, COORDINATED_VERB_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(narrative); m !== null; m = re.exec(narrative)) {
      if (re === COORDINATED_VERB_RE) {
        const verb = m[1]!.toLowerCase();
        const space = verb.indexOf(' ');
        if (!COORDINATED_VERBS.has(verb) && (space < 0 || !COORDINATED_VERBS.has(verb.slice(0, space)))) continue;
        // "..., said council leader Margaret Hughes": the speaker closing the clause is not a verb phrase of its own.
        if (INVERTED_SAYING.has(verb) && invertedAttributionAt(narrative, m.index)) continue;
      }
      const after = narrative.slice(m.index + m[0].length - (re === COORDINATED_VERB_RE ? m[1]!.length : 0), m.index + m[0].length + 12).toLowerCase();
      const baseVerb = re === COORDINATED_VERB_RE && !/^\w+ed\b/.test(after) && !/^(?:said|held|built|kept|sought|met|led|ran|took|made|gave|got|went|came|brought|thought|knew|saw|won|lost|fought|found|struck)\b/.test(after);
      const end = re === COORDINATED_VERB_RE ? m.index + m[0].length - m[1]!.length : m.index + m[0].length;
      cuts.push({ at: m.index, end, dependent: /^(?:which|that)\b/.test(after), coordinated: baseVerb });
    }
  }
  // "As the two countries celebrate X, the diplomats shared Y": a fronted subordinate clause ends at its comma.
  const fronted = FRONTED_SUBORDINATE_RE.exec(narrative);
  if (fronted) {
    FRONTED_COMMA_RE.lastIndex = fronted[0].length;
    const comma = FRONTED_COMMA_RE.exec(narrative);
    // Keep a closing quote mark with the first clause: `declaration of "a new partnership,"`.
    if (comma) cuts.push({ at: comma.index + (/^,["”’']/.test(comma[0]) ? 2 : 0), end: comma.index + comma[0].length, dependent: false, coordinated: false });
  }
  cuts.sort((a, b) => a.at - b.at);
  // "promised a \"firm but fair\" policy": a short quoted phrase left in the narrative is one phrase, not two clauses.
  const phrases = cuts.length > 0 ? shortQuotedPhrases(narrative) : NO_PHRASES;
  let p = 0;
  for (const c of cuts) {
    if (c.at < last) continue;
    while (p < phrases.length && phrases[p]![1] <= c.at) p++;
    if (p < phrases.length && phrases[p]![0] < c.at) continue;
    const raw = narrative.slice(last, c.at);
    const text = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    if (text) out.push({ text, start: s.start + last + lead, sentence: s.index, dependent, coordinated, span: raw.length - lead });
    last = c.end;
    dependent = c.dependent;
    coordinated = c.coordinated;
  }
  const restRaw = narrative.slice(last);
  const rest = restRaw.trim();
  const lead = restRaw.length - restRaw.trimStart().length;
  if (rest) out.push({ text: rest, start: s.start + last + lead, sentence: s.index, dependent, coordinated, span: restRaw.length - lead });
  return out;
}

/** A quoted phrase this long or shorter (in characters, marks included) is a phrase of the sentence, not speech. */
const SHORT_QUOTED_PHRASE = 60;

const NO_PHRASES: ReadonlyArray<readonly [number, number]> = [];

/** The [start, end) of the short phrases between double quote marks in `text`, in order: one pass, after a native search for any mark. */
function shortQuotedPhrases(text: string): ReadonlyArray<readonly [number, number]> {
  if (text.indexOf('"') < 0 && text.indexOf('\u201c') < 0 && text.indexOf('\u201d') < 0) return NO_PHRASES;
  const out: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x22 && c !== 0x201c && c !== 0x201d) continue;
    if (open < 0 && c !== 0x201d) open = i;
    else if (open >= 0 && c !== 0x201c) {
      if (i + 1 - open <= SHORT_QUOTED_PHRASE) out.push([open, i + 1]);
      open = -1;
    } else open = i;
  }
  return out;
}

function combine(a: Stance, b: Stance | null): Stance {
  if (!b || a === b) return a;
  if (a === 'statement') return b;
  if (b === 'statement') return a;
  if ((a === 'agreement' && b === 'disagreement') || (a === 'disagreement' && b === 'agreement') || a === 'mixed' || b === 'mixed') return 'mixed';
  if (a === 'request') return b;
  return a;
}

/**
 * The single party a clause's subject names, if any: a participant, a named person, a place or demonym, or an
 * organisation. The subject is what comes before the clause's first verb (the whole clause when it has none:
 * "The Oxford Food Bank" cut off by ", which ..."). A person named in the subject outranks a place that only
 * modifies their title ("Scottish National Party campaign director Angus Robertson insisted" is Robertson's
 * stand, not Scotland's), and of several people the one named last, next to the verb, is the subject's head.
 * `personOnly` asks for a person alone (what "he" or "she" can point back to);
 * `verbless` reads a clause with no verb as all subject.
 */
function subjectParty(tokens: readonly Token[], clauseText: string, clauseStart: number, ctx: IssueContext, how: { personOnly?: boolean; verbless?: boolean; gender?: 'm' | 'f' } = {}): string | null {
  const personOnly = how.personOnly === true;
  const found = tokens.findIndex((t) => t.kind === 'verb');
  if (found === 0 || (found < 0 && !how.verbless)) return null;
  const verb = found < 0 ? tokens.length : found;
  if (verb === 0) return null;
  const subject = tokens
    .slice(0, verb)
    .filter((t) => t.kind !== 'conj')
    .map((t) => t.text)
    .join(' ');
  if (/\b(?:two|both|and)\b/i.test(subject)) return null;
  const lower = subject.toLowerCase();
  if (!personOnly) {
    for (const p of ctx.participants ?? []) {
      if ([p.name, ...p.aliases].some((n) => new RegExp(`\\b${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower))) return p.side ?? p.name;
    }
  }
  const subjectEnd = found < 0 ? clauseStart + clauseText.length : clauseStart + clauseText.indexOf(tokens[verb]!.text);
  // "Ms Robinson revealed that Mr Howard was much loved - although she denied ...": "he"/"she" just before the verb
  // (past an adverb) is its subject: when the last person named has the other gender, it is the last one named of its own.
  let pron = verb - 1;
  while (pron > 0 && tokens[pron]!.kind === 'adv') pron--;
  const pronoun = found > 0 && pron > 0 ? tokens[pron]!.lower : '';
  const pointed: 'm' | 'f' | undefined = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : undefined;
  const mentions = ctx.mentions ?? [];
  let organisation: string | null = null;
  let person: Mention | null = null;
  let pronounPerson: Mention | null = null;
  // Mentions come in text order: start at the first one in the clause, stop after the subject (a scan of all
  // of them for every clause grew with the square of the text's length).
  for (let k = firstMentionFrom(mentions, clauseStart); k < mentions.length && mentions[k]!.start < subjectEnd; k++) {
    const m = mentions[k]!;
    if (m.end > subjectEnd) continue;
    // "Rail workers at Northern Trains walked out": a name inside a prepositional phrase is not the subject.
    const rel = m.start - clauseStart;
    if (PREPOSITION_BEFORE_RE.test(clauseText.slice(Math.max(0, rel - 16), Math.max(0, rel)))) continue;
    // "Tsarnaev's defense attorney Judy Clarke conceded": a possessive modifies the subject; the head comes last.
    const after = m.end - clauseStart;
    if (/^['’]s\b/.test(clauseText.slice(after, after + 3))) continue;
    // "Tsarnaev lawyer keeps ...", "The Manchester United assistant manager told ...": a name followed by a
    // common noun modifies the subject's head (an organisation's own kind or spokesman still speaks for it).
    if (modifiesNoun(clauseText.slice(after, after + 24), m.kind === 'organization', found < 0 ? '' : tokens[found]!.lower)) continue;
    if (m.kind === 'person' && !(how.gender && m.gender && m.gender !== how.gender)) person = m;
    if (m.kind === 'person' && pointed && m.gender === pointed) pronounPerson = m;
    if (m.kind === 'organization' && organisation === null) organisation = m.name;
  }
  if (pronounPerson !== null && person !== null && person.gender !== pointed) person = pronounPerson;
  if (person !== null) return ctx.names ? ctx.names.canonical(person.name, person.start) : person.name;
  if (personOnly) return null;
  const parties = partiesMentioned(subject);
  if (parties.length === 1) return parties[0]!;
  return organisation ?? institutionNamed(subject, mentions, ctx) ?? roleGroup(subject);
}

/**
 * Bodies that court and crime news cites by role alone, each one side of the story: "prosecutors said she married men from
 * ...", "jurors found him guilty", "Police said they did not support the group's actions".
 */
const ROLE_GROUPS = new Set(['police', 'prosecutors', 'prosecution', 'jurors', 'jury', 'detectives', 'investigators']);

/**
 * The role a subject of one role-group noun, with "the" at most, names ("the jury", "Prosecutors"), or null; a phrase
 * fronted with a comma is not the subject ("In court today, prosecutors said ...").
 */
function roleGroup(subject: string): string | null {
  const m = /^(?:the\s+)?([a-z]+)$/i.exec(subject.slice(subject.lastIndexOf(',') + 1).trim());
  const word = m?.[1]!.toLowerCase();
  return word !== undefined && ROLE_GROUPS.has(word) ? word : null;
}

/**
 * A clause that closes on its speaker: "Tony Blair should set out an exit strategy, Lib Dem leader Charles Kennedy
 * has said", "Labour has broken its promise, the Tories have claimed". The words before the comma are what the
 * speaker holds; their subject is who it is about.
 */
const TRAILING_ATTRIBUTION_RE = /,["”’']?\s+((?:[^,;:"“”]){2,90}?)\s+(?:has\s+|have\s+|had\s+)?(?:said|says?|claimed|claims?|warned|warns?|argued|argues?|insisted|insists?|added|admitted|stressed|suggested|announced|believes?|told\s+[^,;:"“”]{1,40})\s*[.!?]?["”’']?\s*$/i;

/**
 * The same with the verb first, as news writes it as often: "The levy will fund repairs to the bus station, said
 * council leader Margaret Hughes, who proposed it", "Turnout fell in every region, says the Electoral Commission".
 * What follows the verb is the speaker (and who they are), not a pronoun and its verb ("..., said he would go").
 */
const INVERTED_SAYING = new Set(['said', 'says', 'added', 'claimed', 'warned', 'argued', 'insisted', 'explained']);
const INVERTED_ATTRIBUTION_RE = /,["”’']?\s+(?:said|says|added|claimed|warned|argued|insisted|explained)\s+(?!(?:he|she|it|they|we|i|that|this|there|to)\b)((?:[^,;:"“”]){2,90}?)(?:,\s+(?:who|whose|which)\b[^;:"“”]*)?\s*[.!?]?["”’']?\s*$/i;

/**
 * `INVERTED_ATTRIBUTION_RE`'s match when what follows the verb reads as a speaker: a capitalised name or title in it
 * and no auxiliary ("..., insisted the ban was unfair" is a stand, not a speaker).
 */
export function invertedAttribution(text: string): RegExpExecArray | null {
  const m = INVERTED_ATTRIBUTION_RE.exec(text);
  if (!m || !/\p{Lu}/u.test(m[1]!) || tokenize(m[1]!).some((t) => t.kind === 'aux')) return null;
  return m;
}

/** `INVERTED_ATTRIBUTION_RE` tried at one position only (sticky). */
const INVERTED_ATTRIBUTION_AT_RE = new RegExp(INVERTED_ATTRIBUTION_RE.source, 'iy');

/**
 * Whether `text` from `at` to its end is a closing "..., said X" that reads as a speaker (`invertedAttribution` of
 * `text.slice(at)` matching at its start), tried at `at` alone: searching the rest of the text from every such verb made
 * a long sentence of them quadratic.
 */
export function invertedAttributionAt(text: string, at: number): boolean {
  INVERTED_ATTRIBUTION_AT_RE.lastIndex = at;
  const m = INVERTED_ATTRIBUTION_AT_RE.exec(text);
  return m !== null && /\p{Lu}/u.test(m[1]!) && !tokenize(m[1]!).some((t) => t.kind === 'aux');
}

/**
 * The party of a clause's closing "..., X has said" (`TRAILING_ATTRIBUTION_RE`) or "..., said X"
 * (`INVERTED_ATTRIBUTION_RE`) and where the words it holds end, or null when the clause has none. The party is null
 * when the speaker is named by no party ("..., his family has announced"): the clause's own subject
 * ("Former minister Nicholas Scott died ...") is then still not the one who says it.
 */
function trailingSpeaker(clauseText: string, clauseStart: number, ctx: IssueContext): { party: string | null; contentEnd: number; inverted: boolean } | null {
  if (clauseText.length < 30) return null;
  const m = TRAILING_ATTRIBUTION_RE.exec(clauseText);
  const inverted = m === null ? invertedAttribution(clauseText) : null;
  const found = m ?? inverted;
  if (!found) return null;
  const at = found.index + found[0].lastIndexOf(found[1]!);
  const tail = inverted ? clauseText.slice(at, at + found[1]!.length) : clauseText.slice(found.index + found[0].indexOf(found[1]!));
  const tokens = tokenize(tail);
  const party = subjectParty(tokens, tail, clauseStart + (inverted ? at : clauseText.length - tail.length), ctx, { verbless: inverted !== null });
  // "..., she said", "..., its chief executive has said": the pronoun points back, most often at the clause's own
  // subject, who then holds it as before (a firm's officer speaks for the firm).
  if (party === null && /^(?:he|she|they|it|we|i|its|their)\s/i.test(tail)) return null;
  return { party, contentEnd: found.index, inverted: inverted !== null };
}

/** Common nouns for a body that the story names in full elsewhere ("the university" for "Drexel University"). */
const INSTITUTION_NOUNS = new Set(
  'university college school district council company firm club church hospital department ministry agency court union charity trust bank board airline network commission foundation'.split(' '),
);

/**
 * "The university said ...", "The judge ruled ...": a subject that is "the" and one common noun stands for the
 * one name of the story that it describes: a body whose name has the word ("Drexel University", "Davis School
 * District") or a person given it as a title ("Judge Stephen Kramer"). With none, or several, it stays unnamed.
 */
function institutionNamed(subject: string, mentions: readonly Mention[], ctx: IssueContext): string | null {
  const m = /^the\s+([a-z]+)$/i.exec(subject.trim());
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const body = INSTITUTION_NOUNS.has(word);
  let found: string | null = null;
  for (const x of mentions) {
    const named = x.kind === 'person' ? x.role !== null && x.role.toLowerCase().split(/\s+/).includes(word) : body && x.name.toLowerCase().split(/\s+/).includes(word);
    if (!named) continue;
    const name = x.kind === 'person' && ctx.names ? ctx.names.canonical(x.name, x.start) : x.name;
    if (found !== null && found !== name) return null;
    found = name;
  }
  return found;
}

/**
 * Whether the clause's first verb is a participle in the passive ("Barrientos is accused of accepting money",
 * "was asked to leave"): its subject is the one acted on, so neither a cue in it nor a saying verb later in it
 * ("..., prosecutors say") is a stand of the subject's.
 */
function passiveVerb(tokens: readonly Token[]): boolean {
  const v = tokens.findIndex((t) => t.kind === 'verb');
  if (v <= 0) return false;
  let a = v - 1;
  while (a > 0 && tokens[a]!.kind === 'adv') a--;
  const aux = tokens[a]!;
  return aux.kind === 'aux' && PASSIVE_AUXILIARIES.includes(aux.lower) && (tokens[v]!.facts.endsEd || tokens[v]!.lower === 'sought' || tokens[v]!.lower === 'told');
}

/** Verbs that name a thing in the speaker's words: "called the plate 'malicious mockery'". */
const NAMING_VERBS = new Set(['called', 'calls', 'branded', 'brands', 'dubbed', 'dubs', 'described', 'describes']);
const NAMING_PARTICIPLES = new Set(['calling', 'branding', 'dubbing', 'describing']);
/** Participles by which a named person's words ride on another clause: "with Alicia Castro saying ...". */
const SAYING_PARTICIPLES = new Set(['saying', 'insisting', 'arguing', 'claiming', 'warning', 'accusing', 'calling', 'branding', 'dubbing', 'describing']);

function isQuoteMark(c: number): boolean {
  return c === 39 || c === 34 || c === 0x2018 || c === 0x201c;
}

/**
 * Whether the clause names something in someone's quoted words: a naming verb ("The Economist called Clinton's
 * stance 'cautious to the point of cowardice'") or a naming participle after a name ("Alicia Castro calling the
 * plate 'malicious mockery'") with a quotation after it; 'participle' also for a saying participle right after
 * a capitalised name ("with the ambassador Alicia Castro saying it was an insult"). Null otherwise.
 */
function namesItQuoted(tokens: readonly Token[]): 'verb' | 'participle' | null {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "a girl called Amy" names no one's words: only the clause's own verb does.
    const naming = NAMING_VERBS.has(t.lower) && t.kind === 'verb' && tokens.findIndex((x) => x.kind === 'verb') === i ? 'verb' : SAYING_PARTICIPLES.has(t.lower) && tokens[i - 1]!.facts.capitalised ? 'participle' : null;
    if (naming === null) continue;
    if (naming === 'participle' && !NAMING_PARTICIPLES.has(t.lower)) return naming;
    for (let j = i + 1; j < tokens.length; j++) if (isQuoteMark(tokens[j]!.text.charCodeAt(0)) && tokens[j]!.text.length > 2) return naming;
  }
  return null;
}

/** Where in the clause the saying participle after a name starts (0 when there is none). */
function participleAt(tokens: readonly Token[], clauseText: string): number {
  const at = tokens.findIndex((t, i) => i > 0 && SAYING_PARTICIPLES.has(t.lower) && tokens[i - 1]!.facts.capitalised);
  if (at < 0) return 0;
  const rel = clauseText.indexOf(` ${tokens[at]!.text}`);
  return rel < 0 ? 0 : rel + 1;
}

/** The person or organisation named right before a saying participle ("Argentina's ambassador Alicia Castro calling ..."). */
function participleSpeaker(tokens: readonly Token[], clauseText: string, clauseStart: number, ctx: IssueContext): string | null {
  const rel = participleAt(tokens, clauseText) - 1;
  if (rel < 0) return null;
  const mentions = ctx.mentions ?? [];
  for (let k = firstMentionFrom(mentions, clauseStart); k < mentions.length && mentions[k]!.start < clauseStart + rel; k++) {
    const m = mentions[k]!;
    if (m.end !== clauseStart + rel) continue;
    if (m.kind === 'person') return ctx.names ? ctx.names.canonical(m.name, m.start) : m.name;
    if (m.kind === 'organization') return m.name;
  }
  return null;
}

/** Nouns after an organisation's name that still make it the speaker: its kind ("the RMT union") or its voice. */
const SPEAKS_FOR = new Set(
  'spokesman spokeswoman spokesperson spokespeople statement union party group council government committee board campaign charity company firm team club network trust authority office department ministry agency'.split(' '),
);

/** Whether the text right after a name opens on a lower-case noun (not the clause's verb, an auxiliary or an adverb): the name is a modifier. */
function modifiesNoun(after: string, organisation: boolean, verb: string): boolean {
  const m = /^ ([a-z][a-z-]*)/.exec(after);
  if (m === null || m[1] === verb) return false;
  const f = wordFacts(m[1]!);
  // A word in -s may be the verb itself ("Smith attacks Labour"), so it is never read as the noun.
  if (f.lower.endsWith('s') || f.closed !== undefined || f.isVerbWord || f.lyAdverb || lexicalOf(f) !== undefined) return false;
  return !(organisation && SPEAKS_FOR.has(f.lower));
}

/** A clause that names its own subject, kept so a later clause without one can read it. */
interface SubjectClause {
  tokens: readonly Token[];
  text: string;
  start: number;
  /** A relative clause ("which ...", "who ...") came right after it. */
  relative: boolean;
}

/**
 * How a main clause opens: on its verb ("insisted it was untrue", "and urged caution"), on "he" or "she"
 * followed by a verb ("He denied all of the charges"), or otherwise (it names its own subject).
 */
function openingOf(tokens: readonly Token[]): 'verb' | 'he' | 'she' | 'other' {
  let i = 0;
  while (i < tokens.length && (tokens[i]!.kind === 'conj' || tokens[i]!.kind === 'adv')) i++;
  const t = tokens[i];
  if (t === undefined) return 'other';
  if (t.kind === 'verb') return 'verb';
  if (t.lower !== 'he' && t.lower !== 'she') return 'other';
  // "He also criticised", "She later told": an adverb may stand between the pronoun and its verb.
  let j = i + 1;
  while (j < tokens.length && (tokens[j]!.kind === 'adv' || tokens[j]!.kind === 'conj')) j++;
  const next = tokens[j];
  return next !== undefined && (next.kind === 'verb' || next.kind === 'aux') ? t.lower : 'other';
}

/**
 * The subject a verb-initial clause shares with the clause before it in its sentence: "Andy Wilman, who this
 * week announced he was resigning, insisted it was untrue" and "The Oxford Food Bank, which is independent,
 * urged caution" are cut at the relative clause, and "Duncan Smith questioned the numbers ... and insisted"
 * at the coordinated verb; the stand is the named subject's.
 */
function carriedSubject(carrier: SubjectClause | null, ctx: IssueContext): string | null {
  if (carrier === null) return null;
  // "Senator Paul Grant, who chairs the budget committee, warned": the relative clause may stay inside the subject's.
  const relative = carrier.relative || carrier.tokens.some((t, i) => i > 0 && (t.lower === 'who' || t.lower === 'which'));
  return subjectParty(carrier.tokens, carrier.text, carrier.start, ctx, { verbless: relative });
}

/**
 * The person "he" or "she" opening a clause points back to: the person named as the subject of the sentence's
 * main clause before it, else of the previous sentence's first ("Ahmed was indicted on charges of lying. He has
 * pleaded not guilty"), when their gender is unknown or the pronoun's. Never a place or an organisation.
 */
function pointedSubject(clause: SubjectClause | null, pronoun: 'he' | 'she', ctx: IssueContext): string | null {
  return clause === null ? null : subjectParty(clause.tokens, clause.text, clause.start, ctx, { personOnly: true, gender: pronoun === 'he' ? 'm' : 'f' });
}

interface Topic {
  order: number;
  parties: Set<string>;
  label: string;
  stems: Set<string>;
  stance: Stance;
  positions: IssuePosition[];
  sentences: number[];
  /** The label's signature: content stems in concept classes, places as their parties ("@Japan"). */
  sig: Signature;
  /** The label's head names a relationship ("ties", "relations", "partnership"). */
  relations: boolean;
  /** Every clause the topic was given: what its sentences say about it (signatures made when a merge rule asks). */
  clauses: string[];
  /** Signature of `clauses`, once asked for. */
  clauseSigMemo: Set<string> | null;
  /** The whole noun phrase the label came from, with the complements the label leaves out ("... for future partnerships"). */
  phrase: string;
  /** The parties its label and first clause name: whose relationship a "ties" topic is about. */
  ownParties: () => Set<string>;
  /** The topic this one was merged into, if any. */
  into: Topic | null;
  /** How many of its clauses carry a stance cue. */
  cued: number;
  /** How many of them name both sides of a difference (a denial, a not-guilty plea, a dispute). */
  twoSided: number;
  /**
   * Its label is one word that names no topic alone ("father", "place", "saying": `isWeakAlone`): it takes
   * the label of a fuller topic merged into it, and is never listed under its own.
   */
  weak: boolean;
  /**
   * A clause given to it has a cue word, whatever its context makes of it ("did not oppose", "wants to"):
   * what makes a candidate salient and a story one of debate, while `stance` says what the cues mean.
   */
  worded: boolean;
  /** The positions its own clauses stated, with their sentence and clause (for `placeStrayPositions`). */
  stated: Array<{ position: IssuePosition; sentence: number; clause: string }>;
}

interface Signature {
  /** Content stems (concept classes for the few words news uses interchangeably) and "@Party" for places. */
  all: Set<string>;
  /** How many of them are words rather than parties. */
  words: number;
}

/**
 * Words that news uses for the same kind of topic: "summits with North Korea" and "diplomacy with
 * Pyongyang" are one topic, so are "Seoul-Tokyo ties" and "a relationship that looks to the future".
 */
const CONCEPT_CLASSES: ReadonlyMap<string, string> = new Map(
  [
    ['#talks', 'summit summits talks negotiation negotiations diplomacy dialogue'],
    ['#relations', 'tie ties relation relations relationship relationships partnership partnerships'],
  ].flatMap(([cls, words]) => words!.split(' ').map((w) => [stem(w), cls!] as const)),
);
/** Words that say nothing about what a topic is, in signatures (a topic's few defining words count). */
const SIGNATURE_SKIP = new Set([...GENERIC, ...DROPPED_MODIFIERS, ...ROLE_WORDS, ...TIME_AND_PARTICLES].filter((w) => !['future', 'cooperation', 'talks', 'people'].includes(w)));
const SIGNATURE_WORD_RE = /\p{L}[\p{L}\p{N}'’-]*/gu;

// A topic's clauses are signed again each time a merge resets its memo, and labels recur: signatures are
// remembered by text (bounded). Callers only read them, so one object can be shared; results never change.
const SIGNATURES = new BoundedMemo<string, Signature>(20_000, signatureUncached);

/** The signature of a label or clause: its content words stemmed into concept classes, places mapped to their parties. */
function signatureOf(text: string): Signature {
  return SIGNATURES.get(text);
}

function signatureUncached(text: string): Signature {
  const all = new Set<string>();
  let rest = text;
  // Parties are named with capitals: most labels have none, and skip the gazetteer scan.
  if (UPPER_RE.test(text)) {
    // The party names blanked in one pass (partyMentions gives them in order, apart): a copy of the text for each
    // made a long clause full of them quadratic.
    const mentions = partyMentions(text);
    if (mentions.length > 0) {
      const pieces: string[] = [];
      let from = 0;
      for (const m of mentions) {
        all.add(`@${m.party}`);
        pieces.push(text.slice(from, m.start), ' '.repeat(m.end - m.start));
        from = m.end;
      }
      pieces.push(text.slice(from));
      rest = pieces.join('');
    }
  }
  const parties = all.size;
  SIGNATURE_WORD_RE.lastIndex = 0;
  for (let m = SIGNATURE_WORD_RE.exec(rest); m !== null; m = SIGNATURE_WORD_RE.exec(rest)) {
    if (m[0].length < 3) continue;
    let w = m[0].toLowerCase();
    if (w.includes('’')) w = w.replace(/’/g, "'");
    w = stripPossessive(w);
    if (w.endsWith('-')) w = w.replace(/-+$/, '');
    if (w.length < 3 || CLOSED_CLASS.has(w) || VERBS.has(w) || STOPWORDS.has(w) || SIGNATURE_SKIP.has(w)) continue;
    const st = stem(w);
    all.add(CONCEPT_CLASSES.get(st) ?? st);
  }
  return { all, words: all.size - parties };
}

const UPPER_RE = /\p{Lu}/u;
const RELATION_WORD_RE = /\b(?:ties?|relations?|relationships?|partnerships?)\b/i;

/** The label's head (the last word before its first preposition or relative clause) names a relationship. */
function relationsHead(label: string): boolean {
  if (!RELATION_WORD_RE.test(label)) return false;
  const words = label.toLowerCase().split(/\s+/);
  let end = words.findIndex((w, i) => i > 0 && (PREPOSITIONS.has(w) || w === 'that' || w === 'which'));
  if (end < 0) end = words.length;
  const head = words[end - 1]?.replace(/[^a-z-]/g, '') ?? '';
  return CONCEPT_CLASSES.get(stem(head.split('-').pop() ?? '')) === '#relations';
}

function isWordOrHyphen(cp: number): boolean {
  return isLetterOrNumber(cp) || cp === 45;
}

/** Stems of the label's words (runs of letters, digits and hyphens) of three characters or more, function words left out. */
export function stemsOf(label: string): Set<string> {
  const out = new Set<string>();
  const lower = label.toLowerCase();
  let i = 0;
  while (i < lower.length) {
    const start = i;
    while (i < lower.length && isWordOrHyphen(codePointAt(lower, i))) i += widthOf(codePointAt(lower, i));
    if (i === start) {
      i += widthOf(codePointAt(lower, i));
      continue;
    }
    const w = lower.slice(start, i);
    if (w.length < 3 || DETERMINERS.has(w) || PREPOSITIONS.has(w) || CONJUNCTIONS.has(w)) continue;
    out.add(stem(w));
  }
  return out;
}

/**
 * `stemsOf` the label those tokens show (their texts joined by spaces; the label's other changes touch
 * only marks), from each word's stems, worked out once per distinct word instead of once per label.
 */
export function labelStems(shown: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of shown) for (const x of (t.facts.stems ??= [...stemsOf(t.text)])) out.add(x);
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

/** Replaces quoted speech with spaces so offsets still line up; `from` is the first quote that may overlap. */
export function narrativeOf(s: Sentence, quotes: readonly QuoteSpan[], from: number): string {
  const text = s.text;
  // Built in one pass (the quotes come in order of start): a copy of the sentence for each quote made a long sentence
  // full of quotes quadratic.
  let pieces: string[] | null = null;
  let cursor = 0;
  for (let k = from; k < quotes.length && quotes[k]!.start < s.end; k++) {
    const q = quotes[k]!;
    if (q.end <= s.start) continue;
    const a = Math.max(q.start - s.start, 0, cursor);
    const b = Math.min(q.end, s.end) - s.start;
    if (b <= a) continue;
    pieces ??= [];
    pieces.push(text.slice(cursor, a), ' '.repeat(b - a));
    cursor = b;
  }
  if (pieces === null) return text;
  pieces.push(text.slice(cursor));
  return pieces.join('');
}

/** The topics of a story in document order. */
export function extractIssues(sentences: readonly Sentence[], ctx: IssueContext = {}): Issue[] {
  const topics: Topic[] = [];
  const quotes = ctx.quotes ?? [];
  const named = namedTokens(ctx);
  let previous: Topic | null = null;
  let previousSentence = -1;
  let quoteFrom = 0;
  let previousOpener: SubjectClause | null = null;
  let openerSentence = -2;
  // Topics by stem, so finding a near-duplicate label does not scan every topic.
  const byStem = new Map<string, Topic[]>();
  /** The earliest of the latest topics sharing a stem (bounded work per clause on long texts) that `fits`. */
  const earliestFor = (stems: Set<string>, fits: (t: Topic) => boolean): Topic | null => {
    let best: Topic | null = null;
    for (const x of stems) {
      const list = byStem.get(x);
      if (!list) continue;
      for (let i = Math.max(0, list.length - 32); i < list.length; i++) {
        const t = list[i]!;
        if ((best === null || t.order < best.order) && fits(t)) best = t;
      }
    }
    return best;
  };
  for (const s of sentences) {
    while (quoteFrom < quotes.length && quotes[quoteFrom]!.end <= s.start) quoteFrom++;
    const narrative = narrativeOf(s, quotes, quoteFrom);
    const hadQuote = narrative !== s.text;
    // A headline (a first line with no closing punctuation) repeats what the story says and has no stance of its own.
    if (s.index === 0 && !/[.!?"'”’)]\s*$/.test(s.text) && sentences.length > 3) continue;
    // A photo caption names who stands where, not what the story is about.
    if (pointsAtPhoto(s.text)) continue;
    if (!hasFiveWords(narrative)) {
      // "He urged ... \"We should ...\" He also criticised ...": a sentence of quotation alone keeps "he" pointing at the speaker before it.
      if (hadQuote && openerSentence === s.index - 1) openerSentence = s.index;
      continue;
    }
    let sentenceTopic: Topic | null = null;
    // The sentence's last main clause that names its own subject, and the first: what a clause that opens on
    // its verb ("..., insisted it was untrue") or on "he"/"she" (the sentence after) points back to.
    let carrier: SubjectClause | null = null;
    let opener: SubjectClause | null = null;
    let lastWasCarrier = false;
    // The sentence opens on "he"/"she" before naming anyone: the person it points back to stays the one a later "he" means.
    let pronounLed = false;
    const lastOpener: SubjectClause | null = openerSentence === s.index - 1 ? previousOpener : null;
    let governingStance: Stance | null = null;
    let governingWorded = false;
    // "The two also said it is vital to communicate,... including sharing details of X": a clause with no
    // topic of its own that opens a sentence leads into the topic its "including ..." names, not the one before.
    const pending: Array<{ stance: Stance | null; twoSided: boolean; worded: boolean; party: string | null; text: string; written: string; tokens: Token[]; from: number }> = [];
    const before: Topic | null = previousSentence >= s.index - 2 ? previous : null;
    for (const clause of splitClauses(s, narrative)) {
      const tokens = tokenize(clause.text);
      // Whether the clause names its own subject, read before any clause is passed over (a bare "The Oxford Food
      // Bank" cut off by ", which ..." is still the subject of what follows).
      const opening = clause.dependent ? 'other' : openingOf(tokens);
      if (opener === null && !pronounLed && (opening === 'he' || opening === 'she')) pronounLed = true;
      const subjectBefore = carrier;
      // "The Oxford Food Bank, which is independent of the network, urged caution": a subject with no verb of its
      // own is one only when a relative clause follows it.
      if (clause.dependent && carrier !== null && lastWasCarrier) carrier.relative = true;
      lastWasCarrier = !clause.dependent && opening === 'other';
      if (lastWasCarrier) {
        carrier = { tokens, text: clause.text, start: clause.start, relative: false };
        opener ??= carrier;
      }
      // The clause as written, its quotation included: a position reads "would 'watch every roster' to make sure",
      // not "would to make sure".
      const written = s.text.slice(clause.start - s.start, clause.start - s.start + clause.span).trimEnd();
      // What is left of a sentence once its quotation is removed is mostly "X told reporters".
      if (hadQuote && ATTRIBUTION_RE.test(clause.text) && tokens.filter((t) => t.kind !== 'punct').length <= 12) continue;
      if (!tokens.some((t) => t.kind === 'verb' || t.kind === 'aux') && tokens.length < 4) continue;
      const cues = clauseCues(clause.text);
      const twoSided = cues.twoSided;
      const stance: Stance | null = cues.stance ?? (clause.coordinated ? governingStance : null);
      const worded: boolean = cues.patterns !== null || (clause.coordinated && governingWorded);
      if (!clause.coordinated) {
        governingStance = stance;
        governingWorded = worded;
      }
      // A clause whose first verb is passive ("Barrientos is accused of accepting money, prosecutors say") is about
      // its subject, not by it: a cue or a later saying verb is someone else's.
      const stating = !passiveVerb(tokens) && (stance === 'request' || stance === 'disagreement' || (stance === 'agreement' && VOICED_AGREEMENT_RE.test(clause.text)) || hasStatingVerb(clause.text));
      const naming = namesItQuoted(tokens);
      // A stand carried by a participle reads from it: "calling the plate 'malicious mockery' ...".
      const speaker = naming === 'participle' ? participleSpeaker(tokens, clause.text, clause.start, ctx) : null;
      const from = speaker !== null ? participleAt(tokens, clause.text) : 0;
      const reporter = speaker === null ? trailingSpeaker(clause.text, clause.start, ctx) : null;
      // What a closing speaker holds is the clause before the comma, not the attribution.
      const stand = reporter?.party ? written.slice(0, reporter.contentEnd) : written;
      const party = speaker !== null ? speaker : reporter !== null ? reporter.party : !stating && naming !== 'verb' ? null : opening === 'verb' ? carriedSubject(subjectBefore, ctx) : opening === 'he' || opening === 'she' ? pointedSubject(subjectBefore ?? lastOpener, opening, ctx) : subjectParty(tokens, clause.text, clause.start, ctx);
      let best: { label: string; shown: readonly Token[]; anaphoric: boolean; score: number; phrase: readonly Token[] } | null = null;
      // Score every chunk cheaply; build labels only for the best until one reads as a topic.
      const firstVerb = tokens.findIndex((t) => t.kind === 'verb');
      const scored: Array<{ c: Chunk; score: number }> = [];
      // A closing speaker ("..., said council leader Margaret Hughes") is who holds the clause, not what it is about.
      const labelEnd = reporter?.inverted ? tokenize(clause.text.slice(0, reporter.contentEnd)).length : tokens.length;
      for (const whole of chunks(tokens)) {
        if (whole.at >= labelEnd) continue;
        for (const c of [whole, ...namesThenPhrase(whole, ctx, named)]) {
          const words = countContentWords(c.tokens, ctx, named);
          if (words === 0) continue;
          // The subject of an action verb is an actor, not the topic ("Rail workers walked out over pay").
          const isSubject = firstVerb > c.at && !COPULAS.has(tokens[firstVerb]!.lower) && !hasAux(tokens, c.at, firstVerb);
          scored.push({ c, score: words + (c.at > 0 ? 0.5 : 0) - (isSubject ? 1.5 : 0) });
        }
      }
      scored.sort((a, b) => b.score - a.score || a.c.at - b.c.at);
      for (const { c, score } of scored) {
        const l = labelOf(c.tokens);
        if (!l.label || countContentWords(l.tokens, ctx, named) === 0 || !nounHeaded(l.tokens)) continue;
        // "a relationship that looks towards the future": a one-word label keeps its relative clause.
        let label = l.label;
        let shown = l.shown;
        const after = tokens.slice(c.at + c.tokens.length, c.at + c.tokens.length + 8);
        if (!label.includes(' ') && after[0] && (after[0].lower === 'that' || after[0].lower === 'which') && after[1]?.kind === 'verb') {
          const rel: Token[] = [];
          for (const t of after) {
            if (t.kind === 'punct' || rel.length >= 6) break;
            rel.push(t);
          }
          label = `${label} ${rel.map((t) => t.text).join(' ')}`;
          shown = [...shown, ...rel];
        }
        // A lone "father", "place" or "saying" names no topic: the clause's next phrase may.
        best = { label, shown, anaphoric: l.anaphoric, score, phrase: c.tokens };
        break;
      }
      if (!best && !clause.dependent && !sentenceTopic) {
        pending.push({ stance, twoSided, worded, party, text: clause.text, written: stand, tokens, from });
        continue;
      }
      let attachTo: Topic | null = clause.dependent || !best || best.anaphoric ? (sentenceTopic ?? (previousSentence >= s.index - 2 ? previous : null)) : null;
      // "That declaration was signed in 1998 ...": a sentence opening on a demonstrative continues that topic.
      if (!attachTo && !sentenceTopic) {
        const opening = !/^\s*(?:this|that|these|those|the)\b/i.test(clause.text) ? null : /^\s*(?:this|that|these|those|the same)\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must)\b/iu.exec(clause.text);
        if (opening) {
          const st = stemsOf(opening[1]!);
          attachTo = earliestFor(st, () => true);
        }
      }
      let topic: Topic | null = null;
      if (attachTo) topic = attachTo;
      else if (best) {
        const stems = labelStems(best.shown);
        topic = earliestFor(stems, (t) => overlap(t.stems, stems) >= 0.67);
        // "the show", then "his satire show": a topic first met as a lone vague noun takes the fuller phrase.
        if (topic?.weak && !isWeakAlone(best.shown.map((t) => t.text))) {
          topic.label = best.label;
          topic.weak = false;
          for (const x of stems) {
            if (topic.stems.has(x)) continue;
            topic.stems.add(x);
            push(byStem, x, topic);
          }
        }
        if (!topic) {
          topic = {
            label: best.label,
            stems,
            stance: 'statement',
            positions: [],
            parties: new Set(),
            sentences: [],
            order: topics.length,
            sig: signatureOf(best.label),
            relations: relationsHead(best.label),
            ownParties: lazyParties(best.label, clause.text),
            clauses: [],
            clauseSigMemo: null,
            phrase: best.phrase.map((t) => t.text).join(' '),
            into: null,
            cued: 0,
            twoSided: 0,
            worded: false,
            weak: isWeakAlone(best.shown.map((t) => t.text)),
            stated: [],
          };
          topics.push(topic);
          for (const x of stems) {
            let list = byStem.get(x);
            if (!list) byStem.set(x, (list = []));
            list.push(topic);
          }
        }
      }
      if (!topic) continue;
      if (INCLUDING_RE.test(clause.text)) for (const p of pending.splice(0)) give(topic, p.stance, p.twoSided, p.worded, p.party, p.text, p.written, p.tokens, s.index, p.from);
      give(topic, stance, twoSided, worded, party, clause.text, stand, tokens, s.index, from);
      sentenceTopic = topic;
      previous = topic;
      previousSentence = s.index;
    }
    previousOpener = pronounLed && lastOpener !== null ? lastOpener : opener;
    openerSentence = s.index;
    // Clauses that found no topic later in their sentence go, as before, with the topic just before.
    if (pending.length > 0 && before) {
      for (const p of pending) give(before, p.stance, p.twoSided, p.worded, p.party, p.text, p.written, p.tokens, s.index, p.from);
      if (!sentenceTopic) {
        previous = before;
        previousSentence = s.index;
      }
    }
  }
  const merged = mergeTopics(topics);
  for (const t of merged) t.sentences.sort((a, b) => a - b);
  const postings = sentencePostings(sentences);
  const debate = isDebate(merged.length, merged.filter((t) => t.cued > 0).length);
  const listed = mostSalient(merged, postings, sentences.length, titleStems(ctx.title, named));
  addMentioningSentences(listed, postings);
  placeStrayPositions(topics, listed, sentences);
  addQuotedPositions(listed, sentences, quotes, ctx.quoteSpeakers ?? []);
  shareStands(topics, listed);
  settleDisputes(listed, sentences, debate, postings);
  if (!debate) for (const t of listed) voiceStance(t);
  for (const t of listed) {
    fullerLabel(t, ctx, named, { sentences, postings });
    t.label = withoutLeadingGerund(t.label);
  }
  addHeadSentences(listed, postings);
  let lead = Infinity;
  for (const t of topics) lead = Math.min(lead, t.sentences[0] ?? Infinity);
  const out = creditLead(listed, lead, postings);
  return out.map((t) => ({ topic: t.label, stance: t.stance, positions: t.positions, sentences: t.sentences }));
}

/**
 * A listed topic is supported by every sentence that names its head noun ("wife on the ground" by "Copeland and his wife
 * were stabbed ..."; "charges of lying" by each sentence about the charges), not only by the clauses it was found in and
 * the sentences holding all its label's words (`addMentioningSentences`): a story names its subject by that noun again and
 * again in other words around it, as a keyword does. Only sentences after the topic's first: the first, which a briefing
 * card shows, and the list's document order stay as found. Not when the head is a vague or generic word ("plans", "officials":
 * `GENERIC`, role words), which says nothing of which subject a sentence is on, nor when another listed topic has the same
 * head ("second referendum", "EU referendum"), where the noun cannot tell them apart. Runs after stances and positions are
 * settled, so it only adds supporting sentences.
 */
export function addHeadSentences(listed: ReadonlyArray<{ label: string; sentences: number[] }>, postings: Postings): void {
  const heads = listed.map((t) => headStem(t.label, true));
  listed.forEach((t, i) => {
    const h = heads[i];
    if (h === null || heads.some((o, j) => j !== i && o === h)) return;
    const list = postings.get(h);
    // From the topic's first sentence on: a story names a subject by its noun once it has told it, and the topic's first
    // sentence (the one a briefing card shows) and the list's order stay as found.
    const from = t.sentences[0] ?? 0;
    if (list !== undefined) t.sentences = mergeSorted(t.sentences, list.filter((n) => n > from));
  });
}

/**
 * The lead names what a story is about, yet its own clause often gives a detail as the candidate ("during an early-morning
 * argument") and the subject is listed from a later sentence ("wife on the ground", "huge fraud"). When no listed topic
 * has the lead (`lead`, the first sentence a topic was found in), the first listed topic whose lower-case head noun the
 * lead names is supported by it and moves to the front of the list, which stays in document order; a name as head says
 * who, not what, and a vague head anything. Returns the list in its new order.
 */
export function creditLead<T extends { label: string; sentences: number[] }>(listed: readonly T[], lead: number, postings: Postings): T[] {
  if (!Number.isFinite(lead) || listed.some((t) => t.sentences.includes(lead))) return [...listed];
  const k = listed.findIndex((t) => {
    const stem = headStem(t.label, false);
    return stem !== null && includesSorted(postings.get(stem) ?? [], lead);
  });
  if (k < 0) return [...listed];
  const t = listed[k]!;
  t.sentences = mergeSorted([lead], t.sentences);
  return [t, ...listed.filter((_, i) => i !== k)];
}

/**
 * The first stem of a label's head (`labelHead`), or null when the head says nothing of which subject a sentence is on: a
 * vague or generic word, and a name unless `names` allows one.
 */
function headStem(label: string, names: boolean): string | null {
  const head = labelHead(label);
  if (head === undefined) return null;
  const f = wordFacts(head);
  if ((!names && f.capitalised) || f.generic || f.neverContent) return null;
  for (const x of stemsOf(head)) return x;
  return null;
}

/** The last word of a label before its first preposition ("bus lane on the high street" -> "lane"), read from its words alone. */
export function labelHead(label: string): string | undefined {
  let head: string | undefined;
  for (const w of label.split(/\s+/)) {
    const word = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (head !== undefined && (PREPOSITIONS.has(word.toLowerCase()) || word.toLowerCase() === 'to')) break;
    if (word !== '') head = word;
  }
  return head;
}

/** How many of a topic's clauses `fullerLabel` reads: bounded work per listed topic on long texts. */
const FULLER_LABEL_CLAUSES = 64;

/**
 * A listed topic labelled by one lower-case word ("figures", "tweet", "scheme") is named by the fullest phrase its own
 * clauses use with that word as their head ("food bank figures", "the identity card scheme" -> "identity card scheme",
 * "a rise in national insurance"):
 * the phrase two or more content words long that they use most (the first of equals), when they use one; when they use
 * none, the one the story's sentences with the word use most, if they use it `STORY_PHRASE_USES` times ("browser" ->
 * "Firefox browser", "report" -> "Demos report"). Runs after every rule that reads labels, so only the label's words change.
 */
function fullerLabel(t: Topic, ctx: IssueContext, named: ReadonlySet<string>, story?: { sentences: readonly Sentence[]; postings: Postings }): void {
  if (t.label.includes(' ') || !/^\p{Ll}/u.test(t.label)) return;
  const word = t.label.toLowerCase();
  let best = mostUsedPhrase(word, t.clauses.slice(0, FULLER_LABEL_CLAUSES), ctx, named);
  // "figures" whose own clauses say no more: the phrase the rest of the story uses with the word, when it uses it twice
  // ("food bank figures", "software patents", "election campaign").
  if (best === null && story !== undefined) {
    const texts: string[] = [];
    for (const x of stemsOf(word)) for (const i of (story.postings.get(x) ?? []).slice(0, FULLER_LABEL_CLAUSES)) texts.push(story.sentences[i]!.text);
    best = mostUsedPhrase(word, texts, ctx, named, STORY_PHRASE_USES);
  }
  if (best !== null) t.label = best;
}

/** How often the rest of the story must use a phrase before a lone word listed as a topic takes it. */
const STORY_PHRASE_USES = 2;

/** The phrase two or more content words long, headed by `word`, that `texts` use most (the first of equals), used at least `min` times. */
export function mostUsedPhrase(word: string, texts: readonly string[], ctx: IssueContext = {}, named: ReadonlySet<string> = namedTokens(ctx), min = 1): string | null {
  const seen = new Map<string, number>();
  let best: string | null = null;
  let bestCount = 0;
  for (const clause of texts) {
    if (!clause.toLowerCase().includes(word)) continue;
    const tokens = tokenize(clause);
    for (const c of chunks(tokens)) {
      if (!c.tokens.some((x) => x.lower === word)) continue;
      const l = labelOf(c.tokens, true);
      if (!l.label.includes(' ') || !nounHeaded(l.tokens) || headOf(l.tokens)?.lower !== word || !nounModifiers(l.tokens, word) || countContentWords(l.tokens, ctx, named) < 2) continue;
      // "Food bank figures showed ...": a capital that only opens the sentence is not part of the phrase.
      const first = l.tokens[0]!;
      const label = first === tokens[0] && !named.has(first.text) && !partyOf(first.text) ? l.label.charAt(0).toLowerCase() + l.label.slice(1) : l.label;
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      if (n > bestCount) {
        best = label;
        bestCount = n;
      }
    }
  }
  return bestCount >= min ? best : null;
}

/** Words before a head that say which one, not what it is: ordinals and recency. */
const WHICH_MODIFIERS = new Set('first second third fourth fifth last next latest new old own other same'.split(' '));

/**
 * The words before `head` in a label are names or nouns that make a compound with it ("food bank figures",
 * "call centres"), not adjectives ("famous sale", "costly scheme"), participles ("producing the chip"), ordinals
 * ("fourth novel"), a quoted word ("'courageous' leadership"), a name's verb ("Trust counts numbers") or a
 * coordination ("competitive and providers"), and the head is not followed by a purpose ("parties to ring"): an adjective says what the story thinks of
 * the thing, a compound says which thing it is.
 */
function nounModifiers(tokens: readonly Token[], head: string): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lower === head) return tokens[i + 1]?.lower !== 'to';
    if (t.kind !== 'np' || t.facts.capitalised) {
      if (t.kind === 'conj') return false;
      continue;
    }
    // "The Trussell Trust counts numbers": after a name, a lower-case word in -s is the name's verb.
    const afterName = i > 0 && tokens[i - 1]!.facts.capitalised && !tokens[i - 1]!.facts.possessiveText && /[^s]s$/.test(t.lower);
    if (afterName || isQuoteMark(t.text.charCodeAt(0)) || WHICH_MODIFIERS.has(t.lower) || lexicalOf(t.facts) !== undefined || endsWithAny(t.lower, MODIFIER_SUFFIXES)) return false;
  }
  return true;
}

/** The last noun-phrase word before a label's first preposition: what the label is headed by. */
function headOf(tokens: readonly Token[]): Token | undefined {
  let head: Token | undefined;
  for (const t of tokens) {
    if (t.kind === 'prep' || (t.lower === 'to' && head !== undefined)) break;
    if (t.kind === 'np') head = t;
  }
  return head;
}

const QUOTED_POSITION_WORDS = 24;

/**
 * Of the `candidates` that do not yet hold `party` (and pass `near`), the one whose label stems share the most with
 * `text`'s content stems, the first on a tie; null when none shares a stem. The text's stems are made only once a
 * candidate could take it (most texts have none).
 */
function mostSharedTopic(candidates: Iterable<Topic>, party: string, text: string, near: (t: Topic) => boolean = () => true): Topic | null {
  let words: Set<string> | null = null;
  let best: Topic | null = null;
  let bestShared = 0;
  for (const t of candidates) {
    if (t.parties.has(party) || !near(t)) continue;
    words ??= new Set(contentStems(text));
    let shared = 0;
    for (const x of t.stems) if (words.has(x)) shared++;
    if (shared > bestShared) {
      best = t;
      bestShared = shared;
    }
  }
  return best;
}

/**
 * A stand the narrative states in a clause whose own topic was left off the list (and joined no listed topic)
 * is not lost when its sentence supports a listed topic whose label shares a word with the clause: "Judge
 * Stephen Kramer QC today ordered Allen to pay back £491,000" gives the judge a position on "confiscation
 * order" when the clause's own candidate ("proceeds of crime") is not listed. Of several such topics, the one
 * sharing the most words takes it (the first listed on a tie); none shares a word, no one does.
 */
function placeStrayPositions(candidates: readonly Topic[], listed: readonly Topic[], sentences: readonly Sentence[]): void {
  const placed = new Set<IssuePosition>();
  for (const t of listed) for (const p of t.positions) placed.add(p);
  // Which listed topics each sentence supports, made once (each topic's sentences are read once, not per position).
  const bySentence = new Map<number, Topic[]>();
  for (const t of listed) for (const i of t.sentences) push(bySentence, i, t);
  for (const c of candidates) {
    for (const st of c.stated) {
      if (placed.has(st.position)) continue;
      const best = mostSharedTopic(bySentence.get(st.sentence) ?? [], st.position.party, st.clause) ?? sharingTopic(st, listed, sentences);
      if (!best) continue;
      best.parties.add(st.position.party);
      best.positions.push(st.position);
      placed.add(st.position);
    }
  }
}

/**
 * A stand stated in a sentence that two listed topics share holds on both when the clause names the second
 * too: "Prisoner Carlos Boente denied all of the charges, except for two counts of possessing a mobile phone"
 * is a stand on the charges and on the phone possession charge; "urged caution in the interpretation of food
 * bank figures" on the figures as well as on the food banks. The clause must share a lower-case label word
 * with the topic (a name in a label says who, not what), and a party keeps one position per topic.
 */
function shareStands(candidates: readonly Topic[], listed: readonly Topic[]): void {
  for (const c of candidates) {
    for (const st of c.stated) {
      let words: Set<string> | null = null;
      for (const t of listed) {
        if (t.parties.has(st.position.party) || !includesSorted(t.sentences, st.sentence)) continue;
        words ??= new Set(contentStems(lowerCaseWords(st.clause)));
        if (overlap(t.stems, words) === 0) continue;
        t.parties.add(st.position.party);
        t.positions.push(st.position);
      }
    }
  }
}

/**
 * A statement topic of reported news whose parties' stands, once every stand is placed, open on outspoken acts
 * of one kind (`voicedStance`: "accused the Tories of running scared", "urged ministers to act") shows that
 * stance: the stand placed from a clause of its own still says who criticised or asked. Stands of two kinds
 * (one criticises, another welcomes) leave it a statement.
 */
export function voiceStance(t: { stance: Stance; positions: readonly IssuePosition[] }): void {
  if (t.stance !== 'statement') return;
  let found: Stance | null = null;
  for (const p of t.positions) {
    const v = voicedStance(p.position);
    if (v === null) continue;
    if (found !== null && found !== v) return;
    found = v;
  }
  if (found !== null) t.stance = found;
}

/** How far (in sentences) a stand may sit from the listed topic it answers: a story's stretch on one topic. */
const STRAY_REACH = 8;

/**
 * A stand that names its party in its own sentence and states it with a stating verb ("Director of Public
 * Prosecutions Alison Saunders said he would not be prosecuted because ..."), in a sentence no listed topic takes
 * it from, answers the listed topic within `STRAY_REACH` sentences whose label shares a lower-case word with the
 * clause ("prosecution over child sex allegations"): the most shared, then the nearest. Capitalised words do not
 * count (a name in a label is who, not what), and a stand whose party was carried from another sentence or a
 * caption stays where it was.
 */
function sharingTopic(st: { position: IssuePosition; sentence: number; clause: string }, listed: readonly Topic[], sentences: readonly Sentence[]): Topic | null {
  const party = st.position.party;
  const last = party.slice(party.lastIndexOf(' ') + 1);
  if (!(sentences[st.sentence]?.text.includes(last) ?? false) || !hasStatingVerb(st.clause)) return null;
  let best: Topic | null = null;
  let bestShared = 0;
  let bestDistance = STRAY_REACH + 1;
  let words: Set<string> | null = null;
  for (const t of listed) {
    if (t.parties.has(party)) continue;
    let distance = STRAY_REACH + 1;
    for (const i of t.sentences) distance = Math.min(distance, Math.abs(i - st.sentence));
    if (distance > STRAY_REACH) continue;
    words ??= new Set(contentStems(lowerCaseWords(st.clause)));
    let shared = 0;
    for (const x of t.stems) if (words.has(x)) shared++;
    if (shared > 0 && (shared > bestShared || (shared === bestShared && distance < bestDistance))) {
      best = t;
      bestShared = shared;
      bestDistance = distance;
    }
  }
  return best;
}

/** The clause with its capitalised words blanked (names, and a sentence's first word). */
export function lowerCaseWords(text: string): string {
  return text.replace(CAPITALISED_WORD_RE, ' ');
}
const CAPITALISED_WORD_RE = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}\p{N}'’.-]*/gu;

/**
 * A speaker quoted beside a topic, in words that name it, gives their position on it in their own
 * words ("Iain Duncan Smith: “The figures are unverified …”"): the quote goes to the topic within two
 * sentences of it whose label shares the most words with it, after the positions the narrative states;
 * a quote naming no topic goes to the topic it stands beside (`quotedWithin`).
 */
function addQuotedPositions(topics: readonly Topic[], sentences: readonly Sentence[], quotes: readonly QuoteSpan[], speakers: readonly (string | null)[]): void {
  if (quotes.length === 0 || topics.length === 0) return;
  let s = 0;
  for (let q = 0; q < quotes.length; q++) {
    const speaker = speakers[q];
    if (!speaker) continue;
    const quote = quotes[q]!;
    while (s + 1 < sentences.length && sentences[s + 1]!.start <= quote.start) s++;
    // A topic within two sentences of the quote.
    const best = mostSharedTopic(topics, speaker, quote.text, (t) => t.sentences.some((i) => Math.abs(i - s) <= 2)) ?? quotedWithin(topics, s, speaker);
    if (!best) continue;
    best.parties.add(speaker);
    best.positions.push({ party: speaker, position: quotedWords(quote.text) });
  }
}

function quotedWords(text: string): string {
  const words = text.trim().split(/\s+/);
  const shown = words.length > QUOTED_POSITION_WORDS ? `${words.slice(0, QUOTED_POSITION_WORDS).join(' ')} …` : words.join(' ');
  return `“${shown}”`;
}

/**
 * The topics a reader would list. A news story yields a candidate in nearly every clause
 * ("Walmart to buy gloves"), so candidates are ranked by how much the story is about them: the
 * sentences that support them, how often the story uses the label's words, a place in the lead,
 * a stance cue or a party's position, a label of more than one word, and a label naming a news
 * issue or event (`namesNewsIssue`). How many are listed is
 * `topicBudget`'s; a story's last third keeps a place when no listed topic starts there
 * (`promoteLateTopic`); a candidate left off joins a listed topic it shares a label word with
 * (`absorbDropped`). In reported news a topic needs two cue clauses to show a stance
 * (`settleStances`). The list stays in document order.
 */
/** What a headline adds to the salience of a candidate of two words or more whose label shares one of its lower-case content words (one word, "bank", says too little). */
export const TITLE_BONUS = 1;

/**
 * The stems of a headline's lower-case content words ("Kennedy calls for Iraq exit plans" -> call, exit, plan): names
 * say who, not what. Its first word is capitalised by custom, so it counts unless the story names someone by it.
 */
function titleStems(title: string | undefined, named: ReadonlySet<string>): ReadonlySet<string> {
  if (!title) return new Set();
  const first = /^\s*([\p{L}'’-]+)/u.exec(title)?.[1] ?? '';
  const lead = first !== '' && !named.has(first) ? first.toLowerCase() : '';
  return new Set(contentStems(`${lead} ${lowerCaseWords(title.slice(title.indexOf(first) + first.length))}`));
}

function mostSalient(topics: readonly Topic[], postings: Postings, sentenceCount: number, headline: ReadonlySet<string> = new Set()): Topic[] {
  const withCue = topics.filter((t) => t.worded).length;
  const held = topics.filter((t) => t.cued > 0).length;
  const keep = Math.min(topicBudget(topics.length, withCue, held), topics.filter((t) => !t.weak).length);
  const settle = (list: Topic[]): Topic[] => settleStances(list, topics.length, held);
  if (topics.length <= keep) return settle([...topics]);
  const scored = topics.map((t) => {
    let used = 0;
    for (const x of t.stems) used = Math.max(used, Math.min(postings.get(x)?.length ?? 0, 6));
    const score =
      Math.min(t.sentences.length, 5) +
      0.5 * used +
      (t.sentences[0]! < 3 ? 1 : 0) +
      (t.worded ? 1 : 0) +
      (t.positions.length > 0 ? 1 : 0) +
      (t.label.includes(' ') ? 0.5 : 0) +
      (namesNewsIssue(t.label) ? ISSUE_NOUN_BONUS : 0) +
      (headline.size > 0 && t.label.includes(' ') && [...t.stems].some((x) => headline.has(x)) ? TITLE_BONUS : 0);
    return { t, score };
  });
  // A lone vague label is never listed: it only joins a listed topic that shares its word (`absorbDropped`).
  const ranked = scored.sort((a, b) => b.score - a.score || a.t.order - b.t.order).map((x) => x.t);
  const named = ranked.filter((t) => !t.weak && !isDetail(t, postings));
  promoteLateTopic(named, keep, sentenceCount);
  ranked.splice(0, ranked.length, ...named, ...ranked.filter((t) => !t.weak && isDetail(t, postings)), ...ranked.filter((t) => t.weak));
  absorbDropped(ranked.slice(0, keep), ranked.slice(keep), postings);
  const kept = new Set(ranked.slice(0, keep));
  return settle(topics.filter((t) => kept.has(t)));
}

/**
 * A one-word label whose word the story uses in one sentence only ("the family's pet was found", "placed on
 * leave") is a detail of the story, not a subject, unless the word names a news issue ("the verdict"): it is
 * listed only when the story has too few other candidates, and may still join a listed topic (`absorbDropped`).
 */
function isDetail(t: Topic, postings: Postings): boolean {
  if (t.label.includes(' ') || t.sentences.length !== 1 || namesNewsIssue(t.label)) return false;
  let used = 0;
  for (const x of t.stems) used = Math.max(used, postings.get(x)?.length ?? 0);
  return used <= 1;
}

/** Records that a clause of sentence `sentence` speaks of `topic`, with its stance and the party it gives. */
function give(topic: Topic, stance: Stance | null, twoSided: boolean, worded: boolean, party: string | null, clause: string, written: string, tokens: readonly Token[], sentence: number, from = 0): void {
  topic.stance = combine(topic.stance, stance);
  if (stance !== null) topic.cued++;
  if (twoSided) topic.twoSided++;
  if (worded) topic.worded = true;
  // Sentences come in order, so a new one is never already listed further back.
  if (topic.sentences[topic.sentences.length - 1] !== sentence) topic.sentences.push(sentence);
  if (party && !topic.parties.has(party)) {
    topic.parties.add(party);
    // A verb past the end of what a closing speaker holds leaves nothing to cut from: the whole stand is the position.
    const position = { party, position: (from > 0 ? trimPosition(written.slice(from)) : positionText(clause, written, tokens)) || trimPosition(written) };
    topic.positions.push(position);
    topic.stated.push({ position, sentence, clause });
  }
  topic.clauses.push(clause);
  topic.clauseSigMemo = null;
}

const INCLUDING_RE = /^(?:including|such as|notably|especially|particularly)\b/i;

/** How many candidates a topic is compared with in each merge rule: bounded work per topic on long texts. */
const MERGE_CANDIDATES = 32;

/**
 * Merges the topics that are one topic told in several ways. Rules, in order:
 * 1. alike labels once places are their parties and a few interchangeable words one concept
 *    ("summits with North Korea", "diplomacy with Pyongyang");
 * 2. a one-sentence topic whose label words occur in the clauses of a larger topic covering that
 *    same sentence ("a relationship that looks towards the future" beside "the joint declaration ...
 *    to develop friendly and cooperative relations");
 * 3. a one-sentence topic whose noun phrase names another topic in full ("managerial meetings for
 *    future partnerships" belongs to "a relationship that looks towards the future");
 * 4. topics about a relationship ("Seoul-Tokyo ties", "relationship that looks towards the future")
 *    between the same parties (named in the label or its clause), or with none named: the story's
 *    framing joins its substance, while "US-China ties" and "US-Japan ties" stay apart.
 * The topic that absorbs keeps its label and place; the other's sentences, stance and positions join it.
 */
function mergeTopics(topics: readonly Topic[]): Topic[] {
  const root = (t: Topic): Topic => {
    while (t.into) t = t.into;
    return t;
  };
  const absorb = (a: Topic, b: Topic): void => {
    if (a === b) return;
    b.into = a;
    // "the show" joined by "Youssef's satire show": the topic is named by the fuller phrase.
    if (a.weak && !b.weak) {
      a.label = b.label;
      a.stems = b.stems;
      a.weak = false;
    }
    a.cued += b.cued;
    a.twoSided += b.twoSided;
    a.worded ||= b.worded;
    a.stance = combine(a.stance, b.stance === 'statement' ? null : b.stance);
    a.sentences = [...new Set([...a.sentences, ...b.sentences])].sort((x, y) => x - y);
    for (const p of b.positions) if (!a.parties.has(p.party)) {
      a.parties.add(p.party);
      a.positions.push(p);
    }
    a.clauses.push(...b.clauses);
    // The memo is the union of the clauses' signatures: add the new clauses' rather than sign them all again.
    if (a.clauseSigMemo) for (const c of b.clauses) for (const x of signatureOf(c).all) a.clauseSigMemo.add(x);
  };
  const byWord = new Map<string, Topic[]>();
  const bySentence = new Map<number, Topic[]>();
  for (const t of topics) {
    for (const x of t.sig.all) if (x[0] !== '@') push(byWord, x, t);
    for (const n of t.sentences) push(bySentence, n, t);
  }
  /** The earliest topic sharing a label word with `words`, not yet merged with `self`, that `fits`. */
  const earliest = (words: Iterable<string>, self: Topic, fits: (t: Topic) => boolean): Topic | null => {
    let best: Topic | null = null;
    const own = root(self);
    for (const x of words) {
      const list = byWord.get(x);
      if (!list) continue;
      for (let i = 0; i < list.length && i < MERGE_CANDIDATES; i++) {
        const t = list[i]!;
        if ((best === null || t.order < best.order) && root(t) !== own && fits(t)) best = t;
      }
    }
    return best;
  };

  // 1. Alike labels: the later topic joins the earlier.
  for (const b of topics) {
    if (b.sig.words === 0) continue;
    const a = earliest(b.sig.all, b, (t) => t.order < b.order && alike(t.sig, b.sig));
    if (a) absorb(root(a), root(b));
  }
  // 2. A one-sentence topic said within a larger topic's sentence, about that topic's words.
  for (const b of topics) {
    const rb = root(b);
    if (rb !== b || rb.sentences.length !== 1) continue;
    for (const t of bySentence.get(rb.sentences[0]!) ?? []) {
      const a = root(t);
      if (a === rb || a.sentences.length < 2) continue;
      const said = clauseSig(a);
      if (someWord(rb.sig.all, (x) => said.has(x))) {
        absorb(a, rb);
        break;
      }
    }
  }
  // 3. A one-sentence topic whose noun phrase names another topic's label in full (two words or more).
  for (const b of topics) {
    const rb = root(b);
    if (rb !== b || rb.sentences.length !== 1) continue;
    // A phrase that is just its label adds nothing rule 1 has not compared; nor does one of two words.
    if (rb.phrase === rb.label || rb.phrase.indexOf(' ') === rb.phrase.lastIndexOf(' ')) continue;
    const phrase = signatureOf(rb.phrase).all;
    const a = earliest(phrase, rb, (t) => t.sig.words >= 2 && everyOf(t.sig.all, (x) => phrase.has(x)));
    if (a) absorb(root(a), rb);
  }
  // 4. Relationships between the same parties (or unnamed ones) are one topic, kept under the larger.
  const relations = topics.filter((t) => t.relations);
  for (let i = 0; i < relations.length && i < MERGE_CANDIDATES; i++) {
    for (let j = i + 1; j < relations.length && j < MERGE_CANDIDATES; j++) {
      const [x, y] = [relations[i]!, relations[j]!];
      const [rx, ry] = [root(x), root(y)];
      if (rx === ry || !sameParties(x.ownParties(), y.ownParties())) continue;
      if (ry.sentences.length > rx.sentences.length) absorb(ry, rx);
      else absorb(rx, ry);
    }
  }
  return topics.filter((t) => !t.into);
}

/** The signature of everything a topic's clauses say, made once it is asked for. */
function clauseSig(t: Topic): Set<string> {
  if (!t.clauseSigMemo) {
    t.clauseSigMemo = new Set();
    for (const c of t.clauses) for (const x of signatureOf(c).all) t.clauseSigMemo.add(x);
  }
  return t.clauseSigMemo;
}

/** The parties a label and its clause name, computed when first asked (only relationship topics ask). */
function lazyParties(label: string, clause: string): () => Set<string> {
  let memo: Set<string> | null = null;
  return () => (memo ??= new Set([...signatureOf(label).all, ...signatureOf(clause).all].filter((x) => x[0] === '@')));
}

/** Some word (not a party) of the set passes `test`. */
function someWord(set: ReadonlySet<string>, test: (x: string) => boolean): boolean {
  for (const x of set) if (x[0] !== '@' && test(x)) return true;
  return false;
}

function everyOf(set: ReadonlySet<string>, test: (x: string) => boolean): boolean {
  for (const x of set) if (!test(x)) return false;
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(value);
}

/** Two labels name one topic: most of the smaller one's words (after classes and parties) are in the other. */
function alike(a: Signature, b: Signature): boolean {
  let shared = 0;
  let sharedWords = 0;
  for (const x of a.all) if (b.all.has(x)) {
    shared++;
    if (x[0] !== '@') sharedWords++;
  }
  return sharedWords > 0 && shared / Math.max(1, Math.min(a.all.size, b.all.size)) >= 0.67;
}

/** Two topics are about the same parties, or one of them names none. */
function sameParties(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === 0 || b.size === 0 || (a.size === b.size && [...a].every((x) => b.has(x)));
}

const POSITION_MAX_CHARS = 160;

/** The clause from its main verb on: "asks for the Japanese government's sincere apologies". */
function positionText(clause: string, written: string, tokens: readonly Token[]): string {
  // The verb is found in the clause without its quotation (the same length as written), so a word inside the quote is never taken for it.
  const verb = tokens.find((t) => t.kind === 'verb');
  const at = verb ? clause.indexOf(verb.text) : 0;
  return trimPosition(written.slice(at < 0 ? 0 : at));
}

/** A position's words on one line, without trailing punctuation, cut at a word near `POSITION_MAX_CHARS`. */
function trimPosition(raw: string): string {
  const text = raw
    .replace(/\s+/g, ' ')
    .replace(/[\s,.;:]+$/, '')
    .trim();
  if (text.length <= POSITION_MAX_CHARS) return text;
  const cut = text.lastIndexOf(' ', POSITION_MAX_CHARS);
  return `${text.slice(0, cut > 40 ? cut : POSITION_MAX_CHARS)}…`;
}
