import { sql } from 'kysely';
import type { StoreMigration } from './migration.js';

/**
 * The audit log records digest changes too (subscribe, unsubscribe, send-now): a row names either
 * a briefing revision (slug, revision) or a channel (channel_id) with what changed (change), so
 * slug and revision become optional. Subscriptions keep their creator's stable id beside the name.
 */
export const digestAuditMigration: StoreMigration = {
  name: '0006-digest-audit',
  async up(db, dialect) {
    if (dialect === 'postgres') {
      await db.schema
        .alterTable('audit_log')
        .alterColumn('slug', (c) => c.dropNotNull())
        .alterColumn('revision', (c) => c.dropNotNull())
        .addColumn('channel_id', 'text')
        .addColumn('change', 'text')
        .execute();
    } else {
      // SQLite cannot drop NOT NULL in place: rebuild the table, all in one transaction
      // (https://www.sqlite.org/lang_altertable.html#otheralter). Ids are kept, and the rename
      // carries the AUTOINCREMENT counter over, so new entries still sort after old ones.
      await db.transaction().execute(async (trx) => {
        await trx.schema
          .createTable('audit_log_0006')
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('user_name', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('slug', 'text')
          .addColumn('revision', 'integer')
          .addColumn('channel_id', 'text')
          .addColumn('change', 'text')
          .execute();
        await sql`insert into audit_log_0006 (id, at, platform, user_id, user_name, action, slug, revision)
                  select id, at, platform, user_id, user_name, action, slug, revision from audit_log`.execute(trx);
        await trx.schema.dropTable('audit_log').execute();
        await trx.schema.alterTable('audit_log_0006').renameTo('audit_log').execute();
        await trx.schema.createIndex('audit_log_slug').on('audit_log').columns(['slug', 'id']).execute();
        await trx.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      });
    }
    await db.schema.createIndex('audit_log_channel').on('audit_log').columns(['channel_id', 'id']).execute();
    await db.schema.alterTable('digest_subscriptions').addColumn('created_by_id', 'text').execute();
  },
};
