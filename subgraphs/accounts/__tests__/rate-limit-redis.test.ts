import { randomBytes } from 'node:crypto';
import { RedisCache } from '../../../plugins/cache';
import { systemClock } from '../../../plugins/clock';
import { loadPlugin } from '../../../plugins/plugin-loader';
import { RunningSubgraph, startSubgraph } from '../../../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { signedIdentityHeaders, TEST_IDENTITY_SECRET } from '../../../test/support/identity';
import { createCapturingLogger } from '../../../test/support/logs';
import { DEMO_PASSWORD } from '../seed';
import { expectError, LOGIN } from './helpers';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let database: TestDatabase;
const caches: RedisCache[] = [];
const subgraphs: RunningSubgraph[] = [];

/** Start an accounts subgraph whose cache is Redis under `prefix`. */
async function startWithRedis(prefix: string): Promise<RunningSubgraph> {
  const cache = RedisCache.connect(REDIS_URL, prefix);
  caches.push(cache);
  const subgraph = await startSubgraph(
    loadPlugin('accounts'),
    {
      identitySecret: TEST_IDENTITY_SECRET,
      logger: createCapturingLogger().logger,
      cache,
      clock: systemClock,
      dataDir: database.dataDir,
      databaseUrl: database.databaseUrl,
      isProduction: false,
      introspection: true,
    },
    { port: 0, host: '127.0.0.1' },
  );
  subgraphs.push(subgraph);
  return subgraph;
}

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATA_DIR = database.dataDir;
});

afterAll(async () => {
  for (const subgraph of subgraphs) await subgraph.close();
  for (const cache of caches) await cache.close();
  await database?.drop();
});

test('failures on two instances share one counter', async () => {
  const prefix = `ragem-test-accounts-${randomBytes(6).toString('hex')}:`;
  const first = await startWithRedis(prefix);
  const second = await startWithRedis(prefix);

  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const instance = attempt % 2 === 0 ? second : first;
    const headers = signedIdentityHeaders({ addr: `10.1.0.${attempt}` });
    const error = await expectError(instance, LOGIN, { identifier: 'warga@demo.ragem.id', password: `salah-sandi-${attempt}` }, headers);
    expect(error.code).toBe('INVALID_CREDENTIALS');
  }

  for (const instance of [first, second]) {
    const headers = signedIdentityHeaders({ addr: '10.1.0.99' });
    const error = await expectError(instance, LOGIN, { identifier: 'warga@demo.ragem.id', password: DEMO_PASSWORD }, headers);
    expect(error.code).toBe('LOGIN_RATE_LIMITED');
  }
});
