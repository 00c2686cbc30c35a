import { ADJECTIVE_NOT_NOUN_WORDS, OTHER_NOT_NOUN_WORDS, VERB_ONLY_WORDS } from './lexicon/never-nouns.js';

/**
 * What an English word is, by natural's POS lexicon, when it can never be a noun: always a verb
 * ("flatten", "pictured"), possibly an adjective ("impressive", "used"), or something else that
 * never heads a noun phrase (adverbs, prepositions, pronouns: "however", "throughout", "himself").
 */
export type NonNounClass = 'verb' | 'adjective' | 'other';

let classes: Map<string, NonNounClass> | undefined;

function table(): Map<string, NonNounClass> {
  if (classes === undefined) {
    classes = new Map();
    for (const w of VERB_ONLY_WORDS.split(' ')) classes.set(w, 'verb');
    for (const w of ADJECTIVE_NOT_NOUN_WORDS.split(' ')) classes.set(w, 'adjective');
    for (const w of OTHER_NOT_NOUN_WORDS.split(' ')) classes.set(w, 'other');
  }
  return classes;
}

/**
 * The class of a lower-case word that the lexicon never tags as a noun, or undefined for a word
 * that can be a noun or that the lexicon does not know (names, new words): those stay nouns.
 */
export function nonNounClass(lower: string): NonNounClass | undefined {
  return table().get(lower);
}
