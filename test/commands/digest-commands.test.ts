import { beforeAll, describe, expect, it } from 'vitest';
import { documentText, type ReplyDocument } from '../../src/core/render/document.js';
import { DeliveryQueue } from '../../src/digest/delivery-queue.js';
import { DigestScheduler } from '../../src/digest/digest-scheduler.js';
import { DigestService } from '../../src/digest/digest-service.js';
import { MemoryDigestStore } from '../../src/digest/memory-digest-store.js';
import { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { loadCommands } from '../../src/dispatch/load-commands.js';
import type { Actor, Command } from '../../src/ports/command.js';
import { silentLogger } from '../../src/ports/logger.js';
import { ChannelGoneError } from '../../src/ports/delivery-errors.js';
import { entry, FakeClock, FakeLibrary, RecordingPlatform } from '../digest/fakes.js';

let commands: Map<string, Command>;
beforeAll(async () => {
  commands = await loadCommands();
});

function world(withDigests = true) {
  const clock = new FakeClock(Date.parse('2026-06-01T10:00:00Z'));
  const store = new MemoryDigestStore();
  const library = new FakeLibrary([entry('summit-talks', '2026-06-01T09:00:00Z', ['asia']), entry('cup-final', '2026-06-01T08:00:00Z', ['sport'])]);
  const slack = new RecordingPlatform('slack', clock);
  const queue = new DeliveryQueue({ platforms: [slack], logger: silentLogger });
  const scheduler = new DigestScheduler({ store, queue, library, clock, logger: silentLogger, catchupHours: 6 });
  const digests = new DigestService({ store, scheduler, library, clock });
  const dispatcher = new Dispatcher({ commands, library, clock, logger: silentLogger, services: withDigests ? { digests } : {} });
  const run = (line: string, actor: Partial<Actor> = {}, channel = 'C0CURRENT', scope = 'T0FAKE') =>
    dispatcher.runLine(line, {
      actor: { platform: 'slack', userId: 'U1', userName: 'mod', isModerator: true, ...actor },
      channel: { platform: 'slack', id: channel, scope },
    });
  return { clock, store, slack, run, scheduler };
}

const text = (d: ReplyDocument) => documentText(d);

describe('/digest commands', () => {
  it('GIVEN a misspelt time zone THEN the reply names the closest real one and nothing is saved', async () => {
    const w = world();
    const reply = await w.run('/digest subscribe at 08:00 tz Asia/Seol');
    expect(reply.tone).toBe('error');
    expect(text(reply)).toContain('Asia/Seol is not a time zone; did you mean Asia/Seoul?');
    expect(await w.store.listSubscriptions()).toEqual([]);
  });

  it('GIVEN a time typed with full-width digits (０８：３０, as a Japanese or Chinese keyboard writes them) THEN it is read as 08:30', async () => {
    const w = world();
    const reply = await w.run('/digest subscribe at ０８：３０ tz Asia/Tokyo');
    expect(reply.tone).not.toBe('error');
    expect((await w.store.listSubscriptions())[0]?.minuteOfDay).toBe(8 * 60 + 30);
  });

  it('GIVEN a time zone with no near spelling THEN the reply says how to write one, as a sentence of its own', async () => {
    const w = world();
    const reply = await w.run('/digest subscribe at 08:00 tz Mars/Olympus');
    expect(reply.tone).toBe('error');
    expect(text(reply)).toContain('Mars/Olympus is not a time zone. Use an IANA zone such as Europe/London or Asia/Seoul.');
    expect(await w.store.listSubscriptions()).toEqual([]);
  });

  it('GIVEN a current IANA name that Node lists only under its older alias (Asia/Kolkata, Europe/Kyiv) THEN it is accepted as typed and runs at its local time', async () => {
    const w = world();
    const reply = await w.run('/digest subscribe at 08:00 tz Asia/Kolkata');
    expect(reply.tone).not.toBe('error');
    expect((await w.store.listSubscriptions())[0]?.timeZone).toBe('Asia/Kolkata');
    // 08:00 in India (UTC+05:30) is 02:30 UTC, before the clock's 10:00 UTC: tomorrow.
    expect(text(await w.run('/digest status'))).toContain('Next run: Tue 2 Jun 2026, 08:00 (Asia/Kolkata)');
    expect((await w.run('/digest subscribe at 08:00 tz europe/kyiv')).tone).not.toBe('error');
    expect((await w.store.listSubscriptions())[0]?.timeZone).toBe('Europe/Kyiv');
    expect((await w.run('/digest subscribe at 08:00 tz US/Eastern')).tone).not.toBe('error');
  });

  it.each(['EST', '+09:00', 'Etc/GMT+25'])('GIVEN %s, which is not an Area/Location zone, THEN it is refused', async (zone) => {
    const w = world();
    const reply = await w.run(`/digest subscribe at 08:00 tz ${zone}`);
    expect(reply.tone).toBe('error');
    expect(text(reply)).toContain(zone);
    expect(text(reply)).toMatch(/is (an abbreviation, |an offset, )?not a time zone/);
    expect(await w.store.listSubscriptions()).toEqual([]);
  });

  it.each([
    ['Etc/GMT+5', /5 hours behind UTC/, /America\/(New_York|Bogota|Lima|Chicago|Toronto)/],
    ['etc/gmt-9', /9 hours ahead of UTC/, /Asia\/(Tokyo|Seoul)/],
  ])('GIVEN %s, a fixed offset whose sign reads backwards, THEN it is refused with what it really means and zones of places that fit', async (zone, means, fits) => {
    const w = world();
    const reply = await w.run(`/digest subscribe at 08:00 tz ${zone}`);
    expect(reply.tone).toBe('error');
    expect(text(reply)).toMatch(means);
    expect(text(reply)).toMatch(fits);
    expect(await w.store.listSubscriptions()).toEqual([]);
    expect((await w.run('/digest subscribe at 08:00 tz Etc/UTC')).tone).not.toBe('error');
  });

  it.each([
    ['days Mon, Wed', { days: [1, 3], tags: [] }],
    ['days mon, tue, fri tags economy, climate', { days: [1, 2, 5], tags: ['economy', 'climate'] }],
  ])('GIVEN a list written with spaces after its commas (%s) THEN the whole list is read and the digest stays in this channel', async (words, expected) => {
    const w = world();
    const reply = await w.run(`/digest subscribe at 08:00 ${words}`);
    expect(reply.tone).not.toBe('error');
    expect(await w.store.listSubscriptions()).toEqual([expect.objectContaining({ channelId: 'C0CURRENT', ...expected })]);
  });

  it('GIVEN a quoted tag list with a two-word tag THEN that tag is kept whole, as briefings may carry it', async () => {
    const w = world();
    expect((await w.run('/digest subscribe at 08:00 tags "North Korea, climate"')).tone).not.toBe('error');
    expect((await w.store.listSubscriptions())[0]?.tags).toEqual(['north korea', 'climate']);
  });

  it('GIVEN tags written as the card shows them, or as Slack sends a #word that names a channel THEN the tag names are kept', async () => {
    const w = world();
    expect((await w.run('/digest subscribe at 08:00 tags "#asia, <#C0SPORT|sport>"')).tone).not.toBe('error');
    expect((await w.store.listSubscriptions())[0]?.tags).toEqual(['asia', 'sport']);
  });

  it.each(['days mon wed', 'tags economy climate'])('GIVEN a stray word after a keyword (%s) THEN it is not taken for a channel, and nothing is saved', async (words) => {
    const w = world();
    const reply = await w.run(`/digest subscribe at 08:00 ${words}`);
    expect(reply.tone).toBe('error');
    expect(text(reply)).toMatch(/is not a channel/);
    expect(await w.store.listSubscriptions()).toEqual([]);
  });

  it.each(['24:00', '8', '08:60', 'noon'])('GIVEN the time %s THEN the reply explains the HH:MM format', async (time) => {
    const reply = await world().run(`/digest subscribe at ${time}`);
    expect(reply.tone).toBe('error');
    expect(text(reply)).toMatch(/HH:MM/);
  });

  it('GIVEN a member who is not a moderator THEN subscribe is refused and reading commands still work', async () => {
    const w = world();
    const refused = await w.run('/digest subscribe at 08:00', { isModerator: false });
    expect(text(refused)).toMatch(/Only moderators/);
    expect(text(await w.run('/digest list', { isModerator: false }))).toMatch(/No channel here subscribes/);
  });

  it('GIVEN a subscription with a mentioned channel, zone, days and tags THEN list and status show it with the next run in its local time', async () => {
    const w = world();
    const reply = await w.run('/digest subscribe <#C0OTHER|news> at 7:30 tz america/new_york days mon,wed,fri tags Asia style full note');
    expect(reply.tone).not.toBe('error');
    const [sub] = await w.store.listSubscriptions();
    expect(sub).toMatchObject({ channelId: 'C0OTHER', timeZone: 'America/New_York', minuteOfDay: 450, days: [1, 3, 5], tags: ['asia'], style: 'full', noteWhenEmpty: true });
    expect(text(await w.run('/digest list'))).toContain('07:30 America/New_York · Mon, Wed, Fri · #asia');
    // 2026-06-01 is a Monday; 07:30 in New York (EDT) is 11:30 UTC, after the clock's 10:00 UTC.
    expect(text(await w.run('/digest status'))).toContain('Next run: Mon 1 Jun 2026, 07:30 (America/New_York)');
  });

  it('GIVEN a subscription THEN preview shows only the asker the matching briefings, and send-now posts them to the channel', async () => {
    const w = world();
    await w.run('/digest subscribe at 08:00 tags asia');
    const preview = await w.run('/digest preview');
    expect(preview.visibility).toBe('private');
    expect(text(preview)).toContain('Title of summit-talks');
    expect(text(preview)).not.toContain('cup-final');
    expect(w.slack.posts).toHaveLength(0);
    const sent = await w.run('/digest send-now');
    expect(text(sent)).toMatch(/Posted the digest \(1 briefing\)/);
    expect(w.slack.posts.map((p) => p.channelId)).toEqual(['C0CURRENT']);
    expect(text(await w.run('/digest status'))).toMatch(/delivered \(sent on request, 1 briefing\)/);
  });

  it('GIVEN a digest that posts a note when nothing is new THEN an empty preview says that note would be posted, not that nothing would', async () => {
    const w = world();
    await w.run('/digest subscribe at 08:00 tags economy note');
    const preview = text(await w.run('/digest preview'));
    expect(preview).toContain('No new briefings since the last digest · #economy.');
    expect(preview).not.toMatch(/nothing would be posted/);
    expect(preview).toMatch(/only you see this; at this time the channel would get this note/);
    await w.run('/digest subscribe at 08:00 tags economy');
    expect(text(await w.run('/digest preview'))).toMatch(/nothing would be posted now/);
  });

  it('GIVEN tags no briefing has (a typo) THEN the digest is saved, and the moderator is told it stays empty until one has them, with the nearest tag', async () => {
    const w = world();
    const reply = text(await w.run('/digest subscribe at 08:00 tags asai,economy'));
    expect(reply).toContain('gets a digest of new briefings at 08:00 UTC · daily · #asai #economy');
    expect(reply).toMatch(/No briefing is tagged #asai \(did you mean #asia\?\) or #economy yet/);
    expect((await w.store.listSubscriptions())[0]?.tags).toEqual(['asai', 'economy']);
    const some = text(await w.run('/digest subscribe at 08:00 tags asia,economy'));
    expect(some).toMatch(/No briefing is tagged #economy yet/);
    expect(some).not.toMatch(/#asia[^a-z]*yet/);
    expect(text(await w.run('/digest subscribe at 08:00 tags ASIA, sport'))).not.toMatch(/No briefing is tagged/);
    expect(text(await w.run('/digest subscribe at 08:00'))).not.toMatch(/No briefing is tagged/);
  });

  it('GIVEN a digest that fails for an unexpected reason THEN send-now and status say so without the internal error (addresses, database text), which only the log keeps', async () => {
    const w = world();
    await w.run('/digest subscribe at 08:00');
    const internal = 'connect ECONNREFUSED 10.20.30.40:5432 (password authentication failed for user "briefbot")';
    w.slack.fail = () => Object.assign(new Error(internal), { code: 'XX000' });
    const sent = text(await w.run('/digest send-now'));
    expect(sent).toMatch(/could not be posted in channel C0CURRENT: an unexpected error \(it has been logged\)/);
    const status = text(await w.run('/digest status'));
    expect(status).toMatch(/failed — an unexpected error \(it has been logged\)/);
    for (const shown of [sent, status]) {
      expect(shown).not.toContain('10.20.30.40');
      expect(shown).not.toContain('password');
    }
    w.clock.advance(60_000);
    w.slack.fail = () => new ChannelGoneError('C0CURRENT', 'channel_not_found');
    expect(text(await w.run('/digest send-now'))).toContain('channel_not_found');
  });

  it('GIVEN a digest paused because its channel is gone THEN preview says it is paused and nothing is posted until a moderator subscribes again', async () => {
    const w = world();
    await w.run('/digest subscribe at 08:00');
    const [sub] = await w.store.listSubscriptions();
    await w.store.pauseSubscription(sub!.id, 'channel gone: channel_not_found', w.clock.now());
    const preview = text(await w.run('/digest preview'));
    expect(preview).toContain('Title of summit-talks');
    expect(preview).toMatch(/This digest is paused \(channel gone: channel_not_found\): nothing is posted until a moderator runs \/digest subscribe again\./);
    await w.run('/digest subscribe at 08:00');
    expect(text(await w.run('/digest preview'))).not.toMatch(/paused/);
  });

  it('GIVEN an unsubscribed channel THEN preview and send-now say there is no digest, and unsubscribe changes nothing', async () => {
    const w = world();
    expect(text(await w.run('/digest preview'))).toMatch(/has no digest/);
    expect(text(await w.run('/digest send-now'))).toMatch(/has no digest/);
    expect(text(await w.run('/digest unsubscribe'))).toMatch(/had no digest/);
  });

  it('GIVEN a subscription THEN unsubscribe removes it', async () => {
    const w = world();
    await w.run('/digest subscribe at 08:00');
    expect(text(await w.run('/digest unsubscribe'))).toMatch(/no longer gets a digest/);
    expect(await w.store.listSubscriptions()).toEqual([]);
    expect((await w.store.changes('slack', 'C0CURRENT', 10)).map((c) => `${c.action} by ${c.userId} (${c.userName}): ${c.change}`)).toEqual([
      'digest-unsubscribe by U1 (mod): stopped: 08:00 UTC · daily · compact',
      'digest-subscribe by U1 (mod): new: 08:00 UTC · daily · compact',
    ]);
  });

  it('GIVEN moderators subscribe, change and send a digest THEN /digest status shows who did what, newest first, and refused members leave no trace', async () => {
    const w = world();
    await w.run('/digest subscribe at 08:00', { userId: 'U1', userName: 'sam' });
    w.clock.advance(60_000);
    await w.run('/digest subscribe at 09:15 tz Asia/Seoul', { userId: 'U2', userName: 'kim' });
    await w.run('/digest subscribe at 06:00', { userId: 'U3', userName: 'member', isModerator: false });
    w.clock.advance(60_000);
    await w.run('/digest send-now', { userId: 'U1', userName: 'sam' });
    await w.run('/digest unsubscribe', { userId: 'U3', userName: 'member', isModerator: false });
    const status = text(await w.run('/digest status'));
    const lines = ['Sent on request by sam, Mon 1 Jun 2026, 19:02 (Asia/Seoul): asked to post the digest now', 'Changed by kim, Mon 1 Jun 2026, 19:01 (Asia/Seoul): time 08:00 → 09:15; zone UTC → Asia/Seoul', 'Subscribed by sam, Mon 1 Jun 2026, 19:00 (Asia/Seoul): new: 08:00 UTC · daily · compact'];
    for (const line of lines) expect(status).toContain(line);
    expect(status.indexOf(lines[0] as string)).toBeLessThan(status.indexOf(lines[2] as string));
    expect(status).not.toContain('member');
    expect((await w.store.changes('slack', 'C0CURRENT', 10)).map((c) => `${c.action} ${c.userId}`)).toEqual(['digest-send-now U1', 'digest-subscribe U2', 'digest-subscribe U1']);
  });

  it('GIVEN a moderator subscribes again with the same settings THEN status says they subscribed again, not that they changed it', async () => {
    const w = world();
    await w.run('/digest subscribe at 08:00', { userId: 'U1', userName: 'sam' });
    w.clock.advance(60_000);
    await w.run('/digest subscribe at 08:00', { userId: 'U2', userName: 'kim' });
    const status = text(await w.run('/digest status'));
    expect(status).toContain('Subscribed again by kim, Mon 1 Jun 2026, 10:01 (UTC): unchanged: 08:00 UTC · daily · compact');
  });

  it('GIVEN digests are turned off THEN the commands say so politely', async () => {
    const reply = await world(false).run('/digest subscribe at 08:00');
    expect(reply.tone).toBe('error');
    expect(text(reply)).toMatch(/Digests are turned off/);
  });

  describe('one server or workspace, its own digests', () => {
    it("GIVEN digests set up in two workspaces THEN each one's list and status show only its own channels, times and moderators", async () => {
      const w = world();
      expect((await w.run('/digest subscribe at 07:15', { userName: 'Zelda' }, 'C0ALPHA', 'T0ONE')).tone).not.toBe('error');
      expect((await w.run('/digest subscribe at 09:45', { userName: 'Quentin' }, 'C0BRAVO', 'T0TWO')).tone).not.toBe('error');
      const one = text(await w.run('/digest list', { isModerator: false }, 'C0ELSE', 'T0ONE'));
      expect(one).toContain('C0ALPHA');
      expect(one).toContain('Zelda');
      expect(one).not.toContain('C0BRAVO');
      expect(one).not.toContain('Quentin');
      expect(one).not.toContain('09:45');
      const two = text(await w.run('/digest status', { isModerator: false }, 'C0ELSE', 'T0TWO'));
      expect(two).toContain('C0BRAVO');
      expect(two).not.toContain('C0ALPHA');
      expect(two).not.toContain('Zelda');
    });

    it("GIVEN another workspace's channel THEN its moderator can neither replace, stop, send nor preview its digest, and it stays as it was", async () => {
      const w = world();
      await w.run('/digest subscribe at 07:15', { userName: 'Zelda' }, 'C0ALPHA', 'T0ONE');
      for (const line of ['/digest subscribe <#C0ALPHA> at 03:00', '/digest unsubscribe <#C0ALPHA>', '/digest send-now <#C0ALPHA>', '/digest preview <#C0ALPHA>']) {
        const reply = await w.run(line, { userName: 'mallory' }, 'C0MINE', 'T0TWO');
        expect(reply.tone, line).toBe('error');
        expect(text(reply), line).toContain('another server or workspace');
      }
      expect(await w.store.listSubscriptions()).toMatchObject([{ channelId: 'C0ALPHA', scope: 'T0ONE', minuteOfDay: 7 * 60 + 15, createdBy: 'Zelda' }]);
      expect(w.slack.posts).toEqual([]);
    });

    it('GIVEN a digest set up before scopes were recorded THEN no list shows it until a command is run in its channel, and naming it from elsewhere is refused until then', async () => {
      const w = world();
      await w.run('/digest subscribe at 07:15', { userName: 'Zelda' }, 'C0OLD', 'T0ONE');
      const [old] = await w.store.listSubscriptions();
      w.store.forgetScope(old!.id);
      expect(text(await w.run('/digest list', {}, 'C0ELSE', 'T0TWO'))).not.toContain('C0OLD');
      expect(text(await w.run('/digest list', {}, 'C0ELSE', 'T0ONE'))).not.toContain('C0OLD');
      const named = await w.run('/digest unsubscribe <#C0OLD>', {}, 'C0ELSE', 'T0TWO');
      expect(named.tone).toBe('error');
      expect(text(named)).toContain('Run /digest status in that channel once');
      expect(text(await w.run('/digest status', { isModerator: false }, 'C0OLD', 'T0ONE'))).toContain('C0OLD');
      expect((await w.store.getSubscription('slack', 'C0OLD'))?.scope).toBe('T0ONE');
      expect(text(await w.run('/digest list', {}, 'C0ELSE', 'T0ONE'))).toContain('C0OLD');
      expect((await w.run('/digest unsubscribe <#C0OLD>', {}, 'C0ELSE', 'T0TWO')).tone).toBe('error');
      expect((await w.run('/digest unsubscribe <#C0OLD>', {}, 'C0ELSE', 'T0ONE')).tone).not.toBe('error');
    });
  });
});
