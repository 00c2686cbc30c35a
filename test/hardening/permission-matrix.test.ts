import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShellPlatform } from '../../src/adapters/shell/shell-platform.js';
import { MANAGE_GUILD, type FakeDiscord } from '../fakes/fake-discord.js';
import { discordOnStack, slackOnStack, type SlackOnStack } from './platforms.js';
import { actorOf, type Stack, startStack } from './real-stack.js';

/**
 * Every changing command, on every platform, by a moderator and by a member. Members are refused
 * with a reason, nothing changes and nothing is audited; moderators' changes (briefings and
 * digests) land in the audit log under their platform, user id and name.
 */
const enc = (s: string) => new TextEncoder().encode(s);
const SLACK_MOD = 'U0MATRIXMOD';
const SLACK_MEMBER = 'U0MATRIXMEMBER';
const discordMod = { id: '820000000000000001', username: 'dmod' };
const discordMember = { id: '820000000000000002', username: 'dmember' };

type Json = Record<string, any>;

let stack: Stack;
let slack: SlackOnStack;
let discord: { fake: FakeDiscord; stop(): Promise<void> };
let shellIn: PassThrough;
let shellOut = '';
let shell: ShellPlatform;

beforeAll(async () => {
  stack = await startStack();
  slack = await slackOnStack(stack, { moderatorIds: [SLACK_MOD], users: { [SLACK_MEMBER]: { name: 'member' } } });
  discord = await discordOnStack(stack);
  shellIn = new PassThrough();
  const out = new PassThrough();
  out.on('data', (c) => (shellOut += String(c)));
  shell = new ShellPlatform({ dispatcher: stack.dispatcher, input: shellIn, output: out, user: 'operator', onClose: () => {} });
  await shell.start();
  stack.digests.start([shell, slack.platform, (discord as unknown as { platform: ShellPlatform }).platform]);
  // One briefing per platform to change, each with a first revision by the operator.
  for (const slug of ['on-shell', 'on-slack', 'on-discord']) {
    await stack.moderation.add({ slug, title: `Story ${slug}`, tags: [], participants: [], body: `The first text of ${slug}. It is short.` }, actorOf('shell', 'operator', true));
  }
}, 60_000);
afterAll(async () => {
  await stack.digests.stop(100).catch(() => {});
  shellIn?.end();
  await slack?.stop();
  await discord?.stop();
  await stack?.close();
});

const snapshot = async () => ({
  audit: (await stack.store.audit({})).length,
  list: (await stack.library.list()).map((e) => `${e.briefing.slug}@${e.revision}`).sort(),
  subs: (await Promise.all((['shell', 'slack', 'discord'] as const).map((p) => stack.subscriptions(p)))).flat().length,
});

/** Digest audit entries about one channel, oldest first, as "action by platform:id (name): what changed". */
const digestAuditOf = async (channelId: string) =>
  (await stack.store.audit({ channelId }))
    .sort((a, b) => a.id - b.id)
    .map((e) => `${e.action} by ${e.platform}:${e.userId} (${e.userName}): ${'change' in e ? e.change : `r${e.revision}`}`);

/** What each moderator's subscribe, send-now and unsubscribe at 07:00 UTC leave in the audit log. */
const digestChangesBy = (who: string) => [
  `digest-subscribe by ${who}: new: 07:00 UTC · daily · compact`,
  `digest-send-now by ${who}: asked to post the digest now, outside the schedule`,
  `digest-unsubscribe by ${who}: stopped: 07:00 UTC · daily · compact`,
];

/** Every audit entry by one user, of any kind. */
const auditBy = async (userId: string) => (await stack.store.audit({ limit: 10_000 })).filter((e) => e.userId === userId);

/** Audit entries about one slug, oldest first, as "action by platform:user". */
const auditOf = async (slug: string) =>
  (await stack.store.audit({ slug }))
    .sort((a, b) => a.id - b.id)
    .map((e) => `${e.action} by ${e.platform}:${e.userId}`);

async function shellRun(line: string): Promise<string> {
  const start = shellOut.length;
  shellIn.write(`${line}\n`);
  await new Promise((r) => setTimeout(r, 50));
  const deadline = Date.now() + 8000;
  let last = -1;
  // The shell answers in order; wait until its output stops growing.
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    if (shellOut.length > start && shellOut.length === last) break;
    last = shellOut.length;
  }
  return shellOut.slice(start);
}

const slackText = (msg: Json) => JSON.stringify(msg.blocks ?? msg.text ?? msg);

async function slackOpenedView(triggerId: string): Promise<Json> {
  const call = await slack.fake.waitFor(() => slack.fake.callsTo('views.open').find((c) => c.args.trigger_id === triggerId), 8000, 'views.open');
  return call.args.view as Json;
}

async function slackSubmit(view: Json, values: Record<string, string>, user: string): Promise<Json> {
  const state = { values: Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value: { type: 'plain_text_input', value } }])) };
  const res = await slack.interact({
    type: 'view_submission',
    team: { id: 'T0HARD', domain: 'hard' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0HARD' },
    api_app_id: 'A0HARD',
    token: 'legacy',
    trigger_id: `trig-${Math.random()}`,
    view: { id: 'V0HARD', team_id: 'T0HARD', type: 'modal', state, hash: 'h', ...view },
  });
  return res.text ? (JSON.parse(res.text) as Json) : {};
}

async function slackPress(message: Json, user: string, labelPattern: RegExp): Promise<string> {
  const buttons = (message.blocks as Json[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Json[]);
  const button = buttons.find((b) => labelPattern.test(String(b.text?.text)));
  if (!button) throw new Error(`no button ${labelPattern} in ${JSON.stringify(buttons.map((b) => b.text?.text))}`);
  const responseUrl = slack.fake.responseUrl();
  await slack.interact({
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0HARD' },
    api_app_id: 'A0HARD',
    token: 'legacy',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0HARD', is_ephemeral: true },
    trigger_id: `trig-${Math.random()}`,
    team: { id: 'T0HARD', domain: 'hard' },
    channel: { id: 'C0HARD', name: 'news' },
    response_url: responseUrl,
    actions: [{ block_id: 'b1', action_ts: '1700000001.000200', type: 'button', action_id: button.action_id, value: button.value, text: button.text }],
  });
  return slackText(await slack.reply(responseUrl));
}

async function discordCallback(i: { id: string; token: string }): Promise<Json> {
  return discord.fake.waitFor(() => discord.fake.answersTo(i).find((r) => r.path.endsWith('/callback')), 10_000) as Promise<Json>;
}

/** The text of an interaction's final answer: the callback, or the last edit after "thinking". */
async function discordAnswer(i: { id: string; token: string }): Promise<string> {
  const cb = await discordCallback(i);
  if (cb.body.type === 5) {
    const edit = await discord.fake.waitFor(() => discord.fake.answersTo(i).filter((r) => r.method === 'PATCH').at(-1), 10_000);
    return JSON.stringify(edit.body);
  }
  return JSON.stringify(cb.body);
}

const sub = (name: string, options: Json[] = []) => [{ type: 1, name, options }];
const str = (name: string, value: string) => ({ type: 3, name, value });

describe('the permission matrix: members are refused everywhere, and nothing changes', () => {
  it('GIVEN a Slack member THEN each changing command answers "Only moderators" and nothing changes', async () => {
    const before = await snapshot();
    for (const [command, text] of [
      ['/briefing', 'add'],
      ['/briefing', 'edit on-slack'],
      ['/briefing', 'remove on-slack'],
      ['/briefing', 'restore on-slack'],
      ['/briefing', 'revert on-slack 1'],
      ['/digest', 'subscribe at 07:00'],
      ['/digest', 'unsubscribe'],
      ['/digest', 'send-now'],
    ] as const) {
      const sent = await slack.slash(text, SLACK_MEMBER, command);
      expect(sent.status).toBe(200);
      expect(slackText(await slack.answer(sent)), `${command} ${text}`).toMatch(/Only moderators/);
      expect(slack.fake.callsTo('views.open').filter((c) => c.args.trigger_id === sent.triggerId)).toEqual([]);
    }
    expect(await snapshot()).toEqual(before);
    expect(await auditBy(SLACK_MEMBER)).toEqual([]);
    expect(await digestAuditOf('C0HARD')).toEqual([]);
  }, 60_000);

  it('GIVEN a Discord member (no Manage Server, no moderator role) THEN each changing command is refused privately and nothing changes', async () => {
    const before = await snapshot();
    const file = discord.fake.serveFile('x.md', '---\ntitle: Sneaky\nslug: sneaky\n---\n\nA member tries to add this.');
    const resolved = { attachments: { '700000000000000009': { id: '700000000000000009', filename: 'x.md', size: file.size, url: file.url, proxy_url: file.url, content_type: 'text/markdown' } } };
    const attach = { type: 11, name: 'file', value: '700000000000000009' };
    const cases: [string, Json[], unknown?][] = [
      ['briefing-admin', sub('add', [attach]), resolved],
      ['briefing-admin', sub('add')],
      ['briefing-admin', sub('edit', [str('slug', 'on-discord'), attach]), resolved],
      ['briefing-admin', sub('remove', [str('slug', 'on-discord')])],
      ['briefing-admin', sub('restore', [str('slug', 'on-discord')])],
      ['briefing-admin', sub('revert', [str('slug', 'on-discord'), { type: 4, name: 'revision', value: 1 }])],
      ['digest-admin', sub('subscribe', [str('at', '07:00')])],
      ['digest-admin', sub('unsubscribe')],
      ['digest-admin', sub('send-now')],
    ];
    for (const [name, options, res] of cases) {
      const i = discord.fake.slashCommand(name, options, discordMember, { permissions: '0' }, res);
      const answer = await discordAnswer(i);
      expect(answer, `${name} ${options[0]?.name}`).toMatch(/Only moderators/);
      expect(answer).toMatch(/"flags":64/);
    }
    expect(await snapshot()).toEqual(before);
    expect(await auditBy(discordMember.id)).toEqual([]);
    expect(await digestAuditOf(discord.fake.channelId)).toEqual([]);
    expect(await stack.library.get('sneaky')).toBeUndefined();
  }, 90_000);
});

describe('the permission matrix: moderators change things, and the audit log names them', () => {
  it('GIVEN the shell operator THEN add, edit, remove, restore, revert and digest subscribe, send-now, unsubscribe all work', async () => {
    const path = join(stack.dir, 'from-shell.md');
    writeFileSync(path, '---\ntitle: From the shell\nslug: from-shell\n---\n\nAdded from the terminal. It is short.');
    const edited = join(stack.dir, 'on-shell-v2.md');
    writeFileSync(edited, '---\ntitle: Story on-shell\nslug: on-shell\n---\n\nThe second text of on-shell. It changed.');
    for (const line of [`/briefing add ${path}`, `/briefing edit on-shell ${edited}`, '/briefing remove on-shell', '/briefing restore on-shell', '/briefing revert on-shell 1', '/digest subscribe at 07:00', '/digest send-now', '/digest unsubscribe']) {
      const out = await shellRun(line);
      expect(out, line).not.toMatch(/Only moderators|went wrong|not saved/);
    }
    expect(await auditOf('from-shell')).toEqual(['add by shell:operator']);
    expect(await auditOf('on-shell')).toEqual(['add by shell:operator', 'edit by shell:operator', 'remove by shell:operator', 'restore by shell:operator', 'revert by shell:operator']);
    expect((await stack.library.get('on-shell'))?.briefing.body).toBe('The first text of on-shell. It is short.');
    expect(await stack.subscriptions('shell')).toEqual([]);
    expect(await digestAuditOf('shell')).toEqual(digestChangesBy('shell:operator (operator)'));
  }, 90_000);

  it('GIVEN a Slack moderator THEN the form adds and edits, the confirmation removes, and the rest run directly', async () => {
    // add: form -> preview -> save
    const added = await slack.slash('add', SLACK_MOD);
    const form = await slackOpenedView(added.triggerId);
    const preview = await slackSubmit(form, { title: 'From Slack', slug: 'from-slack', tags: '', text: 'Added from Slack. It is short.' }, SLACK_MOD);
    expect(preview.response_action, JSON.stringify(preview)).toBe('push');
    expect((await slackSubmit(preview.view, {}, SLACK_MOD)).response_action).toBe('clear');
    // edit: form with the current text -> preview -> save
    const editing = await slack.slash('edit on-slack', SLACK_MOD);
    const editForm = await slackOpenedView(editing.triggerId);
    const editPreview = await slackSubmit(editForm, { title: 'Story on-slack', slug: 'on-slack', tags: '', text: 'The second text of on-slack. It changed.' }, SLACK_MOD);
    expect((await slackSubmit(editPreview.view, {}, SLACK_MOD)).response_action).toBe('clear');
    // remove: a confirmation first, then the button
    const removing = await slack.slash('remove on-slack', SLACK_MOD);
    expect(await slackPress(await slack.answer(removing), SLACK_MOD, /remove/i)).not.toMatch(/Only moderators/);
    for (const [command, text] of [
      ['/briefing', 'restore on-slack'],
      ['/briefing', 'revert on-slack 1'],
      ['/digest', 'subscribe at 07:00'],
      ['/digest', 'send-now'],
    ] as const) {
      const sent = await slack.slash(text, SLACK_MOD, command);
      expect(slackText(await slack.answer(sent)), text).not.toMatch(/Only moderators|went wrong/);
    }
    const subs = await stack.subscriptions('slack');
    expect(subs.map((s) => [s.createdBy, s.createdById])).toEqual([[SLACK_MOD.toLowerCase(), SLACK_MOD]]);
    const unsub = await slack.slash('unsubscribe', SLACK_MOD, '/digest');
    expect(slackText(await slack.answer(unsub))).not.toMatch(/Only moderators/);
    expect(await stack.subscriptions('slack')).toEqual([]);
    expect(await digestAuditOf('C0HARD')).toEqual(digestChangesBy(`slack:${SLACK_MOD} (${SLACK_MOD.toLowerCase()})`));
    const by = `slack:${SLACK_MOD}`;
    expect(await auditOf('from-slack')).toEqual([`add by ${by}`]);
    expect(await auditOf('on-slack')).toEqual(['add by shell:operator', `edit by ${by}`, `remove by ${by}`, `restore by ${by}`, `revert by ${by}`]);
  }, 90_000);

  it('GIVEN a Discord moderator THEN a file adds and edits after Confirm, and the rest run directly', async () => {
    const withFile = async (subcommand: string, slugOption: Json[], content: string) => {
      const file = discord.fake.serveFile('upload.md', content);
      const id = `7000000000000000${Math.floor(Math.random() * 90 + 10)}`;
      const resolved = { attachments: { [id]: { id, filename: 'upload.md', size: file.size, url: file.url, proxy_url: file.url, content_type: 'text/markdown' } } };
      const i = discord.fake.slashCommand('briefing-admin', sub(subcommand, [...slugOption, { type: 11, name: 'file', value: id }]), discordMod, { permissions: MANAGE_GUILD }, resolved);
      const preview = await discord.fake.waitFor(() => discord.fake.answersTo(i).find((r) => r.method === 'PATCH'), 10_000);
      const confirmId = (preview.body as Json).components[0].components[0].custom_id as string;
      const c = discord.fake.pressButton(confirmId, { embeds: [], components: [], ephemeral: true, asker: discordMod }, discordMod, { permissions: MANAGE_GUILD });
      await discord.fake.waitFor(() => discord.fake.answersTo(c).find((r) => r.method === 'PATCH' || r.path.endsWith('/callback')), 10_000);
    };
    await withFile('add', [], '---\ntitle: From Discord\nslug: from-discord\n---\n\nAdded from Discord. It is short.');
    await withFile('edit', [str('slug', 'on-discord')], '---\ntitle: Story on-discord\nslug: on-discord\n---\n\nThe second text of on-discord. It changed.');
    await expect.poll(() => auditOf('on-discord'), { timeout: 8000 }).toHaveLength(2);
    for (const [name, options] of [
      ['briefing-admin', sub('remove', [str('slug', 'on-discord')])],
      ['briefing-admin', sub('restore', [str('slug', 'on-discord')])],
      ['briefing-admin', sub('revert', [str('slug', 'on-discord'), { type: 4, name: 'revision', value: 1 }])],
      ['digest-admin', sub('subscribe', [str('at', '07:00')])],
      ['digest-admin', sub('send-now')],
    ] as [string, Json[]][]) {
      const answer = await discordAnswer(discord.fake.slashCommand(name, options, discordMod, { permissions: MANAGE_GUILD }));
      expect(answer, `${name} ${options[0]?.name}`).not.toMatch(/Only moderators|went wrong/);
    }
    expect((await stack.subscriptions('discord')).map((s) => [s.createdBy, s.createdById])).toEqual([[discordMod.username, discordMod.id]]);
    expect(await discordAnswer(discord.fake.slashCommand('digest-admin', sub('unsubscribe'), discordMod, { permissions: MANAGE_GUILD }))).not.toMatch(/Only moderators/);
    expect(await stack.subscriptions('discord')).toEqual([]);
    expect(await digestAuditOf(discord.fake.channelId)).toEqual(digestChangesBy(`discord:${discordMod.id} (${discordMod.username})`));
    const by = `discord:${discordMod.id}`;
    expect(await auditOf('from-discord')).toEqual([`add by ${by}`]);
    expect(await auditOf('on-discord')).toEqual(['add by shell:operator', `edit by ${by}`, `remove by ${by}`, `restore by ${by}`, `revert by ${by}`]);
  }, 90_000);
});
