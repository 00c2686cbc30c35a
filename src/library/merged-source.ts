import type { BriefingStore, StoredHead } from '../ports/briefing-store.js';
import type { BriefingSource, LibraryEntry } from '../ports/library.js';

/**
 * The library as readers see it: the files in briefings/ with the store's revisions on top.
 *
 * One slug space. A slug with no store head is the file's text (revision 0). A store head
 * decides otherwise: archived hides the briefing (file or not); active with text shows that text
 * (a moderator's edit wins over the file); active without text (null) follows the file, which is
 * what reverting to revision 0 writes.
 */
export class MergedBriefingSource implements BriefingSource {
  constructor(
    private readonly store: Pick<BriefingStore, 'version' | 'heads'>,
    private readonly files: BriefingSource,
  ) {}

  /** The store's last revision id and the folder's version: two cheap reads, seen by every replica. */
  async version(): Promise<string> {
    const [store, files] = await Promise.all([this.store.version(), this.files.version()]);
    return `store:${store}|files:${files}`;
  }

  async entries(): Promise<LibraryEntry[]> {
    const [heads, files] = await Promise.all([this.store.heads(), this.files.entries()]);
    return mergeEntries(files, heads);
  }
}

/** The merge rule, separate so it can be tested without a store or a folder. */
export function mergeEntries(files: readonly LibraryEntry[], heads: readonly StoredHead[]): LibraryEntry[] {
  const bySlug = new Map<string, LibraryEntry>(files.map((e) => [e.briefing.slug, e]));
  for (const head of heads) {
    const file = bySlug.get(head.slug);
    if (head.state === 'archived') {
      bySlug.delete(head.slug);
      continue;
    }
    if (head.briefing) {
      bySlug.set(head.slug, {
        briefing: head.briefing,
        origin: 'store',
        revision: head.revision,
        createdAt: file?.createdAt ?? head.createdAt,
        updatedAt: head.updatedAt,
      });
    } else if (file) {
      bySlug.set(head.slug, { ...file, revision: head.revision, updatedAt: file.updatedAt > head.updatedAt ? file.updatedAt : head.updatedAt });
    }
  }
  return [...bySlug.values()];
}
