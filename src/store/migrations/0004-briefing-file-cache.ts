import type { StoreMigration } from './migration.js';

/**
 * The parsed front-matter of briefing files by a hash of their name and bytes (and the parser's
 * version), so a restart with thousands of files in briefings/ does not parse them again.
 */
export const briefingFileCacheMigration: StoreMigration = {
  name: '0004-briefing-file-cache',
  async up(db) {
    await db.schema
      .createTable('briefing_file_cache')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('front_matter', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // Pruning looks for old entries only.
    await db.schema.createIndex('briefing_file_cache_created_at').on('briefing_file_cache').column('created_at').execute();
  },
};
