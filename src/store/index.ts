export { type DatabaseOptions, type OpenDatabase, openDatabase, redactUrl, type SqlDialectName, StoreOpenError } from './database.js';
export { migrateToLatest, MigrationError } from './migrate.js';
export { migrations } from './migrations/index.js';
export { idColumnType, type StoreMigration } from './migrations/migration.js';
export { type OpenedStore, openStore } from './open-store.js';
export type { StoreTables } from './schema.js';
export { SqlBriefingStore } from './sql-store.js';
