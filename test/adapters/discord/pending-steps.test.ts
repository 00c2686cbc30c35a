import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, confirmCustomId, formCustomId } from '../../../src/adapters/discord/custom-id.js';
import { PendingSteps } from '../../../src/adapters/discord/pending-steps.js';
import { MemoryPendingStore } from '../../../src/store/memory-pending-store.js';

describe('Pending moderator steps on Discord', () => {
  it('GIVEN a preview with an uploaded file THEN Confirm gets back the same command, arguments and bytes, once', async () => {
    const steps = new PendingSteps(new MemoryPendingStore());
    const content = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# Kōno — “talks”\n\nText.\n'), 0x00, 0xff]);
    const id = await steps.keep('111', { step: 'preview', key: 'briefing edit', args: { slug: 'korea-japan', public: false, n: 2 }, attachment: { name: 'korea-japan.md', content } });
    const taken = await steps.take(id, '111');
    expect(taken).toEqual({ status: 'taken', step: { step: 'preview', key: 'briefing edit', args: { slug: 'korea-japan', public: false, n: 2 }, attachment: { name: 'korea-japan.md', content } } });
    expect(await steps.take(id, '111')).toEqual({ status: 'missing' });
  });

  it('GIVEN an open form THEN only the user who opened it takes it, keeping the briefing being edited', async () => {
    const steps = new PendingSteps(new MemoryPendingStore());
    const base = { slug: 'ferry', title: 'Ferry', source: 'Wire', tags: ['transport'], participants: [{ name: 'Ana', aliases: [] }], body: 'The ferry sails.' };
    const id = await steps.keep('111', { step: 'form', key: 'briefing edit', args: { slug: 'ferry' }, base });
    expect(await steps.take(id, '222')).toEqual({ status: 'not-owner' });
    expect(await steps.take(id, '111')).toEqual({ status: 'taken', step: { step: 'form', key: 'briefing edit', args: { slug: 'ferry' }, base } });
  });

  it('GIVEN 15 minutes have passed THEN the step is gone, and its ids fit a custom_id', async () => {
    let now = Date.parse('2026-11-29T10:00:00Z');
    const clock = { now: () => new Date(now) };
    const steps = new PendingSteps(new MemoryPendingStore({ clock }), () => now);
    const id = await steps.keep('111', { step: 'form', key: 'briefing add', args: {} });
    expect(confirmCustomId(id).length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(formCustomId(id).length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    now += 15 * 60_000;
    expect(await steps.take(id, '111')).toEqual({ status: 'missing' });
  });
});
