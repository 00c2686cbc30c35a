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

  it('GIVEN any text THEN escaping leaves no "<" or ">" but its own literal marks, and reading it back gives the text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (s, wrapped) => {
        const e = escapeMrkdwn(s, { wrapped });
        expect(e.replace(/<!date\^00000000\^\{_\}\|[*_~`]>/g, '')).not.toMatch(/[<>]/);
        expect(readBack(e)).toBe(strip(s));
      }),
    );
  });

  it('GIVEN text with Slack formatting marks THEN each one that could pair is sent as a literal, and a lone one as it is', () => {
    const text = 'Growth of 2 * 3 * 4 per cent, the snake_case_name field, ~5% to ~7%, and `code` — but one * alone.';
    const out = escapeMrkdwn(text);
    const mark = (m: string) => `<!date^00000000^{_}|${m}>`;
    expect(out).toBe(
      `Growth of 2 ${mark('*')} 3 ${mark('*')} 4 per cent, the snake${mark('_')}case${mark('_')}name field, ${mark('~')}5% to ${mark('~')}7%, and ${mark('`')}code${mark('`')} — but one ${mark('*')} alone.`,
    );
    expect(escapeMrkdwn('one * alone, one _ too')).toBe('one * alone, one _ too');
    expect(escapeMrkdwn('x*', { wrapped: true })).toBe(`x${mark('*')}`);
    expect(readBack(out)).toBe(text);
  });

  it('GIVEN a line that starts with ">" THEN an invisible soft hyphen keeps it from becoming a block quote', () => {
    expect(escapeMrkdwn('> not a quote\nsecond line\n  > nor this')).toBe('\u00ad&gt; not a quote\nsecond line\n  \u00ad&gt; nor this');
  });
});

/** What Slack shows for escaped mrkdwn: literal marks as their fallback, entities decoded, the invisible characters gone. */
function readBack(escaped: string): string {
  return strip(unescapeSlackText(escaped.replace(/<!date\^00000000\^\{_\}\|([*_~`])>/g, '$1')));
}

const strip = (s: string) => s.replace(/[\u2060\u00ad]/g, '');

describe('mrkdwnLink', () => {
  it('GIVEN a URL with Slack link syntax in it THEN the link cannot be broken out of', () => {
    expect(mrkdwnLink('https://a.example/x|y>z', 'Source')).toBe('<https://a.example/x%7Cy%3Ez|Source>');
  });
  it('GIVEN a non-web URL THEN only the label is shown', () => {
    expect(mrkdwnLink('javascript:alert(1)', 'Source <!here>')).toBe('Source &lt;!here&gt;');
  });
});
