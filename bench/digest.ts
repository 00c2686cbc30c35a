/**
 * Digest delivery at scale: N subscriptions due in the same minute (default 10,000, spread over
 * several time zones), delivered by the real scheduler and delivery queue, through a platform
 * adapter that speaks HTTP to a fake Discord on loopback. The fake allows 50 requests a second
 * for the whole bot and answers 429 with Retry-After beyond that; like Discord it honours a
 * message `nonce` with `enforce_nonce`, and it counts every message it creates per digest.
 *
 *   npm run bench:digest                      # 10,000 subscriptions, SQLite file (or TEST_DATABASE_URL)
 *   npm run bench:digest -- --subscriptions 500
 *   npm run bench:digest -- --db sqlite       # force SQLite even when TEST_DATABASE_URL is set
 *   npm run bench:digest -- --scenario kill   # only the two-replica run with a kill
 *
 * Two runs: one replica; then two replicas (separate processes) sharing the database, one killed
 * with SIGKILL when half the digests are out and restarted at once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Analysis } from '../src/core/analysis/types.js';
import { wallTimeAt } from '../src/core/digest/slots.js';
import { documentText, type ReplyDocument } from '../src/core/render/document.js';
import { CronTicker } from '../src/digest/cron-ticker.js';
import { DeliveryQueue } from '../src/digest/delivery-queue.js';
import { DigestScheduler } from '../src/digest/digest-scheduler.js';
import { type DigestTables, SqlDigestStore } from '../src/digest/sql-digest-store.js';
import type { ChatPlatform } from '../src/ports/chat-platform.js';
import { systemClock } from '../src/ports/clock.js';
import { ChannelGoneError, type IdempotentPost, RateLimitedError, TransientDeliveryError } from '../src/ports/delivery-errors.js';
import { BriefingFinder } from '../src/core/briefing/briefing-finder.js';
import type { BriefingLibrary, LibraryEntry, Resolution } from '../src/ports/library.js';
import { type Logger, silentLogger } from '../src/ports/logger.js';
import { openDatabase, type OpenDatabase } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';

const RATE = 50;
/** How long the workers get to start before the slot (tsx start-up takes 5–20 s on a busy machine). */
const LEAD_MS = 40_000;
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Seoul', 'Asia/Kolkata', 'America/Los_Angeles', 'Europe/Berlin'];

interface DbChoice {
  kind: 'sqlite' | 'postgres';
  sqlitePath?: string;
  url?: string;
  schema?: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function open(db: DbChoice): Promise<OpenDatabase> {
  return db.kind === 'postgres'
    ? openDatabase({ databaseUrl: db.url as string, sqlitePath: '', ...(db.schema && { pgSchema: db.schema }), poolSize: 8 })
    : openDatabase({ sqlitePath: db.sqlitePath as string });
}

// ---------------------------------------------------------------- worker (one replica)

/** A briefing library of three fresh briefings: the bench is about delivery, not analysis. */
class BenchLibrary implements BriefingLibrary {
  private readonly entries: LibraryEntry[];
  constructor(now: number) {
    this.entries = ['trade-talks', 'summit', 'fisheries'].map((slug, i) => ({
      briefing: { slug, title: `Briefing ${slug}`, tags: [], participants: [], body: 'Text.' },
      origin: 'file' as const,
      revision: 0,
      createdAt: new Date(now - (i + 1) * 3_600_000),
      updatedAt: new Date(now - (i + 1) * 3_600_000),
    }));
  }
  async list() {
    return this.entries;
  }
  async get(slug: string) {
    return this.entries.find((e) => e.briefing.slug === slug);
  }
  async search() {
    return [];
  }
  async suggest(typed: string, limit: number): Promise<LibraryEntry[]> {
    return new BriefingFinder(this.entries, (e) => e.briefing).rank(typed, limit);
  }
  async resolve(topic: string): Promise<Resolution> {
    const found = new BriefingFinder(this.entries, (e) => e.briefing).resolve(topic);
    return found.kind === 'found' ? { kind: 'found', entry: this.entries.find((e) => e.briefing.slug === found.slug) as LibraryEntry } : found;
  }
  async analysisOf(e: LibraryEntry): Promise<Analysis> {
    return {
      engineVersion: 1,
      cleanedText: '',
      sentences: [],
      tldr: `What happened in ${e.briefing.slug}, in one line.`,
      summary: [],
      summaryIndices: [],
      quotes: [{ text: 'We agreed to keep talking.', speaker: 'The minister', confidence: 1, cue: 'said-after', key: true, sentence: 0 }],
      issues: [],
      entities: { people: [], places: [], organizations: [] },
      keywords: [],
    };
  }
}

/** A Discord-like adapter over HTTP: maps 429, 5xx and Unknown Channel to the delivery errors. */
class LoopbackDiscord implements ChatPlatform, IdempotentPost {
  readonly name = 'discord' as const;
  constructor(
    private readonly base: string,
    private readonly replica: string,
  ) {}
  async start() {}
  async stop() {}
  isReady() {
    return true;
  }
  post(channelId: string, doc: ReplyDocument): Promise<void> {
    return this.send(channelId, doc, undefined);
  }
  postOnce(channelId: string, doc: ReplyDocument, key: string): Promise<void> {
    return this.send(channelId, doc, key);
  }
  private async send(channelId: string, doc: ReplyDocument, key: string | undefined): Promise<void> {
    // Discord nonces are at most 25 characters.
    const nonce = key ? createHash('sha256').update(key).digest('base64url').slice(0, 25) : undefined;
    let res: Response;
    try {
      res = await fetch(`${this.base}/channels/${channelId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bench-replica': this.replica, ...(key && { 'x-bench-key': key }) },
        body: JSON.stringify({ content: documentText(doc).slice(0, 2000), ...(nonce && { nonce, enforce_nonce: true }) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new TransientDeliveryError(`request failed: ${(error as Error).message}`, { cause: error });
    }
    if (res.ok) {
      await res.arrayBuffer();
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { retry_after?: number; global?: boolean; code?: number; message?: string };
    if (res.status === 429) {
      const seconds = body.retry_after ?? Number(res.headers.get('retry-after') ?? '1');
      throw new RateLimitedError({ retryAfterMs: seconds * 1000, scope: body.global || res.headers.get('x-ratelimit-global') ? 'global' : 'channel' });
    }
    if (body.code === 10003) throw new ChannelGoneError(channelId, 'Unknown Channel (10003)');
    if (res.status >= 500) throw new TransientDeliveryError(`HTTP ${res.status}`, { status: res.status });
    throw new Error(`HTTP ${res.status}: ${body.message ?? ''}`);
  }
}

/** With BENCH_DEBUG, the scheduler's log lines with the time since the slot. */
function debugLogger(id: string, due: number): Logger {
  const line = (level: string) => (obj: object, msg?: string) =>
    console.log(`  [${id}] t=${((Date.now() - due) / 1000).toFixed(1)} ${level} ${msg ?? ''} ${JSON.stringify(obj, (k, v: unknown) => (k === 'err' && v instanceof Error ? v.message : v))}`);
  const logger: Logger = { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error'), child: () => logger };
  return logger;
}

async function runWorker(): Promise<void> {
  const db: DbChoice = JSON.parse(arg('db-json') as string) as DbChoice;
  const logger = process.env.BENCH_DEBUG ? debugLogger(arg('id') as string, Number(arg('due'))) : silentLogger;
  const opened = await open(db);
  const store = new SqlDigestStore(opened.db);
  const queue = new DeliveryQueue({ platforms: [new LoopbackDiscord(arg('server') as string, arg('id') as string)], logger: silentLogger, share: () => scheduler.replicas() });
  const scheduler: DigestScheduler = new DigestScheduler({
    store,
    queue,
    library: new BenchLibrary(Date.now()),
    clock: systemClock,
    logger,
    catchupHours: 6,
    ticker: new CronTicker(),
    replicaId: arg('id') as string,
  });
  scheduler.start();
  process.send?.({ ready: true });
  if (process.env.BENCH_DEBUG) {
    // Once a second: this replica's share of the rate limit, its backlog and its worst event-loop stall.
    const { monitorEventLoopDelay } = await import('node:perf_hooks');
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const due = Number(arg('due'));
    const inside = scheduler as unknown as { pending: unknown[]; workers: number };
    setInterval(() => {
      console.log(`  [${arg('id')}] t=${((Date.now() - due) / 1000).toFixed(0)} share=${scheduler.replicas()} pending=${inside.pending.length} working=${inside.workers} maxLag=${(lag.max / 1e6).toFixed(0)}ms`);
      lag.reset();
    }, 1000).unref();
  }
  process.on('SIGTERM', () => {
    void scheduler.stop(5000).then(() => opened.close()).then(() => process.exit(0));
  });
}

// ---------------------------------------------------------------- fake Discord on loopback

interface ServerStats {
  requests: number;
  accepted: number;
  tooMany: number;
  /** Messages created per digest key. */
  created: Map<string, number>;
  /** Accepted requests per digest key (a retry with the same nonce creates nothing). */
  sent: Map<string, number>;
  /** With BENCH_DEBUG: who sent each digest, and when. */
  senders: Map<string, string[]>;
  arrivals: number[];
  /** With BENCH_DEBUG: accepted and refused requests as [time, replica]. */
  log: [number, string, boolean][];
  firstAt: number;
  lastCreatedAt: number;
}

function fakeDiscord(): { url: Promise<string>; stats: ServerStats; reset(): void; close(): Promise<void> } {
  const stats: ServerStats = { requests: 0, accepted: 0, tooMany: 0, created: new Map(), sent: new Map(), senders: new Map(), arrivals: [], log: [], firstAt: 0, lastCreatedAt: 0 };
  const window: number[] = [];
  const nonces = new Set<string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = performance.now();
      stats.requests++;
      while (window.length && (window[0] as number) <= now - 1000) window.shift();
      if (window.length >= RATE) {
        stats.tooMany++;
        if (process.env.BENCH_DEBUG) stats.log.push([Date.now(), String(req.headers['x-bench-replica']), false]);
        const retryAfter = Math.max(0.001, ((window[0] as number) + 1000 - now) / 1000);
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' });
        res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: Number(retryAfter.toFixed(3)), global: true }));
        return;
      }
      window.push(now);
      stats.accepted++;
      stats.arrivals.push(Date.now());
      if (!stats.firstAt) stats.firstAt = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { nonce?: string; enforce_nonce?: boolean };
      const key = String(req.headers['x-bench-key'] ?? 'unkeyed');
      stats.sent.set(key, (stats.sent.get(key) ?? 0) + 1);
      if (process.env.BENCH_DEBUG) {
        stats.log.push([Date.now(), String(req.headers['x-bench-replica']), true]);
        const who = `${String(req.headers['x-bench-replica'])}@${Date.now() % 100000}`;
        stats.senders.set(key, [...(stats.senders.get(key) ?? []), who]);
      }
      const replay = body.enforce_nonce && body.nonce && nonces.has(body.nonce);
      if (body.nonce) nonces.add(body.nonce);
      if (!replay) {
        stats.created.set(key, (stats.created.get(key) ?? 0) + 1);
        stats.lastCreatedAt = Date.now();
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: String(stats.accepted) }));
    });
  });
  server.keepAliveTimeout = 30_000;
  const url = new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  return {
    url,
    stats,
    reset() {
      Object.assign(stats, { requests: 0, accepted: 0, tooMany: 0, firstAt: 0, lastCreatedAt: 0 });
      stats.created.clear();
      stats.sent.clear();
      stats.senders.clear();
      stats.arrivals.length = 0;
      stats.log.length = 0;
      window.length = 0;
      nonces.clear();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------- coordinator

/** N subscriptions on N channels whose slot is the same instant, in several zones. */
async function seed(db: DbChoice, n: number, dueAt: number): Promise<void> {
  const opened = await open(db);
  await migrateToLatest(opened);
  const t = opened.db.withTables<DigestTables>();
  await t.deleteFrom('digest_deliveries').execute();
  await t.deleteFrom('digest_subscriptions').execute();
  await t.deleteFrom('digest_replicas').execute();
  const day = new Date(dueAt - 86_400_000).toISOString();
  for (let start = 0; start < n; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + 500); i++) {
      const zone = ZONES[i % ZONES.length] as string;
      const w = wallTimeAt(dueAt, zone);
      rows.push({
        id: `bench-${i}`,
        platform: 'discord',
        channel_id: `${100000 + i}`,
        minute_of_day: w.hour * 60 + w.minute,
        time_zone: zone,
        days: '0,1,2,3,4,5,6',
        tags: '[]',
        style: 'full',
        note_when_empty: 0,
        created_by: 'bench',
        created_at: day,
        updated_at: day,
        paused_at: null,
        paused_reason: null,
      });
    }
    await t.insertInto('digest_subscriptions').values(rows).execute();
  }
  await opened.close();
}

async function ledger(db: DbChoice): Promise<Record<string, number>> {
  const opened = await open(db);
  const rows = await opened.db
    .withTables<DigestTables>()
    .selectFrom('digest_deliveries')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  await opened.close();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

function startWorker(db: DbChoice, server: string, id: string, due: number): ChildProcess {
  const self = fileURLToPath(import.meta.url);
  // BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the replicas (not allowed in NODE_OPTIONS).
  const nodeArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', self, '--worker', '--db-json', JSON.stringify(db), '--server', server, '--id', id, '--due', String(due)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

interface RunResult {
  label: string;
  n: number;
  wallS: number;
  sinceFirstS: number;
  boundS: number;
  tooMany: number;
  requests: number;
  duplicates: number;
  absorbed: number;
  lost: number;
  ledger: Record<string, number>;
  timedOut: boolean;
}

async function run(label: string, db: DbChoice, n: number, server: ReturnType<typeof fakeDiscord>, replicas: number, killHalfway: boolean): Promise<RunResult> {
  const url = await server.url;
  // The slot is the start of a coming minute, far enough ahead that the workers are up and idle
  // when it arrives, as a running bot would be: the wall time is then delivery, not start-up.
  const dueAt = Math.ceil((Date.now() + LEAD_MS) / 60_000) * 60_000;
  await seed(db, n, dueAt);
  server.reset();
  const workers = Array.from({ length: replicas }, (_, i) => startWorker(db, url, `${label}-r${i}`, dueAt));
  await new Promise((r) => setTimeout(r, Math.max(0, dueAt - Date.now())));
  if (server.stats.requests > 0) throw new Error('a digest was posted before its slot');
  const started = dueAt;
  const boundS = n / RATE;
  const deadline = started + (boundS * 3 + 180) * 1000;
  let killed = false;
  while (server.stats.created.size < n && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    if (killHalfway && !killed && server.stats.created.size >= n / 2) {
      killed = true;
      const victim = workers[1] as ChildProcess;
      victim.kill('SIGKILL');
      console.log(`  killed replica 1 at ${server.stats.created.size} digests (${((Date.now() - started) / 1000).toFixed(1)} s); restarting it`);
      workers.push(startWorker(db, url, `${label}-r1-restarted`, dueAt));
    }
  }
  const timedOut = server.stats.created.size < n;
  const finished = server.stats.lastCreatedAt || Date.now();
  // Let stragglers (late duplicates, if any) arrive before counting.
  await new Promise((r) => setTimeout(r, 3000));
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null || w.signalCode !== null) return resolve();
          w.once('exit', () => resolve());
          w.kill('SIGTERM');
          setTimeout(() => {
            w.kill('SIGKILL');
            resolve();
          }, 10_000).unref();
        }),
    ),
  );
  let duplicates = 0;
  let absorbed = 0;
  for (const [, c] of server.stats.created) if (c > 1) duplicates += c - 1;
  for (const [k, s] of server.stats.sent) absorbed += Math.max(0, s - (server.stats.created.get(k) ?? 0));
  if (process.env.BENCH_DEBUG) {
    for (const [k, who] of server.stats.senders) if (who.length > 1) console.log('  sent twice:', k, who.join(' '));
    const perSecond = new Map<number, number>();
    for (const t of server.stats.arrivals) perSecond.set(Math.floor((t - started) / 1000), (perSecond.get(Math.floor((t - started) / 1000)) ?? 0) + 1);
    console.log('  accepted per second since start:', [...perSecond.entries()].map(([s, c]) => `${s}:${c}`).join(' '));
    // Per second: accepted/refused by each replica.
    const bySecond = new Map<number, Map<string, [number, number]>>();
    for (const [t, who, ok] of server.stats.log) {
      const s = Math.floor((t - started) / 1000);
      const row = bySecond.get(s) ?? new Map<string, [number, number]>();
      const cell = row.get(who) ?? [0, 0];
      cell[ok ? 0 : 1]++;
      row.set(who, cell);
      bySecond.set(s, row);
    }
    for (const [s, row] of [...bySecond.entries()].sort((a, b) => a[0] - b[0])) {
      console.log(`  s=${s} ${[...row.entries()].map(([who, [ok, no]]) => `${who.replace(label, '')}:${ok}${no ? `/429x${no}` : ''}`).join(' ')}`);
    }
  }
  return {
    label,
    n,
    wallS: (finished - started) / 1000,
    sinceFirstS: (finished - server.stats.firstAt) / 1000,
    boundS,
    tooMany: server.stats.tooMany,
    requests: server.stats.requests,
    duplicates,
    absorbed,
    lost: n - server.stats.created.size,
    ledger: await ledger(db),
    timedOut,
  };
}

function table(results: RunResult[], dbLabel: string): string {
  const lines = [
    `Digest delivery bench — ${results[0]?.n ?? 0} subscriptions due in one minute, fake Discord at ${RATE} requests/s, ${dbLabel}`,
    '',
    '| run | wall time (s) | from first post (s) | bound N/50 (s) | wall / bound | 429s | requests | duplicates | retries absorbed by nonce | lost | ledger |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const ledgerText = Object.entries(r.ledger).map(([k, v]) => `${k} ${v}`).join(', ');
    lines.push(
      `| ${r.label} | ${r.wallS.toFixed(1)} | ${r.sinceFirstS.toFixed(1)} | ${r.boundS.toFixed(0)} | ${(r.wallS / r.boundS).toFixed(3)}${r.wallS / r.boundS <= 1.1 ? '' : ' (over 1.1)'} | ${r.tooMany} | ${r.requests} | ${r.duplicates} | ${r.absorbed} | ${r.lost}${r.timedOut ? ' (timed out)' : ''} | ${ledgerText} |`,
    );
  }
  lines.push('', 'wall time: from the slot instant (workers started 40-100 s before it, as a running bot) to the last digest created; targets: wall/bound <= 1.1, duplicates 0, lost 0.');
  lines.push(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) at the end of the run`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const n = Number(arg('subscriptions') ?? 10_000);
  const scenario = arg('scenario') ?? 'both';
  const forced = arg('db');
  const pgUrl = process.env.TEST_DATABASE_URL;
  let dir: string | undefined;
  let db: DbChoice;
  if (pgUrl && forced !== 'sqlite') {
    db = { kind: 'postgres', url: pgUrl, schema: `bench_digest_${process.pid}` };
  } else {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-digest-'));
    db = { kind: 'sqlite', sqlitePath: join(dir, 'bench.db') };
  }
  const dbLabel = db.kind === 'postgres' ? 'PostgreSQL (TEST_DATABASE_URL)' : 'SQLite file (WAL) shared by the processes';
  const server = fakeDiscord();
  const results: RunResult[] = [];
  try {
    if (scenario === 'both' || scenario === 'single') {
      console.log(`one replica, ${n} subscriptions...`);
      results.push(await run('1 replica', db, n, server, 1, false));
    }
    if (scenario === 'both' || scenario === 'kill') {
      console.log(`two replicas, one killed halfway and restarted, ${n} subscriptions...`);
      results.push(await run('2 replicas, 1 killed + restarted', db, n, server, 2, true));
    }
    console.log(`\n${table(results, dbLabel)}`);
  } finally {
    await server.close();
    if (db.kind === 'postgres') {
      const opened = await open(db);
      await sql.raw(`drop schema if exists "${db.schema}" cascade`).execute(opened.db);
      await opened.close();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--worker')) await runWorker();
else await main();
