import type { Kysely } from 'kysely';
import { buttonLineKey } from '../core/render/button-line-key.js';
import { BUTTON_LINE_PRUNE_BATCH, BUTTON_LINE_RETENTION_MS, type ButtonLineStore } from '../ports/button-lines.js';
import { type Clock, systemClock } from '../ports/clock.js';

/** The table as kysely sees it (created by migration 0007-button-lines). */
export type ButtonLineTables = {
  button_lines: {
    /** buttonLineKey(line): the content hash the button's custom_id carries. */
    key: string;
    line: string;
    /** ISO 8601 UTC, like every instant in the store: text that sorts as time does. */
    created_at: string;
    last_used_at: string;
  };
};

/**
 * Long button lines in the shared database (SQLite or PostgreSQL), so a button rendered by one
 * replica works when pressed on another, or after a restart. Keeping a line is an upsert on its
 * hash that refreshes last_used_at (a line shown again must outlive the retention from now on);
 * each putMany also drops up to BUTTON_LINE_PRUNE_BATCH lines unused for the retention.
 */
export class SqlButtonLineStore implements ButtonLineStore {
  private readonly db: Kysely<ButtonLineTables>;
  private readonly clock: Clock;
  private readonly retentionMs: number;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the store's kysely instance, whatever its table types
  constructor(db: Kysely<any>, options: { clock?: Clock; retentionMs?: number } = {}) {
    this.db = db as Kysely<ButtonLineTables>;
    this.clock = options.clock ?? systemClock;
    this.retentionMs = options.retentionMs ?? BUTTON_LINE_RETENTION_MS;
  }

  async putMany(lines: readonly string[]): Promise<string[]> {
    const keys = lines.map(buttonLineKey);
    if (lines.length === 0) return keys;
    const now = this.clock.now();
    const at = now.toISOString();
    const rows = new Map(lines.map((line, n) => [keys[n] as string, { key: keys[n] as string, line, created_at: at, last_used_at: at }]));
    await this.db
      .insertInto('button_lines')
      .values([...rows.values()])
      .onConflict((oc) => oc.column('key').doUpdateSet({ last_used_at: (eb) => eb.ref('excluded.last_used_at') }))
      .execute();
    const cutoff = new Date(now.getTime() - this.retentionMs).toISOString();
    await this.db
      .deleteFrom('button_lines')
      .where('key', 'in', (eb) => eb.selectFrom('button_lines').select('key').where('last_used_at', '<=', cutoff).limit(BUTTON_LINE_PRUNE_BATCH))
      .execute();
    return keys;
  }

  async get(key: string): Promise<string | undefined> {
    const row = await this.db
      .updateTable('button_lines')
      .set({ last_used_at: this.clock.now().toISOString() })
      .where('key', '=', key)
      .returning('line')
      .executeTakeFirst();
    return row?.line;
  }
}
