import { isCapitalisedWord } from './char-class.js';
import { namesNewsIssue } from './topic-cut.js';

/**
 * Whether a candidate label reads as a topic a reader would list: a noun phrase headed by what the story
 * is about, not a lone relational or all-purpose noun ("father", "man", "place", "world"), a verb read as
 * a noun ("saying", "looking"), a clock time ("p.m."), or a clause that kept its verb ("Nowsch shot",
 * "biting satire left nothing"). Works on the label's words as written, one pass over a few words.
 */

/**
 * Nouns that say who or where but not what about: a relation, a person in general, a place or a thing
 * in general, a group that acts in the story (police, victims, fans). Alone they are no topic ("came to
 * his father", "take place", "the show", "police said"); with a modifier they can be ("satire show",
 * "unarmed man", "police investigation").
 */
const VAGUE_ALONE = new Set(
  `man men woman women person persons boy boys girl girls child children kid kids baby babies father mother dad mom mum son sons daughter
daughters brother brothers sister sisters wife husband parent parents family families friend friends couple guy guys
place places world thing things use show shows life lives home area areas way side stuff someone everyone anyone something everything
lot kind sort part well rest look police officers investigators victims suspects witnesses attackers fans players students protesters
demonstrators pounds dollars euros pence cents`.split(/\s+/),
);

/** Everyday verbs whose -ing form, alone, is a clause's verb rather than a topic ("saying in a statement"). */
const LIGHT_VERBS = new Set(
  `say tell look work go do get make take use come see try want need know think feel keep put give call ask talk write show seem become
leave help play move live run begin turn start stop wait watch hold bring let set follow speak stand sit add mean hope plan expect
claim argue insist suggest describe explain point accord allow appear remain continue include happen report face head carry urge post send cost`.split(/\s+/),
);

/** The base form an -ing word comes from ("saying" -> "say", "using" -> "use", "getting" -> "get"), or candidates for it. */
function ingBases(word: string): string[] {
  if (!word.endsWith('ing') || word.length < 5) return [];
  const stem = word.slice(0, -3);
  const out = [stem, `${stem}e`];
  if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) out.push(stem.slice(0, -1));
  return out;
}

/** A lone -ing word made from an everyday verb, unless it names a news issue ("ruling", "funding" are kept by that list). */
export function isLightGerund(word: string): boolean {
  const lower = word.toLowerCase();
  return !namesNewsIssue(lower) && ingBases(lower).some((b) => LIGHT_VERBS.has(b));
}

const CLOCK_RE = /^(?:a\.?m\.?|p\.?m\.?|gmt|bst|et|pt|utc)$/i;

/**
 * One word that names no topic on its own: a vague noun or a group of actors ("father", "place", "police"),
 * an everyday verb's -ing form ("saying"), a past tense or participle ("shot", "accused"), or a clock time.
 * A word naming a news issue ("order", "ruling") always can.
 */
export function isWeakAlone(words: readonly string[]): boolean {
  const content = words.filter((w) => !/^\d/.test(w));
  if (content.length === 0) return words.length > 0;
  if (content.length !== 1) return content.every((w) => CLOCK_RE.test(w));
  const w = content[0]!.toLowerCase().replace(/['’]s$/, '');
  if (namesNewsIssue(w)) return false;
  return VAGUE_ALONE.has(w) || isLightGerund(w) || PAST_TENSES.has(w) || (w.endsWith('ed') && w.length > 4) || CLOCK_RE.test(w);
}

/**
 * Past tenses that are seldom a noun heading a topic: after a name, or with more words after them, they
 * are the clause's verb ("Nowsch shot his neighbor", "Real Madrid fell", "satire left nothing").
 */
const PAST_TENSES = new Set(
  `fell saw shot let left told said took gave got made came went felt kept held met led sent spent stood thought knew found brought bought
caught taught began broke chose drove flew forgot froze grew hid hung rode rose shook sang sank sat slept spoke stole swore threw wore
wrote became seemed wanted tried turned called asked looked`.split(/\s+/),
);


/**
 * Present tenses of saying, thinking and linking verbs that no topic label ends or turns on ("paint on the
 * naked bodies means", "Mr Blair recalls", "sector means a massive demand", "employer contributions mean"; a few plural
 * forms that are never a noun too); nouns in -s that are also verbs
 * ("claims", "reports", "plans", "hopes", "shows") are not here.
 */
const PRESENT_VERBS = new Set(
  `means says adds insists believes thinks knows seems appears remains becomes argues explains suggests admits warns tells feels agrees
accepts denies recalls recounts wonders reckons concedes acknowledges maintains mean believe insist seem appear reckon`.split(/\s+/),
);

/** Currency words written before a sum ("pounds 2bn", "dollars 300m"): with the sum they are a figure, not a topic. */
export const CURRENCY_WORDS = new Set(['pounds', 'dollars', 'euros', 'yen', 'pence', 'cents', 'francs', 'rupees', 'yuan']);

/** Titles that make the capitalised words after them a person's name ("Mr Howard", "Sir Edward Heath"). */
const PERSON_TITLES = new Set('mr mrs ms miss dr sir lord lady dame baroness'.split(' '));
/** Words that may follow a person's name inside a topic label: a coordination or a preposition of the label. */
const AFTER_NAME = new Set('and or of with on over against between versus v'.split(' '));

/**
 * Whether `words[i]` (lower case) follows a person's titled name that it is not part of ("Mr Howard laughing",
 * "Mr Brown to deny reports", "Sir Edward Heath quit"): after a name, a lower-case word other than a coordination
 * or a label's preposition is the clause's verb (or an adverb of it), so the name was the clause's subject,
 * not a topic's head. A possessive name ("Mr Blair's speech") is a modifier and goes on.
 */
function afterTitledName(words: readonly string[], i: number): boolean {
  const w = words[i]!;
  if (!/^\p{Ll}/u.test(w) || AFTER_NAME.has(w)) return false;
  let j = i - 1;
  if (j < 0 || !isCapitalisedWord(words[j]!) || /['’]s?$/.test(words[j]!)) return false;
  while (j >= 0 && isCapitalisedWord(words[j]!) && !PERSON_TITLES.has(words[j]!.toLowerCase().replace(/\.$/, ''))) j--;
  return j >= 0 && j < i - 1 && PERSON_TITLES.has(words[j]!.toLowerCase().replace(/\.$/, ''));
}

/** Plurals that do head compounds with an -ing noun ("arms dealing", "drugs smuggling", "news gathering"). */
const PLURAL_MODIFIERS = new Set('news arms drugs goods sports arts'.split(' '));

/** -ing nouns that head a compound after a plural ("shareholders meeting", "members hearing"). */
const ING_NOUNS = new Set('meeting meetings hearing hearings building buildings wedding briefing gathering'.split(' '));

/** A lower-case plural noun followed by a lower-case -ing word that names no news issue. */
function pluralThenParticiple(noun: string, ing: string): boolean {
  return /^[a-z][a-z-]*ing$/.test(ing) && ing.length > 5 && !namesNewsIssue(ing) && !ING_NOUNS.has(ing) && /^[a-z][a-z-]*[^siu']s$/.test(noun) && !PLURAL_MODIFIERS.has(noun);
}

/** Participles that open a reported clause ("saying police numbers had fallen"): lower case, as written. */
const REPORTING_PARTICIPLES = new Set('saying telling arguing claiming insisting suggesting adding explaining stating noting accusing'.split(' '));

/**
 * How many of a label's words (as written) to keep: the label stops before a clause's verb, which is a
 * past tense of `PAST_TENSES` after a capitalised word or followed by more words ("Waring saw" -> "Waring",
 * "biting satire left nothing" -> "biting satire"), or a contraction ("motive weren't"); an everyday verb's
 * -ing form at the end goes ("boats carrying", not "drug smuggling"); a trailing bare number
 * and the word that governs it go ("extort 100", "sentence of 1" -> "sentence"), and so does a tail that
 * opens on a preposition and an everyday verb's -ing form ("accused of trying to ..."); a leading lone
 * letter ("s right to ...", the tail of a split possessive) goes; so does a leading reporting participle ("saying Tory
 * attitudes" -> "Tory attitudes"); the label stops before a present tense of `PRESENT_VERBS` ("paint on the naked
 * bodies means" -> "paint on the naked bodies"); and it stops after a person's titled name followed by a lower-case
 * word that is no coordination or preposition ("Mr Howard laughing" -> "Mr Howard", a name the clause's other
 * phrases then replace: `afterTitledName`), or starts after that verb when words follow it ("Mr Clarke telling Labour
 * activists" -> "Labour activists", "Mr Brown to deny reports of a rift" -> "reports of a rift").
 * Returns [from, to).
 */
export function labelSpan(words: readonly string[]): [number, number] {
  let from = 0;
  while (from < words.length - 1 && /^\p{Ll}$/u.test(words[from]!)) from++;
  // "saying Tory attitudes", "telling Labour members": a reporting participle opens the clause it reports, not a topic.
  if (from < words.length - 1 && REPORTING_PARTICIPLES.has(words[from]!)) from++;
  let to = words.length;
  for (let i = from + 1; i < to; i++) {
    const lower = words[i]!.toLowerCase();
    // "paint on the naked bodies means", "Mr Blair recalls": a present tense that is never a topic's head ends the label.
    if (PRESENT_VERBS.has(lower)) {
      to = i;
      break;
    }
    // "motive weren't", "scam they've": a contraction is always a clause's verb.
    const contraction = /(?:n['’]t|['’](?:ve|re|ll|d))$/.test(lower);
    // "Mr Clarke telling Labour activists": what the named person's verb is about, when the label goes on past it.
    if (afterTitledName(words, i)) {
      const next = i + (lower === 'to' ? 2 : 1);
      if (next < to) {
        from = next;
        i = next;
        continue;
      }
      to = i;
      break;
    }
    if (contraction || (PAST_TENSES.has(lower) && !isCapitalisedWord(words[i]!) && (isCapitalisedWord(words[i - 1]!) || i < to - 1))) {
      to = i;
      break;
    }
  }
  // "sentence of 1", "extort 100", "holidays costing £30,000": a bare number or sum at the end is the start of a figure the label lost.
  if (to - from > 1 && /^[£$€¥]?\d[\d.,]*(?:m|bn|k)?$/.test(words[to - 1]!)) {
    to--;
    // "profit of pounds 75m": the currency word goes with its sum.
    if (to - from > 1 && CURRENCY_WORDS.has(words[to - 1]!.toLowerCase())) to--;
    while (to - from > 1 && /^(?:of|to|for|by|at|in|on|and|with)$/i.test(words[to - 1]!)) to--;
  }
  // "boats carrying", "checkup following", "holidays costing": an everyday verb's -ing form at the end lost its object ("drug smuggling" stays).
  if (to - from > 1 && isLightGerund(words[to - 1]!)) to--;
  // "shares closing", "people voting", "big parties battling": an -ing word at the end after a plural noun is that
  // noun's verb (a compound takes a singular or mass noun first: "mortgage lending", "money laundering").
  if (to - from > 1 && pluralThenParticiple(words[to - 2]!, words[to - 1]!)) to--;
  // "accused of trying to extort": from "of" + an everyday verb's -ing form on, the label is a clause.
  for (let i = from + 1; i < to - 1; i++) {
    if (/^(?:of|for|by|about)$/i.test(words[i]!) && isLightGerund(words[i + 1]!)) {
      to = i;
      break;
    }
  }
  return [from, to];
}

/**
 * Verbs that frame an event without saying what it is about ("hitting a high", "following a dispute", "launching a
 * service", "reaching a deal"); with `LIGHT_VERBS` their gerund goes from a label's front. A verb that is the topic's
 * substance ("denuclearizing the peninsula", "increasing the minimum wage", "selling the firm") keeps it.
 */
const FRAMING_VERBS = new Set('follow hit reach top launch offer receive bring open win lose join enter host stage spark prompt'.split(' '));

/** Determiners that open a gerund's object ("hitting a seven-month high", "launching its own drink"). */
const OBJECT_DETERMINERS = new Set('a an the its their his her our my your'.split(' '));

/**
 * A label that opens on an everyday or framing verb's gerund with its object ("hitting a seven-month high", "following
 * a trademark dispute", "launching its own broadband telephony service") is a clause; what the gerund acts on is the topic
 * ("seven-month high", "trademark dispute", "own broadband telephony service"). Only a lower-case -ing word
 * right before a determiner counts ("ruling on the appeal", "rising prices" have none), and the label keeps at least two words.
 * Applied to a listed topic's finished label only, so which topics are found and merged does not change.
 */
export function withoutLeadingGerund(label: string): string {
  const first = label.indexOf(' ');
  if (first < 0) return label;
  const gerund = label.slice(0, first);
  if (!/^[a-z][a-z-]{2,}ing$/.test(gerund) || namesNewsIssue(gerund) || !ingBases(gerund).some((b) => LIGHT_VERBS.has(b) || FRAMING_VERBS.has(b))) return label;
  const second = label.indexOf(' ', first + 1);
  if (second < 0 || !OBJECT_DETERMINERS.has(label.slice(first + 1, second).toLowerCase())) return label;
  let rest = label.slice(second + 1);
  // "launching its own broadband service": "own" only stressed whose, and the possessor went with the gerund.
  if (rest.startsWith('own ')) rest = rest.slice(4);
  return rest.includes(' ') ? rest : label;
}
