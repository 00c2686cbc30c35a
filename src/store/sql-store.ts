import type { Kysely, Selectable } from 'kysely';
import type { Analysis } from '../core/analysis/types.js';
import type { Briefing, BriefingFrontMatter } from '../core/briefing/briefing.js';
import { BriefbotError } from '../core/errors.js';
import type { BriefingStore, ChangeRequest, StoredHead, StoredRevision } from '../ports/briefing-store.js';
import type { AuditEntry, AuditFilter, RevisionAction } from '../ports/audit.js';
import type { ParsedFile } from '../ports/library.js';
import { selectAudit } from './audit-log.js';
import type { OpenDatabase } from './database.js';
import type { BriefingRevisionsTable, BriefingsTable, StoreTables } from './schema.js';

/** Bound parameters per statement: SQLite allows 32,766 and PostgreSQL 65,535; stay well below. */
const KEYS_PER_QUERY = 5000;
/** Rows per multi-row insert (three parameters each). */
const ROWS_PER_INSERT = 500;

function parseBriefingJson(content: string | null): Briefing | null {
  return content === null ? null : (JSON.parse(content) as Briefing);
}

function toHead(row: Selectable<BriefingsTable>): StoredHead {
  return {
    slug: row.slug,
    origin: row.origin,
    revision: Number(row.revision),
    state: row.state,
    briefing: parseBriefingJson(row.content),
    bodyHash: row.body_hash,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toRevision(row: Selectable<BriefingRevisionsTable>): StoredRevision {
  return {
    id: Number(row.id),
    slug: row.slug,
    revision: Number(row.revision),
    action: row.action as RevisionAction,
    state: row.state,
    briefing: parseBriefingJson(row.content),
    bodyHash: row.body_hash,
    platform: row.platform,
    userId: row.user_id,
    userName: row.user_name,
    at: new Date(row.at),
    change: row.change,
  };
}

/** A unique or primary key violation: another writer got there first. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function conflict(slug: string, cause?: unknown): BriefbotError {
  return new BriefbotError('CONFLICT', `Someone else changed "${slug}" at the same moment. Nothing was changed; look at /briefing history ${slug} and try again.`, {
    ...(cause !== undefined && { cause }),
  });
}

/**
 * The briefing store on SQLite or PostgreSQL through one kysely query layer. Also the persistent
 * analysis cache. Owns the database it is given and closes it.
 */
export class SqlBriefingStore implements BriefingStore {
  private readonly db: Kysely<StoreTables>;

  constructor(private readonly open: OpenDatabase) {
    this.db = open.db;
  }

  async version(): Promise<string> {
    const row = await this.db.selectFrom('briefing_revisions').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return String(row?.id ?? 0);
  }

  async heads(): Promise<StoredHead[]> {
    const rows = await this.db.selectFrom('briefings').selectAll().orderBy('slug').execute();
    return rows.map(toHead);
  }

  async head(slug: string): Promise<StoredHead | undefined> {
    const row = await this.db.selectFrom('briefings').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row && toHead(row);
  }

  async headsWithBodyHash(hash: string): Promise<StoredHead[]> {
    const rows = await this.db.selectFrom('briefings').selectAll().where('body_hash', '=', hash).orderBy('slug').execute();
    return rows.map(toHead);
  }

  async commit(change: ChangeRequest): Promise<StoredRevision> {
    const at = change.at.toISOString();
    const content = change.briefing === null ? null : JSON.stringify(change.briefing);
    try {
      return await this.db.transaction().execute(async (trx) => {
        const head = await trx.selectFrom('briefings').select(['revision']).where('slug', '=', change.slug).executeTakeFirst();
        const current = head ? Number(head.revision) : 0;
        if (current !== change.basedOn) throw conflict(change.slug);
        const revision = current + 1;
        const row = await trx
          .insertInto('briefing_revisions')
          .values({
            slug: change.slug,
            revision,
            action: change.action,
            state: change.state,
            content,
            body_hash: change.bodyHash,
            platform: change.author.platform,
            user_id: change.author.userId,
            user_name: change.author.userName,
            at,
            change: change.change,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (head) {
          const updated = await trx
            .updateTable('briefings')
            .set({ revision, state: change.state, content, body_hash: change.bodyHash, updated_at: at })
            .where('slug', '=', change.slug)
            .where('revision', '=', current)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) throw conflict(change.slug);
        } else {
          await trx
            .insertInto('briefings')
            .values({ slug: change.slug, origin: change.origin, revision, state: change.state, content, body_hash: change.bodyHash, created_at: at, updated_at: at })
            .execute();
        }
        await trx
          .insertInto('audit_log')
          .values({ at, platform: change.author.platform, user_id: change.author.userId, user_name: change.author.userName, action: change.action, slug: change.slug, revision })
          .execute();
        return toRevision(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(change.slug, error);
      throw error;
    }
  }

  async revisions(slug: string): Promise<StoredRevision[]> {
    const rows = await this.db.selectFrom('briefing_revisions').selectAll().where('slug', '=', slug).orderBy('revision').execute();
    return rows.map(toRevision);
  }

  async revision(slug: string, revision: number): Promise<StoredRevision | undefined> {
    const row = await this.db.selectFrom('briefing_revisions').selectAll().where('slug', '=', slug).where('revision', '=', revision).executeTakeFirst();
    return row && toRevision(row);
  }

  audit(filter: AuditFilter): Promise<AuditEntry[]> {
    return selectAudit(this.db, filter);
  }

  async get(key: string): Promise<Analysis | undefined> {
    const row = await this.db.selectFrom('analysis_cache').select('analysis').where('key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(row.analysis) as Analysis) : undefined;
  }

  async put(key: string, analysis: Analysis): Promise<void> {
    await this.db
      .insertInto('analysis_cache')
      .values({ key, analysis: JSON.stringify(analysis), created_at: new Date().toISOString() })
      // Two replicas analysing the same text store the same thing; the first one wins.
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  async getParsedFiles(keys: readonly string[]): Promise<Map<string, BriefingFrontMatter>> {
    const found = new Map<string, BriefingFrontMatter>();
    for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
      const rows = await this.db.selectFrom('briefing_file_cache').select(['key', 'front_matter']).where('key', 'in', keys.slice(i, i + KEYS_PER_QUERY)).execute();
      for (const row of rows) found.set(row.key, JSON.parse(row.front_matter) as BriefingFrontMatter);
    }
    return found;
  }

  async putParsedFiles(files: readonly ParsedFile[]): Promise<void> {
    if (files.length === 0) return;
    const createdAt = new Date().toISOString();
    // BEGIN IMMEDIATE on SQLite: a second writer waits for this one instead of failing.
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < files.length; i += ROWS_PER_INSERT) {
        await trx
          .insertInto('briefing_file_cache')
          .values(files.slice(i, i + ROWS_PER_INSERT).map((f) => ({ key: f.key, front_matter: JSON.stringify(f.frontMatter), created_at: createdAt })))
          // Replicas with the same files store the same parses; the first one wins, nobody waits.
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
      }
    });
  }

  async pruneParsedFiles(keep: ReadonlySet<string>, storedBefore: Date): Promise<number> {
    const old = await this.db.selectFrom('briefing_file_cache').select('key').where('created_at', '<', storedBefore.toISOString()).execute();
    const gone = old.map((r) => r.key).filter((k) => !keep.has(k));
    let deleted = 0;
    for (let i = 0; i < gone.length; i += KEYS_PER_QUERY) {
      const result = await this.db.deleteFrom('briefing_file_cache').where('key', 'in', gone.slice(i, i + KEYS_PER_QUERY)).executeTakeFirst();
      deleted += Number(result.numDeletedRows);
    }
    return deleted;
  }

  close(): Promise<void> {
    return this.open.close();
  }
}
