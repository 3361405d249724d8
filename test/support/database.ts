import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** SQLite folder for this test run (also used for secrets when on PostgreSQL). */
  dataDir: string;
  /** A fresh PostgreSQL database when the run has DATABASE_URL, else undefined (SQLite). */
  databaseUrl?: string;
  drop(): Promise<void>;
}

/**
 * Create a throwaway database for one test file: a new PostgreSQL database when DATABASE_URL is
 * set (dropped afterwards), otherwise a temporary SQLite folder.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-test-'));
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    return { dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }

  const name = `ragem_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;

  return {
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
