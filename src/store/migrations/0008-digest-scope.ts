import { sql } from 'kysely';
import type { StoreMigration } from './migration.js';

/**
 * Each digest subscription records the server or workspace it belongs to (a Discord guild id, a
 * Slack team id, 'shell'), so that commands from one server see and change only its digests.
 *
 * Rows made before this migration: the shell has one scope, so its rows get 'shell'. A Discord or
 * Slack row does not say which server its channel is in, and guessing could hand it to the wrong
 * one, so its scope stays NULL: it is still delivered as before (the scheduler ignores scope),
 * no server's `/digest list` or `status` shows it (showing it to every server is the leak this
 * fixes), and the first digest command about its channel from that channel's own server (run in
 * the channel, or naming it, which Discord checks belongs to the server) records the scope.
 * Nothing is deleted or rewritten.
 */
export const digestScopeMigration: StoreMigration = {
  name: '0008-digest-scope',
  async up(db) {
    await db.schema.alterTable('digest_subscriptions').addColumn('scope', 'text').execute();
    await sql`update digest_subscriptions set scope = 'shell' where platform = 'shell'`.execute(db);
    await db.schema.createIndex('digest_subscriptions_scope').on('digest_subscriptions').columns(['platform', 'scope']).execute();
  },
};
