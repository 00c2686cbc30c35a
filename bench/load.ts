/**
 * Load benchmark: one briefbot process serving 10,000 briefings to signed Discord interactions
 * and Slack slash commands over loopback, driven by autocannon.
 *
 *   npm run bench:load -- [--corpus ../shared/eval/cnndm-dev.jsonl] [--count 10000]
 *                         [--duration 10] [--connections 32] [--out bench/out/load]
 *                         [--runtime dist|tsx] [--restarts 1] [--only restart|briefing,search,...]
 *                         [--rate 1000] [--paced-duration 10] [--paced-connections 64]
 *
 * Steps: generate the library (sentences of the CNN/DM articles recombined; synthetic text when
 * the corpus is absent), analyse every briefing once into the store's analysis cache (kept in
 * --out between runs), restart the bot as a child process and time how long until it answers,
 * then measure requests a second, p50/p99 latency and peak memory per command: first at saturation
 * (autocannon, closed loop: each connection sends its next command when the last is answered), then at
 * a fixed rate (`--rate`, open loop, bench/paced.ts: latency from each command's scheduled send time,
 * so a queue in the bot shows; `--rate 0` skips these rows).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { clock, paced, quantile } from './paced.js';
import { analysisCacheKey, analyze } from '../src/core/analysis/analyze.js';
import { FileBriefingSource } from '../src/library/file-source.js';
import { Library } from '../src/library/library.js';
import { MergedBriefingSource } from '../src/library/merged-source.js';
import { silentLogger } from '../src/ports/logger.js';
import { openStore } from '../src/store/open-store.js';
import { FakeDiscord } from '../test/fakes/fake-discord.js';
import { FakeSlack } from '../test/fakes/fake-slack.js';
import { discordHeaders, discordPayload, discordTestKeys, slackHeaders, slackSlashBody } from '../test/http/signed-requests.js';
import { seededRandom as random } from '../test/support/seeded-random.js';

const ROOT = resolve(import.meta.dirname, '..');

/** `--name value` or `--name=value`. */
function arg(name: string, fallback: string): string {
  const joined = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (joined) return joined.slice(name.length + 3);
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const corpusPath = resolve(ROOT, arg('corpus', '../shared/eval/cnndm-dev.jsonl'));
const count = Number(arg('count', '10000'));
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '32'));
const outDir = resolve(ROOT, arg('out', 'bench/out/load'));
/** Which rows to run (comma-separated prefixes of: briefing, search, autocomplete, slack-briefing, slack-search). */
const only = arg('only', '').split(',').filter(Boolean);
const wanted = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));
/**
 * How the bot runs: `dist` (the compiled build, as `npm start` runs it in production; built first
 * when the sources are newer than dist/) or `tsx` (the TypeScript sources, compiled at start).
 */
const runtime = arg('runtime', 'dist');
if (runtime !== 'dist' && runtime !== 'tsx') throw new Error(`--runtime is dist or tsx, not ${runtime}`);
/** Restarts to time (the median is reported); with `--only restart` nothing else runs. */
const restarts = Math.max(1, Number(arg('restarts', '1')));
/** Extra node options for the bot, e.g. --node-options=--cpu-prof. */
const nodeOptions = arg('node-options', '').split(' ').filter(Boolean);
/** The fixed rate of the paced rows (commands a second; 0 skips them), how long each runs, and over how many connections. */
const pacedRate = Number(arg('rate', '1000'));
const pacedDuration = Number(arg('paced-duration', String(duration)));
const pacedConnections = Number(arg('paced-connections', '64'));
const briefingsDir = join(outDir, 'briefings');
const sqlitePath = join(outDir, 'briefbot.db');

function sentencePool(): { sentences: string[]; source: string } {
  if (existsSync(corpusPath)) {
    const sentences: string[] = [];
    for (const line of readFileSync(corpusPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const article = (JSON.parse(line) as { article: string }).article;
      for (const s of article.split(/(?<=[.!?]["”’]?)\s+(?=["“A-Z])/)) if (s.length > 40 && s.length < 400) sentences.push(s.trim());
    }
    return { sentences, source: `${sentences.length} sentences of ${corpusPath}` };
  }
  const words = 'minister council talks agreed said rates bank strike union court ruling summit climate river treaty port workers election budget vote city police officials report'.split(' ');
  const rnd = random(7);
  const sentences = Array.from({ length: 5000 }, () => {
    const n = 8 + Math.floor(rnd() * 14);
    const w = Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)] as string);
    return `${(w[0] as string).charAt(0).toUpperCase()}${w.join(' ').slice(1)}.`;
  });
  return { sentences, source: 'synthetic sentences (corpus not found)' };
}

const TAGS = ['politics', 'economy', 'world', 'sport', 'science', 'health', 'crime', 'climate', 'tech', 'culture', 'diplomacy', 'business'];

interface Generated {
  slugs: string[];
  words: string[];
  source: string;
}

async function generate(): Promise<Generated> {
  const marker = join(outDir, 'library.json');
  if (existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as Generated & { count: number };
    if (saved.count === count && (await readdir(briefingsDir)).length === count) return saved;
  }
  await rm(briefingsDir, { recursive: true, force: true });
  await rm(sqlitePath, { force: true });
  await mkdir(briefingsDir, { recursive: true });
  const { sentences, source } = sentencePool();
  const rnd = random(42);
  const pick = () => sentences[Math.floor(rnd() * sentences.length)] as string;
  const slugs: string[] = [];
  const vocabulary = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const titleWords = pick().replace(/[^A-Za-z0-9' -]/g, '').split(/\s+/).filter(Boolean).slice(0, 10);
    const title = titleWords.join(' ') || `Briefing ${i}`;
    const slugWords = titleWords.map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((w) => w.length > 2).slice(0, 4);
    const slug = [`b${i}`, ...slugWords].join('-').slice(0, 60).replace(/-+$/, '');
    for (const w of slugWords) vocabulary.add(w);
    const body = Array.from({ length: 6 + Math.floor(rnd() * 9) }, pick).join(rnd() < 0.3 ? '\n\n' : ' ');
    const tags = [...new Set([TAGS[Math.floor(rnd() * TAGS.length)], TAGS[Math.floor(rnd() * TAGS.length)]])];
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(rnd() * 700) * 86_400_000).toISOString().slice(0, 10);
    await writeFile(join(briefingsDir, `${slug}.md`), `---\ntitle: ${JSON.stringify(title)}\npublished: ${day}\ntags: [${tags.join(', ')}]\n---\n\n${body}\n`);
    slugs.push(slug);
  }
  const generated = { slugs, words: [...vocabulary].slice(0, 2000), source };
  await writeFile(marker, JSON.stringify({ ...generated, count }));
  return generated;
}

/** Analyses every briefing once into the store's cache, as the bot would on first view. */
async function warmCache(): Promise<{ ms: number; analysed: number } | undefined> {
  const marker = join(outDir, 'warmed.json');
  const analysed = existsSync(marker) && existsSync(sqlitePath);
  const { store } = await openStore({ sqlitePath });
  // Also parses the files into the store's parsed-file cache (at once when it is already there).
  const files = new FileBriefingSource(briefingsDir, 200 * 1024, silentLogger, { cache: store });
  const library = new Library({ source: new MergedBriefingSource(store, files), analyze: (i) => analyze(i), cacheKey: (i) => analysisCacheKey(i), cache: store, logger: silentLogger });
  const started = performance.now();
  const entries = await library.list();
  if (analysed) {
    await store.close();
    return undefined;
  }
  let done = 0;
  for (const e of entries) {
    if (await library.analysisOf(e)) done += 1;
    if (done % 1000 === 0) process.stderr.write(`  analysed ${done}/${entries.length}\n`);
  }
  const ms = performance.now() - started;
  await store.close();
  await writeFile(marker, JSON.stringify({ ms, analysed: done }));
  return { ms, analysed: done };
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The child's peak resident memory (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function currentRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * The bot's memory phase by phase: its resident set sampled every 20 ms (the highest seen in each
 * phase) and its all-time peak (VmHWM) at the end of each, so the phase that set the peak shows.
 */
function memoryPhases(pid: number) {
  const phases: { name: string; maxRss: number; hwmAfter: number }[] = [{ name: 'start-up to the first card', maxRss: currentRssMiB(pid), hwmAfter: peakRssMiB(pid) }];
  let phase = { name: '', maxRss: 0, hwmAfter: 0 };
  const sample = () => {
    try {
      phase.maxRss = Math.max(phase.maxRss, currentRssMiB(pid));
    } catch {
      // the bot has exited
    }
  };
  const timer = setInterval(sample, 20);
  const end = () => {
    if (!phase.name) return;
    sample();
    phase.hwmAfter = peakRssMiB(pid);
    phases.push(phase);
  };
  return {
    enter(name: string) {
      end();
      phase = { name, maxRss: 0, hwmAfter: 0 };
    },
    stop(): string {
      end();
      clearInterval(timer);
      return phases.map((p, i) => `${p.name} ${p.maxRss.toFixed(0)}${i > 0 && p.hwmAfter > (phases[i - 1] as { hwmAfter: number }).hwmAfter + 1 ? ` (new peak ${p.hwmAfter.toFixed(0)})` : ''}`).join('; ');
    },
  };
}

/** The bot under test, killed if the bench fails. */
let running: ChildProcess | undefined;

/** CPU time (user + system) the process has used so far, in ms. */
function cpuMs(pid: number, thread?: number): number {
  const fields = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of /proc/pid/stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface RestartTiming {
  readyMs: number;
  readyCpuMs: number;
  firstAnswerMs: number;
  firstCpuMs: number;
  /**
   * CPU time of the bot's main thread alone until the first card: what the wall time comes down
   * to on an idle machine (the rest of the process's CPU is GC and I/O threads working beside it).
   */
  firstMainCpuMs: number;
  /** One-minute load average when the card came. */
  load: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

function describeRestarts(timings: RestartTiming[]): string {
  const how = runtime === 'tsx' ? 'TypeScript via tsx' : 'compiled dist/, as `npm start` runs';
  const m = (f: (t: RestartTiming) => number) => Math.round(median(timings.map(f)));
  const all = timings.length > 1 ? ` (median of ${timings.length}; first cards ${timings.map((t) => Math.round(t.firstAnswerMs)).join(' / ')} ms)` : '';
  return (
    `Restart on the warm store: /readyz 200 after ${m((t) => t.readyMs)} ms, first briefing card (cached analysis) after ${m((t) => t.firstAnswerMs)} ms` +
    ` (both from spawn, ${how})${all}; CPU time of the bot until then ${m((t) => t.readyCpuMs)} ms and ${m((t) => t.firstCpuMs)} ms` +
    ` (main thread alone until the first card ${m((t) => t.firstMainCpuMs)} ms);` +
    ` load average ${timings.map((t) => t.load.toFixed(1)).join(' / ')}.`
  );
}

/** The newest modification time of the TypeScript under the given folders. */
async function newestSource(dirs: string[]): Promise<number> {
  let newest = 0;
  for (const dir of dirs) {
    for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) newest = Math.max(newest, (await stat(join(e.parentPath, e.name))).mtimeMs);
    }
  }
  return newest;
}

/** Runs `npm run build` when dist/ is missing or older than a source file, so the bench never times stale code. */
async function buildIfStale(): Promise<void> {
  const built = join(ROOT, 'dist', 'src', 'cli', 'main.js');
  const builtAt = existsSync(built) ? (await stat(built)).mtimeMs : 0;
  if (builtAt >= (await newestSource(['src', 'commands'].map((d) => join(ROOT, d))))) return;
  process.stderr.write('dist/ is older than the sources: npm run build\n');
  const code = await new Promise<number | null>((resolveExit) => spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).on('exit', resolveExit));
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
}

/** One scenario sent at a fixed rate. */
interface PacedRow {
  scenario: string;
  sent: number;
  answered: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  cpuPerCommand: number;
  /** The same for the main thread alone: the event loop is what limits one process. */
  mainCpuPerCommand: number;
  /** How far behind schedule the generator itself sent (its own event-loop lag), p99 and max ms, and its own longest GC pause. */
  sendLagP99: number;
  sendLagMax: number;
  ownGcMaxMs: number;
  /** The bot's own event-loop delay during the row (its /metrics), and its garbage collections. */
  bot: BotPauses;
}

/** From the bot's /metrics (prom-client's default metrics, which reset the event-loop histogram at each scrape). */
interface BotPauses {
  lagMaxMs: number;
  lagP99Ms: number;
  /** Major (mark-compact) collections during the row, their total and how many took 100 ms or more. */
  majorGcs: number;
  majorGcMs: number;
  majorGcsOver100ms: number;
}

function metricValue(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

async function scrapeBot(base: string): Promise<string> {
  return (await fetch(`${base}/metrics`)).text();
}

/** Pauses between two scrapes (the event-loop figures are the second scrape's: they cover the time since the first). */
function pausesBetween(before: string, after: string): BotPauses {
  const gc = (text: string, suffix: string, labels: string) => metricValue(text, `briefbot_nodejs_gc_duration_seconds${suffix}`, labels);
  return {
    lagMaxMs: metricValue(after, 'briefbot_nodejs_eventloop_lag_max_seconds') * 1000,
    lagP99Ms: metricValue(after, 'briefbot_nodejs_eventloop_lag_p99_seconds') * 1000,
    majorGcs: gc(after, '_count', '{kind="major"}') - gc(before, '_count', '{kind="major"}'),
    majorGcMs: (gc(after, '_sum', '{kind="major"}') - gc(before, '_sum', '{kind="major"}')) * 1000,
    majorGcsOver100ms:
      gc(after, '_count', '{kind="major"}') - gc(after, '_bucket', '{le="0.1",kind="major"}') - (gc(before, '_count', '{kind="major"}') - gc(before, '_bucket', '{le="0.1",kind="major"}')),
  };
}

interface Row {
  scenario: string;
  rps: number;
  cpuPerCommand: number;
  mainCpuPerCommand: number;
  p50: number;
  p99: number;
  errors: number;
  note: string;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const t0 = performance.now();
  const lib = await generate();
  process.stderr.write(`library: ${lib.slugs.length} briefings from ${lib.source} (${Math.round(performance.now() - t0)} ms)\n`);
  const warmed = await warmCache();
  if (warmed) process.stderr.write(`analysis cache: ${warmed.analysed} analyses in ${(warmed.ms / 1000).toFixed(1)} s\n`);

  const fakeDiscord = new FakeDiscord();
  await fakeDiscord.start();
  const fakeSlack = new FakeSlack();
  await fakeSlack.start();
  // An ordinary member, as Slack's users.info answers for one (an unknown id would be user_not_found).
  fakeSlack.users.set('U1', { name: 'bench' });
  const keys = discordTestKeys();
  const signingSecret = 'bench-signing-secret';
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  const ctx = { appId: fakeDiscord.appId, guildId: fakeDiscord.guildId, channelId: fakeDiscord.channelId };
  const user = { id: '800000000000000001', username: 'bench' };
  const rnd = random(99);
  const slugAt = () => lib.slugs[Math.floor(rnd() * lib.slugs.length)] as string;
  const signed = (payload: unknown) => {
    const body = JSON.stringify(payload);
    return { body, headers: discordHeaders(keys.privateKey, body) };
  };

  const entry = runtime === 'tsx' ? ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')] : [join(ROOT, 'dist', 'src', 'cli', 'main.js')];
  /** A fresh process on the warm store, timed until it answers a briefing card. */
  const restart = async (): Promise<{ child: ChildProcess; pid: number; timing: RestartTiming }> => {
    const spawnedAt = performance.now();
    const child: ChildProcess = (running = spawn(process.execPath, [...nodeOptions, ...entry, 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        // As the Docker image runs it (the heap limit sets how far V8 lets garbage pile up);
        // BENCH_NODE_OPTIONS= (empty) runs with Node's defaults.
        NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=1024',
        BRIEFINGS_DIR: briefingsDir,
        SQLITE_PATH: sqlitePath,
        PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        BRIEFBOT_SHELL: 'off',
        LOG_FORMAT: 'json',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
        DIGESTS: 'off',
        RATE_LIMIT_COMMANDS: '0',
        DISCORD_TOKEN: 'bench-discord-token',
        DISCORD_APP_ID: fakeDiscord.appId,
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        DISCORD_API_URL: fakeDiscord.apiUrl,
        SLACK_BOT_TOKEN: 'xoxb-bench-token',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: fakeSlack.apiUrl,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    }));
    const pid = child.pid as number;
    let exited = false;
    child.once('exit', () => (exited = true));
    for (;;) {
      if (exited) throw new Error('the bot exited before it was ready');
      try {
        if ((await fetch(`${base}/readyz`)).status === 200) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const readyMs = performance.now() - spawnedAt;
    const readyCpuMs = cpuMs(pid);

    const firstCard = signed(discordPayload.command(ctx, user, 'briefing', [{ name: 'topic', type: 3, value: slugAt() }]));
    const firstToken = (JSON.parse(firstCard.body) as { token: string }).token;
    const firstRes = (await (await fetch(`${base}/discord/interactions`, { method: 'POST', ...firstCard })).json()) as { type: number; data?: { embeds?: { description?: string }[] } };
    let firstEmbeds = firstRes.data?.embeds;
    if (firstRes.type === 5) {
      // Slower than Discord's deferral point: the card comes as an edit of "thinking…".
      const edit = await fakeDiscord.waitFor(() => fakeDiscord.requests.find((r) => r.method === 'PATCH' && r.path.includes(firstToken)), 60_000);
      firstEmbeds = (edit.body as { embeds?: { description?: string }[] }).embeds;
    }
    const firstAnswerMs = performance.now() - spawnedAt;
    const firstCpuMs = cpuMs(pid);
    const firstMainCpuMs = cpuMs(pid, pid);
    if (!firstEmbeds?.[0]?.description?.includes('Summary')) throw new Error(`first card not answered with an analysis: ${JSON.stringify(firstEmbeds).slice(0, 300)}`);
    const timing = { readyMs, readyCpuMs, firstAnswerMs, firstCpuMs, firstMainCpuMs, load: loadavg()[0] as number };
    process.stderr.write(
      `restart: ready ${Math.round(readyMs)} ms (CPU ${readyCpuMs} ms), first card ${Math.round(firstAnswerMs)} ms (CPU ${firstCpuMs} ms, main thread ${firstMainCpuMs} ms) after spawn; load average ${timing.load.toFixed(1)}\n`,
    );
    return { child, pid, timing };
  };
  const stopChild = async (child: ChildProcess) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };

  if (runtime === 'dist') await buildIfStale();
  const timings: RestartTiming[] = [];
  let started = await restart();
  timings.push(started.timing);
  for (let i = 1; i < restarts; i += 1) {
    await stopChild(started.child);
    started = await restart();
    timings.push(started.timing);
  }
  const { child, pid } = started;
  const restartLine = describeRestarts(timings);

  if (only.length === 1 && only[0] === 'restart') {
    await stopChild(child);
    await fakeDiscord.stop();
    await fakeSlack.stop();
    const lines = [
      `Library: ${lib.slugs.length} briefings (${lib.source}); ${(await import('node:os')).cpus().length} CPUs.`,
      restartLine,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    await writeFile(join(outDir, 'results-restart.md'), `${lines.join('\n')}\n`);
    return;
  }

  const memory = memoryPhases(pid);
  const rows: Row[] = [];
  let firstSearchMs: number | undefined;
  const run = async (scenario: string, path: string, pool: { body: string; headers: Record<string, string> }[], note: string) => {
    let n = 0;
    memory.enter(scenario);
    const cpuBefore = cpuMs(pid);
    const mainBefore = cpuMs(pid, pid);
    const result = await autocannon({
      url: base,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          path,
          setupRequest: (req: Record<string, unknown>) => {
            const r = pool[n++ % pool.length] as { body: string; headers: Record<string, string> };
            return { ...req, body: r.body, headers: r.headers };
          },
        },
      ],
    });
    const cpuPerCommand = (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests.total);
    const mainCpuPerCommand = (cpuMs(pid, pid) - mainBefore) / Math.max(1, result.requests.total);
    rows.push({ scenario, rps: result.requests.average, cpuPerCommand, mainCpuPerCommand, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts, note });
    process.stderr.write(`${scenario}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}\n`);
    if (pacedRate > 0) {
      await pause();
      const metricsBefore = await scrapeBot(base);
      const cpu = cpuMeter();
      const r = await paced({ url: base, rate: pacedRate, duration: pacedDuration, connections: pacedConnections, next: (i) => ({ path, ...(pool[i % pool.length] as { body: string; headers: Record<string, string> }) }) });
      const latencies: number[] = [];
      for (let i = 0; i < r.sent; i += 1) if (!Number.isNaN(r.respondedAt[i])) latencies.push(r.respondedAt[i]! - r.scheduledAt[i]!);
      recordPaced(scenario, r.sent, latencies, r.errors, cpu(latencies.length), r, pausesBetween(metricsBefore, await scrapeBot(base)));
    }
  };
  const pacedRows: PacedRow[] = [];
  /** Lets the bot finish the saturation row's backlog and collect its garbage before a paced row. */
  const pause = () => new Promise((r) => setTimeout(r, 1000));
  /** CPU ms a command of the whole bot and of its main thread, from now until the returned function is called. */
  const cpuMeter = () => {
    const all = cpuMs(pid);
    const main = cpuMs(pid, pid);
    return (commands: number) => ({ cpuPerCommand: (cpuMs(pid) - all) / Math.max(1, commands), mainCpuPerCommand: (cpuMs(pid, pid) - main) / Math.max(1, commands) });
  };
  const recordPaced = (
    scenario: string,
    sent: number,
    latencies: number[],
    errors: number,
    cpu: { cpuPerCommand: number; mainCpuPerCommand: number },
    { sendLagP99, sendLagMax, ownGcMaxMs }: { sendLagP99: number; sendLagMax: number; ownGcMaxMs: number },
    bot: BotPauses,
  ) => {
    latencies.sort((a, b) => a - b);
    const row = { scenario, sent, answered: latencies.length, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies[latencies.length - 1] ?? Number.NaN, errors, ...cpu, sendLagP99, sendLagMax, ownGcMaxMs, bot };
    pacedRows.push(row);
    process.stderr.write(
      `${scenario} at ${pacedRate}/s: ${row.answered} of ${sent} answered, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms, max ${row.max.toFixed(1)} ms, errors ${errors}; generator lag p99 ${sendLagP99.toFixed(1)} ms, max ${sendLagMax.toFixed(0)} ms, longest GC ${ownGcMaxMs.toFixed(0)} ms; bot event-loop delay max ${bot.lagMaxMs.toFixed(0)} ms, ${bot.majorGcs} major GCs (${bot.majorGcMs.toFixed(0)} ms, ${bot.majorGcsOver100ms} of 100 ms or more)\n`,
    );
  };

  const POOL = 2000;
  const n = lib.slugs.length.toLocaleString('en');
  {
    // The first search after start waits for the BM25 index the library builds in the background
    // as it loads; timed on its own, before the rows, so that no row pays for the build.
    memory.enter('first search');
    const started = performance.now();
    const first = signed(discordPayload.command(ctx, user, 'briefings', [{ name: 'search', type: 1, options: [{ name: 'query', type: 3, value: 'police' }] }]));
    const res = (await (await fetch(`${base}/discord/interactions`, { method: 'POST', ...first })).json()) as { type: number };
    if (res.type === 5) {
      // Deferred ("thinking…"): the results come as an edit once the index is ready.
      const token = (JSON.parse(first.body) as { token: string }).token;
      await fakeDiscord.waitFor(() => fakeDiscord.requests.find((r) => r.method === 'PATCH' && r.path.includes(token)), 60_000);
    }
    firstSearchMs = performance.now() - started;
    process.stderr.write(`first search (index build): ${Math.round(firstSearchMs)} ms\n`);
  }
  // Warm-up (JIT, connection pools), not recorded.
  memory.enter('warm-up');
  await autocannon({ url: base, connections, duration: 3, requests: [{ method: 'POST', path: '/discord/interactions', ...signed(discordPayload.ping(ctx)) }] });

  if (wanted('briefing')) await run(
    'Discord `/briefing <slug>`',
    '/discord/interactions',
    Array.from({ length: POOL }, () => signed(discordPayload.command(ctx, user, 'briefing', [{ name: 'topic', type: 3, value: slugAt() }]))),
    `card with summary, quotes, issues; random slug of ${n}`,
  );
  const wordAt = () => lib.words[Math.floor(rnd() * lib.words.length)] as string;
  if (wanted('search')) await run(
    'Discord `/briefings search <words>`',
    '/discord/interactions',
    Array.from({ length: POOL }, () => signed(discordPayload.command(ctx, user, 'briefings', [{ name: 'search', type: 1, options: [{ name: 'query', type: 3, value: `${wordAt()} ${wordAt()}` }] }]))),
    `BM25 over ${n} briefings, two random words`,
  );
  if (wanted('autocomplete')) await run(
    'Discord autocomplete (topic)',
    '/discord/interactions',
    Array.from({ length: POOL }, () => signed(discordPayload.autocomplete(ctx, user, 'briefing', [{ name: 'topic', type: 3, value: wordAt().slice(0, 3 + Math.floor(rnd() * 4)), focused: true }]))),
    `25 choices ranked from ${n} slugs and titles`,
  );

  // A Slack command's answer is the body of its acknowledgement when it is ready within the bot's
  // wait (1.5 s), else a POST to its response_url: latency is measured to the answer, wherever it
  // came, and a command answered twice or never counts as an error. Commands whose acknowledgement
  // autocannon never read (at most one a connection, in flight when the row ended) are left out.
  let seq = 0;
  const slackRun = async (scenario: string, text: () => string, note: string) => {
    const sentAt = new Map<string, number>();
    const inAck = new Map<string, number>();
    const acknowledged = new Set<string>();
    const startedWall = Date.now();
    const cpu = cpuMeter();
    const result = await autocannon({
      url: base,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          path: '/slack/events',
          setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
            const id = `L${++seq}`;
            const body = slackSlashBody('/briefing', text(), { responseUrl: `${fakeSlack.apiUrl.replace(/\/api\/$/, '')}/response/${id}`, userId: 'U1' });
            // One request at a time on a connection: its context names the command being answered.
            context.id = id;
            sentAt.set(id, Date.now());
            return { ...req, body, headers: slackHeaders(signingSecret, body) };
          },
          onResponse: (status: number, body: string, context: Record<string, unknown>) => {
            const id = context.id as string;
            acknowledged.add(id);
            if (status === 200 && body) inAck.set(id, Date.now());
          },
        },
      ],
    });
    await new Promise((r) => setTimeout(r, 2000));
    const posted = new Map<string, number[]>();
    for (const r of fakeSlack.responses) if (sentAt.has(r.id)) posted.set(r.id, [...(posted.get(r.id) ?? []), r.at]);
    const latencies: number[] = [];
    let wrong = 0;
    for (const [id, at] of sentAt) {
      if (!acknowledged.has(id)) continue;
      const answers = [...(inAck.has(id) ? [inAck.get(id) as number] : []), ...(posted.get(id) ?? [])];
      if (answers.length !== 1) wrong += 1;
      if (answers.length) latencies.push(Math.min(...answers) - at);
    }
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    const wall = (Date.now() - startedWall - 2000) / 1000;
    const where = `${inAck.size} in the ack, ${latencies.length - inAck.size} on the response_url`;
    const cut = sentAt.size - acknowledged.size;
    rows.push({ scenario, rps: latencies.length / wall, ...cpu(latencies.length), p50: q(0.5), p99: q(0.99), errors: result.errors + result.non2xx + wrong, note: `${note}; latency to the answer (${where}); ack p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms` });
    process.stderr.write(`${scenario}: ${latencies.length} answered of ${acknowledged.size} acknowledged (${where}, ${wrong} not exactly once; ${cut} cut at the end), p50 ${q(0.5)} ms, p99 ${q(0.99)} ms (to the answer)\n`);
    if (pacedRate > 0) await slackPaced(scenario, text);
  };
  /** The same at a fixed rate: latency from each command's scheduled send time to its answer, wherever it came. */
  const slackPaced = async (scenario: string, text: () => string) => {
    await pause();
    const prefix = `P${++seq}-`;
    const total = Math.round(pacedRate * pacedDuration);
    // Built and signed before the row starts, so the generator only sends.
    const pool = Array.from({ length: total }, (_, i) => {
      const body = slackSlashBody('/briefing', text(), { responseUrl: `${fakeSlack.apiUrl.replace(/\/api\/$/, '')}/response/${prefix}${i}`, userId: 'U1' });
      return { path: '/slack/events', body, headers: slackHeaders(signingSecret, body) };
    });
    const inAck = new Float64Array(total).fill(Number.NaN);
    const metricsBefore = await scrapeBot(base);
    const cpu = cpuMeter();
    const r = await paced({
      url: base,
      rate: pacedRate,
      duration: pacedDuration,
      connections: pacedConnections,
      next: (i) => pool[i]!,
      onResponse: (i, status, body) => {
        if (status === 200 && body) inAck[i] = clock();
      },
    });
    const bot = pausesBetween(metricsBefore, await scrapeBot(base));
    await new Promise((res) => setTimeout(res, 2000));
    const posted = new Map<number, number[]>();
    for (const p of fakeSlack.responses) {
      if (!p.id.startsWith(prefix)) continue;
      const i = Number(p.id.slice(prefix.length));
      posted.set(i, [...(posted.get(i) ?? []), p.at]);
    }
    const latencies: number[] = [];
    let wrong = 0;
    for (let i = 0; i < r.sent; i += 1) {
      const answers = [...(Number.isNaN(inAck[i]!) ? [] : [inAck[i]!]), ...(posted.get(i) ?? [])];
      if (answers.length !== 1) wrong += 1;
      if (answers.length) latencies.push(Math.min(...answers) - r.scheduledAt[i]!);
    }
    recordPaced(scenario, r.sent, latencies, r.errors + wrong, cpu(latencies.length), r, bot);
  };
  if (wanted('slack-briefing') || wanted('slack-search')) memory.enter('Slack rows');
  if (wanted('slack-briefing')) await slackRun('Slack `/briefing <slug>`', slugAt, `card, random slug of ${n}`);
  if (wanted('slack-search')) await slackRun('Slack `/briefing search <words>`', () => `search ${wordAt()} ${wordAt()}`, 'BM25, two random words');

  const memoryLine = memory.stop();
  const peak = peakRssMiB(pid);
  const now = currentRssMiB(pid);
  await stopChild(child);
  await fakeDiscord.stop();
  await fakeSlack.stop();

  const lines = [
    `Library: ${lib.slugs.length} briefings (${lib.source}); ${connections} connections, ${duration} s per row; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs.`,
    '',
    `At saturation (autocannon, closed loop: ${connections} connections, each sending its next command as soon as the last is answered):`,
    '',
    '| scenario | requests/s | p50 ms | p99 ms | errors | bot CPU ms a command | main thread | commands/s per idle core | note |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.scenario} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.cpuPerCommand.toFixed(2)} | ${r.mainCpuPerCommand.toFixed(2)} | ${Math.round(1000 / r.cpuPerCommand)} | ${r.note} |`),
    '',
    ...(pacedRows.length
      ? [
          `At a fixed ${pacedRate} commands a second (open loop, ${pacedDuration} s a row over ${pacedConnections} keep-alive connections; latency from each command's scheduled send time to its answer, so time queued counts):`,
          '',
          '| scenario | sent | answered | p50 ms | p99 ms | max ms | errors | bot CPU ms a command | main thread | generator lag p99 / max ms, longest GC | bot event-loop delay max ms | bot major GCs (ms; ≥ 100 ms) |',
          '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
          ...pacedRows.map(
            (r) =>
              `| ${r.scenario} | ${r.sent} | ${r.answered} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.errors} | ${r.cpuPerCommand.toFixed(2)} | ${r.mainCpuPerCommand.toFixed(2)} | ${r.sendLagP99.toFixed(1)} / ${r.sendLagMax.toFixed(0)}, ${r.ownGcMaxMs.toFixed(0)} | ${r.bot.lagMaxMs.toFixed(0)} | ${r.bot.majorGcs} (${r.bot.majorGcMs.toFixed(0)}; ${r.bot.majorGcsOver100ms}) |`,
          ),
          '',
        ]
      : []),
    ...(firstSearchMs !== undefined ? [`First search right after the first card (waits for the BM25 index of ${lib.slugs.length} briefings, built in the background from start): ${Math.round(firstSearchMs)} ms.`] : []),
    `Peak memory of the bot process (VmHWM): ${peak.toFixed(0)} MiB (RSS at the end ${now.toFixed(0)} MiB); highest RSS sampled in each phase, MiB: ${memoryLine}.`,
    restartLine,
    ...(warmed ? [`Cold analysis of the whole library: ${(warmed.ms / 1000).toFixed(1)} s (${(warmed.ms / warmed.analysed).toFixed(1)} ms a briefing).`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await writeFile(join(outDir, 'results.md'), `${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  running?.kill('SIGKILL');
  process.stderr.write(`bench:load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
