import type { AuditEntry, AuditFilter, DigestAuditEntry, RevisionAuditEntry } from '../ports/audit.js';

export type NewAuditEntry = Omit<RevisionAuditEntry, 'id'> | Omit<DigestAuditEntry, 'id'>;

/**
 * The audit log in memory, shared by the memory stores the way audit_log is shared by the SQL
 * ones, with the same filters and order. For tests and for digests run without a database.
 */
export class MemoryAuditLog {
  private readonly entries: AuditEntry[] = [];

  append(entry: NewAuditEntry): void {
    this.entries.push({ ...entry, at: new Date(entry.at), id: this.entries.length + 1 } as AuditEntry);
  }

  /** Newest first. */
  list(filter: AuditFilter & { platform?: string }): AuditEntry[] {
    return this.entries
      .filter(
        (e) =>
          (filter.slug === undefined || ('slug' in e && e.slug === filter.slug)) &&
          (filter.channelId === undefined || ('channelId' in e && e.channelId === filter.channelId)) &&
          (filter.platform === undefined || e.platform === filter.platform) &&
          (filter.since === undefined || e.at >= filter.since),
      )
      .reverse()
      .slice(0, Math.min(Math.max(1, filter.limit ?? 100), 10_000))
      .map((e) => ({ ...e, at: new Date(e.at) }));
  }
}
