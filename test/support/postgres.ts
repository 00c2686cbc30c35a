import pg from 'pg';

/**
 * The PostgreSQL server for tests, from TEST_DATABASE_URL. Returns undefined (and says why once)
 * when it is not configured or not reachable, so `npm test` passes on a laptop; with
 * REQUIRE_POSTGRES=1 (CI) an unreachable server is an error instead.
 */
export async function postgresForTests(): Promise<string | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  const required = process.env.REQUIRE_POSTGRES === '1';
  if (!url) {
    if (required) throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');
    console.warn('PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://... to run them');
    return undefined;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch (e) {
    if (required) throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL at TEST_DATABASE_URL is unreachable: ${(e as Error).message}`);
    console.warn(`PostgreSQL tests skipped: ${url.replace(/\/\/[^@]*@/, '//***@')} is unreachable (${(e as Error).message})`);
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh schema name for one test file, so parallel files never share tables. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}
