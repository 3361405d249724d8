import { createTestDatabase, TestDatabase } from '../support/database';
import { startTestPlatform, TestPlatform } from '../support/platform';
import { postGraphQL } from './support/http';
import { ensureBuilt, killAll, ScriptProcess, startSubgraphProcess } from './support/processes';

/**
 * A deeply nested query through the gateway. Each kelurahan -> kecamatan -> kelurahan round
 * multiplies the response size by about 11, so 20 levels ask for far more objects than fit in memory.
 * The regions subgraph runs as its own process with a 256 MB heap, so running out of memory
 * happens in seconds and cannot take the test runner down.
 */
let database: TestDatabase;
let regions: ScriptProcess;
let platform: TestPlatform;

/** `{ kecamatanList { code kelurahan { code kecamatan { code kelurahan { ... } } } } }`, `depth` levels below the list. */
function nestedQuery(depth: number): string {
  let open = '{ kecamatanList { code ';
  let close = '} }';
  for (let level = 0; level < depth; level += 1) {
    open += level % 2 === 0 ? 'kelurahan { code ' : 'kecamatan { code ';
    close = `} ${close}`;
  }
  return open + close;
}

beforeAll(async () => {
  ensureBuilt();
  database = await createTestDatabase();
  regions = await startSubgraphProcess('regions', { DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '' }, ['--max-old-space-size=256']);
  platform = await startTestPlatform({
    subgraphs: ['agencies', 'places'],
    subgraphUrls: { regions: regions.url },
    env: { SUBGRAPH_TIMEOUT_MS: '10000' },
  });
}, 120000);

afterAll(async () => {
  await platform?.stop();
  await killAll();
  await database?.drop();
});

test('3-deep query succeeds', async () => {
  const result = await postGraphQL(platform.gatewayUrl, { query: nestedQuery(3) });

  expect(result.status).toBe(200);
  expect(result.body?.errors).toBeUndefined();
  expect(result.body?.data?.kecamatanList).toHaveLength(6);
});

test('20-deep query is rejected up front', async () => {
  const result = await postGraphQL(platform.gatewayUrl, { query: nestedQuery(20) }, {}, 15000);

  expect(result.clientError).toBeUndefined();
  expect(result.status).toBe(400);
  expect(result.body?.errors?.[0].extensions?.code).toEqual(expect.any(String));
  expect(result.body?.errors?.[0].extensions?.code).not.toBe('SUBGRAPH_UNAVAILABLE');
  expect(result.ms).toBeLessThan(2000);
}, 20000);

test('regions survives the deep query', async () => {
  // Give a dying process the time to finish dying, so this checks the state after the query.
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const result = await postGraphQL(regions.url, { query: '{ kecamatanList { name } }' }, {}, 5000);

  expect(regions.isRunning()).toBe(true);
  expect(result.status).toBe(200);
  expect(result.body?.data?.kecamatanList).toHaveLength(6);
});
