import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasStatingVerb } from '../../../src/core/analysis/extract-issues.js';
import { tokenText } from './token-pieces.js';

describe('hasStatingVerb', () => {
  it('GIVEN any text THEN it agrees with the lookbehind regex it replaces', () => {
    const spec = /(?<!\b(?:is|are|was|were|be|been|being)\s+)\b(?:says?|said|insist(?:s|ed)?|believes?|wants?|claim(?:s|ed)?|argue[sd]?|admit(?:s|ted)?|plead(?:s|ed)?|pled|order(?:s|ed)|rule[sd]|rule(?=\s+out\b)|promise[sd]?|pledge[sd]?|warn(?:s|ed)?|told|tells?|questioned|maintain(?:s|ed)|stress(?:es|ed)|acknowledg(?:es|ed)|conced(?:es|ed)|recommend(?:s|ed)|announce[sd]?|defend(?:s|ed)|add(?:ed|s)(?=\s+that\b)|repl(?:ied|ies)|suggest(?:s|ed)|point(?:s|ed)(?=\s+out\b)|outline[sd]|complain(?:s|ed)|derided|derides|describe[sd]|found(?=\s(?:[^.,;]{0,40}\s)?guilty\b))\b/;
    const pieces = fc.constantFrom('said', 'says', 'say', 'told', 'questioned', 'maintains', 'stressed', 'acknowledges', 'conceded', 'recommend', 'recommends', 'announced', 'announces', 'announcement', 'found', 'guilty', 'not', 'him', 'tells', 'pled', 'ordered', 'order', 'ruled', 'rule', 'out', 'defended', 'defends', 'added', 'adds', 'that', 'replied', 'suggested', 'pointed', 'points', 'outlined', 'complained', 'derided', 'described', 'warn', 'is', 'was', 'be', 'been', 'being', 'are', 'were', 'this', 'maybe', 'obeing', 'x', '_', '1', 'é', ' ', '  ', '\n', '\u00a0', '\u3000', '\ufeff', ',', '.', "'", 'Said', 'IS');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        expect(hasStatingVerb(text)).toBe(spec.test(text));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(tokenText, (text) => {
        expect(hasStatingVerb(text)).toBe(spec.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});
