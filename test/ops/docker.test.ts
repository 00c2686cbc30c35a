import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { Operations } from '../../src/http/operations.js';
import { silentLogger } from '../../src/ports/logger.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (name: string) => readFileSync(join(ROOT, name), 'utf8');

interface Instruction {
  op: string;
  args: string;
}

/** The Dockerfile's instructions with continuation lines joined, per stage. */
function stages(text: string): Instruction[][] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  const out: Instruction[][] = [];
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [op = '', ...rest] = line.split(/\s+/);
    if (op.toUpperCase() === 'FROM') out.push([]);
    out[out.length - 1]?.push({ op: op.toUpperCase(), args: rest.join(' ') });
  }
  return out;
}

const dockerfile = stages(read('Dockerfile'));
const build = dockerfile[0] ?? [];
const runtime = dockerfile[dockerfile.length - 1] ?? [];
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

describe('the Docker image', () => {
  it('GIVEN the Dockerfile THEN it builds in one stage with the dev dependencies and runs in another with production ones only', () => {
    expect(dockerfile.length).toBeGreaterThanOrEqual(2);
    expect(build.some((i) => i.op === 'RUN' && /npm ci\b/.test(i.args) && !/--omit=dev/.test(i.args))).toBe(true);
    expect(build.some((i) => i.op === 'RUN' && /npm prune --omit=dev/.test(i.args))).toBe(true);
    expect(runtime.some((i) => i.op === 'COPY' && /--from=build \/app\/node_modules/.test(i.args))).toBe(true);
    expect(runtime.some((i) => i.op === 'RUN' && /npm (ci|install)/.test(i.args))).toBe(false);
  });

  it('GIVEN every COPY from the build context THEN its source exists and .dockerignore does not exclude it', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter(Boolean);
    const sources = dockerfile.flat().filter((i) => i.op === 'COPY' && !i.args.startsWith('--from')).flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) {
      expect(existsSync(join(ROOT, source)), source).toBe(true);
      expect(ignored.includes(source.replace(/\/$/, '')), `${source} is in .dockerignore`).toBe(false);
    }
  });

  it('GIVEN the runtime stage THEN it runs as a non-root user, keeps ./data in a volume, and starts as `npm start` does', () => {
    const user = runtime.filter((i) => i.op === 'USER').pop();
    expect(user?.args).toBeDefined();
    expect(['root', '0']).not.toContain(user?.args);
    expect(runtime.find((i) => i.op === 'VOLUME')?.args).toContain('/app/data');
    expect(runtime.find((i) => i.op === 'ENV')?.args).toMatch(/SQLITE_PATH=\/app\/data\//);
    const cmd = JSON.parse(runtime.find((i) => i.op === 'CMD')?.args ?? '[]') as string[];
    expect(cmd.join(' ')).toBe(pkg.scripts.start);
    // The compiled entry point is where the build puts src/cli/main.ts.
    expect(cmd[1]).toBe('dist/src/cli/main.js');
    expect(existsSync(join(ROOT, 'src', 'cli', 'main.ts'))).toBe(true);
    expect(read('README.md')).toContain('npm start');
  });

  it('GIVEN the HEALTHCHECK THEN it probes a route the process serves', async () => {
    const check = runtime.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    const path = /'(\/[a-z]+)'/.exec(check)?.[1];
    expect(path).toBeDefined();
    const ops = new Operations({ port: 0, host: '127.0.0.1', logger: silentLogger, processMetrics: false });
    await ops.serve([], true);
    try {
      const res = await fetch(`http://127.0.0.1:${ops.port()}${path}`);
      expect(res.status).toBe(200);
    } finally {
      await ops.stopServer();
    }
  });
});

describe('.env.example in the image', () => {
  it('GIVEN .env.example copied to .env and passed to the container (docker run --env-file, compose env_file) THEN the image still serves HTTP and runs no terminal shell', () => {
    const imageEnv = Object.fromEntries(
      runtime
        .filter((i) => i.op === 'ENV')
        .flatMap((i) => i.args.split(/\s+/))
        .map((kv) => kv.split('=') as [string, string]),
    );
    // Docker gives an env file's values precedence over the image's ENV.
    const config = loadConfig({ ...imageEnv, ...parseEnv(read('.env.example')) });
    expect(config.shell).toBe(false);
    expect(config.env.HTTP_SERVER).toBe('on');
    expect(config.env.LOG_FORMAT).toBe('json');
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, any> };
  const bots = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);

  it('GIVEN the compose file THEN PostgreSQL and at least two identical replicas share one database, each on its own host port', () => {
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
    expect(bots.length).toBeGreaterThanOrEqual(2);
    const urls = new Set(bots.map(([, s]) => s.environment?.DATABASE_URL));
    expect(urls.size).toBe(1);
    expect([...urls][0]).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    for (const [, s] of bots) expect(s.depends_on?.postgres?.condition).toBe('service_healthy');
    const hostPorts = bots.flatMap(([, s]) => (s.ports as string[]).map((p) => p.split(':')[0]));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it('GIVEN a replica stopping THEN docker waits longer than the drain it configures', () => {
    for (const [, s] of bots) {
      const grace = Number(/^(\d+)s$/.exec(s.stop_grace_period ?? '')?.[1] ?? 10) * 1000;
      expect(grace).toBeGreaterThan(Number(s.environment?.SHUTDOWN_TIMEOUT_MS ?? 10_000));
    }
  });

  it('GIVEN the replicas and Discord credentials without DISCORD_PUBLIC_KEY THEN they refuse to start instead of each connecting to the gateway and each answering every command', () => {
    const discord = { DISCORD_TOKEN: 't', DISCORD_APP_ID: '900000000000000001' };
    for (const [name, s] of bots) {
      const env = { ...(s.environment as Record<string, string>), ...discord };
      expect(() => loadConfig(env), name).toThrow(ConfigError);
      const withKey = loadConfig({ ...env, DISCORD_PUBLIC_KEY: 'a'.repeat(64) });
      expect(withKey.discord?.publicKey, name).toBeDefined();
      // Slack alone needs nothing more.
      expect(loadConfig({ ...(s.environment as Record<string, string>), SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y' }).slack, name).toBeDefined();
    }
  });
});
