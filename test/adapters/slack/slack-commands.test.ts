import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, SlackHarness, textOfBlocks } from './slack-test-kit.js';

const STORY =
  'Ministers from two neighbouring countries met in the capital on Tuesday. They agreed to resume regular talks. ' +
  'Fishing quotas remained the main point of friction. Officials said more meetings would follow.';

describe('Slack slash commands through the real Bolt app', () => {
  const h = new SlackHarness({
    briefings: [
      { slug: 'border-talks', title: 'Border talks resume', source: 'Wire', published: '2024-03-01', tags: ['diplomacy'], body: STORY },
      { slug: 'harbour-strike', title: 'Harbour workers strike', tags: ['labour'], body: 'Dock workers walked out on Monday. Ships waited offshore.' },
    ],
  });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN /briefing <slug> THEN it acks at once and answers on the response_url with a Block Kit card', async () => {
    const started = Date.now();
    const res = await h.slash('border-talks');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const reply = await h.reply(res.responseUrl);
    expect(reply.response_type).toBe('ephemeral');
    const blocks = reply.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Border talks resume' } });
    const text = textOfBlocks(blocks);
    expect(text).toContain('Wire · 2024-03-01');
    expect(text).toContain('*Summary*');
    expect(text).toContain('They agreed to resume regular talks.');
    const labels = buttonsOf(blocks).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['Summary', 'Quotes', 'Issues', 'Full text', 'Post to channel']));
  });
});
