import { describe, expect, it } from 'vitest';
import { ButtonLines } from '../../../src/adapters/discord/button-lines.js';
import { toDiscordMessage } from '../../../src/adapters/discord/to-discord-message.js';
import type { ReplyDocument } from '../../../src/core/render/document.js';
import type { ButtonLineStore } from '../../../src/ports/button-lines.js';
import { MemoryButtonLineStore } from '../../../src/store/memory-button-lines.js';

/** A memory store that counts what reaches it. */
class CountingStore implements ButtonLineStore {
  readonly puts: string[][] = [];
  gets = 0;
  private readonly inner = new MemoryButtonLineStore({ clock: { now: () => new Date(this.clock.t) } });
  constructor(private readonly clock: { t: number }) {}
  putMany(lines: readonly string[]): Promise<string[]> {
    this.puts.push([...lines]);
    return this.inner.putMany(lines);
  }
  get(key: string): Promise<string | undefined> {
    this.gets += 1;
    return this.inner.get(key);
  }
}

const DAY = 24 * 60 * 60 * 1000;
const longLine = (n: number) => `/briefing search ${'harbour strike ferries '.repeat(5)}${n}`;
const doc = (commands: string[]): ReplyDocument => ({ sections: [], actions: commands.map((command, n) => ({ label: `B${n}`, command })), visibility: 'private' });
const idsOf = (m: ReturnType<typeof toDiscordMessage>) => m.components.flatMap((r) => r.components.map((c) => (c as { custom_id: string }).custom_id));

describe('ButtonLines', () => {
  function make() {
    const clock = { t: Date.parse('2026-11-29T10:00:00Z') };
    const store = new CountingStore(clock);
    return { clock, store, lines: new ButtonLines(store, { now: () => new Date(clock.t) }) };
  }

  it('GIVEN a reply whose lines all fit THEN the store is never called, to render or to press', async () => {
    const { store, lines } = make();
    const m = await lines.render((idOf) => toDiscordMessage(doc(['/briefing korea-japan quotes 2', '/briefing korea-japan']), idOf));
    for (const id of idsOf(m)) expect((await lines.parse(id)).kind).toBe('line');
    expect(store.puts).toEqual([]);
    expect(store.gets).toBe(0);
  });

  it('GIVEN long lines THEN they are kept in one batch before render resolves, and not again while this process knows them', async () => {
    const { clock, store, lines } = make();
    const m = await lines.render((idOf) => toDiscordMessage(doc([longLine(1), '/briefing korea-japan', longLine(2)]), idOf));
    expect(store.puts).toEqual([[longLine(1).slice(1), longLine(2).slice(1)]]);
    await lines.render((idOf) => toDiscordMessage(doc([longLine(2)]), idOf));
    expect(store.puts).toHaveLength(1);
    expect(await Promise.all(idsOf(m).map((id) => lines.parse(id)))).toEqual([longLine(1), '/briefing korea-japan', longLine(2)].map((line) => ({ kind: 'line', line })));
    expect(store.gets).toBe(0);
    // After a day the store hears of it again, so its retention counts from a recent use.
    clock.t += DAY;
    await lines.render((idOf) => toDiscordMessage(doc([longLine(2)]), idOf));
    expect(store.puts).toEqual([[longLine(1).slice(1), longLine(2).slice(1)], [longLine(2).slice(1)]]);
  });

  it('GIVEN a press of a line another replica kept THEN it is read from the store once, then from the cache; an unknown key is "expired"', async () => {
    const { store } = make();
    const other = new ButtonLines(store);
    const m = await other.render((idOf) => toDiscordMessage(doc([longLine(3)]), idOf));
    const here = new ButtonLines(store);
    const [id] = idsOf(m);
    expect(await here.parse(id as string)).toEqual({ kind: 'line', line: longLine(3) });
    expect(await here.parse(id as string)).toEqual({ kind: 'line', line: longLine(3) });
    expect(store.gets).toBe(1);
    expect(await here.parse('r:AAAAAAAAAAAAAAAAAAAAAA')).toEqual({ kind: 'expired' });
  });
});
