import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';
import { TSX_IMPORT } from '../support/tsx-loader.js';
import { isCompleteBody } from './fixtures/edit-body.js';
import { dropSchema } from './store-factories.js';

const pgUrl = await postgresForTests();
const dir = mkdtempSync(join(tmpdir(), 'briefbot-kill-'));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const s of schemas) await dropSchema(pgUrl as string, s);
});

interface Committed {
  slug: string;
  revision: number;
  length: number;
}

/** Runs the edit stream until `count` revisions are reported, then SIGKILLs it mid-stream. */
async function killMidStream(env: Record<string, string>, count: number): Promise<Committed[]> {
  const child = spawn(process.execPath, ['--import', TSX_IMPORT, join(import.meta.dirname, 'fixtures', 'edit-stream.ts')], {
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const committed: Committed[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    const m = /^COMMITTED (\S+) (\d+) (\d+)$/.exec(line);
    if (m) committed.push({ slug: m[1] as string, revision: Number(m[2]), length: Number(m[3]) });
    if (committed.length >= count) {
      child.kill('SIGKILL');
      break;
    }
  }
  const signal = await exited;
  if (committed.length < count) throw new Error(`the edit stream stopped early: ${stderr}`);
  expect(signal).toBe('SIGKILL');
  return committed;
}

const targets: { name: string; skip: boolean; env: () => Record<string, string> }[] = [
  { name: 'SQLite', skip: false, env: () => ({ SQLITE_PATH: join(dir, `${Date.now()}`, 'kill.db') }) },
  {
    name: 'PostgreSQL',
    skip: !pgUrl,
    env: () => {
      const PG_SCHEMA = uniqueSchema('bb_kill');
      schemas.push(PG_SCHEMA);
      return { DATABASE_URL: pgUrl as string, PG_SCHEMA };
    },
  },
];

for (const target of targets) {
  describe.skipIf(target.skip)(`a process killed during a stream of edits on ${target.name}`, () => {
    it('GIVEN SIGKILL mid-stream THEN every reported revision is there and complete, and no revision is half-written', async () => {
      const env = target.env();
      const committed = await killMidStream(env, 40 + Math.floor(Math.random() * 30));
      const { store } = await openStore({
        ...(env.DATABASE_URL && { databaseUrl: env.DATABASE_URL, pgSchema: env.PG_SCHEMA }),
        sqlitePath: env.SQLITE_PATH ?? '',
      });
      try {
        for (const c of committed) {
          const revision = await store.revision(c.slug, c.revision);
          expect(revision, `${c.slug} r${c.revision}`).toBeDefined();
          expect(revision?.briefing?.body.length).toBe(c.length);
          expect(isCompleteBody(revision?.briefing?.body ?? '')).toBe(true);
        }
        // Whatever got further than the last report is whole too: revision, head and audit agree.
        const audit = await store.audit({ limit: 10_000 });
        let total = 0;
        for (const slug of ['kill-a', 'kill-b', 'kill-c']) {
          const revisions = await store.revisions(slug);
          total += revisions.length;
          expect(revisions.map((r) => r.revision)).toEqual(revisions.map((_, i) => i + 1));
          for (const r of revisions) expect(isCompleteBody(r.briefing?.body ?? '')).toBe(true);
          const head = await store.head(slug);
          expect(head?.revision).toBe(revisions.length);
          expect(head?.briefing).toEqual(revisions.at(-1)?.briefing);
          expect(audit.flatMap((a) => ('slug' in a && a.slug === slug ? [a.revision] : [])).sort((a, b) => a - b)).toEqual(revisions.map((r) => r.revision));
        }
        // The child may have committed a few more before the signal landed; never fewer.
        expect(total).toBeGreaterThanOrEqual(committed.length);
      } finally {
        await store.close();
      }
    }, 180_000);
  });
}
