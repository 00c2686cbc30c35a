import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../../src/core/briefing/briefing.js';
import { describeChange, textDelta } from '../../../src/core/briefing/describe-change.js';

const base: Briefing = { slug: 's', title: 'Old title', tags: ['a'], participants: [], body: 'The minister said yes.' };

describe('describeChange', () => {
  it('GIVEN no earlier version THEN it says created, with the title and length', () => {
    expect(describeChange(undefined, base)).toBe(`created: "Old title", ${base.body.length} characters`);
  });

  it('GIVEN a new title, tags and a word replaced THEN each change is named, the body as characters added and removed', () => {
    const after = { ...base, title: 'New title', tags: ['a', 'b'], body: 'The minister said no.' };
    expect(describeChange(base, after)).toBe('title "Old title" → "New title"; tags changed; body +2/-3 characters');
  });

  it('GIVEN the same briefing THEN it says there is no change', () => {
    expect(describeChange(base, { ...base, tags: [...base.tags] })).toBe('no change to the text');
  });
});

describe('textDelta', () => {
  it('GIVEN text appended THEN only the addition counts', () => {
    expect(textDelta('abc', 'abcdef')).toEqual({ added: 3, removed: 0 });
  });

  it('GIVEN a repeated letter removed THEN one character is removed, not more', () => {
    expect(textDelta('aaa', 'aa')).toEqual({ added: 0, removed: 1 });
  });
});
