// natural ships no typings for its deep CommonJS paths; we import submodules only because
// `import 'natural'` loads every tokenizer, classifier and WordNet helper at start-up.

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/util/stopwords.js' {
  const stopwords: { words: string[] };
  export default stopwords;
}

declare module 'natural/lib/natural/util/abbreviations_en.js' {
  const abbreviations: { knownAbbreviations: string[] };
  export default abbreviations;
}
