import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';
import { absorbDropped, addMentioningSentences, type CutTopic, DEBATE_TOPICS, isDebate, namesNewsIssue, LATE_PART, MAX_TOPICS, NEWS_STANCE_MIN_CUES, NEWS_TOPICS, promoteLateTopic, QUOTE_REACH, quotedWithin, sentencePostings, settleDisputes, settleStances, topicBudget, voicedStance, DISPUTE_MIN_SENTENCES, FULLER_BY } from '../../../src/core/analysis/topic-cut.js';
import { clauseCues } from '../../../src/core/analysis/stance-cues.js';
import { stem } from '../../../src/core/analysis/tokenize.js';
import type { IssuePosition, Stance } from '../../../src/core/analysis/types.js';

/** A topic as extract-issues makes it: the stems of every word of its label, stopwords included. */
function topic(label: string, sentences: number[], positions: IssuePosition[] = [], stance: Stance = 'statement', cued = stance === 'statement' ? 0 : 1, twoSided = 0): CutTopic {
  const stems = new Set(label.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length >= 3).map((w) => stem(w)));
  return { label, stems, stance, cued, twoSided, positions, parties: new Set(positions.map((p) => p.party)), sentences };
}

/** The postings of a story that uses these labels' words. */
function storyOf(...topics: CutTopic[]) {
  return sentencePostings(splitSentences(topics.map((t) => `${t.label}.`).join(' ')));
}

function absorb(listed: CutTopic[], dropped: CutTopic[]): void {
  absorbDropped(listed, dropped, storyOf(...listed, ...dropped));
}

describe('topicBudget', () => {
  it('GIVEN a readout of talks, most candidates agreed, differed on or asked for THEN one topic per cue topic (the seed: 10 candidates, 9 with cues)', () => {
    expect(topicBudget(10, 9)).toBe(MAX_TOPICS);
    expect(topicBudget(4, 2)).toBe(DEBATE_TOPICS + 2);
  });

  it('GIVEN reported news, a candidate in nearly every clause and few cues THEN a handful of topics, one more per few cue topics', () => {
    // A feature story (kite festival, body painting): no cue at all.
    expect(topicBudget(17, 0)).toBe(NEWS_TOPICS);
    // A court story (35 candidates, 6 with "denied", "asked"...) and a political one (25, 5).
    expect(topicBudget(35, 6)).toBe(NEWS_TOPICS + 2);
    expect(topicBudget(25, 5)).toBe(NEWS_TOPICS + 1);
    expect(topicBudget(35, 6)).toBeLessThan(topicBudget(10, 9));
  });

  it('GIVEN half the candidates with a cue word but few cues that hold in their clause THEN reported news, not a story of debate', () => {
    // An op-ed on a custody fight (14 candidates: "wanted to", "asked about", "hoped to" and 4 real disputes), a
    // court story (12: "when asked", "sought to", 2 denials), a council row (8: "in a row", "would like to", 2 rejections).
    expect(topicBudget(14, 7, 4)).toBe(NEWS_TOPICS + 2);
    expect(topicBudget(12, 6, 2)).toBe(NEWS_TOPICS + 2);
    expect(topicBudget(8, 4, 2)).toBe(NEWS_TOPICS + 1);
    expect(isDebate(14, 4)).toBe(false);
    // A readout of talks keeps its cues in context: the seed's 9 of 10, a two-party summit's 5 of 8.
    expect(topicBudget(10, 9, 9)).toBe(MAX_TOPICS);
    expect(topicBudget(8, 5, 5)).toBe(Math.min(MAX_TOPICS, DEBATE_TOPICS + 5));
  });

  it('GIVEN any counts THEN never more than the maximum, and a story with no candidates lists none beyond them', () => {
    expect(topicBudget(200, 90)).toBe(MAX_TOPICS);
    expect(topicBudget(200, 99)).toBe(MAX_TOPICS);
    expect(topicBudget(0, 0)).toBe(NEWS_TOPICS);
  });
});

describe('absorbDropped', () => {
  it('GIVEN a dropped candidate sharing a label word with a listed topic THEN its sentences join it (a teacher\'s sex-abuse case)', () => {
    const students = topic('sex with three of male students', [0]);
    const bail = topic('bail', [20, 37]);
    absorb([students, bail], [topic('sex with the third student', [30]), topic('inappropriate contact with students', [33])]);
    expect(students.sentences).toEqual([0, 30, 33]);
    expect(bail.sentences).toEqual([20, 37]);
  });

  it('GIVEN two listed topics sharing words with it THEN it joins the one sharing the most (Scottish jobs, not the campaign)', () => {
    const jobs = topic('Scottish young people to have jobs', [16]);
    const campaign = topic('Scottish Labour campaign', [24]);
    absorb([campaign, jobs], [topic('jobs for Scottish school leavers', [13])]);
    expect(jobs.sentences).toEqual([13, 16]);
    expect(campaign.sentences).toEqual([24]);
  });

  it('GIVEN a tie THEN the first listed (the better ranked) takes it', () => {
    const visits = topic('food bank visits', [8, 10]);
    const organisation = topic('independent food bank organisation', [3]);
    absorb([organisation, visits], [topic('emergency food', [1])]);
    expect(organisation.sentences).toEqual([1, 3]);
    expect(visits.sentences).toEqual([8, 10]);
  });

  it('GIVEN the dropped candidate\'s positions THEN parties new to the topic are added, known ones keep their first position', () => {
    const deal = topic('plea deal', [11], [{ party: 'Susan Hunt', position: 'accepted the plea deal' }]);
    absorb([deal], [topic('deal with prosecutors', [12], [{ party: 'Ed Brass', position: 'said the deal was fair' }, { party: 'Susan Hunt', position: 'other' }])]);
    expect(deal.positions.map((p) => p.party)).toEqual(['Susan Hunt', 'Ed Brass']);
    expect(deal.positions[0]!.position).toBe('accepted the plea deal');
    expect(deal.parties.has('Ed Brass')).toBe(true);
  });

  it('GIVEN a dropped candidate sharing no content word (stopwords do not count) THEN nothing changes', () => {
    const childcare = topic('free childcare', [18, 23]);
    absorb([childcare], [topic('the crowd at the rally', [2]), topic('said that', [5])]);
    expect(childcare.sentences).toEqual([18, 23]);
    expect(childcare.positions).toEqual([]);
    const jobs = topic('Scottish young people to have jobs', [16]);
    absorb([jobs], [topic('have your say', [4])]);
    expect(jobs.sentences).toEqual([16]);
  });
});

describe('sentencePostings', () => {
  it('GIVEN a story THEN each content stem lists the sentences it occurs in, once each and in order; stopwords are left out', () => {
    const postings = sentencePostings(splitSentences('Food banks fed more people. The food bank figures were disputed. Ministers said the banks were political.'));
    expect(postings.get(stem('food'))).toEqual([0, 1]);
    expect(postings.get(stem('banks'))).toEqual([0, 1, 2]);
    expect(postings.has('the')).toBe(false);
    expect(postings.has('said')).toBe(false);
  });
});

describe('addMentioningSentences', () => {
  const sentences = splitSentences(
    'Brianne Altice accepted a plea deal on Tuesday. ' +
      'The judge sentenced her to prison. ' +
      'Her lawyer said the plea deals were fair to everyone. ' +
      'Prosecutors said the deal spared the victims a trial. ' +
      'The kite festival was held in Weifang.',
  );

  it('GIVEN sentences holding every content word of a label (any word form) THEN they support the topic, in order', () => {
    const deal = topic('plea deal', [0]);
    addMentioningSentences([deal], sentencePostings(sentences));
    expect(deal.sentences).toEqual([0, 2]);
  });

  it('GIVEN a sentence with only some of the label\'s words THEN it is not added; a word the story never repeats adds nothing', () => {
    const kite = topic('kite festival', [4]);
    const prison = topic('prison sentence length', [1]);
    addMentioningSentences([kite, prison], sentencePostings(sentences));
    expect(kite.sentences).toEqual([4]);
    expect(prison.sentences).toEqual([1]);
  });

  it('GIVEN a label of stopwords only THEN nothing is added', () => {
    const empty = topic('the one', [3]);
    addMentioningSentences([empty], sentencePostings(sentences));
    expect(empty.sentences).toEqual([3]);
  });
});

describe('quotedWithin', () => {
  it('GIVEN a quote beside a topic\'s sentence THEN that topic (a poll of policies, a psychologist\'s examination)', () => {
    const policies = topic('list of 23 policies', [1, 9, 13]);
    const debate = topic('Scottish leaders TV debate', [4, 11, 16]);
    expect(quotedWithin([policies, debate], 14, 'Angus Robertson')).toBe(policies);
    const examined = topic('Jamie Silvonek examined by a forensic psychologist', [8, 37]);
    const car = topic('car', [4, 5, 18]);
    expect(quotedWithin([car, examined], 7, 'John Waldron')).toBe(examined);
  });

  it('GIVEN the quote in a topic\'s own sentence THEN that topic before one a sentence away; on a tie the first listed', () => {
    const a = topic('free childcare', [3, 18]);
    const b = topic('welfare trap', [2, 4]);
    expect(quotedWithin([b, a], 3, 'David Cameron')).toBe(a);
    expect(quotedWithin([b, a], 17, 'David Cameron')).toBe(a);
    const c = topic('benefit cheque', [16]);
    expect(quotedWithin([c, a], 17, 'David Cameron')).toBe(c);
  });

  it('GIVEN no topic within QUOTE_REACH, or the speaker already placed THEN null', () => {
    const letter = topic('extension of leave of absence', [8, 10, 39]);
    expect(quotedWithin([letter], 10 + QUOTE_REACH + 1, 'Simon Danczuk')).toBeNull();
    const placed = topic('plea deal', [11], [{ party: 'Ed Brass', position: 'said the deal was fair' }]);
    expect(quotedWithin([placed], 11, 'Ed Brass')).toBeNull();
    expect(quotedWithin([], 3, 'Ed Brass')).toBeNull();
  });
});

describe('settleStances', () => {
  it('GIVEN reported news THEN a topic with one incidental cue clause is a statement, one told with a cue twice keeps its stance', () => {
    // A prisoner "asked her to change his Facebook password"; a letter the peer "signed"; a denial told in the lead and again below.
    const password = topic('Facebook password', [2], [], 'request', 1);
    const letter = topic('letter to the Lords', [0, 4], [], 'agreement', 1);
    const plea = topic('charges of fraud', [1, 9], [], 'disagreement', NEWS_STANCE_MIN_CUES);
    const listed = settleStances([password, letter, plea], 20, 3);
    expect(listed.map((t) => t.stance)).toEqual(['statement', 'statement', 'disagreement']);
  });

  it('GIVEN a story of debate (most candidates cued) THEN every cue is kept, one clause is enough (the talks "agreed to settle fishing quotas")', () => {
    expect(isDebate(10, 9)).toBe(true);
    const quotas = topic('fishing quotas', [12], [], 'agreement', 1);
    const taskForce = topic('task force for exchanges', [12], [], 'agreement', 1);
    expect(settleStances([quotas, taskForce], 4, 3).map((t) => t.stance)).toEqual(['agreement', 'agreement']);
  });

  it('GIVEN reported news and one clause naming both sides (a denial, a plea) on a topic of law or politics THEN that topic keeps its disagreement', () => {
    // A defendant "pleaded not guilty" to the charges; a minister "denied" a report about a plan; a company "rejected" a lawsuit.
    const charges = topic('charges of fraud', [4, 9], [], 'disagreement', 1, 1);
    const plan = topic('plan to close the hospital', [2], [], 'disagreement', 1, 1);
    const lawsuit = topic('lawsuit by former drivers', [6], [], 'disagreement', 1, 1);
    for (const t of [charges, plan, lawsuit]) expect(settleStances([topic('weather on the day', [1]), t], 20, 3)[1]!.stance).toBe('disagreement');
  });

  it('GIVEN reported news and a lone two-sided cue THEN no rescue when the topic is no act of law or politics, or the cue falls on several topics', () => {
    // "Turkey denies this history" given by anaphora to a topic about its army: not what is denied.
    expect(settleStances([topic('second-largest army', [9, 10], [], 'disagreement', 1, 1)], 20, 3)[0]!.stance).toBe('statement');
    // A plea repeated in the lead, a caption and the body falls on three topics: which one is disputed is not told.
    const spread = [topic('immigration scheme', [0], [], 'disagreement', 1, 1), topic('charges of fraud', [5], [], 'disagreement', 1, 1), topic('marriages', [9], [], 'disagreement', 1, 1)];
    expect(settleStances(spread, 30, 4).map((t) => t.stance)).toEqual(['statement', 'statement', 'statement']);
    // A story of debate keeps its cues as they are.
    expect(settleStances([topic('second-largest army', [9], [], 'disagreement', 1, 1)], 4, 3)[0]!.stance).toBe('disagreement');
  });

  it('GIVEN reported news and one cue clause that is a named party\'s own outspoken act THEN the topic keeps that stance', () => {
    // A former civil servant "has criticised the way the government operates"; a charity "urged the next government to boost
    // the state pension"; a minister "hit out at critics of the bill"; a council body "agreed in principle with the plans".
    const criticised = topic('way the government operates', [0], [{ party: 'Robin Butler', position: 'has criticised the way the government operates' }], 'disagreement', 1);
    const urged = topic('state pension', [4], [{ party: 'Age Concern', position: 'urged the next government to boost the state pension' }], 'request', 1);
    const hitOut = topic('gambling bill', [0], [{ party: 'Tessa Jowell', position: 'has today hit out at critics of the bill' }], 'disagreement', 1);
    const agreed = topic('fostering plans', [14], [{ party: 'ADSS', position: 'agreed in principle with the plans' }], 'agreement', 1);
    expect(settleStances([criticised, urged, hitOut, agreed], 20, 4).map((t) => t.stance)).toEqual(['disagreement', 'request', 'disagreement', 'agreement']);
  });

  it('GIVEN one cue clause whose party only claims, hopes or is acted on THEN reported news still reads a statement', () => {
    // "said he hoped to announce a deal"; "was criticised by MPs" (the party is not the critic); a cue elsewhere in the clause.
    const hoped = topic('debt deal', [0], [{ party: 'Gordon Brown', position: 'said he hoped to announce a deal' }], 'request', 1);
    const passive = topic('e-University', [0], [{ party: 'UKeU', position: 'was criticised by MPs' }], 'disagreement', 1);
    const aside = topic('airport expansion', [1], [{ party: 'BAA', position: 'says the plans, which are fiercely opposed, will go ahead' }], 'disagreement', 1);
    // The party's act must be the topic's cue: a request topic is not kept by a criticism.
    const other = topic('inquiry', [3], [{ party: 'Dan Lewis', position: 'criticised the agencies' }], 'request', 1);
    expect(settleStances([hoped, passive, aside, other], 20, 4).map((t) => t.stance)).toEqual(['statement', 'statement', 'statement', 'statement']);
  });

  it('GIVEN a position THEN voicedStance reads the act it opens on, past auxiliaries and time words', () => {
    expect(voicedStance('accused Mr Blair of telling lies')).toBe('disagreement');
    expect(voicedStance('has also rejected the call for shortlists')).toBe('disagreement');
    expect(voicedStance('dismissed reports he would quit')).toBe('disagreement');
    expect(voicedStance('called on supporters to meet as normal')).toBe('request');
    expect(voicedStance('warned against any rise in the cap')).toBe('request');
    expect(voicedStance('welcomed the report')).toBe('agreement');
    expect(voicedStance('said the plans were flawed')).toBeNull();
    expect(voicedStance('was accused of lying')).toBeNull();
    expect(voicedStance('wants the rebate to end')).toBeNull();
  });

  it('GIVEN a statement topic THEN it stays a statement either way', () => {
    expect(settleStances([topic('kite festival', [1, 3])], 17, 0)[0]!.stance).toBe('statement');
  });
});

describe('promoteLateTopic', () => {
  const sentences = 30;
  const late = Math.ceil(sentences * LATE_PART);
  it('GIVEN no listed topic starting in the last third THEN the best late candidate takes the last place', () => {
    // A Top Gear row whose last paragraphs turn to an assault on a producer; a food-bank story ending on a charity's proposal.
    const ranked = [topic('number plate', [0, 3]), topic('diplomatic row', [5]), topic('crew attacked', [8]), topic('new show', [12]), topic('assault on a producer', [late, late + 2]), topic('weather', [late + 3])];
    promoteLateTopic(ranked, 4, sentences);
    expect(ranked.slice(0, 4).map((t) => t.label)).toEqual(['number plate', 'diplomatic row', 'crew attacked', 'assault on a producer']);
    expect(ranked[4]!.label).toBe('new show');
  });

  it('GIVEN a listed topic already starting late, or no late candidate THEN the ranking stays', () => {
    const ranked = [topic('food bank figures', [0]), topic('proposal for food waste', [late]), topic('causes of poverty', [4]), topic('later remark', [late + 1])];
    promoteLateTopic(ranked, 2, sentences);
    expect(ranked.map((t) => t.label)).toEqual(['food bank figures', 'proposal for food waste', 'causes of poverty', 'later remark']);
    const early = [topic('kite', [0]), topic('festival', [2]), topic('record', [5])];
    promoteLateTopic(early, 2, sentences);
    expect(early.map((t) => t.label)).toEqual(['kite', 'festival', 'record']);
  });
});

describe('namesNewsIssue', () => {
  it('GIVEN labels naming an act of politics or law, or an alleged wrong THEN they name a news issue', () => {
    for (const l of ['board with the plea deal', 'lawsuit against the school district', 'second independence referendum', 'mansion tax', 'fresh prosecutions and retrials', 'child sex abuse allegations', 'ban on dismemberment abortion']) {
      expect(namesNewsIssue(l), l).toBe(true);
    }
  });

  it('GIVEN labels naming a detail, a person or a thing THEN they do not', () => {
    for (const l of ['swipe', 'renowned professional poker player', 'dragon-themed kite', 'text', 'Facebook password', 'portable paint kit']) {
      expect(namesNewsIssue(l), l).toBe(false);
    }
  });
});

describe('settleDisputes', () => {
  const story = splitSentences(
    [
      'The council accused the developer of breaking the planning rules.',
      'The developer denied it, saying every permit was in order.',
      'Work on the site began in May.',
      'Residents have complained about the noise.',
      'The club insisted the striker was not for sale.',
      'Critics said the fee was far too high.',
    ].join(' '),
  );
  const party = (name: string): IssuePosition => ({ party: name, position: '...' });

  it('GIVEN reported news THEN a statement topic with a position and two disputed sentences (accused ... denied; insisted ... critics) is a disagreement', () => {
    const planning = topic('planning rules', [0, 1, 2], [party('council')]);
    const transfer = topic('transfer fee', [4, 5], [party('club')]);
    settleDisputes([planning, transfer], story, false, sentencePostings(story));
    expect(DISPUTE_MIN_SENTENCES).toBe(2);
    expect(planning.stance).toBe('disagreement');
    expect(transfer.stance).toBe('disagreement');
  });

  it('GIVEN criticism as a noun, critics or insisting (no clause cue of their own) THEN they mark a disputed sentence too', () => {
    const vaccines = splitSentences('Critics said the mandate went too far. The health minister insisted it would save lives. Clinics open at nine.');
    expect(clauseCues(vaccines[0]!.text).stance).toBeNull();
    const mandate = topic('vaccine mandate', [0, 1, 2], [party('health minister')]);
    settleDisputes([mandate], vaccines, false, sentencePostings(vaccines));
    expect(mandate.stance).toBe('disagreement');
  });

  it('GIVEN disputed sentences that name another listed topic far more fully THEN they are that topic\'s dispute, not this one\'s', () => {
    // A plea to charges that mention the marriages; a club denying a transfer fee that mentions the striker's contract.
    const court = splitSentences(
      [
        'She pleaded not guilty to two felony charges of filing false marriage licences.',
        'Her lawyer said she denied the felony charges of filing false marriage licences.',
        'She had ten husbands.',
      ].join(' '),
    );
    const charges = topic('felony charges of filing false licences', [0, 1], [party('prosecutors')]);
    const marriages = topic('marriage', [0, 1, 2], [party('newspaper')]);
    settleDisputes([charges, marriages], court, false, sentencePostings(court));
    expect(FULLER_BY).toBe(3);
    expect([charges.stance, marriages.stance]).toEqual(['disagreement', 'statement']);
    // Named about as fully (fewer than FULLER_BY words more), both topics keep the sentences.
    const fee = topic('transfer fee row', [0, 1], [party('club')]);
    const striker = topic('striker', [0, 1], [party('agent')]);
    const transfer = splitSentences('The club denied the striker had a transfer fee agreed. Critics said the striker was worth more than the fee.');
    settleDisputes([fee, striker], transfer, false, sentencePostings(transfer));
    expect([fee.stance, striker.stance]).toEqual(['disagreement', 'disagreement']);
  });

  it('GIVEN one disputed sentence, no party holding a position, another stance or a story of debate THEN the stance stays', () => {
    const one = topic('site works', [0, 2, 3], [party('council')]);
    const nobody = topic('planning rules', [0, 1]);
    const asked = topic('planning appeal', [0, 1], [party('council')], 'request', 2);
    const debate = topic('transfer fee', [4, 5], [party('club')]);
    settleDisputes([one, nobody, asked], story, false, sentencePostings(story));
    settleDisputes([debate], story, true, sentencePostings(story));
    expect([one, nobody, asked, debate].map((t) => t.stance)).toEqual(['statement', 'statement', 'request', 'statement']);
  });
});
