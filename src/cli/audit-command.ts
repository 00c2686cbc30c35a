import type { Writable } from 'node:stream';
import type { Config } from '../config/config.js';
import { channelName } from '../core/digest/describe-digest.js';
import { type AuditEntry, type AuditFilter, isDigestAuditEntry } from '../ports/audit.js';
import { openStore } from '../store/open-store.js';

const HELP = `briefbot audit [options]: print the audit log, newest first: who changed which
briefing (add, edit, remove, restore, revert) and which channel's digest (digest-subscribe,
digest-unsubscribe, digest-send-now), and what changed.

  --slug S     only changes to this briefing
  --channel C  only changes to this channel's digest (its id; "shell" for the shell)
  --since T    only changes at or after T: a date (2026-11-01), a date-time
               (2026-11-01T08:00Z), or a time ago (90m, 24h, 7d)
  --limit N    at most N entries (default 100)
  --json       one JSON object per line instead of a table

Reads the database configured by DATABASE_URL (PostgreSQL) or SQLITE_PATH (SQLite).`;

const AGO = /^(\d{1,6})([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "7d", "24h", "90m", an ISO date or date-time; undefined when it is none of these. */
export function parseSince(text: string, now: Date): Date | undefined {
  const ago = AGO.exec(text.trim());
  if (ago) return new Date(now.getTime() - Number(ago[1]) * UNIT_MS[ago[2] as keyof typeof UNIT_MS]);
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) return undefined;
  // A date alone, or a time without a zone, is read as UTC so the answer does not depend on the server.
  const iso = /T|\s/.test(text.trim()) ? text.trim().replace(' ', 'T') : `${text.trim()}T00:00Z`;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`;
  // Date() rolls "2026-02-30" over to 2 March; a day the month does not have is a typo to report.
  const [y, m, d] = text.trim().slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return undefined;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** What an entry is about and what changed: "korea-japan", "r3"; or "channel C123", "time 07:00 → 08:00". */
function subjectAndChange(e: AuditEntry): [string, string] {
  return isDigestAuditEntry(e) ? [channelName(e.platform, e.channelId), e.change] : [e.slug, `r${e.revision}`];
}

export function formatAuditTable(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'No changes recorded.\n';
  const rows = entries.map((e) => [
    `${e.at.toISOString().slice(0, 19).replace('T', ' ')}Z`,
    e.platform,
    e.userName === e.userId ? e.userName : `${e.userName} (${e.userId})`,
    e.action,
    ...subjectAndChange(e),
  ]);
  const header = ['time', 'platform', 'user', 'action', 'subject', 'change'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** `briefbot audit`: returns the exit code. `config` is read only when the log is needed. */
export async function runAudit(
  args: readonly string[],
  io: { stdout: Writable; stderr: Writable },
  config: () => Config | undefined | Promise<Config | undefined>,
  now: () => Date = () => new Date(),
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  const filter: AuditFilter = {};
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (['--slug', '--channel', '--since', '--limit'].includes(a) && (args[i + 1] === undefined || args[i + 1]?.startsWith('--'))) {
      io.stderr.write(`${a} needs a value\n${HELP}\n`);
      return 2;
    }
    const value = () => args[++i] as string;
    if (a === '--slug') filter.slug = value();
    else if (a === '--channel') filter.channelId = value();
    else if (a === '--since') {
      const raw = value();
      const since = parseSince(raw, now());
      if (!since) {
        io.stderr.write(`--since takes a date (2026-11-01), a date-time (2026-11-01T08:00Z) or a time ago (24h, 7d), not "${raw}"\n`);
        return 2;
      }
      filter.since = since;
    } else if (a === '--limit') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 10_000) {
        io.stderr.write('--limit takes a whole number from 1 to 10000\n');
        return 2;
      }
      filter.limit = n;
    } else if (a === '--json') json = true;
    else {
      io.stderr.write(`unknown option ${a}\n${HELP}\n`);
      return 2;
    }
  }
  const cfg = await config();
  if (!cfg) return 2;
  const { store } = await openStore({ ...(cfg.env.DATABASE_URL && { databaseUrl: cfg.env.DATABASE_URL }), sqlitePath: cfg.env.SQLITE_PATH });
  try {
    const entries = await store.audit(filter);
    io.stdout.write(json ? entries.map((e) => `${JSON.stringify({ ...e, at: e.at.toISOString() })}\n`).join('') : formatAuditTable(entries));
    return 0;
  } finally {
    await store.close();
  }
}
