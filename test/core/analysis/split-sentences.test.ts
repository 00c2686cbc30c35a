import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/core/analysis/clean-text.js';
import { isBareLowerWord, isDotted, isInitial, leadingWord, splitSentences } from '../../../src/core/analysis/split-sentences.js';
import { splitSentences as referenceSplit } from './reference/split-sentences.js';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('GIVEN a headline without final punctuation THEN it is a sentence of its own', () => {
    const cleaned = "S. Korea-Japan ministers hold talks on N. Korea's nuclear issue\n\n\"A historic opportunity.\nThat's how the diplomats described it.";
    expect(texts(cleaned)).toEqual([
      "S. Korea-Japan ministers hold talks on N. Korea's nuclear issue",
      '"A historic opportunity.',
      "That's how the diplomats described it.",
    ]);
  });

  it('GIVEN paragraphs THEN each sentence carries its paragraph number', () => {
    const sentences = splitSentences('Title line\n\nOne. Two.\n\nThree.');
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
  });

  it('GIVEN country abbreviations and dotted acronyms THEN they do not end a sentence', () => {
    expect(texts('S. Korea and N. Korea met. The U.S.-Japan summit and U.S-North Korea talks follow.')).toEqual([
      'S. Korea and N. Korea met.',
      'The U.S.-Japan summit and U.S-North Korea talks follow.',
    ]);
    expect(texts('U.S. President Barack Obama spoke. He left.')).toEqual(['U.S. President Barack Obama spoke.', 'He left.']);
  });

  it('GIVEN a dotted acronym at the end of a sentence THEN the next sentence still starts', () => {
    expect(texts('He moved to the U.S. The move was hard.')).toEqual(['He moved to the U.S.', 'The move was hard.']);
    expect(texts('The game starts at 7 p.m. The doors open earlier.')).toEqual(['The game starts at 7 p.m.', 'The doors open earlier.']);
  });

  it('GIVEN titles, ranks and middle initials THEN the name stays in one sentence', () => {
    expect(texts('Mr. Smith met Dr. Jones and Army Spc. Caleb Barnes. George W. Bush was there.')).toEqual([
      'Mr. Smith met Dr. Jones and Army Spc. Caleb Barnes.',
      'George W. Bush was there.',
    ]);
  });

  it('GIVEN "No. 10", "Jan. 5" and "a.m." followed by lower case THEN no boundary; "No." before a word is a word', () => {
    expect(texts('He went to No. 10 on Jan. 5 at 9 a.m. on a Monday. No. That was wrong.')).toEqual([
      'He went to No. 10 on Jan. 5 at 9 a.m. on a Monday.',
      'No.',
      'That was wrong.',
    ]);
  });

  it('GIVEN a company abbreviation before a sentence opener THEN it ends the sentence', () => {
    expect(texts('Shares fell at Apple Inc. The drop was steep. Martin Luther King Jr. Day is a holiday.')).toEqual([
      'Shares fell at Apple Inc.',
      'The drop was steep.',
      'Martin Luther King Jr. Day is a holiday.',
    ]);
  });

  it('GIVEN a transcript line that ends with ",..." THEN the sentence continues on the next line and inline', () => {
    expect(texts('While the two agreed on Pyongyang,... their differences were clear.\nKang spoke,...\nbut Kono did not.')).toEqual([
      'While the two agreed on Pyongyang,... their differences were clear.',
      'Kang spoke,...\nbut Kono did not.',
    ]);
    expect(texts('Sanctions stay for now,… Minister Kang said talks matter.')).toEqual(['Sanctions stay for now,… Minister Kang said talks matter.']);
  });

  it('GIVEN a hard-wrapped line that continues in lower case THEN it is one sentence', () => {
    expect(texts('The council met on Monday to discuss\nthe budget. It agreed.')).toEqual([
      'The council met on Monday to discuss\nthe budget.',
      'It agreed.',
    ]);
  });

  it('GIVEN a quotation of several sentences THEN the closing mark stays with its sentence', () => {
    expect(texts('"We respect your work. I hope for cooperation." The talks ended.')).toEqual([
      '"We respect your work.',
      'I hope for cooperation."',
      'The talks ended.',
    ]);
  });

  it('GIVEN Daily Mail single-quote speech followed by its attribution THEN it is one sentence', () => {
    expect(texts("The girl texted him, 'I want her gone,' it emerged today. 'Why?' she asked. 'Go!' Jamie wrote, the affidavit said.")).toEqual([
      "The girl texted him, 'I want her gone,' it emerged today.",
      "'Why?' she asked.",
      "'Go!' Jamie wrote, the affidavit said.",
    ]);
    expect(texts("Mr Wang said: 'Big kites are built from kevlar.' In order to secure them, bamboo was used.")).toEqual([
      "Mr Wang said: 'Big kites are built from kevlar.'",
      'In order to secure them, bamboo was used.',
    ]);
  });

  it('GIVEN ellipses THEN a lower-case continuation stays and a capital starts a new sentence', () => {
    expect(texts("'She was arrested... and he does not want her back.' I want her gone.... Just do it.")).toEqual([
      "'She was arrested... and he does not want her back.'",
      'I want her gone....',
      'Just do it.',
    ]);
    expect(texts('He said: "... A woman is entitled to it." Then he left.')).toEqual([
      'He said: "... A woman is entitled to it."',
      'Then he left.',
    ]);
  });

  it('GIVEN photo captions pasted into the story THEN they are split from the story sentences', () => {
    expect(
      texts('The kite took to the sky last Saturday Skilful: The kite weighs 200 kilograms and needs three flyers to manoeuvre However, officials ruled it could not fly.'),
    ).toEqual([
      'The kite took to the sky last Saturday Skilful: The kite weighs 200 kilograms and needs three flyers to manoeuvre',
      'However, officials ruled it could not fly.',
    ]);
    expect(texts('Police found the car in a pond near the family home Global appeal: Teams came from 13 countries.')).toEqual([
      'Police found the car in a pond near the family home',
      'Global appeal: Teams came from 13 countries.',
    ]);
  });

  it('GIVEN a caption that points at its photo or has an upper-case label THEN the story sentence after it stands alone', () => {
    expect(texts('MP John Doe is being investigated over cake claims, pictured above Detectives are expected to speak to him.')).toEqual([
      'MP John Doe is being investigated over cake claims, pictured above',
      'Detectives are expected to speak to him.',
    ]);
    expect(texts("Police traced the car to the family home (pictured) Silvonek's attorney said she was coerced.")).toEqual([
      'Police traced the car to the family home (pictured)',
      "Silvonek's attorney said she was coerced.",
    ]);
    expect(texts('The talks ended early CLAIM: MP Jesse Norman denies it.')).toEqual(['The talks ended early', 'CLAIM: MP Jesse Norman denies it.']);
    expect(texts('Jamie Silvonek (left) and her boyfriend were charged.')).toHaveLength(1);
  });

  it('GIVEN "The" after a bare lower-case word THEN it opens a sentence only when a lower-case word follows', () => {
    expect(texts("She was stabbed after a concert The teen's attorney said he was shocked.")).toEqual([
      'She was stabbed after a concert',
      "The teen's attorney said he was shocked.",
    ]);
    expect(texts('Waldron told The Associated Press the case was complex.')).toHaveLength(1);
    expect(texts("Sturgeon was campaigning in Aberdeen ahead of a TV debate tonight When questioned on the issue, she said no.")).toEqual([
      'Sturgeon was campaigning in Aberdeen ahead of a TV debate tonight',
      'When questioned on the issue, she said no.',
    ]);
    expect(texts('They watched the film When Harry Met Sally again.')).toHaveLength(1);
  });

  it('GIVEN a name before a colon that introduces a quote THEN it is not taken for a caption', () => {
    expect(texts("The teenager then texted Barnes: 'She threatened me.' He replied.")).toEqual([
      "The teenager then texted Barnes: 'She threatened me.'",
      'He replied.',
    ]);
    expect(texts('He spoke outside Downing Street: The mood was grim.')).toHaveLength(1);
  });

  it('GIVEN question and exclamation marks THEN they end sentences', () => {
    expect(texts('Who won? Nobody knows! Voting resumes today.')).toEqual(['Who won?', 'Nobody knows!', 'Voting resumes today.']);
  });

  it('GIVEN offsets THEN every text equals its slice of the input', () => {
    const cleaned = cleanText('Title here\n\nFirst one. Second "quote." Third?\nFourth,...\nstill fourth.');
    for (const s of splitSentences(cleaned)) expect(cleaned.slice(s.start, s.end)).toBe(s.text);
  });

  it('GIVEN empty or blank text THEN there are no sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n ')).toEqual([]);
  });

  it('PROPERTY: joining the sentences with the whitespace between them gives back the text', () => {
    const piece = fc.constantFrom(
      'U.S.', 'S.', 'Korea', 'Mr.', 'said', '"', "'", ',...', '…', '.', '?', '!', ' ', ' ', ' ', '\n', '\n\n', 'a.m.', 'The',
      'no.', '10', 'Skilful:', 'However,', 'he', '(', ')', '.\u00a0', '\t',
    );
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, (raw) => {
        for (const input of [raw, cleanText(raw)]) {
          const sentences = splitSentences(input);
          let rebuilt = '';
          let cursor = sentences[0]?.start ?? 0;
          for (const [i, s] of sentences.entries()) {
            const between = input.slice(cursor, s.start);
            if (!/^\s*$/.test(between)) return false;
            if (s.index !== i || s.text !== input.slice(s.start, s.end) || s.text !== s.text.trim() || s.text === '') return false;
            rebuilt += between + s.text;
            cursor = s.end;
          }
          const covered = sentences.length === 0 ? '' : input.slice(sentences[0]!.start, cursor);
          if (rebuilt !== covered || input.trim() !== covered) return false;
        }
        const cleaned = cleanText(raw);
        const sentences = splitSentences(cleaned);
        const joined = sentences.map((s, i) => (i === 0 ? '' : cleaned.slice(sentences[i - 1]!.end, s.start)) + s.text).join('');
        return joined === cleaned;
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitSentences character loops', () => {
  const piece = fc.constantFrom(
    'U.S.', 'S.', 'Ph.D', 'a.m.', 'Korea', 'Mr.', 'Mr', 'mr.', 'said', 'asked', '"', "'", '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', ',...', '…', '.', '...', '?', '!', ',', ';', ':', ': ',
    ' ', ' ', ' ', '  ', '\n', '\n\n', '\u00a0', '\t', '\u2028', 'no.', 'No.', '10', '3', 'Skilful: The', 'SKILFUL: A', 'However,', 'However', 'The', 'He', 'he', 'the',
    'pictured', '(pictured)', 'above', 'and', 'in', ' said The a', ' told He é', ' later However, ', ' met Skilful: Kite', 'É', 'é', 'éa', '𝐀', '𝐚', '\ud835', 'x-y', "don't", 'Jr.', 'etc.', 'Jan.', 'a', 'A', 'I', 'B.B.', 'ſ', 'İ',
  );
  const text = fc.array(piece, { maxLength: 50 }).map((parts) => parts.join(''));

  it('GIVEN any text THEN the sentences are exactly those of the splitter before its loops (dcad293)', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(splitSentences(t)).toEqual(referenceSplit(t));
      }),
      { numRuns: 20000 },
    );
  });

  it('GIVEN any word THEN each word test is exactly the regex it replaces', () => {
    const word = fc.array(fc.constantFrom('a', 'B', 'é', 'É', '1', '.', "'", '’', '-', '𝐀', '𝐚', '\ud835', ' ', 'ǅ', '\u0301', '²'), { maxLength: 7 }).map((p) => p.join(''));
    fc.assert(
      fc.property(word, (w) => {
        expect(isBareLowerWord(w)).toBe(/^[\p{Ll}\d][\p{L}\d'’-]*[\p{Ll}\d]$/u.test(w));
        expect(isInitial(w)).toBe(/^\p{Lu}$/u.test(w));
        expect(isDotted(w)).toBe(/^\p{L}{1,2}(?:\.\p{L}{1,2})+$/u.test(w));
        expect(leadingWord(w)).toBe(/^[\p{L}\p{N}]+/u.exec(w)?.[0] ?? '');
      }),
      { numRuns: 20000 },
    );
  });
});
