import { idColumnType, type StoreMigration } from './migration.js';

/**
 * Moderators' submissions waiting for Confirm (the preview step of the add and edit forms), so
 * that any replica can finish them. `seq` orders an owner's rows (the oldest go beyond the
 * per-owner limit); `id` is the random token the chat platform carries.
 */
export const pendingSubmissionsMigration: StoreMigration = {
  name: '0005-pending-submissions',
  async up(db, dialect) {
    await db.schema
      .createTable('pending_submissions')
      .addColumn('seq', idColumnType(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pending_submissions_owner').on('pending_submissions').columns(['owner', 'seq']).execute();
    await db.schema.createIndex('pending_submissions_expires').on('pending_submissions').column('expires_at').execute();
  },
};
