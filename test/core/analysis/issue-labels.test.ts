import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { cleanText } from '../../../src/core/analysis/clean-text.js';
import { chunks, extractIssues, labelOf, tokenize } from '../../../src/core/analysis/extract-issues.js';
import { extractQuotes, quoteKind } from '../../../src/core/analysis/extract-quotes.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';
import type { Issue } from '../../../src/core/analysis/types.js';

// Session 7 ("issues7"): labels that read as topics, and parties the story names only by a common noun.
// Examples are made up, from several kinds of news.

function issuesOf(raw: string): Issue[] {
  const text = cleanText(raw);
  const mentions = findMentions(text);
  return extractIssues(splitSentences(text), { quotes: extractQuotes(text), mentions, names: new NameIndex(mentions, []) });
}

function labels(raw: string): string[] {
  return issuesOf(raw).map((i) => i.topic);
}

describe('labels: a plural party and its verb are a clause, not a topic', () => {
  it('GIVEN "Israelis head to the polls", "Palestinians rally in ...", "Democrats vote on ..." THEN no label keeps the verb', () => {
    const stories = [
      'The Israelis head to the polls on Tuesday in an election seen as a referendum on the prime minister.',
      'Palestinians rally in Ramallah against the new settlement plan announced by the cabinet last week.',
      'Democrats vote on the spending bill on Friday after weeks of talks over the budget deficit.',
    ];
    for (const story of stories) for (const label of labels(story)) expect(label, story).not.toMatch(/\b(?:Israelis head|Palestinians rally|Democrats vote)\b/);
  });

  it('GIVEN a singular demonym, a possessive or a word in -s/-ed/-ing after the plural party THEN the rule does not apply', () => {
    expect(tokenize('Israeli voters').map((t) => t.kind)).toEqual(['np', 'np']);
    expect(tokenize("the Palestinians' homeland").find((t) => t.lower === 'homeland')?.kind).toBe('np');
    expect(tokenize('Americans living abroad').find((t) => t.lower === 'living')?.kind).not.toBe('verb');
    expect(tokenize('The Israelis head to the polls').find((t) => t.lower === 'head')?.kind).toBe('verb');
  });
});

describe('labels: an adjective phrase is no topic', () => {
  it('GIVEN "strong enough", "too much" THEN they are never a label (economy, sport, health)', () => {
    const stories = [
      'Voters said the economy was strong enough to survive the new tariffs imposed by the government.',
      'The coach said the squad was not fit enough for the final and blamed the fixture list.',
      'Doctors said patients were eating too much sugar and called for a tax on soft drinks.',
    ];
    for (const story of stories) for (const label of labels(story)) expect(label, story).not.toMatch(/\b(?:enough|too much)$/);
  });
});

describe('labels: a capitalised modifier that begins a name stays', () => {
  it('GIVEN "New York", "Top Gear", "New Zealand" THEN the label keeps the whole name', () => {
    expect(labelOf(tokenize('the New York Toy Fair')).label).toBe('New York Toy Fair');
    expect(labelOf(tokenize('the Top Gear special')).label).toBe('Top Gear special');
    expect(labelOf(tokenize('New Zealand dairy exports')).label).toBe('New Zealand dairy exports');
    // A lower-case vague modifier still goes.
    expect(labelOf(tokenize('the new dairy exports')).label).toBe('dairy exports');
    expect(labelOf(tokenize('New figures on migration')).label).toBe('figures on migration');
  });
});

describe('topics: a one-word detail told once is not listed', () => {
  it('GIVEN a word the story uses in one sentence only THEN it is listed after every fuller candidate; with too few candidates it may still be', () => {
    const story =
      'The council approved the new housing plan on Monday after a long debate. Residents said the housing plan would ruin the park. ' +
      'One resident said her dog had been scared by the builders. The council said the housing plan would bring 300 homes. ' +
      'Campaigners said they would appeal against the housing plan. The mayor said the vote was fair. ' +
      'Local shop owners expect extra trade from new families. Parents fear traffic congestion on the high street. ' +
      'The school governors want a new primary school built first. Developers said construction work would begin in the spring.';
    const found = labels(story);
    expect(found).not.toContain('dog');
    expect(found.some((l) => /housing plan/.test(l))).toBe(true);
    // A short story keeps its one-word topics when there is nothing fuller to list.
    expect(labels('Mark Price conceded that the CCTV footage showed his client at the scene.').length).toBeGreaterThan(0);
  });
});

describe('positions: "the university", "the judge" stand for the one name the story gives them', () => {
  it('GIVEN "the district/university/company said" and one body of that kind named THEN the body holds the stand', () => {
    const cases: Array<[string, string]> = [
      ['Three families are suing the Davis School District over a teacher. The district said it would not comment on the lawsuits.', 'Davis School District'],
      ['Students at Drexel University received an offensive email. The university said it would investigate the email and the professor.', 'Drexel University'],
      ['Shares in Acme Oil Company fell sharply on Monday. The company said the oil spill would not affect its profits this year.', 'Acme Oil Company'],
    ];
    for (const [story, party] of cases) expect(issuesOf(story).flatMap((i) => i.positions.map((p) => p.party)), story).toContain(party);
  });

  it('GIVEN "the judge said" after "Judge X" THEN X holds it; GIVEN two bodies of that kind THEN nobody does', () => {
    const judge = issuesOf('Judge Stephen Kramer ordered the trader to repay the money. The judge said the fraud was deliberate and cynical.');
    expect(judge.flatMap((i) => i.positions.map((p) => p.party))).toContain('Stephen Kramer');
    const two = issuesOf('Students from Leeds University and York University marched on Friday. The university said the march over tuition fees was peaceful.');
    expect(two.flatMap((i) => i.positions.map((p) => p.party))).not.toContain('Leeds University');
    expect(two.flatMap((i) => i.positions.map((p) => p.party))).not.toContain('York University');
  });
});

describe('positions: a stand in a sentence two listed topics share holds on both when its clause names both', () => {
  it('GIVEN "X said the rents would not rise because of the stadium plan" THEN X holds a stand on the rents and on the stadium (local politics)', () => {
    const found = issuesOf(
      'The city council approved the stadium plan on Tuesday. Campaigners fear the stadium plan will raise local rents. Mayor Ann Cole said the rents would not rise because of the stadium plan. Local rents have doubled in five years. Tenants said rents were already too high.',
    );
    const holding = (party: string): string[] => found.filter((i) => i.positions.some((p) => p.party === party)).map((i) => i.topic);
    expect(holding('Ann Cole').length).toBe(2);
    // The tenants' clause names the rents only, in a sentence only the rents topic has.
    expect(holding('Tenants').length).toBe(1);
  });

  it('GIVEN "Officers said the phone had been used to send the messages" THEN the officers hold it on the phone and on the messages (court)', () => {
    const found = issuesOf(
      'Prisoner Tom Hale faced nine charges of harassment and burglary at Leeds Crown Court. The harassment charges related to messages sent to his former partner. Hale denied all of the charges, except for two counts of possessing a mobile phone in prison. The mobile phone was found hidden in his cell. Officers said the phone had been used to send the messages. The jury convicted him of the harassment charges on Friday.',
    );
    const officers = found.filter((i) => i.positions.some((p) => p.party === 'Officers')).map((i) => i.topic);
    expect(officers).toEqual(expect.arrayContaining(['messages', 'mobile phone']));
  });
});

describe('labels: counts, bounds, sums and ages are not part of the topic', () => {
  it('GIVEN "at least eight holidays costing £30,000", "a dozen police officers", "eight members of a band" THEN the label starts at the noun and loses the sum', () => {
    const label = (text: string): string => labelOf(chunks(tokenize(text))[0]!.tokens).label;
    expect(label('They took at least eight holidays costing £30,000 in four years.')).toBe('holidays');
    expect(label('A dozen police officers on a wild chase reached the bridge.')).toBe('police officers on a wild chase');
    expect(label('Eight members of a family band were arrested.')).toBe('family band');
    expect(labelOf(chunks(tokenize('The court fine of £5,000 was paid on Monday.'))[0]!.tokens).label).toBe('court fine');
  });

  it('GIVEN a noun followed by an age ("ten men 38-year-old Jane Roe said") THEN the age opens a new phrase; after "the" it stays ("the 42-year-old actress")', () => {
    const chunkTexts = (text: string): string[] => chunks(tokenize(text)).map((c) => c.tokens.map((t) => t.text).join(' '));
    expect(chunkTexts('She married ten men 38-year-old Jane Roe said on Friday.')).toEqual(expect.arrayContaining(['ten men', '38-year-old Jane Roe']));
    expect(chunkTexts('He filed a complaint against the 42-year-old actress in court.').join(' | ')).toContain('complaint against the 42-year-old actress');
  });
});

describe('extractIssues (session 8): the headline names what the story is about', () => {
  const topics = (text: string, title?: string): string[] => analyze({ text, title }).issues.map((i) => i.topic);

  it('GIVEN a candidate that shares a lower-case headline word THEN it ranks above detail of equal weight (council, retail)', () => {
    const council = [
      'The town council met on Monday evening to discuss its spending for the coming year.',
      'Councillors approved a new budget for road repairs across the district.',
      'The leisure centre will close for three weeks in August for a new roof.',
      'A new car park behind the station is due to open in the spring.',
      'Residents complained about the state of the footpaths near the school.',
      'A tree preservation order was placed on the old oak in the market square.',
      "The meeting ended shortly after ten o'clock.",
    ].join(' ');
    expect(topics(council).some((t) => /oak/.test(t))).toBe(false);
    expect(topics(council, 'Oak in market square saved').some((t) => /oak/.test(t))).toBe(true);
    const shops = [
      'Shop workers in Scotland could get Christmas Day off under a new bill.',
      'The bill would keep large stores closed on 25 December and 1 January.',
      'A shopworkers union said staff should spend the break with their families.',
      'Small corner shops would be allowed to open as normal.',
      'More stores have opened on traditional holidays in recent years.',
      'A consultation on the proposal has received almost 500 responses.',
      'It closes at the end of the month.',
    ].join(' ');
    expect(topics(shops).some((t) => /holidays/.test(t))).toBe(false);
    expect(topics(shops, 'Stores opening on holidays under fire').some((t) => /holidays/.test(t))).toBe(true);
  });

  it('GIVEN a headline sharing no word, or naming only people THEN the list is as without one', () => {
    const story = [
      'The town council met on Monday evening to discuss its spending for the coming year.',
      'Councillors approved a new budget for road repairs across the district.',
      'The leisure centre will close for three weeks in August for a new roof.',
      'A new car park behind the station is due to open in the spring.',
      'Residents complained about the state of the footpaths near the school.',
      'Councillor Ann Oakes placed a tree preservation order on the old oak in the market square.',
      "The meeting ended shortly after ten o'clock.",
    ].join(' ');
    expect(topics(story, 'A quiet night at the town hall')).toEqual(topics(story));
    expect(topics(story, 'Oakes speaks')).toEqual(topics(story));
  });
});

describe('extractIssues (session 8): names, then a phrase of circumstance', () => {
  const issuesOf = (text: string) => analyze({ text }).issues;

  it('GIVEN "criticised X and Y amid reports of a rift" THEN the rift is a candidate topic, with the critics\' stand (politics, business)', () => {
    const politics = issuesOf(
      'Labour MPs have angrily criticised Tony Blair and Gordon Brown amid renewed reports of a rift between the two men. ' +
        'A meeting of the party saw a succession of loyal members warn that feuding could harm its election hopes.',
    );
    const rift = politics.find((i) => /rift/.test(i.topic));
    expect(rift).toBeDefined();
    expect(rift!.positions.map((p) => p.party)).toContain('Labour MPs');
    const business = issuesOf(
      'Angry shareholders heckled Alan Reed and Sarah Stone during the annual meeting of the retailer in London. ' +
        'The board will meet on Friday to discuss the results and the search for a new finance director.',
    );
    expect(business.some((i) => /annual meeting/.test(i.topic))).toBe(true);
  });

  it('GIVEN names before "of" or "over" (a label preposition) THEN the chunk is read as before, no split', () => {
    const topics = issuesOf(
      'Ben Elton took a swipe at Myleene Klass over her criticism of the mansion tax plans at the Labour event. ' +
        'The comedian told the crowd that the rich could afford to pay more towards the health service.',
    ).map((i) => i.topic);
    expect(topics.some((t) => /mansion tax/.test(t))).toBe(true);
  });
});

describe('labelOf (session 8): a generic head addressed to a name is about what follows', () => {
  const label = (clause: string): string[] => chunks(tokenize(clause)).map((c) => labelOf(c.tokens).label);

  it('GIVEN "statement to Parliament about X", "questions to the BBC over X", "a question to Ms Jones on X" THEN the label is X (politics, media, health)', () => {
    expect(label('The attorney general denied his statement to Parliament about the legality of the Iraq war was drafted elsewhere')).toContain('legality of the Iraq war');
    expect(label('Viewers sent questions to the BBC over the coverage of the royal wedding')).toContain('coverage of the royal wedding');
    expect(label('Nurses raised a question to Ms Jones on the funding of the new hospital')).toContain('funding of the new hospital');
  });

  it('GIVEN a generic head whose complement is no name, or no "about" after the name THEN as before', () => {
    expect(label('Viewers sent questions to the BBC in March')).toContain('BBC');
    expect(label('The health board drew up plans for the funding of the new hospital')).toContain('funding of the new hospital');
  });
});

describe('a phrase quoted inside a reported sentence stays in the narrative the tagger reads', () => {
  const stories = [
    'Lord Butler said the intelligence on Iraq had been "seriously flawed" in the run-up to the war. He said ministers had ignored warnings. The Conservatives called for an inquiry into the dossier. Labour rejected the call for an inquiry.',
    'The council leader said the library closures were a "false economy" for the town. Residents said the closures would hurt children. Campaigners urged the council to reverse the library closures.',
  ];

  it('GIVEN "X said Y had been \'seriously flawed\'" THEN the phrase is a quote, and the topic is still named from the whole sentence', () => {
    const [iraq, library] = stories.map((t) => analyze({ text: t }));
    expect(iraq!.quotes.map((q) => q.text)).toContain('seriously flawed');
    expect(iraq!.issues.map((i) => i.topic)).toContain('intelligence on Iraq');
    expect(library!.quotes.map((q) => q.text)).toContain('false economy');
    expect(library!.issues.map((i) => i.topic)).toContain('library closures');
  });

  it('GIVEN a reported phrase and a sentence of speech THEN quoteKind tells them apart', () => {
    const text = 'The council leader said the library closures were a "false economy" for the town. "We will not back down," she said.';
    const kinds = extractQuotes(text).map((span) => quoteKind(text, span));
    expect(kinds).toEqual(['reported', 'speech']);
  });
});

