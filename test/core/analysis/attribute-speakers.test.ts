import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attributeSpeakers, rankKeyQuotes } from '../../../src/core/analysis/attribute-speakers.js';
import { attribute } from './attribution-kit.js';
import { findMentions } from '../../../src/core/analysis/mentions.js';
import type { Participant } from '../../../src/core/briefing/briefing.js';

const seed = readFileSync(new URL('../../fixtures/korea-japan.txt', import.meta.url), 'utf8');
const ministers: Participant[] = [
  { name: 'Kang Kyung-wha', role: 'Foreign Minister', side: 'South Korea', aliases: ['Kang'] },
  { name: 'Taro Kono', role: 'Foreign Minister', side: 'Japan', aliases: ['Kono'] },
];

describe('attributeSpeakers', () => {
  it('GIVEN "X said" after the quote THEN X is the speaker, titles stripped', () => {
    const [a] = attribute('"Talks will resume on Monday," Trade Secretary Maria Lopez said after the meeting.');
    expect(a).toMatchObject({ speaker: 'Maria Lopez', cue: 'said-after' });
  });

  it('GIVEN an inverted "said X" THEN X is the speaker and the short name expands to the full one', () => {
    const t = 'Wang Dongming flew the kite. \'Big kites are built from kevlar rope to stop them snapping,\' said Mr Wang.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Wang Dongming', cue: 'said-after' });
  });

  it('GIVEN "X added:" before the quote with an appositive THEN the named subject speaks, not the organisation', () => {
    const t =
      "Pete Saunders, chief executive of the National Association for People Abused in Childhood, added: 'He couldn't have signed this letter if he was ill.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Pete Saunders', cue: 'said-before' });
  });

  it('GIVEN "according to X" THEN X is the speaker', () => {
    const t = 'The deal is "the best we could get in the circumstances," according to union leader Dave Ward.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Dave Ward', cue: 'according-to' });
  });

  it('GIVEN "X: \'...\'" THEN the name before the colon speaks', () => {
    const t = "Judge Helen Carter: 'I have considered every submission made to this court today.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Helen Carter', cue: 'colon' });
  });

  it('GIVEN "she said" THEN the pronoun goes to the last woman named, not to the last person', () => {
    const t =
      'Mrs Angela Moore, who represents Councillor John Hardy, spoke after the vote. "We were ignored from the start," she said.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Angela Moore', cue: 'pronoun' });
  });

  it('GIVEN a man named only in the possessive before "he said" THEN he is not "he": the man talked about is', () => {
    const mata = "Juan Mata admitted his side still have work to do. The 26-year-old has been in fine form for Louis van Gaal's side during their run 'The season has gone so quickly,' he said.";
    expect(attribute(mata)[0]).toMatchObject({ speaker: 'Juan Mata' });
    const brady = "Tom Brady threw three touchdowns. The veteran ran Bill Belichick’s offense without a mistake. 'We just keep going,' he said.";
    expect(attribute(brady)[0]).toMatchObject({ speaker: 'Tom Brady' });
    // A possessive name is still found when it is the only man there is.
    expect(attribute("It was Bill Belichick's plan all along. 'We prepared for this,' he said.")[0]).toMatchObject({ speaker: 'Bill Belichick' });
  });

  it('GIVEN "he said" after a sentence whose subject is a man THEN the subject is chosen over a man named inside it', () => {
    const t =
      "Simon Danczuk, the politician who exposed Cyril Smith, said it was not right for Janner to avoid court. 'If you want to stay a legislator, you are fit to be tested before the law,' he said.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Simon Danczuk', cue: 'pronoun' });
  });

  it('GIVEN a quote split by "Moore said" THEN both halves go to the same speaker', () => {
    const t = 'Angela Moore is his publicist. "He was struggling before, and he is a trouper," Moore said. "He wasn\'t going to let his fans down."';
    const [a, b] = attribute(t);
    expect(a).toMatchObject({ speaker: 'Angela Moore', cue: 'said-after' });
    expect(b).toMatchObject({ speaker: 'Angela Moore', cue: 'continuation' });
  });

  it('GIVEN a role-only subject "the Prime Minister said" THEN it resolves to the person with that role', () => {
    const t = "Prime Minister David Cameron visited Leeds. The Prime Minister said on Monday: 'Don't you dare lecture us on poverty.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'David Cameron' });
  });

  it('GIVEN a quote with no cue at all THEN the speaker stays unknown with confidence 0 and cue "none"', () => {
    const t = 'The storm hit the coast overnight.\n\n"Nobody expected the water to rise this fast."\n\nRoads remain closed.';
    expect(attribute(t)[0]).toMatchObject({ speaker: null, confidence: 0, cue: 'none' });
  });

  it('GIVEN the Korea-Japan transcript and its participants THEN each statement goes to the right minister by side reasoning', () => {
    const [first, second] = attribute(seed, ministers);
    expect(first).toMatchObject({ speaker: 'Kang Kyung-wha', cue: 'side-reasoning' });
    expect(second).toMatchObject({ speaker: 'Taro Kono', cue: 'side-reasoning' });
    expect(first!.confidence).toBeGreaterThan(0);
    expect(first!.confidence).toBeLessThan(0.9);
  });

  it('GIVEN the transcript with the participants listed the other way round THEN the answer does not depend on order', () => {
    const [first, second] = attribute(seed, [...ministers].reverse());
    expect(first!.speaker).toBe('Kang Kyung-wha');
    expect(second!.speaker).toBe('Taro Kono');
  });

  it('GIVEN other talks with statements that name the other side THEN side reasoning generalises', () => {
    const t =
      'Trade ministers of Canada and Mexico met in Ottawa.\n\n"We thank Mexico for its patience and I look forward to working with Minister Ruiz."\n\n' +
      '"I told Minister Clarke that our farmers need certainty before the harvest."\n';
    const people: Participant[] = [
      { name: 'Anne Clarke', role: 'Trade Minister', side: 'Canada', aliases: [] },
      { name: 'Jorge Ruiz', role: 'Economy Minister', side: 'Mexico', aliases: [] },
    ];
    const [a, b] = attribute(t, people);
    expect(a!.speaker).toBe('Anne Clarke');
    expect(b!.speaker).toBe('Jorge Ruiz');
  });

  it('GIVEN a statement that names neither side THEN side reasoning refuses to guess', () => {
    const t = 'The ministers met.\n\n"This was a productive meeting and we will meet again."\n';
    expect(attribute(t, ministers)[0]).toMatchObject({ speaker: null, cue: 'none' });
  });
});

describe('rankKeyQuotes', () => {
  it('GIVEN attributed, unattributed and fragment quotes THEN it keeps substantive attributed ones in document order', () => {
    const quotes = [
      { text: 'punished the poor', speaker: 'David Cameron', confidence: 0.9 },
      { text: 'We will build 600,000 extra childcare places for working families every year.', speaker: 'David Cameron', confidence: 0.9 },
      { text: 'Nobody expected the water to rise this fast, and nobody warned us.', speaker: null, confidence: 0 },
      { text: 'This is the clearest choice in a generation for every voter in Britain.', speaker: 'Ed Miliband', confidence: 0.9 },
    ];
    expect(rankKeyQuotes(quotes, 3)).toEqual([1, 3]);
    expect(rankKeyQuotes(quotes, 1)).toHaveLength(1);
  });
});

describe('attributeSpeakers on harder attributions', () => {
  it('GIVEN "X wrote: \'...\' while Y added: \'...\'" THEN each quote goes to the name before its colon', () => {
    const [a, b] = attribute("Janine Gamblen wrote: 'Some people really are just stupid,' while Sarah Edwards added: 'Only in Oldham.'");
    expect(a!.speaker).toBe('Janine Gamblen');
    expect(b!.speaker).toBe('Sarah Edwards');
  });

  it('GIVEN a quote ending in a full stop followed by a new sentence "X said" THEN that X does not take the quote', () => {
    const t =
      "David Ashby spoke from his home. 'Of course I didn't know anything at the time,' he said. 'The man is ill and should be left alone.' Director Alison Saunders said she was aware of the links.";
    const [, b] = attribute(t);
    expect(b).toMatchObject({ speaker: 'David Ashby', cue: 'continuation' });
  });

  it('GIVEN "said goalkeeping coach Tony Parks" THEN lower-case role words between verb and name are skipped', () => {
    expect(attribute("'Shay comes in every day and trains hard,' said goalkeeping coach Tony Parks.")[0]).toMatchObject({ speaker: 'Tony Parks', cue: 'said-after' });
  });

  it('GIVEN "which it described as" after an organisation THEN "it" is the organisation', () => {
    const t =
      'Planned Parenthood Advocates of Kansas criticized the move, which it described as the latest in a series of "extreme political measures aimed at denying women access to health care."';
    expect(attribute(t)[0]!.speaker).toBe('Planned Parenthood Advocates of Kansas');
  });

  it('GIVEN a surname that is also a country THEN "Jordan said" is the person', () => {
    const t = 'Louis Jordan, 37, was rescued at sea. "Everything I owned got broken," Jordan said.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Louis Jordan', cue: 'said-after' });
  });

  it('GIVEN a surname that is also a title THEN "King said" is the person', () => {
    const t = 'Blues legend B.B. King was hospitalized. "I\'m feeling much better," King said in a message.';
    expect(attribute(t)[0]!.speaker).toBe('B.B. King');
  });

  it('GIVEN "the Ambassador to the United Nations Samantha Power ... she wrote" THEN the organisation is not glued to her name', () => {
    const t = 'In her book, Ambassador to the United Nations Samantha Power hammered policy makers. "No president has ever made genocide prevention a priority," she wrote.';
    expect(attribute(t)[0]!.speaker).toBe('Samantha Power');
  });

  it('GIVEN "He said:" after a sentence whose subject has no known gender THEN the subject speaks, not the man named last', () => {
    const t =
      "Bob Arum said the deal was off. But Leonard Ellerbe, CEO of Mayweather Promotions, disagreed with Arum. He said: 'The bottom line is that Bob isn't willing to live with the agreement.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Leonard Ellerbe', cue: 'pronoun' });
  });
});

describe('attributeSpeakers: people and where they work', () => {
  const speakers = (text: string): Array<string | null> => attribute(text).map((a) => a.speaker);

  it('GIVEN "<person> of <firm> said" THEN the person speaks, and the firm is an organisation', () => {
    expect(speakers("Odds tumbled from 66/1 to 20/1. David Williams of Ladbrokes said: 'Punters are putting two and two together.'")).toEqual(['David Williams']);
    expect(speakers("The vote was close. 'We expected more,' said Anna Brown of Greenfield.")).toEqual(['Anna Brown']);
    const mentions = findMentions('Anna Brown of Greenfield spoke.', []);
    expect(mentions.map((m) => [m.name, m.kind])).toEqual([['Anna Brown', 'person'], ['Greenfield', 'organization']]);
  });

  it('GIVEN "<person>, <role>, <employer> said:" THEN the person speaks, not the employer', () => {
    expect(speakers("Support was wide. Mark Diffley, Director, Ipsos MORI Scotland said: 'The poll gives a clear steer.'")).toEqual(['Mark Diffley']);
  });

  it('GIVEN "said <long capitalised role>, <person>." THEN the person at the end of the sentence speaks, and the next quote continues them', () => {
    expect(
      speakers("'Barbie is a true icon,' said Myer Chief Merchandise & Marketing Officer and Deputy CEO, Daniel Bracken. 'There is a real nostalgia around Barbie.'"),
    ).toEqual(['Daniel Bracken', 'Daniel Bracken']);
  });

  it('GIVEN "<role>, <person>, told <paper>" THEN the person in the appositive speaks', () => {
    expect(speakers("Her neighbours were surprised. A Bronx building superintendent, Ruben George, told the New York Post 'She was arrested twice.'")).toEqual(['Ruben George']);
  });

  it('GIVEN a name beginning "San" or "Fort" THEN it is a place, so "she" never resolves to it', () => {
    const mentions = findMentions('Rents in San Jose rose. Fort Worth did not.', []);
    expect(mentions.filter((m) => /San|Fort/.test(m.name)).map((m) => [m.name, m.kind])).toEqual([['San Jose', 'place'], ['Fort Worth', 'place']]);
    expect(speakers("Holly Leonard looked for a flat in San Jose for months. She told the paper: 'People don't put out signs anymore.'")).toEqual(['Holly Leonard']);
  });
});

describe('attributeSpeakers: pronouns and descriptions in sports and crime copy', () => {
  const speakers = (text: string): Array<string | null> => attribute(text).map((a) => a.speaker);

  it('GIVEN "the Blues are 10th ..., he" THEN "he" is the player named before, not the team', () => {
    expect(
      speakers("Dougie Hall has seen the game improve. As a result, despite the fact that the Warriors are first and the Blues are 10th in the table, he does not expect an easy night. 'They have a number of quality players,' he explained."),
    ).toEqual(['Dougie Hall']);
  });

  it('GIVEN a surname that is usually a word ("Hall") THEN it names the person the story introduced in full', () => {
    const mentions = findMentions('Glasgow confirmed that Dougie Hall will start. Hall admits it will be strange.', []);
    expect(mentions.filter((m) => /Hall/.test(m.name)).map((m) => [m.name, m.kind])).toEqual([
      ['Dougie Hall', 'person'],
      ['Hall', 'person'],
    ]);
  });

  it('GIVEN a weekday glued to a name ("on Thursday Kalanick wrote:") THEN the name still speaks', () => {
    expect(speakers("Uber CEO Travis Kalanick hired him. Announcing the hire in a blog post on Thursday Kalanick wrote: 'We are both in cyberspace and on city streets.'")).toEqual(['Travis Kalanick']);
  });
});

describe('attributeSpeakers: descriptions, pairs, captions and run-on speakers', () => {
  const speakers = (text: string): Array<string | null> => attribute(text).map((a) => a.speaker);

  it('GIVEN "X and Y were critical ... the latter said" THEN Y, and a role description ("the former Liverpool midfielder said") goes back to them', () => {
    expect(
      speakers(
        "Pundits Gary Neville and Graeme Souness were highly critical of Toure. Of the 31-year-old, the latter said that he had become 'a bit of a liability' for City. 'When he has the ball at his feet, he is a real threat,' the former Liverpool midfielder said.",
      ),
    ).toEqual(['Graeme Souness', 'Graeme Souness']);
  });

  it('GIVEN a photo caption between two paragraphs of one speaker THEN the second paragraph still continues them', () => {
    expect(
      speakers(
        "Detective Inspector Vanessa Lewis said: 'Boente showed no signs of stopping his conduct.' Boente was serving time at HMP Birmingham (pictured) when he began contacting the woman 'This is a highly unusual case which shows his ability to control young women.'",
      ),
    ).toEqual(['Vanessa Lewis', 'Vanessa Lewis']);
  });

  it('GIVEN a sentence opening on a verb or an adverb ("Concluding Top Gear chiefs ...") THEN that word is no part of a name', () => {
    const mentions = findMentions('Concluding Top Gear chiefs had not acted in bad faith, she added. Interestingly Ms Madeley agreed.', []);
    expect(mentions.map((m) => m.name)).not.toContain('Concluding Top Gear');
    expect(mentions.map((m) => m.name)).toContain('Madeley');
  });

  it('GIVEN "X wrote: ... He added:" THEN "he added" goes on with X, even when the story never says X is a man', () => {
    expect(
      speakers("Sullivan's role will involve liaising with governments. On Thursday Kalanick wrote: 'We are both in cyberspace and on city streets.' He added: 'This is a challenge I get to take on.'"),
    ).toEqual(['Kalanick', 'Kalanick']);
  });

  describe('pronouns resolve by salience, not by distance', () => {
    it('GIVEN "he said" after a list of players THEN the sentence subject speaks, not the last name in the list', () => {
      expect(
        speakers(
          "Having settled his own future, Tom Harris will next week turn to the futures of four players - Dan Cole, Ben Youngs, Joe Marler and Kyle Sinckler - who are out of contract. 'Once my own position was sorted out, the players will want to know where they stand,' he said.",
        ),
      ).toEqual(['Tom Harris']);
    });

    it('GIVEN "X admits" after "Y," THEN the two names are no list and the subject X is "he"', () => {
      expect(
        speakers(
          "A new challenge lies ahead for Jurgen Klopp, Per Mertesacker admits he cannot work out what went wrong at Dortmund. He said: 'It is obviously sad news for the club.'",
        ),
      ).toEqual(['Per Mertesacker']);
    });

    it('GIVEN a sentence opened by "He" before "He told ..." THEN the pronoun chain goes back to its subject, not to the last quoted speaker', () => {
      expect(
        speakers(
          "Prosecutor Eddie Coyle said: 'He was nearly twice the legal limit.' Mark Giggs had pleaded guilty to drink-driving. He declined an offer from magistrate John Pugh to adjourn the case. He told the magistrates: 'I work for an agency and I want this sorted today.'",
        ),
      ).toEqual(['Eddie Coyle', 'Mark Giggs']);
    });

    it('GIVEN "she said" whose sentences name only a woman of unknown gender and a man THEN the last woman quoted speaks', () => {
      expect(
        speakers(
          "Mrs Fetia Hussen, 45, said: 'We wanted to get help for people back home.' Kadiza Sultana, pictured, was one of three girls who flew to Turkey with Mr Abase. Asked why she was at the front of the march, she said: 'The crowd pushed me.'",
        ),
      ).toEqual(['Fetia Hussen', 'Fetia Hussen']);
    });

    it('GIVEN "the actress" between a speaker and her quote THEN "she" stays with the woman last quoted, not the character she named', () => {
      expect(
        speakers(
          "'Hair, for some reason, is a really big deal,' Julia Louis-Dreyfus said. As for her character on the show, Julia explained to the magazine that Mrs Meyer is a 'straddler'. But the actress has no problem playing an unlikable character. 'I don't think we're all so likable all the time,' she explained.",
        ),
      ).toEqual(['Julia Louis-Dreyfus', 'Julia Louis-Dreyfus']);
    });

    it('GIVEN "she said" with no woman named and a person of unknown gender three sentences back THEN the speaker stays unknown', () => {
      expect(
        speakers(
          "Research by Hollis Grant found that one in twenty students had done such work. The survey was published on Monday. The young woman said she turned to it as a last resort. She said: 'None of the part-time jobs paid enough to cover my rent.'",
        ),
      ).toEqual([null]);
    });
  });

  it('GIVEN "Mrs. Obama said" or "Dr. Kuhar said" after a quote THEN the title\'s full stop ends no sentence and the name speaks', () => {
    expect(speakers("'It gives you a chance to see the impact of the gardens,' Mrs. Michelle Obama said on Tuesday.")).toEqual(['Michelle Obama']);
    expect(speakers('"They were just curious about what was going on," Dr. Christopher Kuhar told reporters.')).toEqual(['Christopher Kuhar']);
  });

  it('GIVEN "continued to" after a named speaker THEN it is no speech verb and the named speaker keeps the quote', () => {
    expect(
      speakers(
        "Agent Richard Thornton details the arrests, with Attorney Andrew Luger to the left. Despite being stopped already, Luger said, the three others continued to try to get to Syria 'by any means possible.'",
      ),
    ).toEqual(['Andrew Luger']);
  });

  it('GIVEN a name closing an aside ("... with Aston Villa, spoke to") THEN it is no subject and "he" goes to the one who "now wants"', () => {
    expect(
      speakers(
        "Liverpool boss Brendan Rodgers has not disciplined the pair. Rodgers, who has Steven Gerrard available for the semi-final with Aston Villa, spoke to Sterling and Ibe in his office on Thursday and Rodgers now wants to draw a line under the matter. He said: 'When you are a professional you have to behave.'",
      ),
    ).toEqual(['Brendan Rodgers']);
  });

  it('GIVEN "he said" inside the sentence that names the man ("a speech by Winston Churchill, when he said") THEN he speaks', () => {
    expect(
      speakers(
        "Prime Minister David Cameron visited the White House in January. The phrase was first coined in a 1944 speech by Winston Churchill, when he said it was his 'deepest conviction that unless Britain and the United States are joined' peace would fail.",
      ),
    ).toEqual(['Winston Churchill']);
  });

  it('GIVEN a quote ending in "!" followed by "However, ... X told" THEN X speaks the next sentence, not the quote', () => {
    expect(
      speakers(
        "Jacqueline Caterina, 33, has seen an improvement: 'After a couple of weeks I was like, \"Wow!\"' However, NYC-based plastic surgeon Norman Rowe told the Post that he questions the treatment.",
      ),
    ).not.toContain('Norman Rowe');
  });

  describe('a run of quoted paragraphs continues its speaker', () => {
    const narrative =
      'The boat capsized two more times before the rescue. After the food and water ran out, it became an issue of survival. Collecting fresh water was a nightmare in the open sea, with waves crashing over the deck for days on end. The weather would not cooperate, and the heat made everything worse through the long afternoons. ';

    it('GIVEN a narrative paragraph of 300 to 1,000 characters naming no one else THEN the next unattributed quote continues the speaker', () => {
      expect(speakers(`'Everything I owned got broken,' Louis Jordan said. ${narrative}'The waves would put saltwater into my freshwater and it tasted bad.'`)).toEqual([
        'Louis Jordan',
        'Louis Jordan',
      ]);
    });

    it('GIVEN the same paragraph reporting other speech ("police said") THEN the run stops there', () => {
      expect(
        speakers(`'I thought Augusta would be kinder,' Dougie Hall said. ${narrative}Police said the course would be closed on Sunday. 'Nobody is allowed on the greens before the final round.'`)[1],
      ).not.toBe('Dougie Hall');
    });
  });

  describe('unnamed speakers and organisations speaking through one', () => {
    it('GIVEN "A Sandown spokesman said" or "a spokesman for Mobile4all said" THEN the organisation speaks', () => {
      expect(speakers("Tony Adams manages Gabala. A Sandown spokesman said: 'Tony wanted to do it but his side are playing on Friday night.'")).toEqual(['Sandown']);
      expect(
        speakers("Holly Leonard found a home. A spokesman for Mobile4all said: 'We provide a unique and empowering service to those escaping poverty.'"),
      ).toEqual(['Mobile4all']);
    });

    it('GIVEN "an FBI source told" or "one woman told" THEN the speaker is unnamed (null), not the organisation or the last person', () => {
      expect(speakers("Officers shot the suspect near the gate. 'This started and ended in D.C.,' an FBI source told WUSA.")).toEqual([null]);
      expect(speakers("Captain Mark Jones kept the ship at sea. 'It has been like this all night,' one woman told ABC radio.")).toEqual([null]);
    });

    it('GIVEN an unnamed role after a named person ("Kvarzell, 25, who is also an officer, told") THEN the named person speaks', () => {
      expect(speakers("'We wrestled him to the floor until the police came,' Samuel Kvarzell, 25, who is also an officer, told DNA Info.")).toEqual(['Samuel Kvarzell']);
    });
  });

  describe('role descriptions', () => {
    it('GIVEN "said United\'s head coach" or "the 14-time major winner said" THEN the speaker of the last quote is meant', () => {
      expect(
        speakers(
          "'I could be nasty about Michael,' said John Carver. Carver, though, does have time for Graeme Souness and Peter Reid, the former managers of Newcastle and Sunderland. 'I never listened to Graeme when I was academy director,' said United's head coach.",
        ),
      ).toEqual(['John Carver', 'John Carver']);
      expect(
        speakers("'I had a hard time with the greens,' said Tiger Woods. He birdied the 11th from the pine straw. 'I'm still right there,' the 14-time major winner said."),
      ).toEqual(['Tiger Woods', 'Tiger Woods']);
      expect(
        speakers(
          "Bradley Neil admitted he needed to improve after missing the cut. The 19-year-old Scot carded rounds of 78 and 79. 'It was a great learning experience but very tough,' said the 2014 Amateur champion, who played with Sandy Lyle.",
        ),
      ).toEqual(['Bradley Neil']);
    });

    it('GIVEN "the 34-year-old said" THEN the person given that age speaks, though someone else was quoted last', () => {
      expect(
        speakers(
          "'He has been a great servant,' said coach Gregor Townsend. Glasgow hooker Dougie Hall, 34, will retire at the end of the season. 'You start thinking this could be the last game I ever play,' the 34-year-old said.",
        ),
      ).toEqual(['Gregor Townsend', 'Dougie Hall']);
    });
  });

  it('GIVEN an inverted verb, a role with capitals and the name closing the clause THEN the named person speaks', () => {
    expect(speakers("'We are proud to honor Alicia Keys for her artistry,' said Recording Academy president and CEO Neil Portnow.")).toEqual(['Neil Portnow']);
    expect(speakers("'Obama abruptly left the White House about 15 minutes ago,' tweeted Wall Street Journal reporter Byron Tau. Reporters followed.")).toEqual(['Byron Tau']);
  });

  describe('names glued to a caption word', () => {
    it('GIVEN "Shocked Terry Cooper" THEN the speaker is Terry Cooper (a given name follows the glued word)', () => {
      expect(speakers("Shocked Terry Cooper said: 'The badger was the size of a pig, with teeth about six inches long.'")).toEqual(['Terry Cooper']);
    });

    it('GIVEN a caption running into "Alexandria Redwood said:" THEN the surname goes to the director named twice, not the glued name', () => {
      expect(
        speakers(
          "Director Michael Redwood paid tribute to Peter O'Toole. Michael Redwood spent a year on the film. The Story of Katherine of Alexandria Redwood said: 'Peter managed to politely subdue his mischievousness on set.'",
        ),
      ).toEqual(['Michael Redwood']);
    });

    it('GIVEN "B.B. King" and his daughter "Claudette King" named twice THEN "King said" stays with B.B. King (initials, another gender)', () => {
      expect(
        speakers(
          "B.B. King was taken to hospital. He is much better, his daughter, Claudette King, told the Times. Claudette King thanked fans. \"I'm feeling much better and am leaving the hospital today,\" King said in a message.",
        ),
      ).toEqual(['B.B. King']);
    });
  });

  it('GIVEN "the newspaper\'s columnist wrote" THEN the newspaper speaks, not the person last named', () => {
    expect(
      speakers(
        "Hillary Clinton spoke in Iowa. The Daily Telegraph criticised her stance. 'It is not convincing to argue, as her supporters do, that she is only free to speak now,' the newspaper's US columnist wrote.",
      ),
    ).toEqual(['Daily Telegraph']);
  });

  describe('written statements', () => {
    it('GIVEN "A statement from the Football Association read:" THEN the organisation speaks', () => {
      expect(speakers("The match was abandoned. A statement from the Football Association read: 'The club has been fined 50,000 euros for the incidents.'")).toEqual([
        'Football Association',
      ]);
    });

    it('GIVEN "the college issued an apology. The message read:" THEN the college named before speaks', () => {
      expect(
        speakers(
          "Jessica Hall teaches legal writing at Drexel University. After complaints, the college issued an apology to students. The message read: 'We take this matter seriously and apologize for any upset it may have caused.'",
        ),
      ).toEqual(['Drexel University']);
    });

    it('GIVEN "The letter reads:" with no one said to have sent it THEN it is a document (null)', () => {
      expect(speakers("Coach driver Tom Evans was late. The letter reads: 'The free coach travel was provided to enable supporters to attend.'")).toEqual([null]);
    });
  });

  describe('documents and unnamed groups do not speak', () => {
    it('GIVEN "according to a statement on X\'s website" or "according to court documents" THEN no one speaks', () => {
      expect(speakers("The law allows the procedure if 'necessary to protect the life or health of the mother,' according to a statement on Sam Brownback's website.")).toEqual([null]);
      expect(speakers("Karen Lee was charged. She had 'planned the robbery for several weeks,' according to court documents.")).toEqual([null]);
    });

    it('GIVEN "according to research Prudential specialist Clare Moffat said:" THEN the later speech verb decides', () => {
      expect(speakers("One in five divorcees will retire with debts, according to research Prudential pensions specialist Clare Moffat said: 'The impact of divorce could be long-lasting.'")).toEqual([
        'Clare Moffat',
      ]);
    });

    it('GIVEN "officers announced" or "The complaint says" before a quote THEN the unnamed group or the document is no person named earlier', () => {
      expect(speakers("Olsin Tymon told them he did not want to press charges and officers announced they would 'not be pursuing the matter any further.'")).toEqual([null]);
      expect(speakers("Abdi Nur was charged previously. The complaint says Nur, 'from his locale in Syria, recruits individuals to fight abroad.'")).toEqual([null]);
    });

    it('GIVEN a name modifying a role ("Van Amersfoot Racing team managing director told") THEN the role is unnamed; a phrase ending on a name is that person', () => {
      expect(speakers("Mick joined the team this year. Van Amersfoot Racing team managing director told Bild: 'We are all pleased with how things are going.'")).toEqual([null]);
      expect(speakers("CIS director of research Steven Camarota said the growth has 'important implications for workers, schools and infrastructure'.")).toEqual(['Steven Camarota']);
    });
  });

  it('GIVEN "Her father Mr Robertson" in a story about Summer Robertson THEN his quote is not given to his daughter', () => {
    const result = speakers(
      "Miss Summer Robertson, 20, died on a trip to Ghana. Her father Mr Robertson, a 51-year-old works foreman, said he spoke to his daughter on the day she died. He explained: 'I spoke to her that Thursday morning.'",
    );
    expect(result).toHaveLength(1);
    expect(result[0]).not.toBe('Summer Robertson');
    expect(result[0]).toContain('Robertson');
  });
});

describe('attributeSpeakers: session 5 rules', () => {
  const speakers = (text: string): Array<string | null> => attribute(text).map((a) => a.speaker);

  describe('a titled person before "of" and their employer', () => {
    it('GIVEN "added Dr. Natasha Burgert of KC Kids Doc" or "Dr Kevin Pho of KevinMD.com pointed out" THEN the doctor speaks, not the practice', () => {
      expect(speakers('"Forums are another tool for patients," added Dr. Natasha Burgert of KC Kids Doc.')).toEqual(['Natasha Burgert']);
      expect(speakers('The clinic opened in May. "We see forty patients a day," said Dr Kevin Pho of Nashua Family Practice.')).toEqual(['Kevin Pho']);
      expect(speakers("Shares fell sharply. Mrs Helen Clark of Barclays said: 'Investors were spooked by the figures.'")).toEqual(['Helen Clark']);
    });
  });

  describe('an organisation described by a noun its name spells out', () => {
    it('GIVEN "the medical center said" after "California Pacific Medical Center" THEN the center speaks, not the last person', () => {
      const t =
        'Zully Broussard gave a kidney, according to California Pacific Medical Center in San Francisco. "The ages of the donors range from 26 to 70," the medical center said in a statement.';
      expect(speakers(t)).toEqual(['California Pacific Medical Center']);
    });

    it('GIVEN "the airline said" after "Gryphon Airlines" and a news outlet THEN the airline speaks, not the outlet', () => {
      const t =
        'Pugh listed himself as a manager for Gryphon Airlines, a charter airline. But the airline told CNN he was only under consideration. "Gryphon declined to hire Mr. Pugh," the airline said in a statement.';
      expect(speakers(t)).toEqual(['Gryphon Airlines']);
    });

    it('GIVEN "the hospital said" with no hospital named THEN no organisation is guessed', () => {
      const t = 'Mark Rowe was taken to hospital by the BBC crew. "He is in a stable condition," the hospital said.';
      expect(speakers(t)).toEqual([null]);
    });
  });

  describe('a definite description that points back to a person introduced in that role', () => {
    it('GIVEN "said the Chelsea boss" after "Chelsea boss Jose Mourinho", another man quoted last THEN Mourinho speaks', () => {
      const t =
        "Chelsea beat Stoke. 'We were the better side,' Eden Hazard said. Chelsea boss Jose Mourinho was pleased with the result. 'We have to keep this level until May,' said the Chelsea boss.";
      expect(speakers(t)).toEqual(['Eden Hazard', 'Jose Mourinho']);
    });

    it('GIVEN "the spokeswoman said" after "council spokeswoman Jane Hart" THEN Jane Hart speaks', () => {
      const t =
        "Residents complained about the bins for weeks, said Tom Ellis, 54. Council spokeswoman Jane Hart said collections would resume. 'We apologise for the delay,' the spokeswoman said.";
      expect(speakers(t)).toEqual(['Jane Hart']);
    });
  });

  describe('an indefinite pronoun as the subject is an unnamed speaker', () => {
    it('GIVEN "one said" and "wrote another" THEN both stay null rather than going to the headteacher quoted before', () => {
      const t =
        'Sherman Padgett, the principal, held a bucket as students streamed by. "I never expected this," Padgett said. "Thank you for making school the best years of my life," one said. "You made my first year unforgettable," wrote another.';
      expect(speakers(t)).toEqual(['Sherman Padgett', null, null]);
    });

    it('GIVEN "someone wrote:" on a forum THEN the quote is unattributed', () => {
      const t = "Kate Smith posted the picture on Monday. Under it, someone wrote: 'This is the best thing I have seen all year.'";
      expect(speakers(t)).toEqual([null]);
    });
  });

  describe('a partial quote inside a sentence opened by its speaker', () => {
    it('GIVEN "Francis, 78, said he feels ... for a short time \'and nothing more\'" far from its verb THEN Francis speaks', () => {
      const t =
        'Pope Benedict XVI resigned in 2013. "I do not mind," Benedict said. Francis, 78, said he feels God only wanted him to lead the church for a short time "and nothing more than that, I think."';
      expect(speakers(t)).toEqual(['Benedict XVI', 'Francis']);
    });

    it('GIVEN "Coach Mike Reid insists his players ... are \'a far better side\'" THEN the coach speaks, not the man named before', () => {
      const t =
        'Tom Price said nothing. Coach Mike Reid insists his players have learned a great deal since the defeat at home to the champions in August and are "a far better side now than we were then."';
      expect(speakers(t)).toEqual(['Mike Reid']);
    });

    it('GIVEN police as the subject of that sentence THEN the partial quote stays unnamed, not the man named before', () => {
      const t =
        'Tom Price was in court. Police believe the gang had spent several weeks watching the family before the attack and said it was "planned down to the last minute, clearly."';
      expect(speakers(t)).toEqual([null]);
    });
  });

  describe('a nickname written inside a full name', () => {
    it("GIVEN Lee 'Uncle Poodle' Thompson and then 'Uncle Poodle told' THEN the full name is the speaker", () => {
      const t =
        "His younger brother - Lee 'Uncle Poodle' Thompson - spoke to a magazine. 'June said all of the kids were out,' Uncle Poodle told the magazine in December.";
      expect(speakers(t)).toEqual(['Lee Thompson']);
    });

    it("GIVEN Wayne 'Wazza' Rooney and then 'Wazza said' THEN Wayne Rooney speaks", () => {
      const t = "Fans cheered Wayne 'Wazza' Rooney at the airport. 'It's good to be home,' Wazza said.";
      expect(speakers(t)).toEqual(['Wayne Rooney']);
    });
  });
});

describe('attributeSpeakers: nationalities and adverbs (session 5, attrib6)', () => {
  const who = (text: string): Array<string | null> => attribute(text).map((a) => a.speaker);

  describe('GIVEN a quote attributed to "the Italian", "the Slovenian" or "the Frenchman"', () => {
    it('THEN a football manager introduced by name speaks, not the player the story already called "the Frenchman"', () => {
      const t =
        "Carlo Ancelotti has revealed Karim Benzema will miss Saturday's game after the Frenchman limped out of training. Benzema, who picked up the injury on Tuesday, should be fit for the return leg. 'Benzema is not available but we will have him back for the next game,' added the Italian.";
      expect(who(t)).toEqual(['Carlo Ancelotti']);
    });

    it('THEN a skier who is the subject of the sentence before speaks, not the previous speaker the story called "the American skier"', () => {
      const t =
        'Lindsey Vonn won on Sunday, and the American skier now leads the standings. "I liked the course," said Vonn. Tina Maze is another 44 points ahead in the overall race. "Of course it\'s a great result but I prefer to win," the Slovenian said.';
      expect(who(t)).toEqual(['Lindsey Vonn', 'Tina Maze']);
    });

    it('THEN a person the story gives that nationality speaks, even after another speaker', () => {
      const t =
        'Arjen Robben scored twice before the Dutchman went off injured. Thomas Muller added a third. "We played with patience," Muller said. "It was a perfect night for the whole club," said the Dutchman.';
      expect(who(t)).toEqual(['Thomas Muller', 'Arjen Robben']);
    });

    it('THEN "the Guardian said" stays an organisation and is no nationality', () => {
      const t = 'Frank Lampard resigned on Friday. "The decision was taken weeks ago," the Guardian said.';
      expect(who(t)).toEqual(['Guardian']);
    });
  });

  it('GIVEN "Cruz first praised ..." THEN the adverb does not stop Cruz being the subject "he" goes back to', () => {
    const t =
      'Asked about accusations that Walker is a flip-flopper, Ted Cruz first praised his potential rival. "It\'s easy for candidates to give an answer," he said.';
    expect(who(t)).toEqual(['Ted Cruz']);
    const u = 'Critics say that Rafael Nadal is finished. Novak Djokovic repeatedly defended his rival on Sunday. "He will be back," he said.';
    expect(who(u)).toEqual(['Novak Djokovic']);
  });
});

describe('attributeSpeakers: session 6 rules (fresh Daily Mail copy)', () => {
  const who = (text: string): Array<string | null> => attribute(text).map((a) => a.speaker);

  it('GIVEN "He added:" after a photo caption naming someone else THEN the quote goes on with the speaker just quoted', () => {
    const crash =
      "Detective Sergeant Paul Reid said: 'The driver had been drinking all evening.' Thomas Blake was jailed at Leeds Crown Court (pictured) He added: 'His victims will live with this for ever.'";
    expect(who(crash)).toEqual(['Paul Reid', 'Paul Reid']);
    const match =
      "Coach Sarah Hughes said: 'We defended well for ninety minutes.' Striker Mark Dunn (left) celebrates his second goal of the night. She added: 'The squad deserved that.'";
    expect(who(match)).toEqual(['Sarah Hughes', 'Sarah Hughes']);
  });

  it('GIVEN "he" after a sentence naming an organisation of unknown gender and a man THEN the man is "he"', () => {
    const maps =
      "Google Maps claims it is building 'a complete picture of the world', but historian Jerry Brotton isn't so sure. He argues that all maps serve a purpose. 'No map can show everything,' he writes.";
    expect(who(maps).pop()).toBe('Jerry Brotton');
    const wine =
      "Harrods Food Hall describes the vintage as 'a triumph', but critic Anna Lindqvist disagrees. She thinks the price is absurd. 'It tastes of very little,' she wrote.";
    expect(who(wine).pop()).toBe('Anna Lindqvist');
  });

  it('GIVEN "Mr Downes, who ... with son Jack, 14, said:" THEN the person the relative clause describes speaks', () => {
    const fan = "Yesterday fan Martin Downes, who was on his way home with son Jack, 14, said: 'The mood was hostile.'";
    expect(who(fan)).toEqual(['Martin Downes']);
    const council = "Councillor Jane Price, whose ward includes the estate where Peter Wood lives, said: 'Nobody warned us.'";
    expect(who(council)).toEqual(['Jane Price']);
  });

  it('GIVEN "Mark Peaker, 47, a father-of-three, from Telford said:" THEN the person speaks, not the place after "from"', () => {
    const t = "Mark Peaker, 47, a father-of-three, from Telford said: 'I couldn't believe what I was hearing.'";
    expect(who(t)).toEqual(['Mark Peaker']);
    const u = "Lucy Grant, 31, a nurse, of Hartlepool told the paper: 'The ward was full every night.'";
    expect(who(u)).toEqual(['Lucy Grant']);
  });

  it('GIVEN a rank before a surname ("Air Commodore Lambert") after the full name with its given name THEN the speaker is the name from the given name on', () => {
    const raf =
      "Air Commodore Andrew Lambert commanded forces in Iraq. Air Commodore Andrew Lambert called for more jets. Air Commodore Lambert added: 'The scale of the operation is too small.'";
    expect(who(raf)).toEqual(['Andrew Lambert']);
    const police =
      "Detective Superintendent Karen Hollis led the inquiry. Detective Superintendent Karen Hollis said arrests were likely. Detective Superintendent Hollis said: 'We are following every lead.'";
    expect(who(police)).toEqual(['Karen Hollis']);
  });

  it('GIVEN "A spokeswoman for the trust said" THEN the organisation whose name has that noun speaks, never the article "A"', () => {
    const royal =
      "The Royal Collection Trust sells china in its shops. Cadbury made a chocolate cot. A spokeswoman for the trust said: 'A range will be made after the birth.'";
    expect(who(royal)).toEqual(['Royal Collection Trust']);
    const canal =
      "The Woodland Trust planted the wood in 1998. Natural England had warned about the disease. A spokesman for the trust said: 'Every diseased ash will be felled.'";
    expect(who(canal)).toEqual(['Woodland Trust']);
  });

  it('GIVEN "As X condemned the \'...\', Y said ..." THEN the partial quote is the condemner\'s, not the later speaker\'s', () => {
    const politics =
      "As Mr Cameron condemned the 'brutal and barbaric murder', Foreign Secretary Philip Hammond said troops could be sent.";
    expect(who(politics)).toEqual(['Cameron']);
    const football =
      "While Arsene Wenger described the tackle as 'a disgrace to the game', Chelsea manager Jose Mourinho told reporters he saw nothing.";
    expect(who(football)).toEqual(['Arsene Wenger']);
  });

  it('GIVEN "The ASA ruled: \'...\' They added: \'...\'" THEN "ruled" is speech and "they" goes on with the organisation just quoted', () => {
    const regulator =
      "The ASA ruled: 'Consumers were likely to be misled by the claim.' They added: 'We concluded that the advert breached the code.'";
    expect(who(regulator)).toEqual(['ASA', 'ASA']);
    const court =
      "The Court of Appeal ruled: 'The sentence was unduly lenient in every respect.' They added: 'A term of eight years is substituted.'";
    expect(who(court)).toEqual(['Court of Appeal', 'Court of Appeal']);
  });

  it('GIVEN "they said" after a person was quoted THEN "they" stays unknown rather than becoming an organisation', () => {
    const t = "Barclays cut 300 jobs. Tom Parker said: 'Staff are angry.' They said: 'We will strike.'";
    expect(who(t)).toEqual(['Tom Parker', null]);
  });

  it('GIVEN "His latest message to X reads: \'...\'" THEN the writer is the man the possessive means', () => {
    const feud =
      "Duncan Grant offered a reward for the troll's arrest. His latest message to the troll reads: 'Go home, we are closing in on you.'";
    expect(who(feud)).toEqual(['Duncan Grant']);
    const mp = "Rachel Moss wrote to the minister twice. Her second letter to Mr Hunt read: 'Families are waiting months for a bed.'";
    expect(who(mp)).toEqual(['Rachel Moss']);
  });

  it('GIVEN "One fan, who ..., was travelling home. He said:" THEN "he" is the unnamed fan, not the last man quoted', () => {
    const fans =
      "Mark Peaker said: 'I couldn't believe it.' One Wolves fan, who lives in the town but wished to remain anonymous, was travelling home. He said: 'Tensions were already high.'";
    expect(who(fans)).toEqual(['Mark Peaker', null]);
    const fire =
      "Fire chief Lisa Grey said: 'The blaze spread quickly.' A neighbour who asked not to be named saw the flames from her window. She said: 'It was terrifying.'";
    expect(who(fire)).toEqual(['Lisa Grey', null]);
  });

  it('GIVEN "But one user, speculating that X ..., told Y:" THEN the unnamed user speaks, not a name in the aside', () => {
    const web = "But one user, speculating that Vasilyev was a fake name, told Mr Bannatyne: 'I hope this doesn't end in injury.'";
    expect(who(web)).toEqual([null]);
    const pitch = "Another supporter, angry that Rooney had been dropped, told the BBC: 'The manager has lost the dressing room.'";
    expect(who(pitch)).toEqual([null]);
  });

  it("GIVEN \"X's spokesman said\" THEN the person X speaks through the spokesman", () => {
    const t = "Tony Blair met the envoy on Monday. Mr Blair's spokesman said: 'The talks were constructive.'";
    expect(who(t)).toEqual(['Tony Blair']);
    const u = "Singer Lily Allen cancelled the show. The singer's spokeswoman said: 'She has a throat infection.'";
    expect(who(u)).toEqual(['Lily Allen']);
  });
});

describe('a title word after Mr, Mrs, Ms or Miss is a surname', () => {
  it('GIVEN "Ms Bishop wrote:" after "Julie Bishop" THEN the quote is Julie Bishop\'s', () => {
    const text = 'Foreign Minister Julie Bishop visited Jakarta on Monday. Ms Bishop wrote: "We will keep talking to Indonesia about the case."';
    expect(attribute(text).map((a) => a.speaker)).toEqual(['Julie Bishop']);
  });

  it('GIVEN "Mr Major said" after "John Major" THEN the quote is John Major\'s', () => {
    const text = 'John Major, the former prime minister, spoke in Cambridge. "Europe needs Britain," Mr Major said.';
    expect(attribute(text).map((a) => a.speaker)).toEqual(['John Major']);
  });
});

describe('session 6, rules from the Daily Mail set read in full', () => {
  it('GIVEN "X praised Y, saying:" THEN the participle is the subject\'s, not the object\'s before the comma', () => {
    const school = "Head teacher Wendy Hale also praised Mr Obi, saying: 'He is a very humble man.'";
    expect(attribute(school)[0]).toMatchObject({ speaker: 'Wendy Hale' });
    const politics = "The minister Alan Duncan thanked Sir Keir Starmer, adding: 'We will work together on this.'";
    expect(attribute(politics)[0]).toMatchObject({ speaker: 'Alan Duncan' });
    const football = "Manager Sean Dyche criticised referee Mike Dean, telling reporters: 'That was never a penalty.'";
    expect(attribute(football)[0]).toMatchObject({ speaker: 'Sean Dyche' });
  });

  it('GIVEN "X reflected:" (a verb that is not a speech verb) and a colon before the quote THEN X speaks', () => {
    const sport = "The manager ran down the touchline. Brendan Cole reflected: 'There was a feeling of relief.'";
    expect(attribute(sport)[0]).toMatchObject({ speaker: 'Brendan Cole', cue: 'colon' });
    const court = "Outside court, Jane Porter later shrugged: 'I never thought it would end like this.'";
    expect(attribute(court)[0]).toMatchObject({ speaker: 'Jane Porter', cue: 'colon' });
    const business = "Looking back on the sale, Tim Cook smiles: 'We are always looking at companies.'";
    expect(attribute(business)[0]).toMatchObject({ speaker: 'Tim Cook', cue: 'colon' });
  });

  it('GIVEN a name and an auxiliary before a colon THEN that is no attribution', () => {
    const t = "The charge against Tom Reed was: 'dangerous driving causing death', the court heard.";
    expect(attribute(t)[0]?.speaker ?? null).not.toBe('Tom Reed');
    // A name after a preposition is the addressee, not the writer.
    const letter = "Sarah Hunt was furious. Her reply to Mark Ellis reads: 'Never contact me again.'";
    expect(attribute(letter)[0]).toMatchObject({ speaker: 'Sarah Hunt' });
  });

  it('GIVEN "he said" after a sentence naming a woman by surname followed by "him" THEN "he" is the man, not the woman', () => {
    const t =
      "Magic Brown met the activist Elizabeth Glaser. Brown said that Glaser, who was ill, was able to answer questions from him. 'The one thing she did say was I would live,' he said.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Magic Brown' });
  });

  it('GIVEN "X told WESH.com:" THEN a web address between the verb and the colon does not end the sentence', () => {
    const court = "Her attorney, Stan Pappas, told WESH.com: 'I think they should have training.'";
    expect(attribute(court)[0]).toMatchObject({ speaker: 'Stan Pappas' });
    const showbiz = "The singer's publicist, Amy Lowe, told E.com: 'She is resting at home.'";
    expect(attribute(showbiz)[0]).toMatchObject({ speaker: 'Amy Lowe' });
    const tech = "Founder Paul Graham told TechCrunch.com: 'We are not selling the company.'";
    expect(attribute(tech)[0]).toMatchObject({ speaker: 'Paul Graham' });
  });

  it('GIVEN "... told the Huffington Post:" with no named subject THEN the outlet told is not the speaker', () => {
    const family = "His wife, who tested negative along with their son, told the Huffington Post: 'For us, it was super hard.'";
    expect(attribute(family)[0]?.speaker ?? null).not.toBe('Huffington Post');
    const war = "A nurse who fled the city told Sky News: 'There is no water left.'";
    expect(attribute(war)[0]?.speaker ?? null).not.toBe('Sky News');
    // An inverted "said X:" still names the speaker.
    const sport = "After the match said Mr Wenger: 'We were poor.'";
    expect(attribute(sport)[0]).toMatchObject({ speaker: 'Wenger' });
  });

  it('GIVEN a one-word stage name marked as a person only later THEN "she" earlier in the story is that person', () => {
    const t =
      "Pop star Zarvina has hit out at her former label, accusing it of greed. In an angry tweet directed at the label, she wrote: 'You sold out to the big companies.' Zarvina said of the firm: 'They sell bleach.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Zarvina' });
  });

  it('GIVEN a quote followed by a photo caption with a quoted heading ("\'Very bulky\': Jane Hill ... said") THEN the caption\'s speaker does not take the quote', () => {
    const nature =
      "'We see them every year,' said the photographer Steve Trent. 'Be careful not to touch them.' 'Very bulky': Dog walker Suzanne Hill, who found one, said it was 'at least three foot wide'.";
    expect(attribute(nature)[1]).toMatchObject({ speaker: 'Steve Trent' });
    const crime =
      "'He was a gentle man,' his brother Tom Reid said. 'We will miss him every day.' ‘Tragic’: Neighbour Ann Cole said she heard 'a terrible scream'.";
    expect(attribute(crime)[1]).toMatchObject({ speaker: 'Tom Reid' });
  });

  it('GIVEN a thing named after "the" ("the Shareholder Spring", "the 12 Years A Slave star") THEN no description or pronoun points to it', () => {
    const business =
      "Andrew Moss, who has quit as chief executive of Aviva, will get £1.75million. It was the latest chapter in the backlash against greed, nicknamed the Shareholder Spring. Yesterday the 54-year-old chief executive said he 'felt it was in the best interests of the company'.";
    expect(attribute(business)[0]).toMatchObject({ speaker: 'Andrew Moss' });
    const politics =
      "Maria Costa, who leads the campaign, spoke in Lisbon. The protests have been dubbed the Carnation Summer. Later the 61-year-old activist said the government had 'lost all trust'.";
    expect(attribute(politics)[0]).toMatchObject({ speaker: 'Maria Costa' });
    const showbiz = "Pop star Zarvina, 25, has hit out at her label. In an angry tweet directed at the 12 Years A Slave star, she wrote: 'You sold out.'";
    expect(attribute(showbiz)[0]).toMatchObject({ speaker: 'Zarvina' });
  });

  it('GIVEN "with one person tweeting:" after a sentence about a named person THEN the unnamed person speaks (null)', () => {
    const showbiz = "After her angry tweet at Mia Long, criticism poured in, with one person tweeting: 'She is the new face of the brand!'";
    expect(attribute(showbiz)[0]).toMatchObject({ speaker: null });
    const sport = "Wayne Rooney was booed off, and another angry fan writing: 'He has let the club down.'";
    expect(attribute(sport)[0]).toMatchObject({ speaker: null });
    const politics = "The senator John Hale posted the photo on Sunday, with others adding: 'Resign now.'";
    expect(attribute(politics)[0]).toMatchObject({ speaker: null });
    // A named subject keeps its participle.
    const named = "Mia Long hit back on Sunday, tweeting: 'I am proud of my work.'";
    expect(attribute(named)[0]).toMatchObject({ speaker: 'Mia Long' });
  });

  it('GIVEN a lost line break (" . " before a lower-case word) between the verb and a partial quote THEN the subject still speaks', () => {
    const business = "Business Secretary Vince Cable, who has criticised excess, said . bosses are finally being 'brought back to reality'.";
    expect(attribute(business)[0]).toMatchObject({ speaker: 'Vince Cable' });
    const sport = "Roy Hodgson told . reporters his side were 'simply not good enough' on the night.";
    expect(attribute(sport)[0]).toMatchObject({ speaker: 'Roy Hodgson' });
  });

  it('GIVEN "X\'s claim that ... \'...\'" THEN the partial quote is X\'s', () => {
    const showbiz = "Pop star Zarvina, 25, spoke out again. And as far as Zarvina's claim that the brand 'only wants our money, not us', its website says otherwise.";
    expect(attribute(showbiz)[0]).toMatchObject({ speaker: 'Zarvina' });
    const health = "Doctors disagreed with Jeremy Hunt. Jeremy Hunt's warning that the NHS faced 'a winter that will test all of us' was borne out.";
    expect(attribute(health)[0]).toMatchObject({ speaker: 'Jeremy Hunt' });
    // A possessive that owns no claim is no speaker.
    const other = "Jeremy Hunt's office is in London, where the staff are 'tired of all of us'.";
    expect(attribute(other)[0]?.speaker ?? null).not.toBe('Jeremy Hunt');
  });

  it('GIVEN "X has hit out at Y, accusing her of \'...\'" THEN the judging participle is the subject\'s, not the one accused', () => {
    const showbiz = "Pop star Zarvina, 25, has hit out at actress Mia Long, accusing her of 'selling out to people who hate us'.";
    expect(attribute(showbiz)[0]).toMatchObject({ speaker: 'Zarvina' });
    const politics = "Donald Trump attacked the reporter Jim Acosta, calling his network 'the enemy of all of us'.";
    expect(attribute(politics)[0]).toMatchObject({ speaker: 'Donald Trump' });
    const sport = "Jose Mourinho turned on referee Mike Dean, branding his decision 'a disgrace that cost us the game'.";
    expect(attribute(sport)[0]).toMatchObject({ speaker: 'Jose Mourinho' });
  });
});

describe('attributeSpeakers: organisations named by words that are no names alone', () => {
  it('GIVEN "said X-based <organisation>" THEN the organisation speaks, without the place it is based in', () => {
    const animals = 'The bears were freed on Monday. "They can finally live in peace," said United Kingdom-based International Animal Rescue.';
    expect(attribute(animals)[0]).toMatchObject({ speaker: 'International Animal Rescue', cue: 'said-after' });
    const court = 'The ruling came late. "The suspects must be handed over," said the Hague-based International Criminal Court.';
    expect(attribute(court)[0]).toMatchObject({ speaker: 'International Criminal Court' });
  });

  it('GIVEN "<name> International" or "<name> Watch" before or after a speech verb THEN the whole name speaks', () => {
    const rights = 'Amnesty International said: "Torture has become routine in the camps."';
    expect(attribute(rights)[0]).toMatchObject({ speaker: 'Amnesty International', cue: 'said-before' });
    const schools = 'Human Rights Watch says the militants "have recruited children through free schooling."';
    expect(attribute(schools)[0]).toMatchObject({ speaker: 'Human Rights Watch' });
    const storm = '"Whole villages have been flattened," said Human Rights Watch after the cyclone.';
    expect(attribute(storm)[0]).toMatchObject({ speaker: 'Human Rights Watch' });
  });

  it('GIVEN a name made of event words ("World Vision") as the subject of a speech verb THEN it speaks as an organisation', () => {
    const t = '"Families need shelter before the rains come," World Vision said in a statement.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'World Vision', cue: 'said-after' });
  });
});

describe('attributeSpeakers: military ranks before a name', () => {
  it('GIVEN abbreviated ranks ("Maj.", "Brig.", "Cpl.") before a name THEN the name speaks, not the rank', () => {
    const guard = '"He was more like a force of nature," said Maj. Andre Jeansonne of the 135th Aviation Regiment.';
    expect(attribute(guard)[0]).toMatchObject({ speaker: 'Andre Jeansonne' });
    const army = '"We will rebuild the bridge by spring," said Brig. Sarah Coleman, who leads the engineers.';
    expect(attribute(army)[0]).toMatchObject({ speaker: 'Sarah Coleman' });
  });

  it('GIVEN a run of ranks and a middle initial ("Marine Maj. Gen. Joseph L. Osterman said") THEN the full name speaks', () => {
    const t = 'The sergeant did not survive. "Marines never leave anybody behind," Marine Maj. Gen. Joseph L. Osterman said at the ceremony.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Joseph L. Osterman', cue: 'said-after' });
  });

  it('GIVEN "said Chief Warrant Officer 5 Reggie Lane" THEN the person speaks, though "Lane" ends street names', () => {
    const t = '"He was born to be an Army aviator," said Chief Warrant Officer 5 Reggie Lane on the Guard\'s website.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Reggie Lane' });
    const park = '"The pitch is ruined," Grace Hill told the council. Victoria Park was closed.';
    expect(attribute(park)[0]).toMatchObject({ speaker: 'Grace Hill' });
  });
});

describe('attributeSpeakers: inverted verbs, roles before names, and more verbs of speaking', () => {
  it('GIVEN "said <role> Dr. X" or "says current Apple CEO X" THEN the name after the role speaks', () => {
    const health = '"We\'ll draw the blood and have a way to do this very rapidly," says principal investigator Dr. Dewleen Baker of the university.';
    expect(attribute(health)[0]).toMatchObject({ speaker: 'Dewleen Baker', cue: 'said-after' });
    const tech = '"I thought the book did him a tremendous disservice," says current Apple CEO Tim Cook in the new book.';
    expect(attribute(tech)[0]).toMatchObject({ speaker: 'Tim Cook' });
  });

  it('GIVEN a paraphrase ending "..., said X, a role." THEN the quote that opens the next sentence is X\'s', () => {
    const storm = 'Most people live on root crops, said Jonathan Napat, a disaster official. "What the people depend on is just wiped out."';
    expect(attribute(storm)[0]).toMatchObject({ speaker: 'Jonathan Napat' });
    const korea = 'It would embarrass the regime, said John Delury, a professor at Yonsei University. "That would be a way of saying he is corrupt."';
    expect(attribute(korea)[0]).toMatchObject({ speaker: 'John Delury' });
  });

  it('GIVEN "he exclaimed", "X confides", "she lamented" after a quote THEN they are verbs of speaking', () => {
    const rally = 'Ted Cruz took it and ran with it. "The world is on fire -- yes!" he exclaimed.';
    expect(attribute(rally)[0]).toMatchObject({ speaker: 'Ted Cruz', cue: 'pronoun' });
    const family = '"I have such a headache raising this child," 72-year-old Tang Xinying confides.';
    expect(attribute(family)[0]).toMatchObject({ speaker: 'Tang Xinying' });
  });

  it('GIVEN two full names sharing a surname THEN the gender of one does not pass to the other ("she" finds the woman)', () => {
    const t =
      'Yassine Labidi said he was worried. Mehrezia Labidi, another parliamentarian, says the message must get across. "We have really to work on the culture," she said.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Mehrezia Labidi', cue: 'pronoun' });
  });
});

describe('attributeSpeakers: descriptions with asides, lone given names, issued statements', () => {
  it('GIVEN "the mayor, who is white, told CNN" or "the senator from Texas declared" THEN the description resolves as without the aside', () => {
    const town = 'Mayor James Knowles said he will not step down. "There are a lot of people who are hurting," the mayor, who is white, told CNN.';
    expect(attribute(town)[0]).toMatchObject({ speaker: 'James Knowles' });
    const rally = 'Senator Ted Cruz spoke in New Hampshire. "The world is on fire," the senator from Texas declared.';
    expect(attribute(rally)[0]).toMatchObject({ speaker: 'Ted Cruz', cue: 'description' });
  });

  it('GIVEN "said study author, Dr. X" THEN X speaks', () => {
    const t = '"Information on breastfeeding was collected very close to the time," said study author, Dr. Bernardo Horta, in a podcast.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Bernardo Horta', cue: 'said-after' });
  });

  it('GIVEN a lone given name after an inverted verb ("says Brazilian fan Melissa", "wrote Kelly") THEN that person speaks', () => {
    const racing = '"Lewis is cautious and aggressive all at the same time," says Brazilian fan Melissa, who follows every race.';
    expect(attribute(racing)[0]).toMatchObject({ speaker: 'Melissa' });
    const church = 'Many readers left. "I don\'t think I can ever get over this," wrote Kelly.';
    expect(attribute(church)[0]).toMatchObject({ speaker: 'Kelly' });
  });

  it('GIVEN "X on Sunday released a statement:" THEN X speaks', () => {
    const t = 'For his part, Senator Bob Corker on Sunday released a statement: "Congress has played a vital role on this issue."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Bob Corker', cue: 'statement' });
  });

  it('GIVEN "the academy told CNN" after "The Academy of Motion Picture Arts and Sciences" THEN the academy speaks', () => {
    const t =
      'The Academy of Motion Picture Arts and Sciences bought the craft. "We\'re excited to add such an iconic piece to our collection," the academy told CNN.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Academy of Motion Picture Arts' });
  });

  it('GIVEN a name that opens on a place and a particle ("Chad le Clos") THEN it is a person, and so is "Chad" alone', () => {
    const t = 'Then along came Chad le Clos. "You know, 2020 is very important to me," says Chad.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Chad le Clos' });
  });
});

describe('attributeSpeakers: roles, ages, titles and transcripts', () => {
  it('GIVEN "the President said" after "President Vladimir Putin" and "The President added" THEN the president speaks', () => {
    const t = 'Russian President Vladimir Putin spoke in Moscow. The President added that he was angry. "The actions of extremists are spreading," the President said.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Vladimir Putin' });
  });

  it('GIVEN "said the 25-year-old" after "X, who won the title at Beaver Creek, said" THEN X, not the place in her relative clause', () => {
    const t = 'Anna Fenninger, who also won the title at Beaver Creek, said she will focus on her strengths. "It was a fast super-G," said the 25-year-old.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Anna Fenninger', cue: 'description' });
  });

  it('GIVEN "The 85-year-old, speaking to reporters at the Trump Doral resort, said ... \'...\'" THEN the person described speaks', () => {
    const t =
      'Golf legend Arnold Palmer has vowed to play. The 85-year-old, speaking to reporters at the Trump Doral resort, said he would look forward "to being out on that tee even if I fan it."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Arnold Palmer' });
  });

  it('GIVEN a name inside a quoted title ("Saturday Night Live") before the verb THEN the title does not speak', () => {
    const t = 'As Kate McKinnon, playing Hillary Clinton on "Saturday Night Live" said, "Nice try. This is NOT how Hillary Clinton goes down."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Kate McKinnon' });
  });

  it('GIVEN "the broadcaster said" after "The BBC has suspended ..." THEN the broadcaster speaks', () => {
    const t = 'The BBC has suspended its host. "No one else has been suspended," the broadcaster said in a statement.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'BBC', cue: 'description' });
  });

  it('GIVEN a transcript ("Titus: \'...\' Lillian: \'...\'") THEN each label speaks its line, and the label is no person elsewhere', () => {
    const t =
      'Tituss Burgess plays Titus in the show. He told the Huffington Post, "I just find it hilarious." Titus: "Yes, I\'ve heard this story before." Lillian: "He got up in the night." Titus: "By you, Lillian." Lillian: "Well, it was dark out."';
    const out = attribute(t);
    expect(out.map((a) => a.speaker)).toEqual(['Tituss Burgess', 'Titus', 'Lillian', 'Titus', 'Lillian']);
  });
});

describe('attributeSpeakers: participles after a quote, time phrases, conjunctions', () => {
  it('GIVEN "X told reporters that \'...,\' adding that ..." THEN the participle inverts nothing and X speaks', () => {
    const t = 'Henrik Stenson told reporters that "it\'s hard when you can\'t take the time you want," adding that he was "disappointed with the official."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Henrik Stenson' });
  });

  it('GIVEN "On Sunday, X accused Y of trying to \'...\'" THEN X speaks', () => {
    const t =
      'Iran denied it. On Sunday, Israeli Prime Minister Benjamin Netanyahu accused Iran of trying to use the conflict in Yemen to "take over the whole Middle East." The United States has supported the coalition.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Benjamin Netanyahu' });
  });

  it('GIVEN "And he made light of it, saying: \'...\'" THEN "he" is resolved though a conjunction opens the sentence', () => {
    const t = 'Vladimir Putin met the press in St Petersburg. And he made light of his absence, saying: "It would be boring without gossip."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Vladimir Putin', cue: 'pronoun' });
  });
});

describe('attributeSpeakers: a line break lost inside a name (" . ")', () => {
  it('GIVEN "said Deborah . Hargreaves, of the High Pay Centre" THEN the person speaks, not her organisation', () => {
    const t = '"The irony is that the firm was behind the pay revolts," said Deborah . Hargreaves, of the High Pay Centre.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Deborah Hargreaves', cue: 'said-after' });
  });

  it('GIVEN "the Marine . Conservation Society" and "Nancy . Pelosi" THEN each name is read whole', () => {
    const sea = '"We still advise the public not to touch them," said Richard Harrington of the Marine . Conservation Society.';
    expect(attribute(sea)[0]).toMatchObject({ speaker: 'Richard Harrington' });
    const mentions = findMentions('Speaker Nancy . Pelosi said the vote was close. The Marine . Conservation Society agreed.');
    expect(mentions.map((m) => m.name)).toEqual(expect.arrayContaining(['Nancy Pelosi', 'Marine Conservation Society']));
  });

  it('GIVEN " . " between a name and a word that opens sentences THEN it stays a sentence end', () => {
    const mentions = findMentions('They thanked Jeremy . And then they left.');
    expect(mentions.map((m) => m.name)).not.toContain('Jeremy And');
  });
});

describe('attributeSpeakers: posted writings and possessive spokesmen', () => {
  it('GIVEN "X posted a message on Twitter. It read: \'...\'" THEN X wrote it', () => {
    const pop = 'The BBC made a statement. Singer Katy Perry posted a message on Twitter on Monday. It read: "I am so sorry for what happened last night." Police were called.';
    expect(attribute(pop)[0]).toMatchObject({ speaker: 'Katy Perry' });
    const sport = 'Curt Schilling played the proud father. He sent a tweet congratulating his daughter. It read: "Congrats to Gabby who will pitch for the college."';
    expect(attribute(sport)[0]).toMatchObject({ speaker: 'Curt Schilling' });
  });

  it('GIVEN "the college issued an apology. The message read:" after a sentence naming a lecturer THEN not the lecturer', () => {
    const t =
      "Lisa McElroy, who teaches at Drexel University, sent the message. Following complaints, the college issued an apology to students. The message read: 'Some students received an email in error.'";
    expect(attribute(t)[0]?.speaker).not.toBe('Lisa McElroy');
  });

  it('GIVEN "Apple\'s spokesman said" THEN the organisation speaks without the possessive', () => {
    const t = 'Apple Inc. refused to comment. "We do not discuss rumours," Apple\'s spokesman said.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Apple', cue: 'spokesman' });
  });
});

describe('attributeSpeakers: organisations named by a noun', () => {
  it('GIVEN "the broadcaster said" after the BBC and "told CNN" THEN the broadcaster, not the outlet told', () => {
    const t = 'The BBC suspended its host on Tuesday, a producer told CNN. "No one else has been suspended," the broadcaster said.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'BBC' });
  });

  it('GIVEN "the magazine said" when no outlet is named THEN not another organisation', () => {
    const t = 'Students at UVA protested on Monday. "The editors feared retaliation against her," the magazine said.';
    expect(attribute(t)[0]?.speaker ?? null).not.toBe('UVA');
  });
});

describe('attributeSpeakers: Daily Mail line breaks lost as " . "', () => {
  it('GIVEN "a Vodafone . spokesman said" after another firm\'s quote THEN the second firm, not a continuation', () => {
    const t = "'We are reviewing our adverts,' a Tesco spokesman said. 'We regret any offence,' a Vodafone . spokesman said.";
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Tesco', 'Vodafone']);
  });

  it('GIVEN "A Ryanair spokesman . said:" before the quote THEN Ryanair', () => {
    const t = "'The flight was delayed by fog,' an easyJet spokesman said.\nA Ryanair spokesman . said: 'Passengers will be refunded in full.'";
    expect(attribute(t)[1]).toMatchObject({ speaker: 'Ryanair' });
  });

  it('GIVEN "Mrs Patel . told the court:" THEN the name before the lost break speaks', () => {
    const t = "Sunita Patel, 41, ran the shop for ten years. Mrs Patel . told the court: 'I never saw him take the money.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Sunita Patel' });
  });
});

describe('attributeSpeakers: he/she and a subject after "that"', () => {
  it('GIVEN "X suggested that Barack Obama is ... \'...,\' he said" THEN X, the main subject, not the clause\'s', () => {
    const t = "Iraq's envoy Lukman Faily spoke on Sunday.\nFaily suggested in an interview that Barack Obama is naively waiting. 'These are all nice discussions,' he said.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Lukman Faily' });
  });

  it('GIVEN two men and "claimed that" THEN the one who claimed', () => {
    const t = "Coach Tom Hardy claimed that John Terry was never fit to play. 'He could barely walk on Friday,' he said.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Tom Hardy' });
  });

  it('GIVEN "Ms X said Emma Hill agrees ..." THEN "she" is Ms X, not the woman named in what she said', () => {
    const t = "Karen Mitchell is a professor at Potsdam. Ms Mitchell said Emma Hill agrees with her findings. 'The families farming those farms are ready to retire,' she said.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Karen Mitchell' });
  });

  it('GIVEN "Doctors warned she may never walk, but determined Charlotte worked hard. She said:" THEN Charlotte (a comma ends the object clause)', () => {
    const t = "Charlotte Roach was airlifted to hospital.\nDoctors warned she may never walk again, but determined Charlotte worked hard at her rehabilitation. She said: 'In my head I thought it would all be okay.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Charlotte Roach' });
  });

  it('GIVEN a woman as main subject and a man after "whether" THEN "she" is still the woman', () => {
    const t = "Mary Barra asked whether David Cameron had read the report. 'It is all in there,' she said.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Mary Barra' });
  });
});

describe('attributeSpeakers: an organisation naming a person\'s post', () => {
  it('GIVEN "added the UCI president" THEN the president named before, not the UCI', () => {
    const t = "Pat McQuaid is fighting for a third term at the UCI. 'Nobody is silly enough to say that,' added the UCI president.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Pat McQuaid' });
  });

  it('GIVEN "The FA chairman said:" THEN the chairman named before', () => {
    const t = "Greg Dyke wants more English players in the Premier League. The FA chairman said: 'It is a real problem for the national side.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Greg Dyke' });
  });

  it('GIVEN "the BBC boss said" THEN the boss, but "a BBC spokesman said" is still the BBC', () => {
    const t = "Tony Hall defended the cuts on Monday. 'We have no choice,' the BBC boss said. 'The show will end in May,' a BBC spokesman said.";
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Tony Hall', 'BBC']);
  });
});

describe('attributeSpeakers: "he added" belongs to the quote it follows', () => {
  it('GIVEN "\'...,\' he added. But the commission warned ... \'...,\' said the report" THEN the report quote gets no one', () => {
    const t = "Bob Graham said the threat was real. 'There are many scientists with the skills,' he added. But the commission warned of a nuclear threat too. 'Terrorist organizations are intent on acquiring nuclear weapons,' said the report, which was published on Tuesday.";
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Bob Graham', null]);
  });

  it('GIVEN "\'...,\' he said. He added: \'...\'" THEN "He added" between the quotes still carries the speaker on', () => {
    const t = "Coach Tom Hardy was furious. 'We were poor,' he said. He added: 'The referee had a bad day too.'";
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Tom Hardy', 'Tom Hardy']);
  });

  it('GIVEN "\'...,\' she added. Critics were unconvinced. \'...,\' said one study" THEN the study quote is not hers', () => {
    const t = "Dr Anna Price defended the drug. 'It is safe for children,' she added. Critics were unconvinced. 'The risks were never measured properly,' said one study published last year.";
    expect(attribute(t)[1]?.speaker ?? null).toBeNull();
  });
});

describe('attributeSpeakers: an organisation described by a noun, not one talked about', () => {
  it('GIVEN "The NTSB said the FAA had ... \'...,\' the safety board said" THEN the NTSB', () => {
    const t = "The NTSB said the FAA had no standard procedures for handoffs. 'Because of this lack of standardization, the plane passed two sectors,' the safety board said.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'NTSB' });
  });

  it('GIVEN "The EPA said that the USDA would help ... the agency said" THEN the EPA', () => {
    const t = "The EPA said that the USDA would help farmers test the water. 'We expect the first results in May,' the agency said.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'EPA' });
  });
});

describe('attributeSpeakers: a described aside with "who" before the verb', () => {
  it('GIVEN "Mr X, a former developer who lives ... with his wife, Betty, 43, and daughters Clara, 15, and Esmee, 13, said:" THEN Mr X', () => {
    const t = "Richard Brown won the backing of two Dragons. Mr Brown, a former property developer who lives near Avignon, France, with his wife, Betty, 43, and their daughters Clara, 15, and Esmee, 13, said: 'We could not say the name.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Richard Brown' });
  });

  it('GIVEN "Ms X, the nurse who treated Tom Hill, told the inquiry:" THEN Ms X, not the patient', () => {
    const t = "Sarah Jones gave evidence on Monday. Ms Jones, the nurse who treated Tom Hill on the ward, told the inquiry: 'He was in great pain.'";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Sarah Jones' });
  });
});

describe('attributeSpeakers: a quote after a sentence that names a new speaker (session 8, BBC copy)', () => {
  it('GIVEN "\'... arguments.\' Mr Howard described it as \'very important\'. \'...\'" THEN Mr Howard, not the speaker of the closed quote', () => {
    const t = "Lord Butler said: 'There is too much emphasis on presentation, and not enough on the arguments.' Mr Howard described Lord Butler's intervention as \"very important\". \"This is from someone who was an insider at the very heart of government.\"";
    const a = attribute(t);
    expect(a[0]?.speaker).toMatch(/Butler$/);
    expect(a[1]?.speaker).toMatch(/Howard$/);
  });

  it('GIVEN "X said: \'...\' Y, from Z, said the plans \'lacked compulsion\'.\\n\\n\'We would like ...\'" THEN Y across the paragraph break', () => {
    const t = "John Ison, from Fathers 4 Justice, said: \"It is very disappointing.\" Jim Parton, from Families Need Fathers, said the new proposals \"lacked compulsion\".\n\n\"We would like to see couples develop a plan and then keep to it.\"";
    expect(attribute(t)[1]).toMatchObject({ speaker: 'Jim Parton' });
  });

  it('GIVEN "He promised to make sure that children\'s opinions \'count for much\'.\\n\\n\'I will ...\'" THEN the man introduced before', () => {
    const t = "Professor Al Aynsley-Green was named children's commissioner on Monday. He promised to make sure that children's opinions \"count for something\".\n\n\"I will be drawing on my experience of working with young people.\"";
    expect(attribute(t).at(-1)?.speaker).toBe('Al Aynsley-Green');
  });

  it('GIVEN "Director Robert Tapsfield criticised the existing system. \'...\'" THEN the critic', () => {
    const t = "Carers have said they need more money. Fostering Network executive director Robert Tapsfield criticised the existing system. \"There is just no logic to a system which values children differently.\"";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Robert Tapsfield' });
  });

  it('GIVEN "Writing in the Guardian, Mr Brown outlined his view. \'...\'" THEN Mr Brown, not the participle', () => {
    const t = "Gordon Brown is the chancellor. Writing in the Guardian newspaper, Mr Brown outlined his view of the direction the party should take. \"As our manifesto should make clear, we will build on our record.\"";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Gordon Brown' });
  });

  it('GIVEN a plain narrative paragraph before a paragraph that opens with a quote THEN no speaker is taken from it', () => {
    const t = "Residents packed the hall. Mayor Jane Holloway criticised the delays.\n\n\"Nobody told us the bridge would close for a whole year.\"";
    expect(attribute(t)[0]?.speaker ?? null).toBeNull();
  });
});

describe('attributeSpeakers: a pronoun before its verb is resolved where it stands (session 8)', () => {
  it('GIVEN "He told Sky News\' Sunday with Adam Boulton: \'...\'" THEN the man before, not the host', () => {
    const t = 'Michael Howard accused the two men of "squabbling like schoolboys". He told Sky News\' Sunday with Adam Boulton: "This is the politics of the playground."';
    expect(attribute(t).at(-1)?.speaker).toBe('Michael Howard');
  });

  it('GIVEN "But he said it was yet to be seen if Mr Clarke could deliver \'...\'" THEN the earlier subject, not Mr Clarke', () => {
    const t = 'Liberal Democrat spokesman Mark Oaten said Labour was right to reject quotas. But he said it was yet to be seen if Mr Clarke could deliver "a fair and efficient asylum system".';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Mark Oaten' });
  });

  it('GIVEN "He will say Labour \'...\'" and "He will also say that the Lib Dems want to \'...\'" THEN the man, not the party', () => {
    const t = 'Charles Kennedy will visit a temple in Neasden on Sunday. He will say Labour "can no longer lay exclusive claim to the votes of minorities". He will also say that the Lib Dems want to "restore Britain\'s reputation on the world stage".';
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Charles Kennedy', 'Charles Kennedy']);
  });
});

describe('attributeSpeakers: British party and seat descriptions (session 8)', () => {
  it('GIVEN "Lib Dem leader Charles Kennedy has said voters have a \'...\'" THEN Charles Kennedy, not "Lib Dem"', () => {
    const t = 'Lib Dem leader Charles Kennedy has said voters now have a "fundamental lack of trust" of the prime minister.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Charles Kennedy' });
  });

  it('GIVEN "\'...,\' said the Ealing North MP" THEN the MP named before, not the seat', () => {
    const t = 'Stephen Pound met his daughter for the first time last year. "It was a pretty horrible thing with a pretty happy ending," said the Ealing North MP.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Stephen Pound' });
  });

  it('GIVEN "the Tory MP for Sleaford and North Hykeham admitted ... \'...\'" THEN not the seat', () => {
    const t = 'Douglas Hogg said the Bill was "largely unnecessary and expensive". But the Tory MP for Sleaford and North Hykeham admitted the office "cannot be frozen in aspic".';
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Douglas Hogg', 'Douglas Hogg']);
  });

  it('GIVEN "the Labour peer and former minister said:" THEN the peer named before, not Labour', () => {
    const t = 'Lord Dubs urged the government to think again. During the debate, the Labour peer and former minister said: "The monarchy should symbolise the values of this country."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Dubs' });
  });

  it('GIVEN "X said Mr Blair and Mr Brown had a \'scorching\' from MPs, adding: \'...\'" THEN X, not a name inside what X said', () => {
    const t = 'Labour\'s Paul Flynn said Mr Blair and Mr Brown had a "scorching" from MPs adding: "It was a Parliamentary Labour Party meeting like no other."';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Paul Flynn' });
  });
});

describe('attributeSpeakers: "he said" after a sentence that introduced a new speaker (session 8)', () => {
  it('GIVEN "Analyst Nick Van den Brul of BNP Paribas described the results as \'...\'. \'...,\' he said" THEN the analyst, not the chairman quoted before', () => {
    const t = '"Revenue is slightly better than forecast," BA chairman Martin Broughton said. Aviation analyst Nick Van den Brul of BNP Paribas described the results as "pretty modest". "It is quite good on the revenue side," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Nick Van den Brul' });
  });

  it('GIVEN "The report was welcomed by shadow minister David Willetts. \'...,\' he said" THEN the agent of the passive', () => {
    const t = '"Older people want commitments," Gordon Lishman said.\n\nThe report was welcomed by Conservative shadow pensions secretary David Willetts. "The pensioners\' voice must be heard in the next election," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'David Willetts' });
  });

  it('GIVEN a subject of unknown gender with their own speech verb in the sentence before THEN "he said" is theirs, not an earlier speaker\'s', () => {
    const t = '"They have shown a complete disregard for our members," said Mr Fitzpatrick. Telegraph executive Murdoch MacLennan said the two newspapers would add colour pages.\n\n"Journalists are the lifeblood of any newspaper," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Murdoch MacLennan' });
  });

  it('GIVEN "Google Maps claims ..., but Jerry Brotton isn\'t so sure. He argues: \'...\'" THEN not the product', () => {
    const t = "Google Maps claims that it is on a 'never-ending quest for the perfect map', but Jerry Brotton, historian of cartography, isn't so sure. He argues that all maps are of their time. 'No world map is, or can be, a definitive depiction of its world,' he said.";
    expect(attribute(t).at(-1)?.speaker).not.toBe('Google Maps');
  });
});

describe('attributeSpeakers: unnamed spokesmen of named bodies (session 8)', () => {
  it('GIVEN "A Home Office spokesman said ... He added \'...\'" THEN the Home Office for both', () => {
    const t = 'Edward Leigh spoke first. A Home Office spokesman said the system had been toughened. He added "that the old system will be replaced by a single check at post".';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Home Office', cue: 'spokesman' });
  });

  it('GIVEN "A Conservative spokeswoman said ... She said: \'...\'" THEN the party, not null', () => {
    const t = 'Phil Jones had raised the calls. A Conservative spokeswoman said the party stuck to the rules. She said: "We do apply TPS but in line with the law."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Conservative' });
  });

  it('GIVEN "A Department for Education and Skills spokeswoman said" THEN the whole name of the department', () => {
    const t = 'The venture failed. A Department for Education and Skills spokeswoman said the venture had been "ambitious and ground-breaking". She added: "We were not the only ones to lose out."';
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Department for Education and Skills', 'Department for Education and Skills']);
  });

  it('GIVEN "Ahead of Mr Kennedy\'s launch, a Labour spokesperson said:" THEN Labour, not the man in the possessive', () => {
    const t = 'Charles Kennedy will launch the plan today. Ahead of Mr Kennedy\'s launch, a Labour spokesperson said: "Like the Tories, the Liberal Democrats would restrict access."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Labour' });
  });

  it('GIVEN "A spokesman said ... Mr Smith ... \'...,\' he said" THEN the named man, not the spokesman', () => {
    const t = 'A Home Office spokesman said the rules were clear. Shadow home secretary David Davis disagreed. "The system is in chaos," he said.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'David Davis' });
  });
});

describe('attributeSpeakers: partial quotes in a sentence its speaker opened (session 8)', () => {
  it('GIVEN "The Prime Minister said ... a system which \'punished the poor\'" THEN the man the description points to', () => {
    const t = "David Cameron launched an attack on Labour. The Prime Minister said Labour had left millions of people trapped in a system which 'punished the poor'.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'David Cameron' });
  });

  it('GIVEN "Liberal Democrat deputy leader Menzies Campbell said ... \'well justified\' and ... \'corrosive ...\'" THEN him for both, not the party', () => {
    const t = 'Liberal Democrat deputy leader Menzies Campbell said he thought the comments were "well justified" and the style of leadership was "corrosive of the whole system of government".';
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Menzies Campbell', 'Menzies Campbell']);
  });

  it('GIVEN "X described it as \'...\' and said that Adeli felt \'...\'" THEN X, not the man in the reported clause', () => {
    const t = "Navinder Sekhon, defending, described the meeting as a 'preparatory offence and not a completed one' and said that Adeli felt 'deep-seated remorse'.";
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Navinder Sekhon', 'Navinder Sekhon']);
  });

  it('GIVEN "prosecutors said Barrientos married men from countries that were \'red flags\'" THEN not Barrientos', () => {
    const t = "In court, prosecutors said Barrientos married men from seven countries that were 'red flags' for immigration officials.";
    expect(attribute(t)[0]?.speaker ?? null).not.toBe('Barrientos');
  });

  it('GIVEN "Giggs, of Salford said the offence \'wasn\'t intentional\'" THEN Giggs, not the town', () => {
    const t = "Arriving for sentencing yesterday, Giggs, of Salford said the offence on October 14 last year 'wasn't intentional'.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Giggs' });
  });
});

describe('attributeSpeakers: well-known companies named by one word (session 8)', () => {
  it('GIVEN "Microsoft is recalling ... The company said ... \'...\'. In a statement, it added: \'...\'" THEN Microsoft for both', () => {
    const t = 'Microsoft is recalling 14 million power cables for its Xbox consoles. The company said the move was a "preventative step" after reports of fire hazards. In a statement, it added: "In almost all instances, any damage was contained within the console."';
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Microsoft', 'Microsoft']);
  });

  it('GIVEN "In a statement Google said ... It said: \'...\'" after another body was named THEN Google, the one that spoke', () => {
    const t = 'Dan Gillmor, founder of Grassroots Media, said the tool was a "bad idea". In a statement Google said the feature was still on trial. It said: "The user can choose never to click on the button."';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Google' });
  });
});

describe('attributeSpeakers: partial quotes in clauses of contrast and after photo pointers (session 8, quotes8b)', () => {
  it('GIVEN "While X claimed ... was an \'...\', Y said ..." THEN X, whose clause the quote ends', () => {
    const courts = "While the BBC claimed the number plate was an 'unhappy coincidence', Maria Lopez said it was a deliberate insult.";
    expect(attribute(courts)[0]).toMatchObject({ speaker: 'BBC' });
    const politics = 'Although Michael Howard has insisted the plans were "fully costed", Gordon Brown said they did not add up.';
    expect(attribute(politics)[0]).toMatchObject({ speaker: 'Michael Howard' });
    // A quote set off by a comma after the clause is the main clause's.
    const sport = "While Arsene Wenger said nothing, 'we will fight to the end,' Thierry Henry told reporters.";
    expect(attribute(sport)[0]).toMatchObject({ speaker: 'Thierry Henry' });
  });

  it('GIVEN "X (above) dismissed as \'...\'" THEN X: a photo pointer does not hide the subject', () => {
    const arts = "Last year his predecessor Roger Wright (above) dismissed as 'complete nonsense' claims that the station was losing listeners.";
    expect(attribute(arts)[0]).toMatchObject({ speaker: 'Roger Wright' });
    const politics = "Home Secretary Theresa May (pictured) condemned the 'appalling and cowardly attack' on the officers, police said.";
    expect(attribute(politics)[0]).toMatchObject({ speaker: 'Theresa May' });
  });
});

describe('attributeSpeakers: a description points past names that modify a noun (session 8, quotes8b)', () => {
  it('GIVEN "X has warned that the Scottish nationalists want ... The former prime minister said ... \'...\'" THEN X', () => {
    const politics =
      "Gordon Brown has warned that the Scottish nationalists want a second referendum on independence. The former prime minister said that Nicola Sturgeon's answers on the issue are 'all evasion'.";
    expect(attribute(politics)[0]).toMatchObject({ speaker: 'Gordon Brown' });
    const sport =
      "Sir Alex Ferguson has claimed that the Spanish clubs were given an easy ride by referees. The veteran manager said the decisions were 'a disgrace to the game'.";
    expect(attribute(sport)[0]).toMatchObject({ speaker: 'Alex Ferguson' });
  });
});

describe('attributeSpeakers: a partial quote the sentence runs on from (session 8, quotes8b)', () => {
  it('GIVEN "X told MPs that \'...\' from the IMF to the OECD agreed" THEN X, not a body named after the quote', () => {
    const politics = "Mr Howard told MPs that 'every serious economist' from the Bank of England to the Institute for Fiscal Studies said the sums were wrong.";
    expect(attribute(politics)[0]).toMatchObject({ speaker: 'Howard' });
    const music = "Singer Chester Bennington described the award as 'quite an honour' while Muse said their own prize was a surprise.";
    expect(attribute(music)[0]).toMatchObject({ speaker: 'Chester Bennington' });
    const campaign = "Gordon Brown, pictured campaigning in Fife, has warned the SNP wants chaos and urged 'patriotic Scots' to vote Labour And he warned voters.";
    expect(attribute(campaign)[0]).toMatchObject({ speaker: 'Gordon Brown' });
  });

  it('GIVEN a quote closed by its own punctuation THEN the words after it still name its speaker', () => {
    const t = "Police arrived within minutes. 'We did everything we could,' paramedic Sarah Jones said later.";
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Sarah Jones' });
  });
});

describe('attributeSpeakers: a partial quote inside an aside after a description (session 8, quotes8b)', () => {
  it('GIVEN "The young jihadist, who describes himself as a \'...\', said ..." THEN the person the description points to', () => {
    const terror =
      "Abu Salim, 20, left Cardiff last year. The young fighter, who describes himself online as a 'soldier of the caliphate', said last month that Britain should be afraid.";
    expect(attribute(terror)[0]).toMatchObject({ speaker: 'Abu Salim' });
    const sport =
      "Jenson Button finished fourth in Bahrain. The British driver, who described the new rules as 'a complete lottery', said he would speak to the stewards.";
    expect(attribute(sport)[0]).toMatchObject({ speaker: 'Jenson Button' });
  });
});

describe('attributeSpeakers: one of a group before a participle (session 8, quotes8b)', () => {
  it('GIVEN "you can hear one of the officers saying ... \'...\'" THEN an unnamed speaker, not the force named before', () => {
    const police =
      "The Arizona Department of Public Safety released the footage. During the video, you can hear one of the officers saying they needed to 'calm everyone down' before the arrest.";
    expect(attribute(police)[0]).toMatchObject({ speaker: null });
    const court = "Judge Mary Lane heard the evidence on Monday, with two of the jurors telling the clerk they felt 'deeply uncomfortable' with it.";
    expect(attribute(court)[0]).toMatchObject({ speaker: null });
  });
});

describe('attributeSpeakers: the agent of a passive verb of judging (session 8, quotes8b)', () => {
  it('GIVEN "was described by X as the \'...\'" or "was called the \'...\' by X" THEN X, not the one described', () => {
    const tech = "Steve Jobs unveiled the machine in San Francisco. The cheaper model was described by Jobs as the 'most affordable Mac' ever made.";
    expect(attribute(tech)[0]).toMatchObject({ speaker: 'Steve Jobs' });
    const film = "Freddie Highmore charmed the crew, and he was called the 'heart of the whole film' by the film's director Marc Forster.";
    expect(attribute(film)[0]).toMatchObject({ speaker: 'Marc Forster' });
    const obituary = "Cyril Fletcher died on Monday. Fletcher was described as a 'true gentleman of comedy' by his friend and fellow broadcaster Michael Pointon.";
    expect(attribute(obituary)[0]).toMatchObject({ speaker: 'Michael Pointon' });
  });

  it('GIVEN an agent with no name ("by police", "by scouts") THEN an unnamed speaker; "by depriving" names no agent', () => {
    const crime = "Rock star Ozzy Osbourne has been praised by police for 'very bravely' tackling a burglar at his home.";
    expect(attribute(crime)[0]).toMatchObject({ speaker: null });
    const business = "Bernard Ebbers and the board are accused of breaching their duties by depriving MCI shareholders 'of full value' in the deal.";
    expect(attribute(business)[0]?.speaker ?? null).not.toBe('MCI');
  });
});

describe('attributeSpeakers: a quote in a "who said" clause after a name (session 8, quotes8b)', () => {
  it('GIVEN "... echoed by X who called the book \'...\'" THEN X, not the one spoken about', () => {
    const books = "Her praise was echoed by director Sir Richard Eyre who called Anna Leroi's novel 'extraordinarily moving' on Tuesday.";
    expect(attribute(books)[0]).toMatchObject({ speaker: 'Richard Eyre' });
    const music = "The warmest tribute to Ray Charles came from the producer Quincy Jones, who described him as a 'brother in every sense of the word'.";
    expect(attribute(music)[0]).toMatchObject({ speaker: 'Quincy Jones' });
  });
});

describe('attributeSpeakers: more nouns that describe an organisation (session 8, quotes8b)', () => {
  it('GIVEN "The corporation said ... \'...\'" or "The watchdog said" THEN the organisation named before', () => {
    const media = "The BBC is to replace its chart show. The corporation said the new programme 'aims to reach a younger audience' of viewers.";
    expect(attribute(media)[0]).toMatchObject({ speaker: 'BBC' });
    const money = "The Financial Services Authority fined the bank on Monday. The watchdog said the failings were 'serious and widespread' across its branches.";
    expect(attribute(money)[0]).toMatchObject({ speaker: 'Financial Services Authority' });
  });
});

describe('attributeSpeakers: a passive verb of judging with no agent (session 8, quotes8b)', () => {
  it('GIVEN "X has been accused of using the \'...\'" and no speaker in the sentence THEN not X', () => {
    const politics = "David Blunkett has been accused of using the 'politics of confusion' to hide new immigration rules.";
    expect(attribute(politics)[0]).toMatchObject({ speaker: null });
    const health = "Professor Al Green studied in London and Oxford. He is described as 'a devoted grandfather' of four.";
    expect(attribute(health)[0]).toMatchObject({ speaker: null });
  });

  it('GIVEN a speech verb after the passive ("which, he says, \'...\'") or after the quote THEN that speaker', () => {
    const tech = "Adam Curry hosts a daily show. He has been called the Johnny Carson of podcasting which, he says, 'is a badge I will wear with pride'.";
    expect(attribute(tech)[0]).toMatchObject({ speaker: 'Adam Curry' });
    const sport = "Wayne Rooney has been described as 'the best young player in the world', Sven-Goran Eriksson said.";
    expect(attribute(sport)[0]).toMatchObject({ speaker: 'Sven-Goran Eriksson' });
  });
});

describe('attributeSpeakers: a speaker brought in by an inverted verb in the sentence before (session 8, speakers8c)', () => {
  it('GIVEN "..., says Frederic Sawicki, a lecturer at Lille. \'...,\' he says" THEN the lecturer, not the factory boss quoted before', () => {
    const t = 'Factory boss Hugues Charbonnier runs 350 staff. "Our market is global," says Mr Charbonnier.\n\nVoters here are wary of Brussels, says Frederic Sawicki, a politics lecturer at the University of Lille. "They do not see what Europe does for them," he says.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Frederic Sawicki', cue: 'pronoun' });
  });

  it('GIVEN "Also, said Mr Flynn, Vodafone cut off ten sellers. \'...,\' he said" THEN Mr Flynn, not the analyst quoted earlier', () => {
    const t = 'Jeremy Flynn runs the network\'s content team. Analyst Christian Harris said: "Consumers were confused."\n\nAlso, said Mr Flynn, Vodafone had cut off ten content sellers. "We have tough contracts with firms," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Jeremy Flynn' });
  });

  it('GIVEN "..., said principal security consultant Paul King. \'...,\' he said" THEN the consultant (role words between verb and name)', () => {
    const t = '"Phishing is growing fast," said Pete Simpson of Clearswift. E-mail is the least likely route for such attacks, said principal security consultant Paul King. "Most of us have firewalls now," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Paul King' });
  });

  it('GIVEN "..., Glenn Maguire told Agence France Presse. \'...,\' he said" THEN the one who told, not the agency told', () => {
    const t = 'The wave will hit growth, Glenn Maguire, chief economist at Societe Generale, told Agence France Presse. "It should not derail the region," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Glenn Maguire' });
  });

  it('GIVEN "..., said Sun\'s chief operating officer Jonathan Schwartz. \'...?\' he asked" THEN the officer, not the firm named in the possessive', () => {
    const t = 'Computing will be sold like electricity, said Sun\'s chief operating officer Jonathan Schwartz. "Why build your own grid when you can use ours?" he asked.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Jonathan Schwartz' });
  });

  it('GIVEN a woman named after the inverted verb THEN "he said" keeps the man quoted before', () => {
    const t = '"Prices will rise," said Mark Lewis, an analyst at Barclays. The outlook is mixed, says Mrs Anne Ward. "Demand is still strong in Asia," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Mark Lewis' });
  });

  it('GIVEN "Valve spokesman Doug Lombardi said ..." before "he said" THEN the spokesman: the employer before a post is no second person', () => {
    const t = 'Valve said it had banned 20,000 players. "The method was easy to trace," Mr Gabe Newell said. Valve spokesman Doug Lombardi said sales figures would not be released.\n\n"We will not say how many players were banned," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Doug Lombardi' });
  });
});

describe('attributeSpeakers: he/she for more common given names (session 8, speakers8c)', () => {
  it('GIVEN "Christiane Amanpour pressed the point. \'...,\' she said" after another woman was quoted THEN the one just named', () => {
    const t = '"We will not talk to them," said Ms Leyla Rahimi, a government spokeswoman. Christiane Amanpour pressed the point in the interview. "That is not an answer," she said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Christiane Amanpour' });
  });

  it('GIVEN "Thea Henderson, 24, wore a wedding dress. \'...,\' she said" after a neighbour was quoted THEN the daughter', () => {
    const t = '"He has always loved Christmas," said Mrs Lisa Wood, a neighbour. Thea Henderson, 24, wore a donated wedding dress for the photoshoot. "That was his time to let it all out," she said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Thea Henderson' });
  });

  it('GIVEN "Bernard McAlinden agreed. \'...,\' he told Reuters" after another man was quoted THEN the one just named', () => {
    const t = '"Rates will stay low," said Mr Roy Asher of Davy. Bernard McAlinden, head of equity research at a stockbroker, agreed. "It is still looking good," he told Reuters.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Bernard McAlinden' });
  });

  it('GIVEN "Greg Abbott" and "Marc Morin" THEN both are read as people with a gender', () => {
    const names = findMentions('"Illegal spam must be stopped," said Greg Abbott. Sandvine officer Marc Morin agreed.', []).filter((m) => m.kind === 'person');
    expect(names.map((m) => [m.name, m.gender])).toEqual([
      ['Greg Abbott', 'm'],
      ['Marc Morin', 'm'],
    ]);
  });
});

describe('attributeSpeakers: "said X\'s <post> Y" (session 8, speakers8c)', () => {
  it('GIVEN "said Kidman\'s publicist Wendy Day" THEN the publicist, not the star', () => {
    const t = 'Nicole Kidman has taken out orders against two photographers. "She respects that reporters have a job to do," said Kidman\'s publicist Wendy Day.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Wendy Day', cue: 'said-after' });
  });

  it('GIVEN "declared Kasabian\'s singer Tom Meighan" THEN the singer, not the band', () => {
    const t = 'Kasabian are nominated for two Brit awards. "British music needs a kick," declared Kasabian\'s singer Tom Meighan.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Tom Meighan' });
  });

  it('GIVEN a partial quote "..., said Aston\'s chief executive Ulrich Bez" THEN the chief executive, not the firm', () => {
    const t = 'Aston Martin will build the V8 Vantage at Gaydon. The Vantage is "the most important car in the history of our company", said Aston\'s chief executive Ulrich Bez.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Ulrich Bez' });
  });

  it('GIVEN "said GE\'s chief executive Jeff Immelt" THEN still the chief executive', () => {
    const t = '"We are ready for the next cycle," said GE\'s chief executive Jeff Immelt.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Jeff Immelt' });
  });
});

describe('attributeSpeakers: a newspaper that speaks (session 8, speakers8c)', () => {
  it('GIVEN "The Economist called her policy \'...\'" THEN the paper, not left unnamed', () => {
    const t = 'Hillary Clinton campaigned in Iowa on Tuesday. The Economist called her trade policy "cautious to the point of cowardice".';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Economist' });
  });

  it('GIVEN "The Times said in a leader: \'...\'" THEN the paper, not a person called Times', () => {
    const t = 'Ministers defended the plan. The Times said in a leader: "This is a tax on aspiration and it will not last."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Times' });
    expect(findMentions(t, []).find((m) => m.name === 'Times')?.kind).toBe('organization');
  });
});

describe('attributeSpeakers: a description after a sentence that brought someone in with their own verb (session 8, speakers8c)', () => {
  it('GIVEN "Simon Le Bon said ... \'...,\' the singer said" after the keyboard player was quoted THEN the singer', () => {
    const t = '"We just wanted to make a great album," said keyboard player Nick Rhodes. Simon Le Bon said earlier this year that the group were not trying to update their sound. "We would not want to lose older fans," the singer said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Simon Le Bon', cue: 'description' });
  });

  it('GIVEN "Jeremy Irons, ..., said he had wondered ... \'...,\' the British actor said" after a festival official was quoted THEN the actor', () => {
    const t = '"The festival goes on," said organiser Christine Rush. Jeremy Irons, who won a lifetime award, said he had wondered whether to attend. "I questioned whether I should come," the British actor said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Jeremy Irons' });
  });

  it('GIVEN a sentence before that names someone only after "that" THEN the description keeps the earlier speaker', () => {
    const t = '"We will appeal," said coach Tom Hart. Reports claimed that Sam Reid said the club was for sale. "The club is not for sale," the coach said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Tom Hart' });
  });
});

describe('attributeSpeakers: genders not taken across quotation marks (session 9, quotes9)', () => {
  it('GIVEN a company named inside a quote followed by "he said" THEN the company gets no gender and "he" is the man named before', () => {
    const t =
      'Game maker Valve said the system worked. "The method was easy for Valve to trace," read the statement. Rob Fahey, editor of a games site, said the ban showed its power. Before now, he said, it was hard to act. "But with this, Valve is taking really effective steps against pirates," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Rob Fahey', cue: 'pronoun' });
    expect(findMentions(t, []).filter((m) => m.name === 'Valve').every((m) => m.gender === null)).toBe(true);
  });

  it('GIVEN a partial quote after a company name followed by "his" THEN the company is not made a man', () => {
    const t =
      'Fiat lost money again. Mr Marchionne, who only joined the group last year, said Fiat Auto was now the "principal focus" of his attention. "I have taken the post to speed up the recovery," he said. "A profound change is under way," he said.';
    expect(attribute(t).slice(1).map((a) => a.speaker)).toEqual(['Marchionne', 'Marchionne']);
  });

  it('GIVEN "A spokesman for US Immigration, Customs and Enforcement, Dean Boyd, said" THEN a later "He told" is the spokesman', () => {
    const t =
      '"We will appeal," said a lawyer for Alex Bell. A spokesman for US Immigration, Customs and Enforcement, Dean Boyd, said the group did not seem to be after money. Their motive was the kudos. He told the BBC News website: "Primarily they were interested in how fast they could crack the code."';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Dean Boyd' });
  });

  it('GIVEN a last speaker of unknown gender and then a woman introduced before a title with dots THEN "she said" is the woman', () => {
    const t =
      'Chris Hawkins, host of a radio chart show, said the band had "great guitars". "The Bravery are proof that New York is still home to new talent," he said. Alison Howe, producer of TV show Later... With Jools Holland, booked the group. "They played like they were headlining the main stage," she said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Alison Howe' });
  });
});

describe('attributeSpeakers: a relative named by one word (session 9, quotes9)', () => {
  it('GIVEN "His brother Anil, the vice-chairman, said ... \'...\'" THEN the brother, not the chairman named before', () => {
    const t =
      'The buy-back is a victory for chairman Mukesh Ambani, whose idea it was. His brother Anil, the vice-chairman, said he had not been consulted and that it was "completely inappropriate and unnecessary".';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Anil' });
  });

  it('GIVEN "\'...,\' said his wife, Sheila" THEN the wife', () => {
    const t = 'Hailey died in his sleep on Wednesday. "He had a wonderful life and he certainly achieved his ambition," said his wife, Sheila.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Sheila' });
  });

  it('GIVEN "Edwards\' sister Rachel makes an appeal. \'...,\' she said" THEN the sister', () => {
    const t =
      'A fan says she saw Edwards in Goa. Edwards\' sister Rachel makes an emotional TV appeal five years later. "We do love him very much and we would like him to come back," she said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Rachel' });
  });
});

describe('attributeSpeakers: a name set off after its role, then the verb (session 9, quotes9)', () => {
  it('GIVEN "the shadow home secretary, Mark Oaten, accused Mr Clarke ... \'...,\' he told" THEN the accuser, not the accused', () => {
    const t =
      'Mr Clarke said he was seeking "memorandums of understanding" with other governments. But the Liberal Democrat\'s shadow home secretary, Mark Oaten, accused Mr Clarke of avoiding the main issue. "The critical issue that the home secretary is dodging is the principle," he told BBC News.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Mark Oaten' });
  });

  it('GIVEN "Ms Jowell\'s deputy, Richard Caborn, said ... \'...,\' he said" after another man was quoted THEN the deputy', () => {
    const t =
      'Shadow culture secretary John Whittingdale said the plans were "a mess". Ms Jowell\'s deputy, Richard Caborn, said the government had adopted a cautious approach to the issue. "Limiting the number of regional casinos to eight is a cautious move," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Richard Caborn' });
  });
});

describe('attributeSpeakers: bodies that speak as one in a reported sentence (session 9, quotes9)', () => {
  it('GIVEN "The government says ... \'like property\'" after a party was quoted THEN the government, not the party', () => {
    const t =
      'The Conservatives want a "radical reform" of the family courts. The government says children cannot simply be divided up "like property" when a marriage collapses.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Government', cue: 'description' });
  });

  it('GIVEN "The Liberal Democrats have argued for ... \'rigid targets\'" THEN the party', () => {
    const t = 'Theresa May spoke first. The Liberal Democrats have argued for flexibility in deciding access rules, rather than having "rigid targets".';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Liberal Democrats' });
  });

  it('GIVEN "The Commons education select committee called this \'...\' but the government said ... \'...\'" THEN the committee and the government', () => {
    const t =
      'The chief executive was paid a bonus of £44,914. The Commons education select committee called this "morally indefensible" but the government said the project had "improved understanding".';
    expect(attribute(t).map((a) => a.speaker)).toEqual(['Commons education select committee', 'Government']);
  });

  it('GIVEN "the government said" after a ministry was named THEN the government, not the ministry named last', () => {
    const t = 'The Finance Ministry met the banks on Monday. The government said it will ask firms to "roll over loans that come due this year".';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Government' });
  });

  it('GIVEN "the committee said" with a named committee THEN that committee, and a bare "the committee" names no new body', () => {
    const t = 'The Public Accounts Committee met. The committee said the scheme was "a disgraceful waste of money".';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Public Accounts Committee' });
  });
});

describe('attributeSpeakers: Downing Street speaks (session 9, quotes9)', () => {
  it('GIVEN "described as \'idle speculation\' by Downing Street" THEN Downing Street, an agent whose name ends in -ing', () => {
    const t = 'Reports that Tony Blair is planning a snap election have been described as "idle speculation" by Downing Street. A spokesman said he had "no idea" where they came from.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Downing Street' });
  });

  it('GIVEN "Downing Street said ..." THEN the institution, not a person called Street', () => {
    const t = 'Downing Street said the claims were "complete and utter nonsense" on Sunday.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Downing Street' });
    expect(findMentions(t, []).some((m) => m.name === 'Street')).toBe(false);
  });
});

describe('attributeSpeakers: an unnamed spokesman two sentences back (session 9, quotes9)', () => {
  it('GIVEN "A Labour Party spokesman told ... But that did not happen for ... \'...,\' he said" THEN the party', () => {
    const t =
      'A Labour Party spokesman told the BBC News website the party avoided those on the lists when telephoning people. But that did not happen for identification calls. "When we ask which party they will vote for, that is not marketing," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Labour Party' });
  });

  it('GIVEN "A spokesman for the Business Software Alliance said ... He said ... He said ... \'...\'" THEN the Alliance, not the man quoted before', () => {
    const t =
      'Mr Boyd said: "It was truly global in scope." A spokesman for the Business Software Alliance said: "Members claim they did not profit. But they did." He said the groups were fostering a "culture of piracy" on the internet. He said 29% of software in Britain was pirated. "It may seem like a victimless crime but it touches more people than you might believe."';
    expect(attribute(t).slice(2).map((a) => a.speaker)).toEqual(['Business Software Alliance', 'Business Software Alliance']);
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Business Software Alliance' });
  });

  it('GIVEN someone named between the spokesman and the pronoun THEN not the spokesman', () => {
    const t =
      'A Labour Party spokesman told the BBC the party avoided those lists. Alan Milburn, the campaign chief, disagreed with the plan. "We will call everyone we can," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Alan Milburn' });
  });
});

describe('attributeSpeakers: a country that speaks as one in a reported clause (session 9, quotes9)', () => {
  it('GIVEN "..., the US said the meeting was \'...\'. And Australia said it was \'...\'" THEN each country', () => {
    const t =
      'While pointing to difficulties in the work with Russia, the US said the meeting was "much more efficient than we have seen for some time". And Australia said it was "one of the best meetings we can recall".';
    expect(attribute(t).map((a) => a.speaker)).toEqual(['US', 'Australia']);
  });

  it('GIVEN a country after a preposition ("critics of the US said") THEN not the country', () => {
    const t = 'Critics of the US said the plan was "a recipe for disaster in the region".';
    expect(attribute(t)[0]?.speaker).not.toBe('US');
  });
});

describe('attributeSpeakers: one-word company names (session 9, quotes9)', () => {
  it('GIVEN "Umbro, which lost deals ... The firm, which is to receive pounds 24.5m, said it is \'...\'" THEN the company', () => {
    const t =
      'Umbro, which recently lost sponsorship deals with Chelsea, saw sales rise. In January, Umbro announced its deal with Chelsea would end early. The firm, which is to receive a payment of pounds 24.5m, said it is "appraising a number of additional investment opportunities".';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Umbro' });
    expect(findMentions(t, []).filter((m) => m.name === 'Umbro').every((m) => m.kind === 'organization')).toBe(true);
  });

  it('GIVEN "Shell restated its reserves. Shell said ... She was leaving \'...\', the firm said" THEN the firm', () => {
    const t =
      'Judy Boynton left the firm on 31 December. In January 2004, Shell restated its reserves for the fourth time. Shell said the pay-off was in line with her contract. She was leaving "by mutual agreement to pursue other career opportunities", the firm said in a statement.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Shell' });
  });

  it('GIVEN the surname of a full name followed by ", which" THEN still the person', () => {
    const t = 'DJ Manuel Millan runs the station. Millan, which is his real name, plays hip-hop. "He is the Eminem of Argentina," Millan says.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Manuel Millan' });
  });
});

describe('attributeSpeakers: a group\'s spokesman speaks for the group (session 9, quotes9)', () => {
  it('GIVEN "The band\'s spokesman said ... based on advice to Mills. \'...,\' he said" THEN the band, not the member', () => {
    const t =
      'US rock band REM cancelled concerts after bass player Mike Mills was taken to hospital. The band\'s spokesman said that they would review their dates on a "day-to-day basis", based on doctors\' advice to Mills. "Obviously we all want Mike to get better," he said.';
    expect(attribute(t).map((a) => a.speaker)).toEqual(['REM', 'REM']);
  });

  it('GIVEN "\'...,\' the council\'s spokesperson said" THEN the council named before, not the man quoted before', () => {
    const t =
      'Figures from the UK Film Council showed a drop. "It was a good year," said producer Marc Samuelson. "The drop was expected," the council\'s spokesperson said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'UK Film Council' });
  });
});

describe('attributeSpeakers: he or she, a verb of any kind and a colon (session 9, quotes9)', () => {
  it('GIVEN "his wife, ex-model Sandra. Asked if she enjoys ping pong she confesses: \'...\'" THEN the wife', () => {
    const t =
      'The film shows the Tory leader playing table tennis with his wife, ex-model Sandra. Asked if she enjoys a game of ping pong she confesses: "Yeah, it would be more enjoyable if I could win occasionally too."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Sandra', cue: 'pronoun' });
  });

  it('GIVEN "He later reflected: \'...\'" after a named man THEN that man', () => {
    const t = 'Gordon Brown left the room. He later reflected: "It was the hardest decision of my career."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Gordon Brown' });
  });
});

describe('attributeSpeakers: a subject brought in after the last speaker (session 9, quotes9)', () => {
  it('GIVEN "\'...,\' Andrei Illarionov told ... Mr Gref, an opponent, was keen to distance himself ... he said. But he stressed ... \'...,\' he said" THEN Gref', () => {
    const t =
      'Economy minister German Gref spoke first. "We used to see street hustlers do this kind of thing," Andrei Illarionov told a press conference. Mr Gref, a well-known opponent of nationalisation, was keen to distance himself from the comments. The privatisation had been badly handled, he said. But he stressed that the government needed to get out of oil. "I think that Rosneft must be privatized," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'German Gref' });
  });

  it('GIVEN "But Mr Hirsch from Retail Banking Research said ... Currently, he said, ... \'...,\' he said" after Mr Thiemann was quoted THEN Hirsch', () => {
    const t =
      '"Banks need to consider protection," Mr Todd Thiemann told BBC News Online. But Mr Dominic Hirsch from Retail Banking Research said the number of machines at risk was low. Currently, he said, a cash machine has a lifetime of up to 10 years. "Windows cash machines have been around for several years," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Dominic Hirsch' });
  });

  it('GIVEN a sentence opened by "The prime minister ... said" after the newer man THEN not that man', () => {
    const t =
      '"We will act," said Tony Blair. Mr Clarke is expected to announce an end to the automatic right to settle. The prime minister on Sunday said immigration would be "toughened up" this year. But he rejected the call for a quota, saying no "arbitrary figure" could work.';
    expect(attribute(t).at(-1)?.speaker).not.toBe('Clarke');
  });
});

describe('attributeSpeakers: "In an e-mail, X calls it \'...\'" (session 9, quotes9)', () => {
  it('GIVEN a phrase of where it was written before the subject, and a name that reads like a street THEN that person', () => {
    const t = 'Paul Saffo said the wiki was a new dimension. It is still very early days. In an e-mail, Dan Lane calls it "an early proof of concept."';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Dan Lane' });
    expect(findMentions(t, []).find((m) => m.name === 'Dan Lane')?.kind).toBe('person');
  });

  it('GIVEN "In a statement on Monday, Jo Smith described the plan as \'...\'" THEN the person', () => {
    const t = 'The council met. In a statement on Monday, Jo Smith described the plan as "a betrayal of local people".';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Jo Smith' });
  });

  it('GIVEN a street with no verb of saying after it THEN still a place', () => {
    expect(findMentions('The shop on Penny Lane closed on Monday.', []).find((m) => m.name === 'Penny Lane')?.kind).toBe('place');
  });
});

describe('attributeSpeakers: a spokesman for a body with a long name (session 9, quotes9)', () => {
  it('GIVEN "A spokesman for the Association of Payment and Clearing Services (Apacs) which represents ... said ... \'...,\' he said" THEN the whole name', () => {
    const t =
      '"Banks are not hugely concerned," said Dominic Hirsch. A spokesman for the Association of Payment and Clearing Services (Apacs) which represents the UK\'s payments industry said the risk was minimal. "There\'s no concern that a virus will hit the UK networks," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Association of Payment and Clearing Services' });
  });
});

describe('attributeSpeakers: "it said" goes on with the company that is the subject (session 9, quotes9)', () => {
  it('GIVEN "Multiplex Group ... Multiplex will have to win claims. \'...,\' it said" after another body was named THEN the company', () => {
    const t =
      'Shares in Multiplex Group, which is building the stadium, fell. Its UK projects, which include the White City scheme, were doing well. Multiplex will have to win legal claims against subcontractors. "Multiplex believes its claims are sound," it said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Multiplex' });
  });

  it('GIVEN "DrKW said the cuts could indicate a change at M&S. \'...,\' it added" THEN the firm that said it', () => {
    const t =
      'Marks & Spencer cut prices. DrKW said the cuts could indicate a longer term "step change in pricing" at the retailer. "Either way, this cannot be good news for margins," it added.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'DrKW' });
  });
});

describe('attributeSpeakers: a title inside a capitalised run (session 9, quotes9)', () => {
  it('GIVEN "Speaking in Harrogate Mr Kennedy said: \'...\'" after a party was quoted THEN Kennedy, not a place', () => {
    const t =
      'Charles Kennedy unveiled the slogan. The Conservatives insisted theirs was the party of the "forgotten majority". Speaking in Harrogate Mr Kennedy said: "People want a credible, principled political party."';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Charles Kennedy' });
  });

  it('GIVEN "Said Mr Fogg: \'...\'" THEN the analyst named before', () => {
    const t = 'Analyst Ian Fogg was not convinced. Said Mr Fogg: "It\'s very much a computer."';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Ian Fogg' });
  });

  it('GIVEN "Home Secretary Mr Clarke said" THEN the role stays with the name', () => {
    const m = findMentions('Home Secretary Mr Clarke said the plan would go ahead.', []).find((x) => x.kind === 'person');
    expect(m).toMatchObject({ name: 'Clarke', role: 'Home Secretary' });
  });

  it('GIVEN "One dissenting opinion came from Brian Gammage, vice-president of research at Gartner. He said: \'...\'" THEN Gammage, not the analyst quoted before', () => {
    const t =
      'Said Mr Ian Fogg: "It\'s very much a computer." One dissenting opinion came from Brian Gammage, vice-president of research at analysts Gartner. He said: "I don\'t think it changes the world."';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Brian Gammage' });
  });
});

describe('attributeSpeakers: "said <employer> <post> <name>" (session 9, quotes9)', () => {
  it('GIVEN "\'...,\' said Prebon Yamane economist Lena Komileva" THEN the economist, not her employer', () => {
    const t = 'Analysts were gloomy. "It appears that the UK is in a two-tier economy again," said Prebon Yamane economist Lena Komileva.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Lena Komileva' });
  });

  it('GIVEN "\'...,\' said Credit Suisse First Boston analyst Vadim Mitroshin" THEN the analyst', () => {
    const t = 'Yukos is bullish. "The litigation risks are real," said Credit Suisse First Boston analyst Vadim Mitroshin.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Vadim Mitroshin' });
  });

  it('GIVEN "\'...,\' said Ian Hunter at Goodbody Stockbrokers" THEN the person, not the firm after him', () => {
    const t = 'Shares fell. "Most of the value in the company was in Tysabri," said Ian Hunter at Goodbody Stockbrokers in Dublin.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Ian Hunter' });
  });
});

describe('attributeSpeakers: a short opening phrase before a reported clause (session 9, quotes9)', () => {
  it('GIVEN "After his sacking, he bitterly said that ... were \'...\'" THEN the man named before', () => {
    const t =
      'Sir Nicholas Scott was deselected in 1996. Sir Nicholas claimed painkillers had reacted badly with alcohol. After his sacking, he bitterly said that despite the support of Cabinet ministers, the Eurosceptics in his constituency were "absolutely determined to get rid of me".';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'Nicholas Scott' });
  });

  it('GIVEN "On the issue of the unpaid invoices, Sir John said ..., \'...\'" THEN Sir John', () => {
    const t =
      'The UK had valued the animals at between "two and three times" the market value. National Audit Office chief Sir John Bourn said a new scheme was being looked at. On the issue of the unpaid invoices, Sir John said Defra had paid 97% of the pounds 1.3bn submitted by contractors since 2001, "but has not agreed a final settlement with 57 contractors".';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'John Bourn' });
  });

  it('GIVEN a name inside the opening phrase ("After meeting the Smith family, Jones said") THEN not that name', () => {
    const t = 'After a meeting with Alan Smith, Tom Jones said the deal was "dead in the water".';
    expect(attribute(t)[0]?.speaker).not.toBe('Alan Smith');
  });
});

describe('attributeSpeakers: a bare spokesman after a sentence an organisation opens (session 9, quotes9)', () => {
  it('GIVEN "The Justice Department refused to say ... \'...,\' a spokeswoman said" THEN the department', () => {
    const t =
      '"The law does not allow it," Judge David Sentelle wrote. The Justice Department refused to say if it would appeal. "All we\'re saying today is that we have received the ruling," a spokeswoman said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Justice Department' });
  });

  it('GIVEN "AOL backed the cuts but said ... \'...,\' a spokesman said" THEN AOL', () => {
    const t = 'AOL backed the price cuts but said regulation was still needed. "This is a reminder to Ofcom that competition remains fragile," a spokesman said.';
    expect(attribute(t)[0]).toMatchObject({ speaker: 'AOL' });
  });
});

describe('attributeSpeakers: who does not take over a pronoun (session 9, quotes9)', () => {
  it('GIVEN "But Faily suggested ... that Obama is naively fiddling. \'...,\' he responded" THEN Faily, not the man in his that-clause', () => {
    const t =
      'Barack Obama said on Friday that he would help. Lukman Faily, the Iraqi ambassador, warned on Monday. But Faily suggested in an interview that Obama is naively fiddling while Baghdad burns. "These are all nice to have discussions," he said. "But do you not feel this is an immediate threat?" Amanpour interrupted. "We\'re not saying we\'re not happy to have a discussion," he responded.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Lukman Faily' });
  });

  it('GIVEN a company that only does something after the speaker ("Germanwings is the budget carrier") THEN "he said" stays with the speaker', () => {
    const t =
      '"All these safety nets have not worked in this case," Carsten Spohr said. Lubitz had been with Germanwings since 2013. Germanwings is the budget carrier for Lufthansa. After the attacks, cockpit doors were made stronger, so there was "no way to get back to the cockpit for the captain," he said.';
    expect(attribute(t).at(-1)).toMatchObject({ speaker: 'Carsten Spohr' });
  });
});
