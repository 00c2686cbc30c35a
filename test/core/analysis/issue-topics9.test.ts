import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { tokenize } from '../../../src/core/analysis/extract-issues.js';
import type { Issue } from '../../../src/core/analysis/types.js';

// Session 9 ("issues9"): topic labels and stands. Examples are made up, from several kinds of news.

function issuesOf(text: string): Issue[] {
  return analyze({ text }).issues;
}

function positionsOf(issues: readonly Issue[]): string[] {
  return issues.flatMap((i) => i.positions.map((p) => `${p.party}: ${p.position}`));
}

describe('labels: a titled name followed by its verb is the clause, not the topic', () => {
  it('GIVEN "Mr Howard laughing", "Sir Edward Heath quit", "Mr Clarke telling ..." THEN no label keeps the name and its verb', () => {
    const stories = [
      'A photograph of Mr Howard laughing with pensioners was used in the Tory campaign leaflets. The party wants to cut council tax for older voters.',
      'Sir Edward Heath quit as party leader in 1975 after the miners strike. The Liberals had refused to join a coalition with the Conservatives.',
      'The film showed Mr Clarke telling Labour activists about his police reforms. The home secretary wants more officers on the streets.',
    ];
    for (const story of stories) {
      for (const label of issuesOf(story).map((i) => i.topic)) expect(label, story).not.toMatch(/\b(?:Howard laughing|Heath quit|Clarke telling)\b/);
    }
  });
});

describe('stands: "took a swipe at" and "refused to rule out"', () => {
  it('GIVEN "X took a swipe at Y over Z" THEN X holds a stand and the topic is a disagreement', () => {
    const issues = issuesOf('Tory leader Michael Howard took a swipe at the government over its plans for identity cards on Monday. He said the scheme would cost billions of pounds.');
    expect(positionsOf(issues).some((p) => p.startsWith('Michael Howard: took a swipe at the government'))).toBe(true);
    expect(issues.find((i) => /identity cards/.test(i.topic))?.stance).toBe('disagreement');
  });

  it('GIVEN "X refused to rule out Z" THEN X holds a stand on Z and it is no disagreement', () => {
    // A budget story and a football club's manager.
    const budget = issuesOf('Chancellor Gordon Brown refused to rule out a rise in national insurance after the election. Economists expect borrowing to grow next year.');
    expect(positionsOf(budget)).toContain('Gordon Brown: refused to rule out a rise in national insurance after the election');
    expect(budget.every((i) => i.stance !== 'disagreement')).toBe(true);
    const club = issuesOf('The manager, Tom Price, refused to rule out a January move for the striker. The club has been linked with several forwards this season.');
    expect(club.every((i) => i.stance !== 'disagreement')).toBe(true);
  });
});

describe('labels: a topic named by one lower-case word takes the compound its clauses use', () => {
  it('GIVEN a one-word topic whose clauses say "call centres", "food bank figures" THEN the label is that phrase', () => {
    // A bank's job cuts and a poverty report.
    const jobs = issuesOf(
      'The bank is to shut its centres in Leeds and Hull, with the loss of 900 jobs. Staff at the centres were told of the closures on Monday, the union said. The bank said its call centres in India would take the work. Unions said the call centres abroad gave poor service.',
    );
    expect(jobs.map((i) => i.topic)).toContain('call centres');
    expect(jobs.map((i) => i.topic)).not.toContain('centres');
    const poverty = issuesOf(
      'The government will publish the figures on Thursday. Ministers questioned the figures, saying they counted visits, not people. The food bank figures show a rise of 20%, the charity said. Labour said the food bank figures were a disgrace.',
    );
    expect(poverty[0]?.topic).toBe('food bank figures');
  });

  it('GIVEN only adjectives, ordinals or a quoted word before the word THEN the one word stays', () => {
    const novel = issuesOf(
      'The author published the novel in March. Her fourth novel sold 200,000 copies in a week, the publisher said. Critics praised the novel for its pace. The famous novel will be filmed next year.',
    );
    for (const label of novel.map((i) => i.topic)) expect(label).not.toMatch(/^(?:fourth|famous) novel$/);
  });
});

describe('positions: a stand is not cut inside a short quoted phrase, nor before the quotation that ends its clause', () => {
  it('GIVEN "promised a \\"firm but fair\\" policy", "criticised the \\"slow but costly\\" scheme and said" THEN the stand keeps the phrase', () => {
    // A party launch and a council budget.
    const launch = positionsOf(issuesOf('Mr Kilroy-Silk promised a "firm but fair" policy on immigration and said the party hoped to contest most seats at the election.'));
    expect(launch).toContain('Kilroy-Silk: promised a "firm but fair" policy on immigration');
    const council = issuesOf('Councillor Jane Hill criticised the "slow but costly" bypass scheme and said the money should go to buses instead.');
    expect(council.map((i) => i.topic)).toContain("'slow but costly' bypass scheme");
  });

  it('GIVEN "X says that: \\"...\\"" THEN the stand reads the quotation, not "says that"', () => {
    const tech = positionsOf(
      issuesOf('The new network may be more than users need today, but Christoph Caselitz, head of the mobile networks division at the firm says that: "By 2015 the need for capacity in mobile networks will rise by a factor of ten." Rivals are working on similar plans.'),
    );
    expect(tech.some((p) => p.startsWith('Christoph Caselitz: says that: "By 2015'))).toBe(true);
    expect(tech).not.toContain('Christoph Caselitz: says that');
  });
});

describe('positions: "he"/"she" just before the verb', () => {
  it('GIVEN "Ms X revealed that Mr Y was ... - although she denied ..." THEN the stand is X\'s, not Y\'s', () => {
    // A television host on a party leader, a council row, a film set.
    const host = positionsOf(issuesOf('Ms Robinson, a friend of the party leader, revealed that as a student Mr Howard was much loved by women - although she denied having personal experience.'));
    expect(host.some((p) => p.startsWith('Robinson: denied having personal experience'))).toBe(true);
    expect(host.some((p) => p.startsWith('Howard: denied'))).toBe(false);
    const council = positionsOf(issuesOf('Mr Patel said that his rival Mrs Jones had misled voters over the housing plan - though he later denied calling her a liar.'));
    expect(council.some((p) => p.startsWith('Jones:'))).toBe(false);
  });

  it('GIVEN the pronoun agrees with the last person named THEN that person keeps the stand', () => {
    // A sports club: "she" agrees with Mrs Lee, named last, not with Mr Reed.
    const club = positionsOf(issuesOf('Mr Reed, a colleague of the coach, revealed that as a player Mrs Lee was much admired by fans - although she denied any row with the club.'));
    expect(club).toContain('Lee: denied any row with the club');
  });
});

describe('stands: backing, welcoming, defending, "has attacked"', () => {
  it('GIVEN "X backed Y\'s stance", "X welcomed the report", "X defended the plans" THEN X holds a stand', () => {
    // A church leader in an election, a party on a report, a council leader.
    expect(positionsOf(issuesOf('Cardinal Cormac Murphy O\'Connor backed Mr Howard\'s stance on abortion limits during the election campaign.'))).toContain(
      "Cormac Murphy O'Connor: backed Mr Howard's stance on abortion limits during the election campaign",
    );
    expect(positionsOf(issuesOf('The Conservatives welcomed the report on quangos, which found dozens of bodies had no clear purpose.')).some((p) => p.startsWith('Conservatives: welcomed the report'))).toBe(true);
    expect(positionsOf(issuesOf('Council leader Margaret Hughes defended the plans for a new bypass around the town centre.')).some((p) => p.startsWith('Margaret Hughes: defended the plans'))).toBe(true);
  });

  it('GIVEN "backed by the government", "welcomed by MPs" THEN the participle gives the subject no stand', () => {
    const positions = positionsOf(issuesOf('Students across the UK will take part in a mock general election backed by the government and the Electoral Commission next month.'));
    expect(positions).toEqual([]);
  });

  it('GIVEN "X has attacked Y" THEN a disagreement and a stand; GIVEN "X attacked a man" in a crime story THEN no stance', () => {
    const issues = issuesOf('Foreign Secretary Jack Straw has attacked the ruling by the law lords on the detention of terror suspects.');
    expect(positionsOf(issues).some((p) => p.startsWith('Jack Straw: has attacked the ruling') || p.startsWith('Jack Straw: attacked the ruling'))).toBe(true);
    const crime = issuesOf('Police said a 22-year-old man attacked a shop worker with a knife in the town centre on Saturday night.');
    expect(crime.every((i) => i.stance === 'statement')).toBe(true);
  });
});

describe('stands: "added that", "suggested", "outlined", "complained", "described"', () => {
  it('GIVEN a named subject with one of these verbs THEN it holds a stand; GIVEN "added 146,000 jobs" THEN no stand', () => {
    // A former party leader, a central bank, a minister on the press, a campaign chief.
    expect(positionsOf(issuesOf('Mr Hague added that he may have misjudged his own ambition to be prime minister.')).some((p) => p.startsWith('Hague: added that he may have misjudged'))).toBe(true);
    expect(positionsOf(issuesOf('Governor Mervyn King suggested that interest rates may have to rise again this year.')).some((p) => p.startsWith('Mervyn King: suggested that interest rates'))).toBe(true);
    expect(positionsOf(issuesOf('Tessa Jowell complained of the scale of misrepresentation in the media over the gambling bill.')).some((p) => p.startsWith('Tessa Jowell: complained of the scale'))).toBe(true);
    expect(positionsOf(issuesOf('Gordon Brown outlined the key themes of the party\'s next general election campaign.')).some((p) => p.startsWith('Gordon Brown: outlined the key themes'))).toBe(true);
    expect(positionsOf(issuesOf('Retailer Tesco added 146,000 jobs in January, the fastest rise in hiring for a decade.'))).toEqual([]);
  });
});

describe('tokens: a verb form that heads a compound noun', () => {
  const kindOf = (clause: string, word: string): string | undefined => tokenize(clause).find((t) => t.lower === word)?.kind;
  it('GIVEN "a second independence vote if", "a pay cut after", "the government ban on", "a hunger strike." THEN the word is a noun', () => {
    // A referendum, a pay dispute, a smoking ban, a detainee's protest.
    expect(kindOf('She refused to rule out staging a second independence vote if the SNP wins', 'vote')).toBe('np');
    expect(kindOf('He faces a pay cut after the crash', 'cut')).toBe('np');
    expect(kindOf('Critics attacked the government ban on smoking in pubs', 'ban')).toBe('np');
    expect(kindOf('The former spy has been on a hunger strike.', 'strike')).toBe('np');
  });

  it('GIVEN a plural subject, an object after the word or a past tense THEN it stays a verb', () => {
    expect(kindOf('The union members strike over pay', 'strike')).toBe('verb');
    expect(kindOf('The firm cut jobs after the crash', 'cut')).toBe('verb');
    expect(kindOf('The council plans to sell the land', 'plans')).toBe('verb');
  });
});

describe('labels: a definite event noun with what it is about is a new topic, not the one before', () => {
  it('GIVEN "the decision by the law lords on detention" after another topic THEN it is not folded into that topic', () => {
    const issues = issuesOf('The Tories welcomed the report on quangos. Jack Straw has attacked the decision by the law lords on detention. The Lib Dems defended their plans.');
    const report = issues.find((i) => i.topic === 'report on quangos');
    expect(report?.sentences).toEqual([0]);
  });

  it('GIVEN "the agreement by the G8" after a deal THEN it still points back to the deal', () => {
    const issues = issuesOf('Gordon Brown hopes to announce a deal to suspend debt repayments by poor nations on Friday. The agreement by the G8 group of wealthy nations would save them billions a year, he said.');
    expect(issues[0]?.sentences).toEqual([0, 1]);
  });
});
