import type { StoreMigration } from './migration.js';

/**
 * Digest subscriptions (one per channel), the delivery ledger whose primary key (subscription,
 * slot) makes each scheduled digest go out once across replicas, and the replicas' heartbeats
 * used to share the platforms' rate limits. Instants are ISO 8601 UTC text, like the other tables.
 */
export const digestsMigration: StoreMigration = {
  name: '0003-digests',
  async up(db) {
    await db.schema
      .createTable('digest_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('minute_of_day', 'integer', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('days', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('style', 'text', (c) => c.notNull())
      .addColumn('note_when_empty', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('paused_at', 'text')
      .addColumn('paused_reason', 'text')
      .addUniqueConstraint('digest_subscriptions_channel', ['platform', 'channel_id'])
      .execute();
    await db.schema
      .createTable('digest_deliveries')
      .addColumn('subscription_id', 'text', (c) => c.notNull())
      .addColumn('slot_at', 'text', (c) => c.notNull())
      .addColumn('manual', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('items', 'integer')
      .addColumn('covered_until', 'text')
      .addColumn('error', 'text')
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addPrimaryKeyConstraint('digest_deliveries_slot', ['subscription_id', 'slot_at'])
      .execute();
    await db.schema
      .createTable('digest_replicas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .execute();
  },
};
