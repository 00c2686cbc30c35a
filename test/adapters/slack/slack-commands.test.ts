import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisInput } from '../../../src/core/analysis/types.js';
import { commandKey } from '../../../src/core/commands/command-data.js';
import { loadCommands } from '../../../src/dispatch/load-commands.js';
import { fakeAnalysis } from '../../fakes/memory-library.js';
import { buttonsOf, SlackHarness, sentencesAnalysis, textOfBlocks } from './slack-test-kit.js';

const STORY =
  'Ministers from two neighbouring countries met in the capital on Tuesday. They agreed to resume regular talks. ' +
  '"We will meet again in May," said Ana Ruiz. Fishing quotas remained the main point of friction.';

/** The engine stand-in: quotes and issues for the story, plain summaries for the rest. */
function analyze(input: AnalysisInput) {
  const base = sentencesAnalysis(input);
  if (input.text !== STORY) return base;
  return fakeAnalysis({
    ...base,
    quotes: [{ text: 'We will meet again in May', speaker: 'Ana Ruiz', confidence: 0.9, cue: 'said-after', key: true, sentence: 2 }],
    issues: [
      { topic: 'fishing quotas', stance: 'disagreement', positions: [{ party: 'Northland', position: 'wants larger quotas' }, { party: 'Southland', position: 'wants a freeze' }], sentences: [3] },
      { topic: 'regular talks', stance: 'agreement', positions: [], sentences: [1] },
    ],
  });
}

type Block = { type: string; text?: { text: string }; accessory?: { type: string; action_id: string; options: { value: string; text: { text: string } }[] } };

describe('Slack slash commands through the real Bolt app', () => {
  const h = new SlackHarness({
    analyze,
    users: { U0ADMIN: { name: 'admin', is_admin: true } },
    briefings: [
      { slug: 'border-talks', title: 'Border talks resume', source: 'Wire', published: '2024-03-01', tags: ['diplomacy'], body: STORY },
      { slug: 'harbour-strike', title: 'Harbour workers strike', published: '2024-02-01', tags: ['labour'], body: 'Dock workers walked out on Monday. Ships waited offshore.' },
    ],
  });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN the app starts THEN it checks its token with auth.test', () => {
    expect(h.fake.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);
    expect(h.fake.callsTo('auth.test')[0]?.token).toBe('xoxb-fake-bot-token-for-tests');
  });

  it("GIVEN /briefing <slug> THEN it answers within Slack's 3 seconds with a Block Kit card", async () => {
    const started = Date.now();
    const res = await h.slash('border-talks');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const reply = await h.answer(res);
    expect(reply.response_type).toBe('ephemeral');
    const blocks = reply.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Border talks resume' } });
    const text = textOfBlocks(blocks);
    expect(text).toContain('Wire · 2024-03-01');
    expect(text).toContain('*Summary*');
    expect(text).toContain('They agreed to resume regular talks.');
    expect(text).toContain('> “We will meet again in May”\n> — *Ana Ruiz*');
    expect(text).toContain('*Fishing quotas · disagreed*\nNorthland: wants larger quotas\nSouthland: wants a freeze');
    expect(text).toContain('*Regular talks · agreed*');
    const labels = buttonsOf(blocks).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['Summary', 'Quotes', 'Issues', 'Full text', 'Post to channel']));
  });

  it('GIVEN a section word THEN only that section is shown', async () => {
    const res = await h.slash('border talks quotes');
    const text = textOfBlocks((await h.answer(res)).blocks);
    expect(text).toContain('*Quotes*');
    expect(text).toContain('Ana Ruiz');
    expect(text).not.toContain('*Summary*');
    const issues = textOfBlocks((await h.answer(await h.slash('border-talks issues'))).blocks);
    expect(issues).toContain('Northland: wants larger quotas');
    expect(issues).not.toContain('We will meet again');
  });

  it('GIVEN /briefing list with and without a tag THEN it lists the matching briefings', async () => {
    const all = textOfBlocks((await h.answer(await h.slash('list'))).blocks);
    expect(all).toContain('Border talks resume');
    expect(all).toContain('Harbour workers strike');
    const tagged = textOfBlocks((await h.answer(await h.slash('list labour'))).blocks);
    expect(tagged).toContain('Harbour workers strike');
    expect(tagged).not.toContain('Border talks resume');
  });

  it('GIVEN /briefing search <words> THEN the matching briefing comes first with a button to open it', async () => {
    const reply = await h.answer(await h.slash('search dock workers'));
    const text = textOfBlocks(reply.blocks);
    expect(text).toContain('Harbour workers strike');
    expect(buttonsOf(reply.blocks)[0]).toMatchObject({ value: '/briefing harbour-strike' });
  });

  it('GIVEN /briefing help THEN every /briefing subcommand is described', async () => {
    const text = textOfBlocks((await h.answer(await h.slash('help'))).blocks);
    for (const sub of ['list', 'search', 'help']) expect(text).toContain(`/briefing ${sub}`);
  });

  it('GIVEN an unknown briefing THEN the answer is a private warning naming it', async () => {
    const reply = await h.answer(await h.slash('volcano eruption'));
    expect(reply.response_type).toBe('ephemeral');
    expect(textOfBlocks(reply.blocks)).toMatch(/^:warning: .*volcano/);
  });

  it('GIVEN /briefing with no text THEN a menu of briefings appears, and choosing one replaces it with the card', async () => {
    const menu = await h.answer(await h.slash(''));
    const select = (menu.blocks as Block[]).find((b) => b.accessory?.type === 'static_select')?.accessory;
    expect(select?.options.map((o) => o.value)).toEqual(['border-talks', 'harbour-strike']);
    const chosen = await h.press({ type: 'static_select', action_id: select?.action_id, selected_option: select?.options[1] });
    expect(chosen.status).toBe(200);
    const card = await h.reply(chosen.responseUrl);
    expect(card.replace_original).toBe(true);
    expect((card.blocks as Block[])[0]?.text?.text).toBe('Harbour workers strike');
  });

  it('GIVEN a section button on my private card THEN the card changes in place', async () => {
    const card = await h.answer(await h.slash('border-talks'));
    const quotes = buttonsOf(card.blocks).find((b) => b.text === 'Quotes');
    const pressed = await h.press({ type: 'button', action_id: quotes?.action_id, value: quotes?.value });
    const updated = await h.reply(pressed.responseUrl);
    expect(updated.replace_original).toBe(true);
    expect(updated.response_type).toBe('ephemeral');
    expect(textOfBlocks(updated.blocks)).toContain('*Quotes*');
    expect(textOfBlocks(updated.blocks)).not.toContain('*Summary*');
  });

  it('GIVEN "Post to channel" THEN the card is posted for the channel, without that button', async () => {
    const card = await h.answer(await h.slash('border-talks'));
    const post = buttonsOf(card.blocks).find((b) => b.text === 'Post to channel');
    expect(post?.style).toBe('primary');
    const pressed = await h.press({ type: 'button', action_id: post?.action_id, value: post?.value });
    const posted = await h.reply(pressed.responseUrl);
    expect(posted.response_type).toBe('in_channel');
    expect(posted.replace_original).toBe(false);
    expect(buttonsOf(posted.blocks).map((b) => b.text)).not.toContain('Post to channel');
  });

  it('GIVEN a button on a card posted in the channel THEN only the presser gets the answer and the posted card stays', async () => {
    const pressed = await h.press({ type: 'button', action_id: 'briefbot:run:1', value: '/briefing border-talks issues' }, { ephemeral: false });
    const answer = await h.reply(pressed.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.replace_original).toBe(false);
  });

  it("GIVEN one app serving two workspaces THEN each workspace's /digest list and status show only its own channels, times and moderators", async () => {
    const digest = async (text: string, team: string, channel: string, user = 'U0ADMIN', userName = 'admin') =>
      textOfBlocks((await h.answer(await h.slash(text, { command: '/digest', team, channel, user, userName }))).blocks);
    expect(await digest('subscribe at 06:10', 'T0ONE', 'C0ONE')).not.toMatch(/another server or workspace/);
    expect(await digest('subscribe at 21:50', 'T0TWO', 'C0TWO')).not.toMatch(/another server or workspace/);
    expect((await h.digestStore.listSubscriptions()).map((s) => [s.channelId, s.scope])).toEqual([
      ['C0ONE', 'T0ONE'],
      ['C0TWO', 'T0TWO'],
    ]);
    for (const sub of ['list', 'status']) {
      const two = await digest(sub, 'T0TWO', 'C0ELSE', 'U0READER', 'reader');
      expect(two, sub).toContain('C0TWO');
      expect(two, sub).toContain('21:50');
      expect(two, sub).not.toContain('C0ONE');
      expect(two, sub).not.toContain('06:10');
      const one = await digest(sub, 'T0ONE', 'C0ELSE', 'U0READER', 'reader');
      expect(one, sub).toContain('C0ONE');
      expect(one, sub).not.toContain('C0TWO');
      expect(one, sub).not.toContain('21:50');
    }
    // A moderator of the second workspace naming the first one's channel changes nothing there.
    for (const text of ['unsubscribe <#C0ONE>', 'subscribe <#C0ONE> at 03:00', 'send-now <#C0ONE>']) {
      expect(await digest(text, 'T0TWO', 'C0TWO'), text).toMatch(/another server or workspace.*Nothing was changed/s);
    }
    expect(await h.digestStore.getSubscription('slack', 'C0ONE')).toMatchObject({ scope: 'T0ONE', minuteOfDay: 6 * 60 + 10 });
    for (const [team, channel] of [['T0ONE', 'C0ONE'], ['T0TWO', 'C0TWO']] as const) await digest('unsubscribe', team, channel);
  });

  it('GIVEN a digest in a channel THEN /digest list and status link the channel as Slack does (<#C0NEWS>), so members see its name, not a raw id', async () => {
    const answer = async (text: string) => (await h.answer(await h.slash(text, { command: '/digest', team: 'T0ONE', channel: 'C0NEWS', user: 'U0ADMIN', userName: 'admin' }))).blocks as Block[];
    await answer('subscribe at 07:45');
    for (const sub of ['list', 'status']) {
      const text = textOfBlocks(await answer(sub));
      expect(text, sub).toContain('<#C0NEWS>');
      expect(text, sub).not.toContain('channel C0NEWS');
    }
    await answer('unsubscribe');
  });

  it('GIVEN thirty digests in a workspace THEN /digest status pages through them with Next, each page one Slack message within its 50 blocks', async () => {
    const ids = Array.from({ length: 30 }, (_, k) => `C0PAGE${String(k).padStart(2, '0')}`);
    for (const channelId of ids) {
      await h.digestStore.upsertSubscription(
        { platform: 'slack', channelId, scope: 'T0ONE', minuteOfDay: 480, timeZone: 'Europe/London', days: [1, 2, 3, 4, 5], tags: ['diplomacy'], style: 'full', noteWhenEmpty: false, createdBy: 'admin', createdById: 'U0ADMIN' },
        new Date(),
      );
    }
    const seen = new Set<string>();
    let text = 'status';
    for (let page = 1; page <= 10; page++) {
      const blocks = (await h.answer(await h.slash(text, { command: '/digest', team: 'T0ONE', channel: 'C0ELSE' }))).blocks as Block[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const id of ids) if (textOfBlocks(blocks).includes(`<#${id}>`)) seen.add(id);
      const next = buttonsOf(blocks).find((b) => /Next/.test(b.text));
      if (!next) break;
      expect(next.value).toBe(`/digest status ${page + 1}`);
      text = next.value.replace('/digest ', '');
    }
    expect([...seen].sort()).toEqual(ids);
    for (const id of ids) await h.digestStore.removeSubscription({ platform: 'slack', scope: 'T0ONE' }, id, { platform: 'slack', userId: 'U0ADMIN', userName: 'admin' }, new Date());
  });

  it('GIVEN "/briefing digest status" THEN it reaches the /digest family, as "/digest status" does', async () => {
    const viaBriefing = textOfBlocks((await h.answer(await h.slash('digest status'))).blocks);
    const direct = textOfBlocks((await h.answer(await h.slash('status', { command: '/digest' }))).blocks);
    expect(viaBriefing).toBe(direct);
    expect(viaBriefing).not.toMatch(/no briefing/i);
  });

  it('GIVEN every command briefbot serves on Slack THEN each one is reached through its slash command text, none is unknown', async () => {
    const commands = [...(await loadCommands()).values()].filter((c) => !c.data.platforms || c.data.platforms.includes('slack'));
    expect(commands.length).toBeGreaterThan(5);
    for (const { data } of commands) {
      const key = commandKey(data);
      const text = data.subcommand ?? 'border-talks';
      const sent = await h.slash(text, { command: `/${data.name}`, user: 'U0ADMIN' });
      expect(sent.status, key).toBe(200);
      if (key === 'briefing add') {
        // Slack has no attachments on slash commands: adding opens a form instead.
        await h.fake.waitFor(() => h.fake.callsTo('views.open').find((c) => c.args.trigger_id === sent.triggerId), 5000, 'views.open');
        continue;
      }
      const reply = textOfBlocks((await h.answer(sent)).blocks);
      expect(reply, key).not.toMatch(/There is no \/|has no subcommand|Only moderators/);
    }
  });
});
