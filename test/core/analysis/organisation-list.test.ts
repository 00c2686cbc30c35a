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
