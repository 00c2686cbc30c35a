import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, SlackHarness, textOfBlocks } from './slack-test-kit.js';

type View = { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { initial_value?: string } }[] };

describe('Slack moderation: forms with a preview, confirmation, and who may use them', () => {
  const h = new SlackHarness({
    users: { U0ADMIN: { name: 'admin', is_admin: true }, U0OWNER: { name: 'owner', is_owner: true }, U0READER: { name: 'reader' } },
    moderatorIds: ['U0LISTED'],
    briefings: [
      {
        slug: 'border-talks',
        title: 'Border talks resume',
        source: 'Wire',
        tags: ['diplomacy'],
        participants: [{ name: 'Ana Ruiz', role: 'Minister', aliases: [] }],
        body: 'Ministers met on Tuesday. They agreed to resume talks.',
      },
      { slug: 'long-read', title: 'A long read', body: 'A sentence that fills the page. '.repeat(120) },
      { slug: 'peninsula-talks', title: 'Peninsula talks', tags: ['north korea', 'diplomacy'], body: 'Envoys met at the border. They spoke for an hour.' },
    ],
  });
  beforeAll(async () => {
    await h.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  async function openedForm(triggerId: string): Promise<View> {
    const call = await h.fake.waitFor(() => h.fake.callsTo('views.open').find((c) => c.args.trigger_id === triggerId), 5000, 'views.open');
    return call.args.view as View;
  }

  it('GIVEN a workspace admin adds a briefing THEN a form opens, its preview shows the card, and Save adds it', async () => {
    const sent = await h.slash('add', { user: 'U0ADMIN' });
    expect(sent.status).toBe(200);
    const form = await openedForm(sent.triggerId);
    expect(form.callback_id).toBe('briefbot:form');
    expect(form.blocks.map((b) => b.block_id)).toEqual(['title', 'slug', 'tags', 'text']);

    const preview = await h.submitView(form, { title: 'Harbour workers strike', slug: '', tags: 'labour, ports', text: 'Dock workers walked out on Monday. Ships waited offshore.' }, 'U0ADMIN');
    expect(preview.ack.response_action).toBe('push');
    const previewView = preview.ack.view as View;
    expect(previewView.callback_id).toBe('briefbot:preview');
    expect(textOfBlocks(previewView.blocks)).toContain('Harbour workers strike');
    expect(textOfBlocks(previewView.blocks)).toContain('Dock workers walked out on Monday.');
    expect(h.moderation.added).toHaveLength(0);

    const saved = await h.submitView(previewView, {}, 'U0ADMIN');
    expect(saved.ack.response_action).toBe('clear');
    expect(h.moderation.added).toHaveLength(1);
    expect(h.moderation.added[0]?.briefing).toMatchObject({ slug: 'harbour-workers-strike', title: 'Harbour workers strike', tags: ['labour', 'ports'] });
    expect(h.moderation.added[0]?.actor).toMatchObject({ platform: 'slack', userId: 'U0ADMIN', isModerator: true });
    const outcome = await h.reply(sent.responseUrl);
    expect(textOfBlocks(outcome.blocks)).toContain('harbour-workers-strike');
  });

  it('GIVEN a user listed in SLACK_MODERATOR_IDS THEN the form opens without asking Slack for their role', async () => {
    const before = h.fake.callsTo('users.info').filter((c) => c.args.user === 'U0LISTED').length;
    const sent = await h.slash('add', { user: 'U0LISTED' });
    await openedForm(sent.triggerId);
    expect(h.fake.callsTo('users.info').filter((c) => c.args.user === 'U0LISTED').length).toBe(before);
  });

  it('GIVEN the form trigger has expired THEN the moderator is asked to run the command again', async () => {
    h.fake.fail('views.open', { error: 'expired_trigger_id' });
    const reply = await h.reply((await h.slash('add', { user: 'U0ADMIN' })).responseUrl);
    expect(textOfBlocks(reply.blocks)).toMatch(/:warning: .*run the command again/);
  });

  it('GIVEN a form with an invalid slug THEN the form shows the problem on that field and nothing is saved', async () => {
    const form = await openedForm((await h.slash('add', { user: 'U0OWNER' })).triggerId);
    const count = h.moderation.added.length;
    const res = await h.submitView(form, { title: 'A title', slug: 'Not A Slug!', tags: '', text: 'Some text here.' }, 'U0OWNER');
    expect(res.ack.response_action).toBe('errors');
    expect(Object.keys(res.ack.errors as object)).toContain('slug');
    expect(h.moderation.added.length).toBe(count);
  });

  it('GIVEN saving fails (slug taken) THEN the preview turns into the reason, with Back to the form, and nothing is added', async () => {
    h.moderation.taken.add('taken-slug');
    const form = await openedForm((await h.slash('add', { user: 'U0ADMIN' })).triggerId);
    const preview = await h.submitView(form, { title: 'Taken', slug: 'taken-slug', tags: '', text: 'Some text here.' }, 'U0ADMIN');
    const count = h.moderation.added.length;
    const saved = await h.submitView(preview.ack.view as View, {}, 'U0ADMIN');
    expect(saved.ack.response_action).toBe('update');
    const view = saved.ack.view as View & { close: { text: string } };
    expect(textOfBlocks(view.blocks)).toMatch(/:warning: .*taken-slug.* is already taken/);
    expect(view.close.text).toBe('Back');
    expect(h.moderation.added.length).toBe(count);
  });

  it('GIVEN a save slower than Slack waits for a form THEN the form closes in time and the outcome follows privately', async () => {
    h.moderation.delayMs = 3000;
    try {
      const sent = await h.slash('add', { user: 'U0ADMIN' });
      const form = await openedForm(sent.triggerId);
      const preview = await h.submitView(form, { title: 'Slow news day', slug: '', tags: '', text: 'Nothing moved for hours. Then it did.' }, 'U0ADMIN');
      const count = h.moderation.added.length;
      const saved = await h.submitView(preview.ack.view as View, {}, 'U0ADMIN');
      expect(saved.ack.response_action).toBe('clear');
      // The modal was answered before the save had finished...
      expect(h.moderation.added.length).toBe(count);
      // ...and the outcome follows on the response_url once it has.
      const outcome = await h.reply(sent.responseUrl);
      expect(h.moderation.added.length).toBe(count + 1);
      expect(textOfBlocks(outcome.blocks)).toContain('slow-news-day');
    } finally {
      h.moderation.delayMs = 0;
    }
  });

  it("GIVEN a command slower than Slack's 3 seconds THEN the slash command is acknowledged first and the answer follows", async () => {
    h.moderation.delayMs = 3200;
    try {
      const sent = await h.slash('history border-talks', { user: 'U0ADMIN' });
      expect(sent.status).toBe(200);
      expect(sent.text).toBe('');
      expect(h.fake.responsesTo(sent.responseUrl)).toHaveLength(0);
      const reply = await h.reply(sent.responseUrl);
      expect(textOfBlocks(reply.blocks)).toContain('border-talks');
    } finally {
      h.moderation.delayMs = 0;
    }
  });

  it('GIVEN a plain member types /briefing add THEN no form opens and they are told only moderators may', async () => {
    const opened = h.fake.callsTo('views.open').length;
    const sent = await h.slash('add', { user: 'U0READER' });
    const reply = await h.answer(sent);
    expect(reply.response_type).toBe('ephemeral');
    expect(textOfBlocks(reply.blocks)).toMatch(/only moderators/i);
    expect(h.fake.callsTo('views.open').length).toBe(opened);
  });

  it('GIVEN a plain member submits the form anyway THEN the submission is refused and nothing is saved', async () => {
    const form = await openedForm((await h.slash('add', { user: 'U0ADMIN' })).triggerId);
    const count = h.moderation.added.length;
    const res = await h.submitView(form, { title: 'Sneaky', slug: 'sneaky', tags: '', text: 'Text.' }, 'U0READER');
    expect(res.ack.response_action).toBe('update');
    expect(textOfBlocks((res.ack.view as View).blocks)).toMatch(/only moderators/i);
    const alsoPreview = await h.submitView({ callback_id: 'briefbot:preview', private_metadata: 'made-up-id' }, {}, 'U0READER');
    expect(alsoPreview.ack.response_action).toBe('update');
    expect(h.moderation.added.length).toBe(count);
  });

  it('GIVEN an admin edits a briefing THEN the form is filled in, and saving keeps what the form does not show', async () => {
    const form = await openedForm((await h.slash('edit border-talks', { user: 'U0ADMIN' })).triggerId);
    const initial = Object.fromEntries(form.blocks.map((b) => [b.block_id, b.element?.initial_value]));
    expect(initial).toEqual({ title: 'Border talks resume', tags: 'diplomacy', text: 'Ministers met on Tuesday. They agreed to resume talks.' });
    const preview = await h.submitView(form, { title: 'Border talks resume in May', tags: 'diplomacy', text: 'Ministers met on Tuesday. They agreed to meet again in May.' }, 'U0ADMIN');
    const saved = await h.submitView(preview.ack.view as View, {}, 'U0ADMIN');
    expect(saved.ack.response_action).toBe('clear');
    const edit = h.moderation.edited.at(-1);
    expect(edit?.slug).toBe('border-talks');
    expect(edit?.briefing).toMatchObject({ title: 'Border talks resume in May', source: 'Wire', participants: [{ name: 'Ana Ruiz', role: 'Minister' }] });
    // The revision the form showed goes with the save, so a change saved meanwhile is not silently replaced.
    expect(edit?.basedOn).toBe(0);
  });

  it('GIVEN a briefing with a tag of two words THEN an edit through the form that leaves the tags alone keeps that tag whole', async () => {
    const form = await openedForm((await h.slash('edit peninsula-talks', { user: 'U0ADMIN' })).triggerId);
    const tags = form.blocks.find((b) => b.block_id === 'tags')?.element?.initial_value;
    expect(tags).toBe('north korea, diplomacy');
    const preview = await h.submitView(form, { title: 'Peninsula talks', tags: tags ?? '', text: 'Envoys met at the border. They spoke for two hours.' }, 'U0ADMIN');
    await h.submitView(preview.ack.view as View, {}, 'U0ADMIN');
    const edit = h.moderation.edited.at(-1);
    expect(edit?.slug).toBe('peninsula-talks');
    expect(edit?.briefing.tags).toEqual(['north korea', 'diplomacy']);
  });

  it('GIVEN an edit of a mistyped slug THEN no form opens and the answer names the closest briefing, as every other command does', async () => {
    const opened = h.fake.callsTo('views.open').length;
    const reply = await h.reply((await h.slash('edit border-talk', { user: 'U0ADMIN' })).responseUrl);
    expect(textOfBlocks(reply.blocks)).toMatch(/There is no briefing "border-talk"\. Did you mean border-talks/);
    expect(h.fake.callsTo('views.open').length).toBe(opened);
  });

  it('GIVEN a briefing longer than a Slack form holds THEN editing it says so instead of opening a form that would cut it', async () => {
    const opened = h.fake.callsTo('views.open').length;
    const reply = await h.reply((await h.slash('edit long-read', { user: 'U0ADMIN' })).responseUrl);
    expect(textOfBlocks(reply.blocks)).toMatch(/:warning: .*3000/);
    expect(h.fake.callsTo('views.open').length).toBe(opened);
  });

  it('GIVEN an admin removes a briefing THEN they confirm first, and only Remove removes it', async () => {
    const ask = await h.answer(await h.slash('remove border-talks', { user: 'U0ADMIN' }));
    expect(h.moderation.removed).toHaveLength(0);
    const [remove, cancel] = buttonsOf(ask.blocks);
    expect(remove).toMatchObject({ text: 'Remove', style: 'danger', value: '/briefing remove border-talks' });

    const cancelled = await h.press({ type: 'button', action_id: cancel?.action_id }, { user: 'U0ADMIN' });
    expect((await h.reply(cancelled.responseUrl)).delete_original).toBe(true);
    expect(h.moderation.removed).toHaveLength(0);

    const confirmed = await h.press({ type: 'button', action_id: remove?.action_id, value: remove?.value }, { user: 'U0ADMIN' });
    await h.reply(confirmed.responseUrl);
    expect(h.moderation.removed).toEqual([expect.objectContaining({ slug: 'border-talks' })]);
  });

  it('GIVEN an admin removes a slug that names no briefing (a typo) THEN they are told at once, with the nearest slug, instead of confirming a removal that can only fail', async () => {
    const count = h.moderation.removed.length;
    const typo = await h.answer(await h.slash('remove border-talsk', { user: 'U0ADMIN' }));
    expect(buttonsOf(typo.blocks)).toEqual([]);
    expect(textOfBlocks(typo.blocks)).toMatch(/There is no briefing "border-talsk"\. Did you mean border-talks\?/);
    const ask = await h.answer(await h.slash('remove peninsula-talks', { user: 'U0ADMIN' }));
    expect(textOfBlocks(ask.blocks)).toContain('Peninsula talks');
    expect(h.moderation.removed.length).toBe(count);
  });

  it('GIVEN a plain member presses a Remove button THEN nothing is removed', async () => {
    const count = h.moderation.removed.length;
    const pressed = await h.press({ type: 'button', action_id: 'briefbot:run:confirm', value: '/briefing remove border-talks' }, { user: 'U0READER' });
    expect(textOfBlocks((await h.reply(pressed.responseUrl)).blocks)).toMatch(/only moderators/i);
    expect(h.moderation.removed.length).toBe(count);
  });
});
