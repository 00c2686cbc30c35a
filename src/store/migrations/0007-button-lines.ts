import type { StoreMigration } from './migration.js';

/**
 * Command lines of buttons too long for a Discord custom_id, keyed by their content hash, so a
 * button rendered by one replica runs when pressed on another. last_used_at drives pruning.
 */
export const buttonLinesMigration: StoreMigration = {
  name: '0007-button-lines',
  async up(db) {
    await db.schema
      .createTable('button_lines')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('line', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('button_lines_last_used').on('button_lines').column('last_used_at').execute();
  },
};
