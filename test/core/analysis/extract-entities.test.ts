import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analysis/extract-entities.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';
import type { Entities } from '../../../src/core/analysis/types.js';
import type { Participant } from '../../../src/core/briefing/briefing.js';

function entitiesOf(text: string, participants: Participant[] = []): Entities {
  const mentions = findMentions(text, participants);
  return extractEntities(text, mentions, new NameIndex(mentions, participants), participants);
}

describe('extractEntities', () => {
  it('GIVEN a title before a name THEN the person is listed by name with the title as role', () => {
    const e = entitiesOf('Foreign Minister Kang Kyung-wha met reporters in Seoul. Kang said talks would continue.');
    expect(e.people).toEqual([{ name: 'Kang Kyung-wha', role: 'Foreign Minister' }]);
    expect(e.places).toEqual(['Seoul']);
  });

  it('GIVEN capitalised runs whose words the story also uses as common nouns, or that hold an organisation word THEN they are no people', () => {
    const e = entitiesOf("Google's own Transparency Report showed the drop; the report was updated. Malaysia Airlines Flight MH370 vanished. Jeff Rathke said so.");
    expect(e.people.map((p) => p.name)).toEqual(['Jeff Rathke']);
    // A given name keeps a person even when the surname is a common word.
    expect(entitiesOf('Theresa May said she may go. Shay Given saved twice.').people.map((p) => p.name)).toContain('Theresa May');
  });

  it('GIVEN the same story padded past 20,000 characters THEN the common-noun test gives the same people (the long path collects words once)', () => {
    const story = "Google's own Transparency Report showed the drop; the report was updated. Jeff Rathke said so. The O'Brien-style report-card was read.";
    const padding = ' The weather stayed mild all week.'.repeat(700);
    expect(entitiesOf(story + padding).people).toEqual(entitiesOf(story).people);
    expect(entitiesOf(story + padding).people.map((p) => p.name)).toEqual(['Jeff Rathke']);
  });

  it('GIVEN a role written before a surname already listed THEN it folds into that person', () => {
    const e = entitiesOf('"Move quickly," said Charitha Pattiaratchi, a physical oceanographer. Oceanographer Pattiaratchi added that waves were high.');
    expect(e.people.map((p) => p.name)).toEqual(['Charitha Pattiaratchi']);
  });

  it('GIVEN a region and a people\'s adjective ("West African") THEN no person is listed', () => {
    expect(entitiesOf('West African states met. North American fans cheered. Sierra Leone and Liberia reported cases.').people).toEqual([]);
    expect(entitiesOf('Sierra Leone and Liberia reported cases.').places).toEqual(['Sierra Leone', 'Liberia']);
  });

  it('GIVEN "Jamie Silvonek, 14," THEN the person has no role and the age is not taken for one', () => {
    const e = entitiesOf('Jamie Silvonek, 14, was charged on Friday. Silvonek appeared in court in Pennsylvania.');
    expect(e.people).toEqual([{ name: 'Jamie Silvonek', role: null }]);
    expect(e.places).toContain('Pennsylvania');
  });

  it('GIVEN an appositive role THEN it is recorded for the person', () => {
    const e = entitiesOf('Angela Moore, a publicist for Claudette King, said he was resting at home.');
    expect(e.people[0]).toEqual({ name: 'Angela Moore', role: 'publicist for Claudette King' });
  });

  it('GIVEN organisations with typical heads and acronyms THEN they are organisations, not people', () => {
    const e = entitiesOf(
      'The Crown Prosecution Service said the case was closed. Officers from Lancashire Police and staff at Harvard University helped, as did the BBC and Liverpool FC.',
    );
    expect(e.organizations).toEqual(expect.arrayContaining(['Crown Prosecution Service', 'Lancashire Police', 'Harvard University', 'BBC', 'Liverpool FC']));
    expect(e.people).toEqual([]);
  });

  it('GIVEN country aliases and capitals THEN places are canonical and demonyms are not places', () => {
    const e = entitiesOf('Officials in the U.S. and Britain met Japanese diplomats in Tokyo.');
    expect(e.places).toEqual(['United States', 'United Kingdom', 'Tokyo']);
  });

  it('GIVEN "Mr Obama" after "Barack Obama" THEN one person is listed under the fuller name', () => {
    const e = entitiesOf('President Barack Obama spoke on Monday. Mr Obama said the deal was fair.');
    expect(e.people).toEqual([{ name: 'Barack Obama', role: 'President' }]);
  });

  it('GIVEN participants THEN they are people even when the text only uses a short name', () => {
    const e = entitiesOf('Kono asked Seoul for help.', [{ name: 'Taro Kono', role: 'Foreign Minister', side: 'Japan', aliases: ['Kono'] }]);
    expect(e.people).toEqual([{ name: 'Taro Kono', role: 'Foreign Minister' }]);
  });
});

describe('extractEntities: people a reader would list', () => {
  it('GIVEN groups, places glued to names and a title before no name THEN they are not people, while named people are', () => {
    const text =
      'Gordon Brown warned voters before the General Election. SNP MPs would twist arms, he said. The video from Syria Sparks fear among Coptic Christians. Anas Sarwar and Johann Lamont campaigned in Glasgow.';
    const mentions = findMentions(text, []);
    const people = extractEntities(text, mentions, new NameIndex(mentions, [])).people.map((p) => p.name);
    expect(people).toEqual(['Gordon Brown', 'Anas Sarwar', 'Johann Lamont']);
  });
});

describe('extractEntities: short forms of terms are no organisations', () => {
  it('GIVEN a short form defined after lower-case words whose initials it is THEN it is a term, while one defined after capitals stays a body', () => {
    const e = entitiesOf(
      'No case of progressive multifocal leukoencephalopathy (PML) was seen, the Office for National Statistics (ONS) said. PML is rare. Ministers backed qualified majority voting (QMV) and the ONS agreed.',
    );
    expect(e.organizations).toContain('ONS');
    expect(e.organizations).not.toContain('PML');
    expect(e.organizations).not.toContain('QMV');
  });

  it('GIVEN technology short forms (GPRS, USB, RSS, HDTV) THEN none is an organisation, and a firm beside them is', () => {
    const e = entitiesOf('Phones with GPRS and USB ports, RSS feeds and HDTV sets were shown by Nokia, said analyst Ian Fogg.');
    expect(e.organizations).toEqual(['Nokia']);
  });
});

describe('extractEntities: works and firms are no places', () => {
  it('GIVEN film titles and firms read as places THEN they are not places, while a place before "director" stays one', () => {
    const e = entitiesOf(
      'Clint Eastwood won for Million Dollar Baby, shot near A Nightmare On Elm Street sets. Shares in Krispy Kreme fell in Chicago. New Zealand director Peter Jackson flew to Wellington.',
    );
    expect(e.places).not.toContain('Million Dollar Baby');
    expect(e.places).not.toContain('Nightmare On Elm Street');
    expect(e.places).not.toContain('Krispy Kreme');
    expect(e.places).toEqual(expect.arrayContaining(['Chicago', 'New Zealand', 'Wellington']));
  });
});

describe('extractEntities: names of bodies that hold "and" or "for"', () => {
  it('GIVEN a public body named "X and Y <body word>" THEN the whole name is listed, not the part after "and"', () => {
    const texts = [
      'The US Securities and Exchange Commission fined the bank, analyst Joan Reed said.',
      'The Food and Drug Administration approved the pill on Monday.',
      'The Food and Agriculture Organisation warned of famine, and the Travel and Tourism Council agreed.',
    ];
    expect(texts.map((t) => entitiesOf(t).organizations)).toEqual([
      ['Securities and Exchange Commission'],
      ['Food and Drug Administration'],
      ['Food and Agriculture Organisation', 'Travel and Tourism Council'],
    ]);
  });

  it('GIVEN an organisation named "<Institute> for Y" THEN the whole name is listed', () => {
    expect(entitiesOf('The Institute for Supply Management index fell, said economist Ian Shepherdson.').organizations).toEqual(['Institute for Supply Management']);
    expect(entitiesOf('Figures from the Office for National Statistics (ONS) show a rise.').organizations).toEqual(['Office for National Statistics', 'ONS']);
    expect(entitiesOf('A report by the Centre for Economic Policy Research was cited.').organizations).toEqual(['Centre for Economic Policy Research']);
  });

  it('GIVEN two firms joined by "and" THEN each keeps its own name', () => {
    const e = entitiesOf('Ford and General Motors cut jobs, while Continental and American Airlines cut fares.');
    expect(e.organizations).toContain('General Motors');
    expect(e.organizations).toContain('American Airlines');
    expect(e.organizations.some((o) => o.includes(' and '))).toBe(false);
  });
});
