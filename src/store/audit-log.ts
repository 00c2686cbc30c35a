import type { Insertable, Kysely, Selectable } from 'kysely';
import { type AuditEntry, type AuditFilter, isDigestAuditAction, type NewDigestAuditEntry, type RevisionAction } from '../ports/audit.js';
import type { AuditLogTable } from './schema.js';

/**
 * The audit_log table, shared by the briefing store (revisions) and the digest store (digest
 * changes): each writes its entries in the transaction of the change itself, and `briefbot audit`
 * reads them all through one query.
 */
export type AuditLogTables = { audit_log: AuditLogTable };

const DEFAULT_AUDIT_LIMIT = 100;
const MAX_AUDIT_LIMIT = 10_000;

export function toAuditEntry(r: Selectable<AuditLogTable>): AuditEntry {
  const base = { id: Number(r.id), at: new Date(r.at), platform: r.platform, userId: r.user_id, userName: r.user_name };
  if (isDigestAuditAction(r.action)) return { ...base, action: r.action, channelId: r.channel_id ?? '', change: r.change ?? '' };
  return { ...base, action: r.action as RevisionAction, slug: r.slug ?? '', revision: Number(r.revision ?? 0) };
}

export function digestAuditRow(e: NewDigestAuditEntry): Insertable<AuditLogTable> {
  return {
    at: e.at.toISOString(),
    platform: e.platform,
    user_id: e.userId,
    user_name: e.userName,
    action: e.action,
    slug: null,
    revision: null,
    channel_id: e.channelId,
    change: e.change,
  };
}

/** Newest first, by the filter, capped at 10,000 entries. `db` is any kysely instance on a migrated database. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each store types the database with its own tables
export async function selectAudit(db: Kysely<any>, filter: AuditFilter & { platform?: string }): Promise<AuditEntry[]> {
  const limit = Math.min(Math.max(1, filter.limit ?? DEFAULT_AUDIT_LIMIT), MAX_AUDIT_LIMIT);
  let query = (db as Kysely<AuditLogTables>).selectFrom('audit_log').selectAll();
  if (filter.slug !== undefined) query = query.where('slug', '=', filter.slug);
  if (filter.channelId !== undefined) query = query.where('channel_id', '=', filter.channelId);
  if (filter.platform !== undefined) query = query.where('platform', '=', filter.platform);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since.toISOString());
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toAuditEntry);
}
