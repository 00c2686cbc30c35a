import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/core/analysis/clean-text.js';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';
import {
  bareQuotations,
  isClosed,
  isQuestion,
  isWordChar,
  quotedShares,
  shortenForTldr,
  summarize,
  TLDR_MAX_CHARS,
  withoutConnective,
} from '../../../src/core/analysis/summarize.js';

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

  it('GIVEN speech with its attribution THEN its quoted share is the part of its words inside the marks', () => {
    const sentences = sentencesOf(
      [
        '"We will rebuild every home," the mayor said.',
        'The mayor said the town would rebuild every home.',
        'She called the plan "a disgrace" on Monday.',
        "'Sometimes you need to apply a little bit of common sense.'",
      ].join('\n'),
    );
    const shares = quotedShares(sentences);
    expect(shares[0]).toBeCloseTo(5 / 8);
    expect(shares[1]).toBe(0);
    expect(shares[2]).toBeCloseTo(2 / 8);
    expect(shares[3]).toBe(1);
  });

  it('GIVEN a lead sentence that is mostly quoted speech, speaker named THEN reported sentences are chosen over it', () => {
    const stories = [
      [
        'Fire crews battled a blaze at a paint factory in Dunmore overnight, and 200 homes nearby were evacuated.',
        '"We have never seen flames this high in all my years on the job, and we were lucky nobody died tonight," said fire chief Alan Price.',
        'The fire started in a storage shed shortly after midnight and spread to the main factory building.',
        'Residents were allowed back into their homes on Sunday morning after the fire was put out.',
        'The cause of the blaze is under investigation.',
      ],
      [
        'The city council voted on Tuesday to close three public libraries in Eastfield to save money.',
        '"Closing our libraries is the worst decision this council has ever taken, and our children will pay for it," said parent Maria Lopez.',
        'The closures will save the city about $2 million a year, according to a council report.',
        'The libraries will shut their doors at the end of June.',
        'Council members said no staff would lose their jobs.',
      ],
      [
        'Heavy snow closed the main mountain pass between Alpville and Bergtal on Friday, stranding hundreds of drivers.',
        '"It is the worst winter storm we have had on this road in twenty years, and it is not over yet," road manager Tom Berg told reporters.',
        'Snow ploughs cleared one lane of the pass by Saturday afternoon.',
        'Drivers were given blankets and hot drinks at a nearby school overnight.',
        'More snow is forecast for next week.',
      ],
    ];
    for (const story of stories) {
      const sentences = sentencesOf(story.join('\n'));
      expect(summarize(sentences, { count: 3 }).indices).not.toContain(1);
      // Without the rule the quotation would stay in the summary.
      expect(summarize(sentences, { count: 3, params: { quoteHeavyFactor: 1 } }).indices).toContain(1);
    }
  });

  it('GIVEN a lede and a slightly denser second sentence THEN the lede is chosen: each place in the lead weighs less', () => {
    const stories = [
      [
        'Police in Hartley arrested two men after a armed robbery at a jewellery shop on the high street on Monday.',
        'Officers recovered stolen rings and watches from a car outside the shop in Hartley.',
        'The shop owner was not hurt.',
      ],
      [
        'A new bridge over the river Lune opened to traffic in Lancaster on Saturday after three years of building work.',
        'The bridge cost 40 million pounds and carries four lanes of traffic over the Lune.',
        'Local shops hope it will bring more visitors.',
      ],
      [
        'Farmers in the Ebro valley lost half of their peach harvest this summer to hail storms and drought.',
        'Hail storms destroyed peach orchards across the valley in July, and drought did the rest.',
        'Prices for peaches in Spanish shops have doubled.',
      ],
    ];
    for (const story of stories) {
      const sentences = sentencesOf(story.join('\n'));
      expect(summarize(sentences, { count: 1 }).indices).toEqual([0]);
      expect(summarize(sentences, { count: 1, params: { positionDecay: 0 } }).indices).toEqual([1]);
    }
  });

  it('GIVEN a second sentence that develops the lede with its words THEN it is kept over an aside', () => {
    const stories = [
      [
        'A magnitude 6.1 earthquake struck the island of Corvo early on Tuesday, damaging hundreds of homes.',
        'The earthquake damaged homes and the harbour wall in the island capital, officials said.',
        'Tourism is the main industry of the island.',
        'Schools will reopen next week.',
      ],
      [
        'Striking train drivers in Castelo shut down the city rail network on Monday in a dispute over pay.',
        'The train drivers say their pay has not risen in five years, and the strike could last all week.',
        'Buses were crowded across the city.',
        'Talks are due to resume on Friday.',
      ],
    ];
    for (const story of stories) {
      const sentences = sentencesOf(story.join('\n'));
      expect(summarize(sentences, { count: 2 }).indices).toEqual([0, 1]);
      // Pure coverage would count the shared words for nothing and take the aside.
      expect(summarize(sentences, { count: 2, params: { redundancy: 1 } }).indices).toEqual([0, 2]);
    }
  });

  it('GIVEN a run-on sentence of more than 30 words in the lead THEN a shorter story sentence is preferred', () => {
    const stories = [
      [
        'The regional government of Varnia approved a plan on Thursday to build 5,000 new homes by 2030.',
        'The plan was drafted over two years by planners and residents of all twelve districts of the region and was revised four times after public meetings and hearings in every town and village of the region.',
        'Critics say the new homes will not be affordable for young families.',
        'Building work is due to start next spring.',
      ],
      [
        'Volunteers planted 10,000 trees along the banks of the river Ashby on Saturday to stop floods.',
        'The trees were chosen by scientists from the university of Ashby because their roots hold the soil of the river banks together and slow the water down when heavy rain falls in the hills above the town.',
        'Floods damaged 300 homes in the town last winter.',
        'More planting days are planned for the autumn.',
      ],
    ];
    for (const story of stories) {
      const sentences = sentencesOf(story.join('\n'));
      expect(summarize(sentences, { count: 2 }).indices).toEqual([0, 2]);
      expect(summarize(sentences, { count: 2, params: { maxWords: 45 } }).indices).toEqual([0, 1]);
    }
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

  it('GIVEN a title THEN of two equally weighted and equally dense sentences the one repeating it wins', () => {
    const sentences = sentencesOf('Ferry fares in the harbour will rise next month. Library hours in the town will change next month.');
    // Places in the lead weigh the same here, so that only the title tells the two apart.
    const params = { positionDecay: 0 };
    expect(summarize(sentences, { count: 1, params }).indices).toEqual([0]);
    expect(summarize(sentences, { count: 1, title: 'Library hours to change', params }).indices).toEqual([1]);
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


describe('the TL;DR line', () => {
  it('GIVEN a summary led by a quotation THEN the TL;DR is a sentence in the story\'s own voice', () => {
    const text = [
      'Its classrooms have taught the children of Millbrook since 1874.',
      'But on Monday, the county council voted to close the village primary school at the end of the summer term.',
      '"We will not let this school close without a fight," the head teacher of Millbrook Primary told parents after the vote.',
    ].join(' ');
    const { tldr, texts } = summaryOf(text);
    expect(texts).toContain('"We will not let this school close without a fight," the head teacher of Millbrook Primary told parents after the vote.');
    expect(tldr).toBe('On Monday, the county council voted to close the village primary school at the end of the summer term.');
  });

  it('GIVEN a sentence that opens with a quoted title THEN it is the story\'s own and may be the TL;DR', () => {
    const text = [
      '"Night Harbour," the new thriller from the director of "Cold Coast," took $41 million at the box office in its opening weekend.',
      'It was the best opening for an original thriller this year, according to industry estimates published on Sunday.',
      'The film stars two newcomers as a pair of dock workers caught up in a smuggling ring.',
    ].join(' ');
    expect(summaryOf(text).tldr).toMatch(/^"Night Harbour," the new thriller/);
  });

  it('GIVEN only sentences that lean on a connective THEN the connective is dropped, but a question is not made the TL;DR', () => {
    const text = [
      'His songs filled stadiums across Latin America for two decades.',
      'But now, the singer Tomas Arriaga spends his days teaching guitar to children in a village school near Oaxaca.',
      'And could his farewell album be the best-selling record of the year in Mexico?',
    ].join(' ');
    expect(summaryOf(text).tldr).toBe('Now, the singer Tomas Arriaga spends his days teaching guitar to children in a village school near Oaxaca.');
  });

  it('GIVEN a sentence with or without a leading connective THEN withoutConnective drops only the connective', () => {
    expect(withoutConnective('However, the board rejected the offer.')).toBe('The board rejected the offer.');
    expect(withoutConnective('But ministers said the plan would go ahead.')).toBe('Ministers said the plan would go ahead.');
    expect(withoutConnective('Butterflies returned to the meadow.')).toBe('Butterflies returned to the meadow.');
    expect(withoutConnective('He said so.')).toBe('He said so.');
  });
});
