import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackHarness, textOfBlocks } from './slack-test-kit.js';

type Block = { accessory?: { type: string; action_id: string; options?: unknown[] } };

const topics = ['harbour strike', 'border talks', 'grain prices', 'river floods', 'rail fares', 'school reform'];
const briefings = Array.from({ length: 120 }, (_, i) => {
  const topic = topics[i % topics.length] as string;
  return { slug: `${topic.replace(' ', '-')}-${i}`, title: `${topic} update ${i}`, body: `Report ${i} on ${topic}. More follows.`, published: `2024-01-${String((i % 28) + 1).padStart(2, '0')}` };
});

describe('Slack briefing menu for a library larger than one menu holds', () => {
  const h = new SlackHarness({ briefings });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN more than 100 briefings THEN /briefing offers a type-ahead menu whose suggestions match what is typed, and picking one opens it', async () => {
    const menu = await h.answer(await h.slash(''));
    const select = (menu.blocks as Block[]).find((b) => b.accessory)?.accessory;
    expect(select?.type).toBe('external_select');

    const res = await h.interact({
      type: 'block_suggestion',
      user: { id: 'U0READER', name: 'reader', team_id: 'T0FAKE' },
      team: { id: 'T0FAKE', domain: 'fake' },
      api_app_id: 'A0APP',
      token: 'legacy-verification-token',
      container: { type: 'message_attachment', message_ts: '1.2', channel_id: 'C0NEWS', is_ephemeral: true },
      action_id: select?.action_id,
      block_id: 'b',
      value: 'grain 14',
    });
    expect(res.status).toBe(200);
    const options = (JSON.parse(res.text) as { options: { value: string; text: { text: string } }[] }).options;
    expect(options.length).toBeGreaterThan(0);
    expect(options.length).toBeLessThanOrEqual(100);
    expect(options[0]?.value).toBe('grain-prices-14');
    expect(options.every((o) => o.value.startsWith('grain-prices'))).toBe(true);

    const picked = await h.press({ type: 'external_select', action_id: select?.action_id, selected_option: options[0] });
    const card = await h.reply(picked.responseUrl);
    expect(card.replace_original).toBe(true);
    expect(textOfBlocks(card.blocks)).toContain('grain prices update 14');
  });
});
