import { ADJECTIVE_NOT_NOUN_WORDS, NOUN_ALSO_VERB_WORDS, OTHER_NOT_NOUN_WORDS, USUALLY_OTHER_WORDS, USUALLY_VERB_WORDS, VERB_ONLY_WORDS } from './lexicon/never-nouns.js';

/**
 * What an English word is, by natural's POS lexicon, when it can never be a noun: always a verb
 * ("flatten", "pictured"), possibly an adjective ("impressive", "used"), or something else that
 * never heads a noun phrase (adverbs, prepositions, pronouns: "however", "throughout", "himself").
 */
export type NonNounClass = 'verb' | 'adjective' | 'other';

/** A map from the words of space-separated lists to each list's class. */
function tableOf<T>(lists: ReadonlyArray<readonly [string, T]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [words, cls] of lists) for (const w of words.split(' ')) map.set(w, cls);
  return map;
}

// Built on first use, not at start-up (the command line's other commands never need them).
let neverNouns: Map<string, NonNounClass> | undefined;
let usualClasses: Map<string, 'verb' | 'other' | 'noun-or-verb'> | undefined;

function usualTable(): Map<string, 'verb' | 'other' | 'noun-or-verb'> {
  return (usualClasses ??= tableOf<'verb' | 'other' | 'noun-or-verb'>([
    [USUALLY_VERB_WORDS, 'verb'],
    [USUALLY_OTHER_WORDS, 'other'],
    [NOUN_ALSO_VERB_WORDS, 'noun-or-verb'],
  ]));
}

/**
 * The class of a lower-case word that the lexicon never tags as a noun, or undefined for a word
 * that can be a noun or that the lexicon does not know (names, new words): those stay nouns.
 */
export function nonNounClass(lower: string): NonNounClass | undefined {
  return (neverNouns ??= tableOf<NonNounClass>([
    [VERB_ONLY_WORDS, 'verb'],
    [ADJECTIVE_NOT_NOUN_WORDS, 'adjective'],
    [OTHER_NOT_NOUN_WORDS, 'other'],
  ])).get(lower);
}


/**
 * What a lower-case word that can be a noun usually is, by the lexicon's likeliest tag, when that is not a noun: a verb
 * ("hit", "saw", "raising", "help") or something else ("former", "top", "down", "annual"). Undefined for a word usually
 * a noun, for a word never a noun (`nonNounClass`) and for a word the lexicon does not know.
 */
export function usualNonNounClass(lower: string): 'verb' | 'other' | undefined {
  const c = usualTable().get(lower);
  return c === 'noun-or-verb' ? undefined : c;
}

/** A word usually a noun that is also a verb's base form or past tense, by the lexicon: "use", "deal", "work", "rose". */
export function isNounAlsoVerb(lower: string): boolean {
  return usualTable().get(lower) === 'noun-or-verb';
}

/** `wordClassBits`: the word is never a noun and no verb or adjective either ("against", "whose", "widely"). */
export const OTHER_WORD = 1;
/** `wordClassBits`: the word is always or usually a verb ("fell", "hit", "raising"). */
export const VERB_WORD = 2;
/** `wordClassBits`: the word is never a noun and can be an adjective ("higher", "impressive"). */
export const ADJECTIVE_WORD = 4;

/** `wordClassBits`: the word can be a noun but is usually an adjective, adverb or the like ("former", "top", "worth"). */
export const USUALLY_OTHER_WORD = 8;

/** `wordClassBits`: a determiner or possessive pronoun, after which a noun phrase stands ("the", "its", "every"). */
export const DETERMINER_WORD = 16;
/** `wordClassBits`: a word after which a verb stands: "to", modals, subject pronouns, "not" ("to use", "they say"). */
export const VERB_OPENER_WORD = 32;

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'these', 'those', 'no', 'any', 'some', 'each', 'every']);
const VERB_OPENERS = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'cannot', 'not', "n't", 'i', 'we', 'they', 'you', 'he', 'she', 'did', 'does', 'do']);

/**
 * The classes of a lower-case word as bits (OTHER_WORD, VERB_WORD, ADJECTIVE_WORD, USUALLY_OTHER_WORD, DETERMINER_WORD,
 * VERB_OPENER_WORD), for tokens to carry once per distinct word; 0 for a word usually a noun or unknown to the lexicon.
 */
export function wordClassBits(lower: string): number {
  let bits = (DETERMINERS.has(lower) ? DETERMINER_WORD : 0) | (VERB_OPENERS.has(lower) ? VERB_OPENER_WORD : 0);
  const never = nonNounClass(lower);
  if (never === 'other') bits |= OTHER_WORD;
  else if (never === 'adjective') bits |= ADJECTIVE_WORD;
  else if (never === 'verb') bits |= VERB_WORD;
  else {
    const usually = usualNonNounClass(lower);
    if (usually === 'verb') bits |= VERB_WORD;
    else if (usually === 'other') bits |= USUALLY_OTHER_WORD;
  }
  return bits;
}
