import { idColumnType, type StoreMigration } from './migration.js';

/** Briefing heads, their revisions and the audit log. */
export const briefingsMigration: StoreMigration = {
  name: '0001-briefings',
  async up(db, dialect) {
    await db.schema
      .createTable('briefings')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('content', 'text')
      .addColumn('body_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('briefings_body_hash').on('briefings').column('body_hash').execute();

    await db.schema
      .createTable('briefing_revisions')
      .addColumn('id', idColumnType(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('content', 'text')
      .addColumn('body_hash', 'text')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      // Two replicas editing one briefing at once cannot both write revision n.
      .addUniqueConstraint('briefing_revisions_slug_revision', ['slug', 'revision'])
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', idColumnType(dialect), (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_slug').on('audit_log').columns(['slug', 'id']).execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  },
};
