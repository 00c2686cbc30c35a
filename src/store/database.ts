import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, PostgresDialect, sql, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';
import type { StoreTables } from './schema.js';

export type SqlDialectName = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** postgres://... selects PostgreSQL; unset selects SQLite at `sqlitePath`. */
  databaseUrl?: string;
  sqlitePath: string;
  /**
   * PostgreSQL only: the schema to work in (created if missing, then the connection's search_path).
   * Tests give each run its own; production leaves it unset and uses the server's default.
   */
  pgSchema?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** An idle pooled connection failed (server restart); the pool replaces it. Unhandled, it would crash the process. */
  onIdleError?: (error: Error) => void;
}

/** An open database: the one kysely instance every store in the process shares. */
export interface OpenDatabase {
  db: Kysely<StoreTables>;
  dialect: SqlDialectName;
  /** The schema migrations are recorded in (PostgreSQL); undefined for SQLite. */
  schema: string | undefined;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens SQLite (a file, its folder created on first start, WAL) or PostgreSQL, by configuration.
 * Nothing is migrated here: see migrateToLatest.
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  const where = options.databaseUrl ? `PostgreSQL at ${redactUrl(options.databaseUrl)}` : `SQLite at ${options.sqlitePath}`;
  try {
    return options.databaseUrl ? await openPostgres(options.databaseUrl, options) : openSqlite(options.sqlitePath);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new StoreOpenError(`cannot open the database (${where}): ${e.code ? `${e.code} ` : ''}${e.message}`, { cause: error });
  }
}

export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/**
 * kysely's SQLite driver starts transactions with a plain BEGIN (deferred): the transaction reads
 * first and asks for the write lock at its first write. If another process committed in between,
 * SQLite cannot upgrade the stale read and answers SQLITE_BUSY at once, whatever busy_timeout says.
 * BEGIN IMMEDIATE takes the write lock first, so a second writer waits (up to busy_timeout) and
 * then reads what the first one wrote. Every transaction the stores open is a write.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

function openSqlite(path: string): OpenDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  // WAL lets readers (other processes, backups) run beside the writer; NORMAL is durable in WAL
  // mode up to the last committed transaction, which is the guarantee the kill test checks.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<StoreTables>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }) });
  return { db, dialect: 'sqlite', schema: undefined, close: () => db.destroy() };
}

/** Prepared statements kept, by SQL text (the queries are built from a few fixed shapes). */
const STATEMENT_CACHE = 200;

/**
 * kysely prepares every query anew, which costs about as much as running a small one: reuse the
 * prepared statement for SQL text seen before. Safe because kysely runs one query at a time on the
 * connection and runs each to completion (nothing streams here).
 */
function withStatementCache(database: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string): SqliteDatabase.Statement => {
    let statement = cache.get(source);
    if (statement) {
      // Most recently used last, so the first is the one to drop.
      cache.delete(source);
    } else {
      statement = database.prepare(source);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(database, {
    get: (target, key) => {
      if (key === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<OpenDatabase> {
  const schema = options.pgSchema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  // Loaded only for PostgreSQL: a SQLite bot starts without it.
  const { default: pg } = await import('pg');
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`create schema if not exists "${schema}"`);
    } catch (error) {
      // Two processes creating the same schema at once: the loser's error is harmless.
      const exists = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
      if (exists.rowCount === 0) throw error;
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema && { options: `-c search_path=${schema}` }),
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  // A connection that fails while checked out (a server restart between the statements of a
  // transaction) emits 'error' on its client, where the pool does not listen: unhandled, that
  // crashes the process. The statement that uses it next fails instead, and the pool drops it.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
  try {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    return { db, dialect: 'postgres', schema: rows[0]?.schema ?? schema ?? 'public', close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
