import { expect } from 'vitest';

type Json = Record<string, unknown>;

/** Every text object in a message (mrkdwn and plain_text), with where it sits. */
export function textObjects(value: unknown, path = ''): { path: string; type: string; text: string; verbatim?: unknown }[] {
  const out: { path: string; type: string; text: string; verbatim?: unknown }[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...textObjects(v, `${path}[${i}]`)));
  else if (value && typeof value === 'object') {
    const o = value as Json;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push({ path, type: o.type, text: o.text, verbatim: o.verbatim });
    else for (const [k, v] of Object.entries(o)) out.push(...textObjects(v, `${path}.${k}`));
  }
  return out;
}

/** Asserts a chat message respects Block Kit's limits (as documented by Slack). */
export function expectWithinSlackLimits(message: { text?: unknown; blocks?: unknown }): void {
  const blocks = (message.blocks ?? []) as Json[];
  expect(blocks.length).toBeLessThanOrEqual(50);
  let total = typeof message.text === 'string' ? message.text.length : 0;
  const actionIds = new Set<string>();
  for (const b of blocks) {
    if (b.type === 'header') expect(((b.text as Json).text as string).length).toBeLessThanOrEqual(150);
    if (b.type === 'section' && b.text) expect(((b.text as Json).text as string).length).toBeLessThanOrEqual(3000);
    if (b.type === 'context') {
      const elements = b.elements as Json[];
      expect(elements.length).toBeLessThanOrEqual(10);
      for (const e of elements) expect((e.text as string).length).toBeLessThanOrEqual(3000);
    }
    if (b.type === 'actions') {
      const elements = b.elements as Json[];
      expect(elements.length).toBeLessThanOrEqual(25);
      for (const e of elements) {
        expect(((e.text as Json).text as string).length).toBeLessThanOrEqual(75);
        expect(String(e.value ?? '').length).toBeLessThanOrEqual(2000);
        const id = String(e.action_id);
        expect(actionIds.has(id)).toBe(false);
        actionIds.add(id);
      }
    }
  }
  for (const t of textObjects(blocks)) total += t.text.length;
  expect(total).toBeLessThanOrEqual(13_000);
}
