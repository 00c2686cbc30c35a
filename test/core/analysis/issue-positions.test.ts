import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/core/analysis/clean-text.js';
import { extractIssues } from '../../../src/core/analysis/extract-issues.js';
import { extractQuotes } from '../../../src/core/analysis/extract-quotes.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';
import type { Issue, IssuePosition } from '../../../src/core/analysis/types.js';

// Session 6 ("positions"): who holds a stand on a topic. Examples are made up, from several kinds of news.

function issuesOf(raw: string): Issue[] {
  const text = cleanText(raw);
  const mentions = findMentions(text);
  return extractIssues(splitSentences(text), { quotes: extractQuotes(text), mentions, names: new NameIndex(mentions, []) });
}

function positions(raw: string): IssuePosition[] {
  return issuesOf(raw).flatMap((i) => i.positions);
}

function parties(raw: string): string[] {
  return positions(raw).map((p) => p.party);
}

describe('extractIssues: a clause that opens on its verb shares the subject before it', () => {
  it('GIVEN "X, who ..., insisted ..." THEN X holds what was insisted (sport, business, politics)', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['Coach Maria Lopez, who joined the club in 2019, insisted the transfer ban was unfair to young players.', 'Maria Lopez', /^insisted the transfer ban/],
      ['Tom Harris, who founded the firm a decade ago, said that the merger would protect local jobs.', 'Tom Harris', /^said that the merger/],
      ['Senator Paul Grant, who chairs the budget committee, warned that the spending bill would raise the deficit.', 'Paul Grant', /^warned that the spending bill/],
    ];
    for (const [text, party, position] of cases) {
      const found = positions(text);
      expect(found.map((p) => p.party), text).toEqual([party]);
      expect(found[0]!.position).toMatch(position);
    }
  });

  it('GIVEN "X questioned Y, which ..., and insisted Z" THEN X holds the stand once, on the topic it questions', () => {
    const found = positions('Health secretary Jane Moss questioned the waiting list figures, which she said were out of date, and insisted that hospitals were coping.');
    expect(found.map((p) => p.party)).toEqual(['Jane Moss']);
    expect(found[0]!.position).toMatch(/^questioned the waiting list figures/);
  });

  it('GIVEN an organisation cut off by a relative clause ("The X, which ..., urged ...") THEN the organisation holds the stand', () => {
    const found = positions('The Ramblers Association, which represents walkers across the country, urged caution over the new footpath charges.');
    expect(found.map((p) => p.party)).toEqual(['Ramblers Association']);
  });

  it('GIVEN a verb-initial clause with no named subject before it THEN no one is given the stand', () => {
    expect(parties('Within hours of the vote, insisted on a recount of the ballots in three districts.')).toEqual([]);
    // A subject with no verb of its own is read as one only before a relative clause.
    expect(parties('Heavily armed officers from Metro Police: swarmed the building, and warned residents about the gas leak.')).toEqual([]);
  });
});

describe('extractIssues: "he" or "she" opening a clause points back to the person named as subject', () => {
  it('GIVEN "X was charged ... He denied ..." THEN X holds the denial (court, sport, business)', () => {
    const cases: Array<[string, string]> = [
      ['Mr Owen Pryce, a farmer from Powys, was charged with three counts of animal cruelty. He denied all of the charges at Cardiff Crown Court.', 'Owen Pryce'],
      ['Mrs Kelly Adams was banned from the club for two years after a failed drugs test. She has pleaded not guilty to the doping charge.', 'Kelly Adams'],
    ];
    for (const [text, party] of cases) expect(parties(text), text).toContain(party);
  });

  it('GIVEN a pronoun of the other gender, or no person as the previous subject THEN no position', () => {
    expect(parties('Mrs Anna Kowalski was charged with fraud over the housing benefit. He denied all of the charges in court.')).toEqual([]);
    expect(parties('The council was criticised over the delays to the bridge repairs. She denied that the bridge repairs were late.')).toEqual([]);
  });
});

describe('extractIssues: the subject\'s head is the party, not a place or name that modifies it', () => {
  it('GIVEN a demonym before a named person ("Scottish Labour leader Jim Murphy insisted") THEN the person, not the place', () => {
    expect(parties('Welsh party leader Gareth Evans insisted the railway electrification plan had been delayed for too long.')).toEqual(['Gareth Evans']);
  });

  it('GIVEN a possessive name before the subject ("Smith\'s lawyer Jane Doe argued") THEN the person named last', () => {
    expect(parties("Rashid's defence lawyer Helen Clarke argued that the confession was obtained under pressure.")).toEqual(['Helen Clarke']);
  });

  it('GIVEN a name used as a modifier ("the Liverpool assistant manager allegedly told") THEN not that name', () => {
    expect(parties('The Liverpool assistant manager allegedly told the referee that the penalty decision was a disgrace.')).not.toContain('Liverpool');
    expect(parties('Jackson lawyer warned that the retrial of the fraud case would take months.')).toEqual([]);
  });

  it('GIVEN an organisation followed by its own kind or voice ("the RMT union demands", "a BBC spokesman said") THEN still the organisation', () => {
    expect(parties('The Labour party demands a 6 per cent pay rise for hospital porters.')).toEqual(['Labour']);
  });
});

describe('extractIssues: verbs that answer or weigh a claim state a stand', () => {
  it('GIVEN questioned, maintained, stressed, acknowledged, conceded, recommended after a named subject THEN that party\'s position', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['Sarah Lin questioned the official unemployment figures for the northern regions.', 'Sarah Lin', /^questioned/],
      ['Leon Baxter maintained his innocence over the match-fixing allegations.', 'Leon Baxter', /^maintained/],
      ['Ruth Okafor stressed that the flood defence scheme would be finished by winter.', 'Ruth Okafor', /^stressed/],
      ['George Clark acknowledged that the fuel duty freeze would cost the Treasury billions.', 'George Clark', /^acknowledged/],
      ['Mark Price conceded that the CCTV footage showed his client at the scene.', 'Mark Price', /^conceded/],
      ['Anne Mills recommended a trial of the facts in the absence of the defendant.', 'Anne Mills', /^recommended/],
    ];
    for (const [text, party, position] of cases) {
      const found = positions(text);
      expect(found.map((p) => p.party), text).toEqual([party]);
      expect(found[0]!.position).toMatch(position);
    }
  });

  it('GIVEN those verbs in the passive ("was questioned by police") THEN the subject acted on has no position', () => {
    expect(parties('Candidate Kevin Lowe was questioned by police over the leaflets handed out at the market.')).toEqual([]);
  });
});

describe('extractIssues: a cue in the passive is no stand of the subject\'s', () => {
  it('GIVEN "X is accused of ..." or "X was asked to ..." THEN X is given no position', () => {
    expect(parties('Builder Dean Marsh is accused of taking deposits for extensions that were never built.')).toEqual([]);
    expect(parties('Striker Tomas Novak was asked to leave the training camp after the row.')).toEqual([]);
  });

  it('GIVEN the active cue ("X accused Y of ...") THEN X holds the stand', () => {
    expect(parties('Union leader Frances Byrne accused the rail operator of cutting safety staff on night trains.')).toEqual(['Frances Byrne']);
  });
});

describe('extractIssues: a named speaker who names a thing in quoted words holds that stand', () => {
  it('GIVEN "X called Y \'Z\'" THEN X holds it; "a girl called Amy" gives no one a stand', () => {
    expect(parties("Film critic Mark Kermode called the director's new film 'a tedious exercise in nostalgia' in his review.")).toEqual(['Mark Kermode']);
    expect(parties('Police found a dog called Rex beside the river after the search.')).toEqual([]);
  });

  it('GIVEN "with X calling Y \'Z\'" or "with X saying ..." after another clause THEN X holds it, in words from the participle on', () => {
    const found = positions("The decision sparked a row in parliament, with opposition leader Carla Diaz calling the pension cut 'a betrayal of older voters'.");
    expect(found.map((p) => p.party)).toContain('Carla Diaz');
    expect(found.find((p) => p.party === 'Carla Diaz')!.position).toMatch(/^calling the pension cut/);
    const saying = positions('Shares in the airline fell sharply, with chief executive Peter Lund saying the strike would cost millions.');
    expect(saying.map((p) => p.party)).toContain('Peter Lund');
  });
});

describe('extractIssues: a stand stated in a sentence of a listed topic is kept', () => {
  it('GIVEN a stand whose own clause topic is not listed THEN it goes to the listed topic holding its sentence that shares a word with it', () => {
    const text =
      'A property developer was ordered to repay £2 million today after a planning fraud. ' +
      'The repayment order follows a three-week hearing at Southwark Crown Court. ' +
      'The developer used fake surveys to win planning permission for flats in Croydon. ' +
      'Judge Alan Pike today ordered Brian Cole to pay back £1.9 million as the proceeds of the fraud within three months. ' +
      'Cole had bought a villa in Portugal and a yacht with the profits. ' +
      'The villa was sold last year to a Dutch couple. ' +
      'The repayment order is one of the largest of its kind in London.';
    const withJudge = issuesOf(text).filter((i) => i.positions.some((p) => p.party === 'Alan Pike'));
    expect(withJudge).toHaveLength(1);
    expect(withJudge[0]!.sentences).toContain(3);
  });
});
