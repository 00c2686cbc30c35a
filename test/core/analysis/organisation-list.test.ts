import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analysis/extract-entities.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';

describe('organisations: short forms of things', () => {
  const orgsOf = (text: string): string[] => {
    const mentions = findMentions(text);
    return extractEntities(text, mentions, new NameIndex(mentions)).organizations;
  };

  it('GIVEN capitalised short forms of things and state codes THEN they are no organisations, while real bodies stay', () => {
    const text = 'The CEO told CNN that the TV deal was worth more than the firm\'s GDP. NASA and the FBI said the DNA test from Austin, TX was clear.';
    const orgs = orgsOf(text);
    for (const thing of ['CEO', 'TV', 'GDP', 'DNA', 'TX']) expect(orgs).not.toContain(thing);
    for (const body of ['CNN', 'NASA', 'FBI']) expect(orgs).toContain(body);
  });

  it('GIVEN a common word shouted for emphasis that the text also writes in lower case THEN it is no organisation', () => {
    const orgs = orgsOf('He wrote FAMILY across the wall. His family said the UNICEF letter moved them.');
    expect(orgs).not.toContain('FAMILY');
  });
});

describe('organisations: names that words of events, captions or places hide', () => {
  const orgsOf = (text: string): string[] => {
    const mentions = findMentions(text);
    return extractEntities(text, mentions, new NameIndex(mentions)).organizations;
  };

  it('GIVEN "Amnesty International", "CARE International", "International Animal Rescue" THEN each is an organisation', () => {
    const orgs = orgsOf('Amnesty International and CARE International sent teams. United Kingdom-based International Animal Rescue came too.');
    expect(orgs).toEqual(expect.arrayContaining(['Amnesty International', 'CARE International', 'International Animal Rescue']));
  });

  it('GIVEN "International" in a title or an event THEN no organisation is made of it', () => {
    const orgs = orgsOf("International Development Secretary Priti Patel spoke on International Women's Day.");
    expect(orgs.some((o) => o.includes('International'))).toBe(false);
  });

  it('GIVEN "Human Rights Watch" and "USA Today" THEN their last word stays, but "Apple Watch" is no organisation', () => {
    const orgs = orgsOf('Human Rights Watch told USA Today that the Apple Watch was used to track activists.');
    expect(orgs).toEqual(expect.arrayContaining(['Human Rights Watch', 'USA Today']));
    expect(orgs).not.toContain('Apple Watch');
    expect(orgs).not.toContain('Human Rights');
  });

  it('GIVEN "St. Louis-based Survivors Network" THEN the organisation is listed without the place it is based in', () => {
    const orgs = orgsOf('The St. Louis-based Survivors Network and the Thailand-based U.N. office both asked questions.');
    expect(orgs).toContain('Survivors Network');
    expect(orgs.some((o) => o.includes('-based'))).toBe(false);
  });
});

describe('organisations: political parties under one name', () => {
  const orgsOf = (text: string): string[] => {
    const mentions = findMentions(text);
    return extractEntities(text, mentions, new NameIndex(mentions)).organizations;
  };

  it('GIVEN "the Tories", "Tory", "Conservatives", "Labour", "New Labour" and "Lib Dems" THEN one entry a party', () => {
    const orgs = orgsOf(
      'The Tories said Labour had failed. Tory leader Michael Howard said the Conservatives would cut taxes. New Labour is dead, said the Lib Dems, and the Liberal Democrats agreed.',
    );
    expect(orgs.filter((o) => /Tor|Conservative/.test(o))).toEqual(['Conservative Party']);
    expect(orgs.filter((o) => /Labour/.test(o))).toEqual(['Labour Party']);
    expect(orgs.filter((o) => /Lib/.test(o))).toEqual(['Liberal Democrats']);
  });

  it('GIVEN "Republicans" and "Democrats" in US copy THEN the parties are named in full', () => {
    expect(orgsOf('Republicans in the Senate blocked the bill, and Democrats vowed to try again.')).toEqual(expect.arrayContaining(['Republican Party', 'Democratic Party']));
  });

  it('GIVEN a time zone, an office or an illness in capitals (GMT, PM, MEP, BSE) THEN no organisation', () => {
    const orgs = orgsOf('The vote closes at 2200 GMT, the PM said. One MEP warned of BSE. The NHS and the BBC reported it.');
    for (const thing of ['GMT', 'PM', 'MEP', 'BSE']) expect(orgs).not.toContain(thing);
    for (const body of ['NHS', 'BBC']) expect(orgs).toContain(body);
  });
});
