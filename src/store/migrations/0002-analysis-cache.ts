import type { StoreMigration } from './migration.js';

/** Analyses by cache key (content hash and engine version), so a restart recomputes nothing. */
export const analysisCacheMigration: StoreMigration = {
  name: '0002-analysis-cache',
  async up(db) {
    await db.schema
      .createTable('analysis_cache')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('analysis', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
