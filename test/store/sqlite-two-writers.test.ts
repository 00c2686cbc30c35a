import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { SqlDigestStore } from '../../src/digest/sql-digest-store.js';
import { openStore } from '../../src/store/open-store.js';
import { TSX_IMPORT } from '../support/tsx-loader.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COUNT = 150;

interface Writer {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  /** Every line after READY. */
  done: Promise<string[]>;
}

function startWriter(name: string, sqlitePath: string): Writer {
  const child = spawn(process.execPath, ['--import', TSX_IMPORT, join(import.meta.dirname, 'fixtures', 'concurrent-writer.ts')], {
    env: { ...process.env, SQLITE_PATH: sqlitePath, WRITER: name, COUNT: String(COUNT), LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = (async () => {
    const lines: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      if (line === 'READY') markReady();
      else lines.push(line);
    }
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
    if (code !== 0) throw new Error(`writer ${name} exited with ${code}: ${stderr}`);
    return lines;
  })();
  return { child, ready, done };
}

describe('SQLite with two processes writing one file', () => {
  it('GIVEN two processes committing revisions and subscription changes at the same time THEN every write waits its turn: none fails and none is lost', async () => {
    const sqlitePath = join(dir, 'shared.db');
    // Migrated first, so the writers race on the writes rather than on the schema.
    await (await openStore({ sqlitePath })).store.close();
    const writers = ['a', 'b'].map((name) => startWriter(name, sqlitePath));
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.child.stdin.end('GO\n');
    const outputs = await Promise.all(writers.map((w) => w.done));

    for (const lines of outputs) {
      expect(lines.filter((l) => l.startsWith('FAILED'))).toEqual([]);
      expect(lines.at(-1)).toBe(`DONE ${2 * COUNT} 0`);
    }
    const { store, database } = await openStore({ sqlitePath });
    try {
      const digests = new SqlDigestStore(database.db);
      for (const name of ['a', 'b']) {
        const revisions = await store.revisions(`${name}-story`);
        expect(revisions.map((r) => r.revision)).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
        expect((await store.head(`${name}-story`))?.briefing?.body).toBe(`Text number ${COUNT - 1} by ${name}.`);
        expect((await store.audit({ slug: `${name}-story`, limit: 10_000 })).length).toBe(COUNT);
        expect((await digests.getSubscription('shell', `${name}-channel`))?.minuteOfDay).toBe(COUNT - 1);
        expect((await store.audit({ channelId: `${name}-channel`, limit: 10_000 })).length).toBe(COUNT);
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});
