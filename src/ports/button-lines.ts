/**
 * Command lines of buttons too long to travel in the button itself (a Discord custom_id holds 100
 * characters), kept under their content hash (core/render/button-line-key.ts) where every replica
 * finds them: memory for one process, SQLite or PostgreSQL for replicas.
 */
export interface ButtonLineStore {
  /**
   * Keeps each line and returns their keys, in order. Keeping a line again is harmless and counts
   * as a use. Lines unused for the store's retention (30 days by default) are dropped a few at a
   * time, on later calls.
   */
  putMany(lines: readonly string[]): Promise<string[]>;
  /** The line kept under `key`, counting as a use; undefined when unknown or dropped. */
  get(key: string): Promise<string | undefined>;
}

/** How long a line nobody showed or pressed is kept. */
export const BUTTON_LINE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** How many old lines one putMany drops at most (bounded work on the reply path). */
export const BUTTON_LINE_PRUNE_BATCH = 100;
