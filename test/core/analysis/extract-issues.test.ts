import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/core/analysis/clean-text.js';
import { CLAUSE_BOUNDARY_RE, COORDINATED_VERB_RE, chunks, describeWord, extractIssues, hasFiveWords, labelOf, labelStems, lexicalOf, namesParty, scanClauseTokens, startsWithDigit, stemsOf, tokenize } from '../../../src/core/analysis/extract-issues.js';
import { partyOf } from '../../../src/core/analysis/gazetteer.js';
import { nonNounClass } from '../../../src/core/analysis/word-classes.js';
import { extractQuotes } from '../../../src/core/analysis/extract-quotes.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';
import { NEWS_TOPICS } from '../../../src/core/analysis/topic-cut.js';
import type { Issue } from '../../../src/core/analysis/types.js';
import { quotedText, tokenText } from './token-pieces.js';
import type { Participant } from '../../../src/core/briefing/briefing.js';

const seed = readFileSync(new URL('../../fixtures/korea-japan.txt', import.meta.url), 'utf8');
const ministers: Participant[] = [
  { name: 'Kang Kyung-wha', role: 'Foreign Minister', side: 'South Korea', aliases: ['Kang'] },
  { name: 'Taro Kono', role: 'Foreign Minister', side: 'Japan', aliases: ['Kono'] },
];

function issuesOf(raw: string, participants: Participant[] = []): Issue[] {
  const text = cleanText(raw);
  const mentions = findMentions(text, participants);
  return extractIssues(splitSentences(text), { participants, quotes: extractQuotes(text), mentions, names: new NameIndex(mentions, participants) });
}

function find(issues: Issue[], pattern: RegExp): Issue {
  const hit = issues.find((i) => pattern.test(i.topic));
  if (!hit) throw new Error(`no topic matches ${pattern}: ${issues.map((i) => i.topic).join(' | ')}`);
  return hit;
}

describe('extractIssues on the Korea-Japan briefing', () => {
  const issues = issuesOf(seed, ministers);

  it('GIVEN the transcript THEN the topics a careful reader finds are all there, in document order', () => {
    const expected = [/summit/i, /denucleari/i, /sanction/i, /details|sharing/i, /abduct/i, /declaration/i, /task force|exchange/i, /fishing/i, /comfort women/i];
    const positions = expected.map((p) => issues.indexOf(find(issues, p)));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(find(issues, /territorial|historical/i).stance).toBe('disagreement');
  });

  it('GIVEN the transcript THEN about nine topics: the framing and the finer topics join the ones they belong to', () => {
    expect(issues.length).toBeGreaterThanOrEqual(8);
    expect(issues.length).toBeLessThanOrEqual(10);
    // "Seoul-Tokyo ties" (the story's own two parties), "diplomacy with Pyongyang", "managerial meetings for
    // future partnerships" and "a relationship that looks towards the future" are not topics of their own ...
    expect(issues.some((i) => /Seoul-Tokyo|^diplomacy|managerial|relationship/i.test(i.topic))).toBe(false);
    // ... but their sentences still support the topics they joined.
    const sentenceOf = (words: RegExp) => splitSentences(cleanText(seed)).findIndex((s) => words.test(s.text));
    expect(find(issues, /summit/i).sentences).toContain(sentenceOf(/diplomacy with Pyongyang/));
    const declaration = find(issues, /declaration/i);
    for (const words of [/Seoul-Tokyo ties/, /looks towards the future/, /managerial meetings/]) expect(declaration.sentences).toContain(sentenceOf(words));
    expect(find(issues, /territorial/i).topic).toBe('territorial and historical issues');
  });

  it('GIVEN "agreed to establish X, work to settle Y and hold Z" THEN each topic shares the agreement', () => {
    for (const p of [/task force/i, /fishing quotas/i, /declaration/i]) expect(find(issues, p).stance).toBe('agreement');
    expect(find(issues, /fishing/i).topic).toBe('fishing quotas');
  });

  it('GIVEN "they agreed X,... including sharing details of Y" THEN the sentence supports Y, not the topic before', () => {
    expect(find(issues, /sanctions/i).sentences).toHaveLength(1);
    expect(find(issues, /sharing details/i).sentences).toHaveLength(1);
  });

  it('GIVEN "Seoul asks ... and that Japan hopes ..." THEN each side\'s position is recorded under the deal', () => {
    const deal = find(issues, /comfort women/i);
    expect(deal.topic).toBe("'comfort women' deal");
    expect(deal.stance).toBe('disagreement');
    expect(deal.positions.find((p) => p.party === 'South Korea')?.position).toMatch(/apologies/);
    expect(deal.positions.find((p) => p.party === 'Japan')?.position).toMatch(/carry out the 2015 deal/);
  });

  it('GIVEN "Kono also asked Seoul ..." THEN the request is Japan\'s, through the participant\'s side', () => {
    const abductees = find(issues, /abduct/i);
    expect(abductees.stance).toBe('request');
    expect(abductees.positions.map((p) => p.party)).toContain('Japan');
  });

  it('GIVEN "That declaration was signed in 1998" THEN the sentence supports the declaration topic', () => {
    const declaration = find(issues, /declaration/i);
    expect(declaration.sentences.length).toBeGreaterThanOrEqual(2);
  });
});

describe('extractIssues on other stories', () => {
  it('GIVEN a titled name (Pope, Archbishop, Professor, Detective Inspector) THEN it is who acts, not a topic; what they acted on is', () => {
    const cases: Array<[string, RegExp]> = [
      ['The killings were condemned by Pope Francis last week. Turkey recalled its ambassador to the Vatican.', /killings/],
      ['The plans were attacked by Archbishop Justin Welby on Sunday. Ministers say the cuts will go ahead.', /cuts/],
      ['The findings were backed by Professor Alan Green yesterday. The report says sea levels will rise.', /findings/],
      ['The arrest was made by Detective Inspector Mark Hall in Leeds. The man has been charged with fraud.', /arrest/],
    ];
    for (const [text, topic] of cases) {
      const labels = issuesOf(text).map((i) => i.topic);
      expect(labels.some((l) => topic.test(l)), labels.join(' | ')).toBe(true);
      expect(labels.some((l) => /^(?:Pope|Archbishop|Professor|Detective)\b/.test(l)), labels.join(' | ')).toBe(false);
    }
  });

  it('GIVEN an attack on someone over something THEN the topic is what it is over, not the swipe', () => {
    const cases: Array<[string, RegExp]> = [
      ['The comedian took a swipe at the singer over her criticism of the mansion tax plans at a rally in Warrington.', /mansion tax/],
      ['The mayor launched a furious attack on the council over the closure of three libraries in the town centre.', /closure of three libraries/],
      ['Residents in the village voiced fierce criticism of the new football stadium at a packed public meeting.', /football stadium/],
    ];
    for (const [text, topic] of cases) {
      const labels = issuesOf(text).map((i) => i.topic);
      expect(labels.some((l) => topic.test(l)), labels.join(' | ')).toBe(true);
      expect(labels.some((l) => /^(?:swipe|furious attack|fierce criticism)/.test(l)), labels.join(' | ')).toBe(false);
    }
  });

  it('GIVEN trade talks THEN tariffs are agreed, "failed to agree" is a disagreement and capitals speak for their countries', () => {
    const issues = issuesOf(
      'Trade ministers from the European Union and Japan agreed on Tuesday to cut tariffs on cars and farm goods, but failed to agree on rules for data flows. ' +
        'Brussels wants Tokyo to open its public procurement market to European firms. Japan asked the EU to scrap quotas on its steel exports.',
    );
    expect(find(issues, /tariffs/i).stance).toBe('agreement');
    expect(find(issues, /data flows/i).stance).toBe('disagreement');
    expect(find(issues, /procurement/i).positions[0]).toMatchObject({ party: 'European Union' });
    expect(find(issues, /steel/i).positions[0]).toMatchObject({ party: 'Japan' });
  });

  it('GIVEN a climate summit THEN a rejected deadline is a disagreement and Washington\'s request is the United States\'', () => {
    const issues = issuesOf(
      'Leaders at the climate summit in Nairobi agreed to triple renewable energy capacity by 2030 and set up a loss and damage fund for vulnerable nations. ' +
        'Differences remained over the phase-out of coal, with China and India rejecting a firm deadline. Washington urged Beijing to publish its methane targets.',
    );
    expect(find(issues, /renewable/i).stance).toBe('agreement');
    expect(find(issues, /loss and damage/i).stance).toBe('agreement');
    expect(find(issues, /coal/i).stance).toBe('disagreement');
    expect(find(issues, /methane/i).positions[0]).toMatchObject({ party: 'United States' });
  });

  it('GIVEN a labour dispute THEN the walk-out is about pay and the union\'s demand is its position', () => {
    const issues = issuesOf(
      'Rail workers at Northern Trains walked out on Monday after talks over pay and staffing broke down. ' +
        'The RMT union demands a 7 per cent pay rise and guarantees on ticket office jobs.',
    );
    expect(find(issues, /pay and staffing/i).stance).toBe('disagreement');
    const demand = find(issues, /pay rise/i);
    expect(demand.stance).toBe('request');
    expect(demand.positions[0]).toMatchObject({ party: 'RMT' });
  });

  it('GIVEN a court case THEN the attribution left by a quotation is not a topic and an appeal is a disagreement', () => {
    const issues = issuesOf(
      "A federal judge in Texas ruled on Friday that the state's new voting law violates the Voting Rights Act. " +
        'Texas Attorney General Ken Paxton said the state would appeal the ruling. ' +
        '"This decision protects the right of every citizen to vote," said lawyer Maria Gomez, who represented the plaintiffs.',
    );
    expect(issues.some((i) => /plaintiffs|Gomez/i.test(i.topic))).toBe(false);
    const ruling = issues.find((i) => i.positions.some((p) => p.party === 'Ken Paxton'));
    expect(ruling?.stance).toBe('disagreement');
  });

  it('GIVEN a negated agreement THEN the stance is a disagreement', () => {
    const [issue] = issuesOf('The two unions did not agree on the new pension scheme after six hours of talks.');
    expect(issue).toMatchObject({ stance: 'disagreement' });
    expect(issue!.topic).toMatch(/pension scheme/);
  });

  it('GIVEN workers "at" a company walking out THEN the company named inside the subject is not given the position', () => {
    const issues = issuesOf('Rail workers at Northern Trains walked out on Monday after talks over pay and staffing broke down.');
    expect(find(issues, /pay and staffing/i).positions).toEqual([]);
  });

  it('GIVEN two distinct topics told in several sentences THEN they stay two topics', () => {
    const issues = issuesOf(
      'Ministers from Chile and Peru agreed on Monday to lower tariffs on copper exports. ' +
        'They failed to agree on fishing rights in the Pacific. ' +
        'Chile wants joint patrols to protect fishing rights, while Lima says tariffs on copper should fall faster.',
    );
    expect(issues.map((i) => i.topic)).toEqual(['lower tariffs on copper exports', 'fishing rights']);
    expect(find(issues, /fishing/i)).toMatchObject({ stance: 'disagreement', sentences: [1, 2] });
  });

  it('GIVEN "a summit with Russia" and "diplomacy with Moscow" THEN one topic, places read as their parties', () => {
    const issues = issuesOf(
      'France and Germany agreed on Monday to hold a summit with Russia in June. ' +
        'The two leaders also pledged more money for flood defences along the Rhine. ' +
        'Paris said diplomacy with Moscow was the only way to end the war.',
    );
    expect(issues.map((i) => i.topic)).toEqual(['summit with Russia', 'money for flood defences']);
    expect(find(issues, /summit/i).sentences).toEqual([0, 2]);
  });

  it('GIVEN ties between one pair of countries and then another THEN the relationships stay apart', () => {
    const issues = issuesOf('The United States and China agreed to improve military ties. Washington also said its ties with Japan were stronger than ever.');
    expect(issues.map((i) => i.topic)).toEqual(['military ties', 'ties with Japan']);
  });

  it('GIVEN "trade ties" and later "the relationship" between the same countries THEN one topic', () => {
    const issues = issuesOf(
      'Canada and Mexico agreed to strengthen their trade ties. Both sides also discussed migration across the border. Ottawa said the two countries would review the relationship every year.',
    );
    expect(issues.map((i) => i.topic)).toEqual(['trade ties', 'migration']);
    expect(find(issues, /trade ties/).sentences).toEqual([0, 2]);
  });

  it('GIVEN "remain divided over X" THEN the label is X and the stance a disagreement', () => {
    const [issue] = issuesOf('After two days of talks, the two sides remained divided over the new Lorn dam.');
    expect(issue).toMatchObject({ topic: 'Lorn dam', stance: 'disagreement' });
  });

  it('GIVEN a headline line before the story THEN it adds no topic of its own', () => {
    const issues = issuesOf(
      'Ministers clash over fishing rights\n\nThe ministers agreed on new fishing quotas. They differed over border checks. Talks resume in May. Both sides welcomed the progress.',
    );
    expect(issues.map((i) => i.sentences[0])).not.toContain(0);
    expect(find(issues, /fishing quotas/i).stance).toBe('agreement');
  });
});

describe('extractIssues: topics are noun phrases, not leftovers of a clause', () => {
  const labels = (text: string): string[] => issuesOf(text).map((i) => i.topic);

  it('GIVEN a verb the lexicon knows only as a verb THEN it names no topic ("flatten", "pictured")', () => {
    const topics = labels(
      'In Australia, Aboriginal people used the piercing to try and flatten their nose. In Nepal, the septum ring is a status symbol for married women. The council approved new rules for tattoo parlours.',
    );
    expect(topics).not.toContain('flatten');
    expect(topics.some((t) => /status symbol|septum ring/.test(t))).toBe(true);
    expect(topics.some((t) => /tattoo parlours|rules/.test(t))).toBe(true);
  });

  it('GIVEN a clause ending in an adjective or adverb THEN that word is not a topic ("pretty impressive", "however")', () => {
    const topics = labels(
      'As attempts to break a world record go, it was pretty impressive. The mayor, however, refused to extend the festival. Organisers blamed the heavy mist for the cancellation of the final day.',
    );
    for (const t of topics) expect(t).not.toMatch(/^(?:pretty impressive|impressive|however)$/);
    expect(topics.some((t) => /cancellation|festival|mist/.test(t))).toBe(true);
  });

  it('GIVEN a scare-quoted adjective THEN it is no topic, while a quoted name inside a noun phrase is', () => {
    const topics = labels(
      "The minister called the plan 'cheesy' in front of reporters. Both governments repeated their stances on the 2015 'comfort women' deal.",
    );
    expect(topics).not.toContain("'cheesy'");
    expect(find(issuesOf("Both governments repeated their stances on the 2015 'comfort women' deal."), /comfort women/).stance).toBe('disagreement');
  });

  it('GIVEN a photo caption pasted into the story THEN it adds no topic ("Lady Gaga (left) ...")', () => {
    const issues = issuesOf(
      'Septum rings are back in fashion this summer. Lady Gaga (left) and Lourdes Leon (right) have both adopted the trend. Piercers in London report a sharp rise in bookings for the piercing.',
    );
    expect(issues.flatMap((i) => i.sentences)).not.toContain(1);
    expect(issues.map((i) => i.topic)).not.toContain('left');
  });
});

describe('extractIssues: the topics a reader would list, not one per clause', () => {
  // A long human-interest story: every sentence has some noun phrase, few are topics.
  const story = [
    'A Chinese team flew a kite measuring 6,000 metres at a festival, aiming to break the world record.',
    'Organisers said the world record attempt was called off because the kite posed a danger to passing aircraft.',
    'The dragon-themed kite took eight hours to unroll on the grass.',
    'Local craftsmen spent three months sewing the pieces together in a workshop.',
    'A special sturdier rope was bought from a supplier in Shanghai.',
    'Heavy mist reduced visibility on the second morning of the festival.',
    'Kite flyers from twelve countries attended the annual event.',
    'Representatives of the airport said the danger to aircraft was real.',
    'The team says it will try the world record again next spring.',
    'Professional kite flying teams performed tricks for the crowd.',
    'Children queued for ice cream near the car park.',
    'A brass band played through the afternoon.',
    'The festival has been held in the town since 1984.',
  ].join(' ');

  it('GIVEN a long story with a candidate topic in nearly every sentence THEN a handful are listed, the recurring one among them and not the asides', () => {
    const issues = issuesOf(story);
    expect(issues.length).toBe(NEWS_TOPICS);
    expect(issues.some((i) => /world record/.test(i.topic))).toBe(true);
    for (const minor of [/ice cream/, /brass band/, /since 1984/]) expect(issues.some((i) => minor.test(i.topic))).toBe(false);
    const firsts = issues.map((i) => i.sentences[0]!);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('GIVEN a story of debate, whose topics carry stance cues THEN it keeps more of them (the seed keeps its ten)', () => {
    expect(issuesOf(seed, ministers).length).toBe(10);
  });
});

describe('extractIssues: quoted speakers take positions', () => {
  it('GIVEN a speaker quoted beside a topic, in words that name it THEN their words are their position on it', () => {
    const text = cleanText(
      "Food bank use rose by a fifth this year, the Trussell Trust said. The charity's figures on food bank use were disputed by ministers. Iain Duncan Smith said: 'These food bank figures are unverified and misleading.' Separately, the council approved a new car park.",
    );
    const sentences = splitSentences(text);
    const quotes = extractQuotes(text);
    const mentions = findMentions(text, []);
    const issues = extractIssues(sentences, { quotes, mentions, names: new NameIndex(mentions, []), quoteSpeakers: quotes.map(() => 'Iain Duncan Smith') });
    const topic = find(issues, /food bank|figures/i);
    expect(topic.positions).toContainEqual({ party: 'Iain Duncan Smith', position: '“These food bank figures are unverified and misleading.”' });
    expect(issues.filter((i) => i !== topic).flatMap((i) => i.positions.map((p) => p.party))).not.toContain('Iain Duncan Smith');
  });
});

describe('extractIssues: verbs that state a stand give the subject a position', () => {
  it('GIVEN "promised", "warned", "argued", "admitted", "told" after a named subject THEN that party\'s position (politics, court, campus, diplomacy)', () => {
    const cases: Array<[string, RegExp, string, RegExp]> = [
      ['Ed Miliband promised to build 200,000 new homes a year by 2020.', /homes/, 'Ed Miliband', /^promised to build/],
      ['Gordon Brown warned that the SNP would hold a second referendum on independence.', /referendum/, 'Gordon Brown', /^warned that/],
      ['Defence lawyer Ed Brass argued that the bail conditions were too harsh for a first offender.', /bail/, 'Ed Brass', /^argued that/],
      ['Professor Mark Smith admitted sending the link to his students during a lecture on Monday.', /link/, 'Mark Smith', /^admitted sending/],
      ['Angela Merkel told reporters that the refugee quota system would stay in place.', /quota/, 'Angela Merkel', /^told reporters/],
    ];
    for (const [text, topic, party, position] of cases) {
      const positions = find(issuesOf(text), topic).positions;
      expect(positions.map((p) => p.party), text).toEqual([party]);
      expect(positions[0]!.position).toMatch(position);
    }
  });

  it('GIVEN a verb that states no stand, or no named subject THEN no position', () => {
    expect(find(issuesOf('Ed Miliband visited the new homes in Stevenage with local party activists.'), /homes/).positions).toEqual([]);
    expect(find(issuesOf('The teacher admitted sending the link to his students during a lecture on Monday.'), /link/).positions).toEqual([]);
  });

  it('GIVEN the passive ("was ordered to repay") THEN the subject acted on has no position; the judge who ordered has', () => {
    expect(issuesOf('Meat trader Ahmed Rashid was ordered to repay the proceeds of a mortgage fraud.').flatMap((i) => i.positions)).toEqual([]);
    expect(issuesOf('Meat trader Ahmed Rashid was told to repay the proceeds of a mortgage fraud.').flatMap((i) => i.positions)).toEqual([]);
    const ordered = issuesOf('Judge Susan Hunt ordered the district to pay damages to the three families.').flatMap((i) => i.positions);
    expect(ordered.map((p) => p.party)).toEqual(['Susan Hunt']);
  });
});

describe('extractIssues: a quote naming no topic', () => {
  it('GIVEN a speaker quoted in the sentence after a topic, in words sharing none of its label THEN a position on that topic, not on a distant one', () => {
    const text = cleanText(
      "Its opening hours had already been cut twice last year. The council voted on Tuesday to close the public library on Main Street. 'We are heartbroken and we will fight this,' said Mary Jones. Others wept. The new bypass will open in the autumn after three years of roadworks. Drivers have complained about long delays on the ring road. Traffic wardens handed out more than two hundred parking fines last month.",
    );
    const sentences = splitSentences(text);
    const quotes = extractQuotes(text);
    const mentions = findMentions(text, []);
    const issues = extractIssues(sentences, { quotes, mentions, names: new NameIndex(mentions, []), quoteSpeakers: quotes.map(() => 'Mary Jones') });
    const library = find(issues, /library/i);
    expect(library.positions.map((p) => p.party)).toContain('Mary Jones');
    expect(issues.filter((i) => i !== library).flatMap((i) => i.positions.map((p) => p.party))).not.toContain('Mary Jones');
  });
});

describe('extractIssues: the cues of a row in news copy', () => {
  it('GIVEN "launched a furious attack on", "denied", "a diplomatic row" THEN disagreements; a knife attack is no row', () => {
    expect(issuesOf('David Cameron launched a furious attack on Labour MPs over the welfare reforms.')[0]?.stance).toBe('disagreement');
    expect(issuesOf('The producer denied deliberately using the number plate on the Argentina trip.')[0]?.stance).toBe('disagreement');
    expect(issuesOf('The police said a man was injured in a knife attack outside the station on Sunday night.').every((i) => i.stance !== 'disagreement')).toBe(true);
  });
});

describe('scanClauseTokens', () => {
  it('GIVEN any text THEN the clause token scanner finds exactly what its specification regex matches', () => {
    const spec = /\p{L}[\p{L}\p{N}.'’-]*|\d[\d.,]*(?:\s*per\s*cent|\s*percent|%)|\p{N}[\p{L}\p{N}.'’-]*|["“”][^"“”]{1,60}["“”]|[‘'][^'‘’]{1,40}['’](?=[\s,.;:]|$)|[,;:()]/gu;
    fc.assert(
      fc.property(tokenText, (text) => {
        expect(scanClauseTokens(text)).toEqual(text.match(spec) ?? []);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(quotedText, (text) => {
        expect(scanClauseTokens(text)).toEqual(text.match(spec) ?? []);
      }),
      { numRuns: 10000 },
    );
  });
});

describe('clause boundary patterns', () => {
  it('GIVEN any text, with runs of spaces where quotations were blanked out, THEN the linear patterns match where the original ones did', () => {
    const original = [
      /,\.\.\.\s*|\.\.\.\s*|;\s+|,\s+(?:but|while|whereas)\s+|,\s*(?=which\b|including\b|(?:she|he|they|it)\s+(?:cannot|can't|could not|will|would|did|does|do|has|have|had|is|are|was|were)\b)|\s(?:\s*\.\.\.\s*|\s*but\s+|(?=which are\b)|(?=including\b)|\s*and\s+(?=that\b))/gi,
      /(?:,\s+(?:and\s+)?|\s+and\s+)([a-z]+(?: (?:up|out|down))?)\b/g,
    ];
    const piece = fc.constantFrom(' ', '   ', '\n', ',', ', ', ';', '...', '.', 'but', 'BUT', 'and', 'that', 'which are', 'including', 'he will', 'It is', 'work', 'set up', 'agreed', 'x', 'Kang');
    const matches = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => [m.index, m[0], m[1]]);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        expect(matches(CLAUSE_BOUNDARY_RE, text)).toEqual(matches(original[0]!, text));
        expect(matches(COORDINATED_VERB_RE, text)).toEqual(matches(original[1]!, text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('hasFiveWords', () => {
  it('GIVEN any text THEN it agrees with the anchored five-word pattern it replaces', () => {
    const spec = /^\s*(?:\S+\s+){4}\S/;
    fc.assert(
      fc.property(tokenText, (text) => {
        expect(hasFiveWords(text)).toBe(spec.test(text));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\u00a0', '\u3000', '𝐀', '.', '\ufeff'), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(hasFiveWords(text)).toBe(spec.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('describeWord', () => {
  it('GIVEN any word THEN its suffix facts are what the regexes they replace say, and its lexicon and party facts what the lookups say', () => {
    const words = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom('a', 'e', 'd', 's', 'l', 'y', 'ing', 'al', 'ic', 'ive', 'ous', 'ary', 'ful', 'less', 'ern', 'ish', 'ed', 'es', "'s", '’s', "'", 'E', 'D', 'S', 'Ed', '1', 'é', '𝐀', 'İ', 'Japan', 'U.S.', 'flatten', 'however'), { minLength: 1, maxLength: 5 }).map((p) => p.join('')),
    ).filter((w) => w.length > 0);
    fc.assert(
      fc.property(words, (word) => {
        const f = describeWord(word);
        const lower = word.toLowerCase().replace(/(?:'s|’s)$/, '');
        expect(f.startsLowerAscii).toBe(/^[a-z]/.test(word));
        expect(f.endsEd).toBe(/ed$/.test(lower));
        expect(f.endsEdOrEs).toBe(/(?:ed|es)$/.test(lower));
        expect(f.participle).toBe(/[^e]ed$/.test(lower) && lower.length > 4);
        expect(f.possessiveText).toBe(/['’]s$/.test(word));
        expect(f.modifierSuffix).toBe(/(?:ing|al|ic|ive|ous|ary|ful|less|ern|ish)$/.test(word.toLowerCase()));
        if (/^\d/.test(lower)) expect(f.neverContent).toBe(true);
        expect(startsWithDigit(word)).toBe(/^\d/.test(word));
        expect(f.lower.endsWith('ing')).toBe(/ing$/.test(f.lower));
        expect(f.lower.endsWith('ed')).toBe(/ed$/.test(f.lower));
        expect(lexicalOf(f)).toBe(/^\p{L}/u.test(word) ? nonNounClass(lower) : undefined);
        expect(namesParty(f)).toBe(partyOf(word.replace(/(?:'s|’s)$/, '')) !== null);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('labelStems', () => {
  it('GIVEN any clause THEN the stems made from the words a label shows are the stems of the label text', () => {
    const clause = fc.oneof(
      tokenText,
      fc.array(fc.constantFrom('the', 'talks', 'on', 'its', 'North Korea', "Japan's", 'ΟΔΟΣ', 'Σ', '"comfort women"', '“a new partnership”', 'U.S.-Japan', ',', ' ', 'of', 'fishing', 'quotas', 'élan', '5 per cent', 'issue'), { maxLength: 14 }).map((p) => p.join(' ')),
    );
    fc.assert(
      fc.property(clause, (text) => {
        for (const c of chunks(tokenize(text))) {
          const l = labelOf(c.tokens);
          expect([...labelStems(l.shown)]).toEqual([...stemsOf(l.label)]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('extractIssues: what a reader sees in a position and a label', () => {
  it('GIVEN a party\'s stand that holds a short quotation THEN the position keeps the quoted words instead of a gap', () => {
    const text = 'Britain and France met in Paris on Monday. London said it had "ignored every warning" about the unsafe migrant boats, and Paris rejected that. The migrant boats crossed again in May.';
    const positions = issuesOf(text).flatMap((i) => i.positions.map((p) => p.position));
    expect(positions).toContain('said it had "ignored every warning" about the unsafe migrant boats, and Paris rejected that');
    expect(positions.some((p) => /had\s+about/.test(p))).toBe(false);
  });

  it('GIVEN actors and amounts ("the city", "business groups", "$12 million") THEN none is a topic label on its own', () => {
    const text = [
      'Business groups had urged the city to settle quickly.',
      'According to the chamber, retailers lost about $12 million during the strike.',
      'The council and the union still disagree over the use of private contractors on night routes.',
    ].join(' ');
    const topics = issuesOf(text).map((i) => i.topic);
    expect(topics.filter((t) => /^(?:city|business groups|million|council|union)$/i.test(t))).toEqual([]);
    expect(topics.some((t) => /private contractors/.test(t))).toBe(true);
  });
});
