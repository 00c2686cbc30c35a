import type { Generated, Kysely } from 'kysely';
import type { Clock } from '../ports/clock.js';
import { systemClock } from '../ports/clock.js';
import { type PendingSubmission, type PendingSubmissionStore, type PendingTake } from '../ports/pending-submissions.js';
import { newPendingId, PendingLimits, type PendingStoreOptions } from './pending-limits.js';

/** The table as kysely sees it (created by migration 0005-pending-submissions). */
export type PendingTables = {
  pending_submissions: {
    seq: Generated<number>;
    id: string;
    owner: string;
    payload: string;
    /** ISO 8601 UTC, like every instant in the store: text that sorts as time does. */
    created_at: string;
    expires_at: string;
  };
};

const iso = (d: Date) => d.toISOString();

/**
 * Pending submissions in the shared database (SQLite or PostgreSQL), so that Confirm finds the
 * preview on any replica and after a restart. Taking is one `DELETE … RETURNING`: the database
 * serialises two takes of one row, and the second finds nothing.
 */
export class SqlPendingStore implements PendingSubmissionStore {
  private readonly db: Kysely<PendingTables>;
  private readonly clock: Clock;
  private readonly limits: PendingLimits;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the store's kysely instance, whatever its table types
  constructor(db: Kysely<any>, options: PendingStoreOptions & { clock?: Clock } = {}) {
    this.db = db as Kysely<PendingTables>;
    this.clock = options.clock ?? systemClock;
    this.limits = new PendingLimits(options);
  }

  async put(item: PendingSubmission): Promise<string> {
    this.limits.check(item);
    const now = this.clock.now();
    await this.sweep();
    const id = newPendingId();
    await this.db
      .insertInto('pending_submissions')
      .values({ id, owner: item.owner, payload: item.payload, created_at: iso(now), expires_at: iso(item.expiresAt) })
      .execute();
    // Abandoned previews must not pile up: an owner keeps only their newest few.
    await this.db
      .deleteFrom('pending_submissions')
      .where('owner', '=', item.owner)
      .where('seq', 'not in', (eb) => eb.selectFrom('pending_submissions').select('seq').where('owner', '=', item.owner).orderBy('seq', 'desc').limit(this.limits.perOwner))
      .execute();
    return id;
  }

  async take(id: string, owner: string): Promise<PendingTake> {
    const now = iso(this.clock.now());
    const row = await this.db
      .deleteFrom('pending_submissions')
      .where('id', '=', id)
      .where('owner', '=', owner)
      .where('expires_at', '>', now)
      .returning('payload')
      .executeTakeFirst();
    if (row) return { status: 'taken', payload: row.payload };
    const other = await this.db.selectFrom('pending_submissions').select('owner').where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
    return other ? { status: 'not-owner' } : { status: 'missing' };
  }

  async sweep(): Promise<number> {
    const result = await this.db.deleteFrom('pending_submissions').where('expires_at', '<=', iso(this.clock.now())).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
