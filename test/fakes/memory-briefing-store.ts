import type { Analysis } from '../../src/core/analysis/types.js';
import type { BriefingFrontMatter } from '../../src/core/briefing/briefing.js';
import { BriefbotError } from '../../src/core/errors.js';
import type { BriefingStore, ChangeRequest, StoredHead, StoredRevision } from '../../src/ports/briefing-store.js';
import type { ParsedFile } from '../../src/ports/library.js';
import type { AuditEntry, AuditFilter } from '../../src/ports/audit.js';
import { MemoryAuditLog } from '../../src/store/memory-audit-log.js';

const clone = <T>(v: T): T => structuredClone(v);

/** The briefing store in memory, with the adapters' semantics (the contract suite runs on it too). */
export class MemoryBriefingStore implements BriefingStore {
  private readonly headsBySlug = new Map<string, StoredHead>();
  private readonly log: StoredRevision[] = [];
  private readonly cache = new Map<string, string>();
  private readonly parsedFiles = new Map<string, { frontMatter: string; createdAt: Date }>();

  /** `auditLog` is shared with a MemoryDigestStore when both stand for one database. */
  constructor(readonly auditLog: MemoryAuditLog = new MemoryAuditLog()) {}

  async version(): Promise<string> {
    return String(this.log.length);
  }

  async heads(): Promise<StoredHead[]> {
    return [...this.headsBySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug)).map(clone);
  }

  async head(slug: string): Promise<StoredHead | undefined> {
    const h = this.headsBySlug.get(slug);
    return h && clone(h);
  }

  async headsWithBodyHash(hash: string): Promise<StoredHead[]> {
    return (await this.heads()).filter((h) => h.bodyHash === hash);
  }

  async commit(change: ChangeRequest): Promise<StoredRevision> {
    const head = this.headsBySlug.get(change.slug);
    if ((head?.revision ?? 0) !== change.basedOn) {
      throw new BriefbotError('CONFLICT', `Someone else changed "${change.slug}" at the same moment. Nothing was changed.`);
    }
    const revision = change.basedOn + 1;
    const stored: StoredRevision = {
      id: this.log.length + 1,
      slug: change.slug,
      revision,
      action: change.action,
      state: change.state,
      briefing: clone(change.briefing),
      bodyHash: change.bodyHash,
      platform: change.author.platform,
      userId: change.author.userId,
      userName: change.author.userName,
      at: new Date(change.at),
      change: change.change,
    };
    this.log.push(stored);
    this.headsBySlug.set(change.slug, {
      slug: change.slug,
      origin: head?.origin ?? change.origin,
      revision,
      state: change.state,
      briefing: clone(change.briefing),
      bodyHash: change.bodyHash,
      createdAt: head?.createdAt ?? new Date(change.at),
      updatedAt: new Date(change.at),
    });
    this.auditLog.append({ at: new Date(change.at), ...change.author, action: change.action, slug: change.slug, revision });
    return clone(stored);
  }

  async revisions(slug: string): Promise<StoredRevision[]> {
    return this.log.filter((r) => r.slug === slug).map(clone);
  }

  async revision(slug: string, revision: number): Promise<StoredRevision | undefined> {
    const r = this.log.find((x) => x.slug === slug && x.revision === revision);
    return r && clone(r);
  }

  async audit(filter: AuditFilter): Promise<AuditEntry[]> {
    return this.auditLog.list(filter);
  }

  async get(key: string): Promise<Analysis | undefined> {
    const v = this.cache.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as Analysis);
  }

  async put(key: string, analysis: Analysis): Promise<void> {
    if (!this.cache.has(key)) this.cache.set(key, JSON.stringify(analysis));
  }

  async getParsedFiles(keys: readonly string[]): Promise<Map<string, BriefingFrontMatter>> {
    const found = new Map<string, BriefingFrontMatter>();
    for (const key of keys) {
      const v = this.parsedFiles.get(key);
      if (v) found.set(key, JSON.parse(v.frontMatter) as BriefingFrontMatter);
    }
    return found;
  }

  async putParsedFiles(files: readonly ParsedFile[]): Promise<void> {
    const createdAt = new Date();
    for (const f of files) if (!this.parsedFiles.has(f.key)) this.parsedFiles.set(f.key, { frontMatter: JSON.stringify(f.frontMatter), createdAt });
  }

  async pruneParsedFiles(keep: ReadonlySet<string>, storedBefore: Date): Promise<number> {
    let deleted = 0;
    for (const [key, v] of this.parsedFiles) {
      if (v.createdAt < storedBefore && !keep.has(key)) {
        this.parsedFiles.delete(key);
        deleted += 1;
      }
    }
    return deleted;
  }

  async close(): Promise<void> {}
}
