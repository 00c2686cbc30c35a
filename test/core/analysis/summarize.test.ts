import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/core/analysis/clean-text.js';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';
import { bareQuotations, isClosed, isQuestion, isWordChar, shortenForTldr, summarize, TLDR_MAX_CHARS } from '../../../src/core/analysis/summarize.js';

const sentencesOf = (text: string) => splitSentences(cleanText(text));
const summaryOf = (text: string, count?: number) => {
  const sentences = sentencesOf(text);
  const summary = summarize(sentences, { count });
  return { ...summary, texts: summary.indices.map((i) => sentences[i]!.text) };
};

const STORM = [
  'What a night.',
  'A powerful storm flooded the coastal town of Riverton on Monday, forcing hundreds of residents from their homes.',
  'Emergency crews rescued forty people from the flooded streets of Riverton as the river burst its banks.',
  'The mayor of Riverton declared a state of emergency and asked the government for flood relief.',
  'Forecasters expect more rain across the region later this week.',
  'Local schools will stay closed until Friday.',
].join(' ');

describe('summarize', () => {
  it('GIVEN a lead sentence that only points back ("That\'s how ...") THEN a self-contained sentence is chosen instead', () => {
    const text = [
      '"A turning point.',
      "That's how officials in Lisbon described the new adaptation fund for coastal nations.",
      'Ministers from 42 coastal nations agreed on Tuesday to create a $9 billion fund to protect harbours and farmland.',
      'The fund will be managed by the World Bank for its first five years, officials said.',
      'Rich countries pledged $6.2 billion on the first day of the summit in the Portuguese capital.',
      'Environmental groups welcomed the fund but urged governments to pay quickly.',
    ].join('\n');
    const sentences = sentencesOf(text);
    const chosen = summarize(sentences, { count: 3 }).indices.map((i) => sentences[i]!.text);
    expect(chosen.some((t) => t.startsWith("That's how"))).toBe(false);
    expect(chosen).toHaveLength(3);
  });

  it('GIVEN bare quotations in the lead THEN a sentence that says who did what, further down, is chosen over them', () => {
    const text = [
      'Ministers from Chile and Peru met in Lima on Monday for the first talks on the river in two years.',
      'Both sides agreed to share daily measurements from their dams and gauging stations along the river.',
      '"We have waited a long time for this and the farmers on both sides of the river deserve better.',
      'Today is only a first step."',
      'Chile asked Peru to guarantee a minimum flow of the river during the summer months, the ministers said.',
    ].join('\n');
    const { texts } = summaryOf(text, 3);
    expect(texts.some((t) => t.includes('We have waited') || t.includes('first step'))).toBe(false);
    expect(texts[2]).toMatch(/^Chile asked Peru/);
  });

  it('GIVEN quotations with and without a speaker THEN only those without are bare', () => {
    const sentences = sentencesOf(
      [
        '"We have waited a long time for this," said the Chilean minister.',
        "The farmers' unions in both countries haven't asked for more.",
        "'We were both stabbed,' Saltare can be heard saying.",
        '"We respect the hard work up until now.',
        'I hope for close cooperation between the two countries."',
        "'Sometimes you need to apply a little bit of common sense.'",
      ].join('\n'),
    );
    expect(bareQuotations(sentences)).toEqual([false, false, false, true, true, true]);
  });

  it('GIVEN a quotation mark that is never closed THEN the sentences after it are not taken for speech', () => {
    const sentences = sentencesOf(
      '"A historic opportunity.\nThat\'s how the diplomats described the summits.\nThe foreign ministers reaffirmed their goal.',
    );
    expect(bareQuotations(sentences)).toEqual([true, false, false]);
  });

  it('GIVEN a lead that opens with a short teaser THEN the teaser gives way to the next lead sentence', () => {
    const { texts, indices } = summaryOf(STORM);
    expect(indices).toEqual([1, 2, 3]);
    expect(texts[0]).toMatch(/^A powerful storm/);
  });

  it('GIVEN a pasted photo caption in the lead THEN it is not a summary sentence', () => {
    const text =
      'Police arrested two men after a bank robbery in Leeds on Tuesday morning. Getaway: The car used in the raid was found burnt out near the city centre Detectives said the men were arrested at a house in Bradford later that day. Both men, aged 24 and 31, remain in custody at a Leeds police station. A third suspect is still being sought by police.';
    const { texts } = summaryOf(text);
    expect(texts.some((t) => t.startsWith('Getaway:'))).toBe(false);
    expect(texts).toHaveLength(3);
  });

  it('GIVEN a lead sentence that describes a photo THEN a story sentence is preferred to it', () => {
    const text = [
      'A meat trader who ran a mortgage fraud was ordered to pay back half a million pounds today.',
      'Grant Allen travelled first class around the world with his girlfriend using the money from the fraud.',
      'Grant Allen (left) travelled round the world with his girlfriend Gaynor Godwin (right) on fraud money.',
      'The court heard that he hid the fraud by funnelling cash through his girlfriend\'s bank account.',
    ].join(' ');
    expect(summaryOf(text).indices).toEqual([0, 1, 3]);
  });

  it('GIVEN a transcript opening with greetings THEN they do not use up the lead window', () => {
    const text = [
      'Good evening.',
      'Hello.',
      'Welcome back.',
      'Thanks for joining.',
      'Parliament passed the new climate law on Tuesday after a debate that lasted three days.',
      'The law sets a target of net zero emissions by 2045 for all industries.',
      'Farmers and airlines will get five more years to meet the climate target.',
      'The opposition said the law would cost thousands of jobs in the north.',
      'A court challenge is expected within weeks.',
    ].join('\n');
    expect(summaryOf(text).indices.every((i) => i >= 4)).toBe(true);
  });

  it('GIVEN a headline line THEN it is never picked but still returns three body sentences in order', () => {
    const text =
      "Ministers hold talks on fishing quotas\n\nThe ministers of both countries met in Seoul on Monday to discuss fishing quotas.\nThey agreed to set up a task force on fishing quotas.\nThe talks will continue next month in Tokyo.\nBoth sides called the meeting constructive.";
    const sentences = sentencesOf(text);
    const { indices } = summarize(sentences, {});
    expect(indices).not.toContain(0);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(indices).toHaveLength(3);
  });

  it('GIVEN two near-identical lead sentences THEN only one of them is chosen', () => {
    const text = [
      'The city council approved the new budget for schools and roads on Tuesday night.',
      'On Tuesday night the city council approved the new budget for roads and schools.',
      'The budget raises spending on teachers by ten percent over two years.',
      'Opposition members said the road plans were far too expensive for taxpayers.',
      'The vote passed by seven votes to four after a long debate.',
    ].join(' ');
    const { indices } = summaryOf(text);
    expect(indices.filter((i) => i <= 1)).toHaveLength(1);
  });

  it('GIVEN fewer sentences than asked THEN every sentence is returned once', () => {
    expect(summaryOf('Only one sentence here. And a second one follows it.').indices).toEqual([0, 1]);
  });

  it('GIVEN empty input or a count of zero THEN the summary is empty', () => {
    expect(summarize([], {})).toEqual({ indices: [], tldr: '' });
    expect(summarize(sentencesOf(STORM), { count: 0 })).toEqual({ indices: [], tldr: '' });
  });

  it('GIVEN a count of five THEN five sentences are chosen', () => {
    expect(summaryOf(STORM, 5).indices).toHaveLength(5);
  });

  it('GIVEN a title THEN of two equally placed and equally dense sentences the one repeating it wins', () => {
    const sentences = sentencesOf('Ferry fares in the harbour will rise next month. Library hours in the town will change next month.');
    expect(summarize(sentences, { count: 1 }).indices).toEqual([0]);
    expect(summarize(sentences, { count: 1, title: 'Library hours to change' }).indices).toEqual([1]);
  });

  it('GIVEN the same input twice THEN the same summary (deterministic)', () => {
    expect(summaryOf(STORM)).toEqual(summaryOf(STORM));
  });

  it('PROPERTY: indices are distinct, sorted, in range, and as many as possible up to count', () => {
    const sentence = fc.constantFrom(
      'The council met today.', 'Prices rose sharply in March across the region.', 'Why?', '"We will win," she said.',
      'Caption without a stop', 'Rescuers searched the collapsed building for survivors overnight.', 'He left.',
    );
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 30 }), fc.integer({ min: 0, max: 6 }), (parts, count) => {
        const sentences = splitSentences(parts.join(' '));
        const { indices, tldr } = summarize(sentences, { count });
        const sorted = [...indices].sort((a, b) => a - b);
        return (
          indices.every((i, k) => i === sorted[k] && i >= 0 && i < sentences.length) &&
          new Set(indices).size === indices.length &&
          indices.length === Math.min(count, sentences.length) &&
          tldr.length <= TLDR_MAX_CHARS + 1
        );
      }),
    );
  });
});

describe('shortenForTldr', () => {
  it('GIVEN a short sentence THEN it is returned as is', () => {
    expect(shortenForTldr('The vote passed.')).toBe('The vote passed.');
  });

  it('GIVEN a long sentence with a trailing clause THEN it is cut before the clause with a full stop', () => {
    const text =
      'The foreign ministers of South Korea and Japan agreed on Monday to set up a joint task force on fishing quotas in their respective waters, which had been a sore point between the two neighbours for more than twenty years.';
    const tldr = shortenForTldr(text);
    expect(tldr).toBe('The foreign ministers of South Korea and Japan agreed on Monday to set up a joint task force on fishing quotas in their respective waters.');
  });

  it('GIVEN a long sentence without a clause boundary THEN it is cut at a comma or word with an ellipsis, within the limit', () => {
    const text = `${'word '.repeat(60)}end.`;
    const tldr = shortenForTldr(text);
    expect(tldr.length).toBeLessThanOrEqual(TLDR_MAX_CHARS);
    expect(tldr.endsWith('…')).toBe(true);
    expect(tldr).not.toMatch(/ …$/);
  });

  it('GIVEN any text THEN isClosed and isQuestion are exactly the regexes they replace', () => {
    const tail = fc.array(fc.constantFrom('.', '!', '?', '…', '"', "'", '”', '’', ')', '“', 'a', ' ', ','), { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.string(), tail, (head, end) => {
      const text = head + end;
      expect(isClosed(text)).toBe(/[.!?…]["'”’)]*$/.test(text));
      expect(isQuestion(text)).toBe(/\?["'”’)]*$/.test(text));
    }), { numRuns: 5000 });
  });

  it('GIVEN every UTF-16 unit THEN isWordChar is /[\\p{L}\\p{N}]/u on that unit alone', () => {
    for (let c = 0; c < 0x10000; c += 1) expect(isWordChar(c), c.toString(16)).toBe(/[\p{L}\p{N}]/u.test(String.fromCharCode(c)));
  });
});

