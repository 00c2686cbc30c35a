import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, mrkdwnLink, unescapeSlackText } from '../../../src/adapters/slack/escape-mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('GIVEN special mentions and links THEN none survives as Slack syntax', () => {
    const out = escapeMrkdwn('<!channel> <!here> <!subteam^S1> <@U1> <#C1> <https://evil.example|bank> a & b');
    expect(out).not.toMatch(/[<>]/);
    expect(out).toBe('&lt;!channel&gt; &lt;!here&gt; &lt;!subteam^S1&gt; &lt;@U1&gt; &lt;#C1&gt; &lt;https://evil.example|bank&gt; a &amp; b');
  });

  it('GIVEN plain-text broadcasts THEN they stay readable but are no longer "@channel"', () => {
    const out = escapeMrkdwn('Hey @channel, @here and @everyone!');
    expect(out).not.toMatch(/@(channel|here|everyone)\b/);
    expect(out.replace(/\u2060/g, '')).toBe('Hey @channel, @here and @everyone!');
  });

  it('GIVEN any text THEN escaping never leaves a "<" or ">" and unescaping restores it (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeMrkdwn(s);
        expect(e).not.toMatch(/[<>]/);
        expect(unescapeSlackText(e).replace(/\u2060/g, '')).toBe(s.replace(/\u2060/g, ''));
      }),
    );
  });
});

describe('mrkdwnLink', () => {
  it('GIVEN a URL with Slack link syntax in it THEN the link cannot be broken out of', () => {
    expect(mrkdwnLink('https://a.example/x|y>z', 'Source')).toBe('<https://a.example/x%7Cy%3Ez|Source>');
  });
  it('GIVEN a non-web URL THEN only the label is shown', () => {
    expect(mrkdwnLink('javascript:alert(1)', 'Source <!here>')).toBe('Source &lt;!here&gt;');
  });
});
