import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisInput } from '../../../src/core/analysis/types.js';
import { textReply } from '../../../src/core/render/document.js';
import { ChannelGoneError, RateLimitedError, RefusedPostError, TransientDeliveryError } from '../../../src/ports/delivery-errors.js';
import { fakeAnalysis } from '../../fakes/memory-library.js';
import { expectWithinSlackLimits, textObjects } from './slack-limits.js';
import { buttonsOf, SIGNING_SECRET, SlackHarness, sendSigned, sentencesAnalysis, signatureOf, textOfBlocks } from './slack-test-kit.js';

const HOSTILE_BODY = 'Click <https://evil.example|your bank> now. Hi <!here> and <@U0ADMIN> and <!subteam^S0TEAM>. Also @channel and @here, wake up & read.';

/** A long sentence of ordinary words, numbered so each can be found again. */
const sentence = (n: number, words = 40) => `Sentence ${n} ${Array.from({ length: words }, (_, i) => `word${(n * 7 + i) % 97}`).join(' ')}.`;
const HUGE_BODY = Array.from({ length: 400 }, (_, n) => sentence(n, 14)).join(' ');

function analyze(input: AnalysisInput) {
  const base = sentencesAnalysis(input);
  if (input.text === HOSTILE_BODY) {
    return fakeAnalysis({
      ...base,
      quotes: [{ text: '<!everyone> come & see', speaker: '<@U0ADMIN|boss>', confidence: 0.9, cue: 'said-after', key: true, sentence: 0 }],
      issues: [{ topic: '<#C0GENERAL>', stance: 'disagreement', positions: [{ party: '<!channel>', position: '<https://evil.example|terms>' }], sentences: [0] }],
    });
  }
  if (input.text === HUGE_BODY) {
    return fakeAnalysis({
      ...base,
      summary: [sentence(1000, 500), sentence(1001, 500), sentence(1002, 500)],
      quotes: Array.from({ length: 40 }, (_, i) => ({ text: sentence(2000 + i, 300), speaker: `Speaker ${i}`, confidence: 0.8, cue: 'said-after', key: i < 3, sentence: i })),
      issues: Array.from({ length: 30 }, (_, i) => ({ topic: `topic number ${i}`, stance: 'mixed' as const, positions: [{ party: `Party ${i}`, position: sentence(3000 + i, 250) }], sentences: [i] })),
    });
  }
  return base;
}

describe('Slack safety: escaping, Block Kit limits, signatures, rate limits', () => {
  const h = new SlackHarness({
    analyze,
    briefings: [
      { slug: 'hostile', title: 'Alert <!channel> & @here', source: '<!here> Wire', url: 'https://news.example/a|b>c', body: HOSTILE_BODY },
      { slug: 'huge', title: `A very long title ${'that goes on '.repeat(20)}`, body: HUGE_BODY },
      { slug: 'plain', title: 'Plain', body: 'Nothing special happened. Then it ended.' },
      { slug: 'q-and-a', title: 'Q&A: Tom & Jerry <live> at 3>2', body: 'Tom & Jerry met. Then it ended.' },
    ],
  });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN a title with &, < and > THEN the header, buttons and menu show it as written (plain_text is not decoded) and mrkdwn escapes it', async () => {
    const card = await h.answer(await h.slash('q-and-a'));
    const plain = textObjects(card.blocks).filter((t) => t.type === 'plain_text');
    expect(plain[0]?.text).toBe('Q&A: Tom & Jerry <live> at 3>2');
    for (const t of plain) expect(t.text).not.toMatch(/&(amp|lt|gt);/);
    // The notification text is mrkdwn: escaped there.
    expect(card.text).toBe('Q&amp;A: Tom &amp; Jerry &lt;live&gt; at 3&gt;2');
    expect(textObjects(card.blocks).filter((t) => t.type === 'mrkdwn').map((t) => t.text).join('\n')).toContain('Tom &amp; Jerry met.');
    const menu = await h.answer(await h.slash(''));
    expect(JSON.stringify(menu.blocks)).toContain('"text":"Q&A: Tom & Jerry <live> at 3>2"');
  });

  it('GIVEN hostile text in a briefing THEN nothing in the reply can ping, mention or forge a link', async () => {
    for (const section of ['', ' quotes', ' issues', ' full']) {
      const reply = await h.answer(await h.slash(`hostile${section}`));
      // plain_text is shown as written: Slack parses no mention or link in it (the header shows "<!channel>").
      const texts = [String(reply.text), ...textObjects(reply.blocks).filter((t) => t.type === 'mrkdwn').map((t) => t.text)];
      for (const t of textObjects(reply.blocks).filter((o) => o.type === 'plain_text')) expect(t.text).not.toMatch(/@(channel|here|everyone)\b/);
      for (const t of texts) {
        // The only link is the one built from the briefing's own URL, percent-encoded.
        const links = t.match(/<[^>]*>/g) ?? [];
        expect(links.filter((l) => l !== '<https://news.example/a%7Cb%3Ec|Source>')).toEqual([]);
        expect(t).not.toMatch(/@(channel|here|everyone)\b/);
      }
      for (const t of textObjects(reply.blocks).filter((o) => o.type === 'mrkdwn')) expect(t.verbatim).toBe(true);
      const all = texts.join('\n');
      expect(all).toContain('&lt;!here&gt;');
      if (section === '') expect(all).toContain('&lt;!everyone&gt; come &amp; see');
      if (section === ' issues') expect(all).toContain('&lt;!channel&gt;: &lt;https://evil.example|terms&gt;');
    }
  });

  it('GIVEN an oversized briefing THEN every message fits Block Kit, is cut at a sentence, and "Show the rest" reaches the end', async () => {
    const first = await h.answer(await h.slash('huge issues'));
    expectWithinSlackLimits(first);
    const card = await h.answer(await h.slash('huge'));
    expectWithinSlackLimits(card);
    expect(((card.blocks as { text: { text: string } }[])[0]?.text.text ?? '').length).toBeLessThanOrEqual(150);
    const summary = textObjects(card.blocks).find((t) => t.text.startsWith('Sentence 1000'));
    expect(summary?.text).toMatch(/\.\.\.$/);

    // Follow "Show the rest" until the card has been read to its end.
    const pages = [card];
    for (let more = buttonsOf(card.blocks).find((b) => b.text === 'Show the rest'); more; ) {
      const pressed = await h.press({ type: 'button', action_id: more.action_id, value: more.value });
      const page = await h.reply(pressed.responseUrl);
      expectWithinSlackLimits(page);
      expect(page.replace_original).toBe(false);
      pages.push(page);
      more = buttonsOf(page.blocks).find((b) => b.text === 'Show the rest');
      expect(pages.length).toBeLessThan(15);
    }
    expect(pages.length).toBeGreaterThan(1);
    const read = pages.map((p) => textOfBlocks(p.blocks)).join('\n');
    for (const n of [1000, 1001, 1002]) expect(read).toContain(sentence(n, 500).slice(-60));
    expect(read).toContain('Speaker 2');
    expect(read).toContain('*Topic number 9 · mixed*');
  });

  it('GIVEN a forged, re-signed, tampered or stale request THEN Bolt answers 401 and runs nothing', async () => {
    const before = h.fake.responses.length;
    const body = new URLSearchParams({ command: '/briefing', text: 'plain', user_id: 'U0READER', user_name: 'reader', channel_id: 'C0NEWS', team_id: 'T0FAKE', response_url: h.fake.responseUrl(), trigger_id: 't' }).toString();
    const now = Math.floor(Date.now() / 1000);
    expect((await sendSigned(h.url, body, { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await sendSigned(h.url, body, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await sendSigned(h.url, body, { timestamp: now - 10 * 60 })).status).toBe(401);
    expect((await sendSigned(h.url, `${body}&x=1`, { signature: signatureOf(SIGNING_SECRET, now, body), timestamp: now })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responses.length).toBe(before);
    // The same request, correctly signed, is served: the refusals above were about the signature.
    expect((await sendSigned(h.url, body)).status).toBe(200);
  });

  it('GIVEN Slack answers a post 429 with Retry-After THEN post() hands the wait to the delivery queue at once, and posts nothing twice', async () => {
    h.fake.rateLimit('chat.postMessage', 2);
    const before = h.fake.callsTo('chat.postMessage').length;
    const limited = await h.platform.post('C0DIGEST', textReply('Today in briefings.', { title: 'Digest' })).catch((e: unknown) => e);
    // The queue waits the Retry-After within the platform's limits and tries again (its own tests); the client does not.
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ retryAfterMs: 2000 });
    expect(h.fake.callsTo('chat.postMessage').slice(before)).toHaveLength(1);
    await h.platform.post('C0DIGEST', textReply('Today in briefings.', { title: 'Digest' }));
    expect(h.fake.callsTo('chat.postMessage').slice(before)).toHaveLength(2);
  });

  it('GIVEN a digest too long for one message THEN post() sends several messages, all within limits, losing nothing', async () => {
    const sections = Array.from({ length: 40 }, (_, i) => ({ title: `Story ${i}`, blocks: [{ kind: 'text' as const, text: Array.from({ length: 10 }, (_, j) => sentence(i * 100 + j, 20)).join(' ') }] }));
    const before = h.fake.callsTo('chat.postMessage').length;
    await h.platform.post('C0DIGEST', { title: 'Daily digest', sections, actions: [{ label: 'Open story 0', command: '/briefing story-0' }], visibility: 'public' });
    const calls = h.fake.callsTo('chat.postMessage').slice(before);
    expect(calls.length).toBeGreaterThan(1);
    for (const c of calls) expectWithinSlackLimits(c.args);
    const text = calls.map((c) => textOfBlocks(c.args.blocks)).join('\n');
    for (let i = 0; i < 40; i++) for (let j = 0; j < 10; j++) expect(text).toContain(sentence(i * 100 + j, 20).slice(-40));
    expect(buttonsOf(calls.at(-1)?.args.blocks).map((b) => b.text)).toEqual(['Open story 0']);
    expect(buttonsOf(calls[0]?.args.blocks)).toEqual([]);
  });

  it('GIVEN a digest channel that is gone or a Slack outage THEN post() says so in the terms the delivery queue understands', async () => {
    h.fake.fail('chat.postMessage', { error: 'channel_not_found' });
    const gone = await h.platform.post('C0GONE', textReply('x')).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ChannelGoneError);
    expect(gone).toMatchObject({ channelId: 'C0GONE', reason: 'channel_not_found' });

    // An outage: posts are not retried inside the Web API client; the queue retries later.
    h.fake.fail('chat.postMessage', { status: 503 }, 1);
    expect(await h.platform.post('C0NEWS', textReply('x')).catch((e: unknown) => e)).toBeInstanceOf(TransientDeliveryError);

    h.fake.fail('chat.postMessage', { error: 'invalid_blocks' });
    const other = await h.platform.post('C0NEWS', textReply('x')).catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(ChannelGoneError);
    expect(other).not.toBeInstanceOf(TransientDeliveryError);
    // What /digest status shows the channel's members: Slack's own word, not the client's error text.
    expect(other).toBeInstanceOf(RefusedPostError);
    expect((other as Error).message).toBe('Slack answered invalid_blocks');
  });
});
