import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Operations } from '../../../src/http/operations.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { buttonsOf, SlackHarness, textOfBlocks } from './slack-test-kit.js';

const briefings = [{ slug: 'harbour-strike', title: 'Harbour workers strike', body: 'Dock workers walked out on Monday. Ships waited offshore.' }];

describe('Slack over HTTP: one port for Slack and the routes others add', () => {
  const h = new SlackHarness({ briefings });
  beforeAll(async () => {
    h.beforeStart = (platform) => {
      platform.addRoute({ path: '/healthz', method: 'GET', handler: (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n') });
    };
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN a route added before start THEN it is served on the same port as /slack/events', async () => {
    expect(h.platform.isReady()).toBe(true);
    const health = await fetch(h.url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok\n');
    expect((await h.slash('list')).status).toBe(200);
  });

  it('GIVEN the platform has started THEN adding a route is refused loudly', () => {
    expect(() => h.platform.addRoute({ path: '/late', method: 'GET', handler: () => {} })).toThrow(/before start/);
  });
});

describe('Slack in Socket Mode', () => {
  const h = new SlackHarness({ briefings, socketMode: true });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN an app token THEN the app connects through apps.connections.open and answers slash commands in their acknowledgement over the socket', async () => {
    expect(h.fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-fake-app-token');
    expect(h.platform.isReady()).toBe(true);
    const responseUrl = h.fake.responseUrl();
    const ack = await h.fake.sendEnvelope('slash_commands', {
      command: '/briefing',
      text: 'harbour-strike',
      user_id: 'U0READER',
      user_name: 'reader',
      channel_id: 'C0NEWS',
      channel_name: 'news',
      team_id: 'T0FAKE',
      api_app_id: 'A0APP',
      response_url: responseUrl,
      trigger_id: 'trigger-socket',
    });
    expect(ack.envelope_id).toMatch(/^env-/);
    // The card is the acknowledgement's payload, as over HTTP; nothing goes to the response_url.
    const card = ack.payload as Record<string, unknown>;
    expect(card.response_type).toBe('ephemeral');
    expect(textOfBlocks(card.blocks)).toContain('Harbour workers strike');
    expect(h.fake.responsesTo(responseUrl)).toHaveLength(0);

    const quotes = buttonsOf(card.blocks).find((b) => b.text === 'Quotes');
    const pressUrl = h.fake.responseUrl();
    await h.fake.sendEnvelope('interactive', {
      type: 'block_actions',
      user: { id: 'U0READER', username: 'reader', name: 'reader', team_id: 'T0FAKE' },
      team: { id: 'T0FAKE', domain: 'fake' },
      api_app_id: 'A0APP',
      container: { type: 'message', message_ts: '1.2', channel_id: 'C0NEWS', is_ephemeral: true },
      channel: { id: 'C0NEWS', name: 'news' },
      response_url: pressUrl,
      trigger_id: 'trigger-socket-2',
      actions: [{ type: 'button', block_id: 'b', action_ts: '1.3', action_id: quotes?.action_id, value: quotes?.value }],
    });
    const updated = await h.reply(pressUrl);
    expect(updated.replace_original).toBe(true);
    expect(textOfBlocks(updated.blocks)).toContain('*Quotes*');
  });

  it('GIVEN Slack drops the socket THEN the platform is not ready until it has reconnected', async () => {
    const opened = h.fake.callsTo('apps.connections.open').length;
    h.fake.dropSockets();
    await h.fake.waitFor(() => (h.platform.isReady() ? undefined : true), 5000, 'not ready');
    await h.fake.waitFor(() => (h.platform.isReady() ? true : undefined), 15000, 'ready again');
    expect(h.fake.callsTo('apps.connections.open').length).toBeGreaterThan(opened);
    expect(h.fake.socketCount()).toBe(1);
  });
});

describe('Slack in Socket Mode beside the health routes', () => {
  const h = new SlackHarness({ briefings, socketMode: true });
  let ops: Operations;
  let serving: Promise<void> | undefined;
  beforeAll(async () => {
    ops = new Operations({ port: 0, host: '127.0.0.1', logger: silentLogger, processMetrics: false });
    h.beforeStart = (platform) => void (serving = ops.serve([platform], true));
    await h.start();
    await serving;
  });
  afterAll(async () => {
    await h.stop();
    await ops.stopServer();
  });

  it('GIVEN Socket Mode THEN /healthz, /readyz and /metrics are served on HTTP_HOST, not by the Slack SDK on every interface (which ignored it)', async () => {
    // Slack's Socket Mode receiver listens on all interfaces for the routes given to it, whatever HTTP_HOST says.
    expect(ops.port()).toBeDefined();
    const res = await fetch(`http://127.0.0.1:${ops.port()}/readyz`);
    expect(res.status).toBe(200);
  });
});
