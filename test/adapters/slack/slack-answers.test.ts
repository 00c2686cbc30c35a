import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, SlackHarness, textOfBlocks } from './slack-test-kit.js';

const briefings = [
  { slug: 'border-talks', title: 'Border talks resume', body: 'Ministers met on Tuesday. They agreed to resume talks.' },
  { slug: 'harbour-strike', title: 'Harbour workers strike', body: 'Dock workers walked out on Monday. Ships waited offshore.' },
];

/** The wait for the answer in the second harness: short, so that a slow command is quick to make. */
const WITHIN_MS = 100;
/** How long a slow command takes there: far past the wait, even on a busy machine. */
const SLOW_MS = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Slack's view of one slash command: the acknowledgement's body, parsed, or undefined when it was empty. */
function ackOf(sent: { status: number; text: string }): Record<string, unknown> | undefined {
  expect(sent.status).toBe(200);
  return sent.text ? (JSON.parse(sent.text) as Record<string, unknown>) : undefined;
}

describe('Slack slash commands: the answer in the acknowledgement when it is ready in time', () => {
  const h = new SlackHarness({ briefings, users: { U0ADMIN: { name: 'admin', is_admin: true } } });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN a fast command THEN the card is the body of the HTTP answer and nothing is posted to the response_url', async () => {
    const sent = await h.slash('harbour-strike');
    const ack = ackOf(sent);
    expect(ack?.response_type).toBe('ephemeral');
    expect(textOfBlocks(ack?.blocks)).toContain('Harbour workers strike');
    expect(buttonsOf(ack?.blocks).map((b) => b.text)).toContain('Post to channel');
    // The acknowledgement carries what the message shows, not response_url instructions.
    expect(ack).not.toHaveProperty('replace_original');
    await sleep(100);
    expect(h.fake.responsesTo(sent.responseUrl)).toEqual([]);
  });

  it('GIVEN a card asked for the channel THEN the acknowledgement shows it in the channel', async () => {
    const ack = ackOf(await h.slash('harbour-strike public'));
    expect(ack?.response_type).toBe('in_channel');
    expect(textOfBlocks(ack?.blocks)).toContain('Harbour workers strike');
  });

  it('GIVEN an expected failure (an unknown briefing) THEN the private warning is the acknowledgement', async () => {
    const sent = await h.slash('volcano eruption');
    const ack = ackOf(sent);
    expect(ack?.response_type).toBe('ephemeral');
    expect(textOfBlocks(ack?.blocks)).toMatch(/^:warning: .*volcano/);
    await sleep(100);
    expect(h.fake.responsesTo(sent.responseUrl)).toEqual([]);
  });

  it('GIVEN /briefing alone THEN the menu of briefings is the acknowledgement', async () => {
    const ack = ackOf(await h.slash(''));
    expect(ack?.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack?.blocks)).toContain('static_select');
  });

  it('GIVEN a moderator removes a briefing THEN the question to confirm is the acknowledgement', async () => {
    const ack = ackOf(await h.slash('remove border-talks', { user: 'U0ADMIN' }));
    expect(buttonsOf(ack?.blocks).map((b) => b.text)).toEqual(['Remove', 'Cancel']);
    expect(h.moderation.removed).toEqual([]);
  });

  it('GIVEN a moderator adds a briefing THEN the command is acknowledged empty and the form opens', async () => {
    const sent = await h.slash('add', { user: 'U0ADMIN' });
    expect(ackOf(sent)).toBeUndefined();
    await h.fake.waitFor(() => h.fake.callsTo('views.open').find((c) => c.args.trigger_id === sent.triggerId), 5000, 'views.open');
  });

  it("GIVEN a button on a card that came in the acknowledgement THEN its answer goes to the button's response_url", async () => {
    const card = ackOf(await h.slash('harbour-strike'));
    const quotes = buttonsOf(card?.blocks).find((b) => b.text === 'Quotes');
    const pressed = await h.press({ type: 'button', action_id: quotes?.action_id, value: quotes?.value });
    const updated = await h.reply(pressed.responseUrl);
    expect(updated.replace_original).toBe(true);
    expect(updated.response_type).toBe('ephemeral');
  });
});

describe('Slack slash commands: an answer not ready in time', () => {
  const h = new SlackHarness({ briefings, users: { U0ADMIN: { name: 'admin', is_admin: true } }, answerInAckWithinMs: WITHIN_MS });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN a command slower than the wait THEN it is acknowledged empty in time and the answer follows once, on the response_url', async () => {
    h.moderation.delayMs = SLOW_MS;
    try {
      const started = Date.now();
      const sent = await h.slash('history border-talks', { user: 'U0ADMIN' });
      expect(Date.now() - started).toBeLessThan(SLOW_MS);
      expect(ackOf(sent)).toBeUndefined();
      const reply = await h.reply(sent.responseUrl);
      expect(reply.response_type).toBe('ephemeral');
      expect(textOfBlocks(reply.blocks)).toContain('border-talks');
      await sleep(100);
      expect(h.fake.responsesTo(sent.responseUrl)).toHaveLength(1);
    } finally {
      h.moderation.delayMs = 0;
    }
  });

  it('GIVEN a slow command that fails unexpectedly THEN the polite apology follows on the response_url', async () => {
    const history = h.moderation.history.bind(h.moderation);
    h.moderation.history = async () => {
      await sleep(SLOW_MS);
      throw new Error('the database went away');
    };
    try {
      const sent = await h.slash('history border-talks', { user: 'U0ADMIN' });
      expect(ackOf(sent)).toBeUndefined();
      const reply = await h.reply(sent.responseUrl);
      expect(reply.response_type).toBe('ephemeral');
      expect(textOfBlocks(reply.blocks)).toMatch(/Sorry, something went wrong on my side/);
    } finally {
      h.moderation.history = history;
    }
  });
});

describe('Slack slash commands: an answer ready after Bolt has given up on the acknowledgement', () => {
  // A wait longer than Slack's 3 seconds stands in for a process stalled past them: Bolt answers
  // the request itself at 3 s, so the answer can no longer be the acknowledgement.
  const h = new SlackHarness({ briefings, users: { U0ADMIN: { name: 'admin', is_admin: true } }, answerInAckWithinMs: 10_000 });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN the answer comes after 3 seconds without an acknowledgement THEN it is posted to the response_url', async () => {
    h.moderation.delayMs = 3300;
    try {
      const sent = await h.slash('history border-talks', { user: 'U0ADMIN' });
      expect(sent.text).toBe('');
      const reply = await h.reply(sent.responseUrl);
      expect(textOfBlocks(reply.blocks)).toContain('border-talks');
    } finally {
      h.moderation.delayMs = 0;
    }
  });
});

describe('Slack slash commands: a failure outside the commands', () => {
  const h = new SlackHarness({ briefings });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN the library cannot be read for the menu THEN the polite apology is the acknowledgement, privately', async () => {
    h.source.entries = async () => {
      throw new Error('disk gone');
    };
    h.source.add({ slug: 'fresh' });
    const ack = ackOf(await h.slash(''));
    expect(ack?.response_type).toBe('ephemeral');
    expect(textOfBlocks(ack?.blocks)).toMatch(/Sorry, something went wrong on my side/);
  });
});
