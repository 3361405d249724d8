import { spawn } from 'node:child_process';
import { createTestDatabase, TestDatabase } from '../support/database';
import { startTestPlatform, TestPlatform } from '../support/platform';
import { postGraphQL, send } from './support/http';
import { ensureBuilt, killAll, ScriptProcess, startSubgraphProcess } from './support/processes';

/**
 * The places subgraph as its own process behind an in-process gateway: killed with SIGKILL,
 * killed in the middle of a request, and started again on the same port and database.
 * The steps run in order and share the processes.
 */
let database: TestDatabase;
let platform: TestPlatform;
let places: ScriptProcess;
let placesPort: string;

const QUERY = '{ kelurahan(code: "36.73.01.1011") { name wifiPoints { name } } wifiPoints { id } }';
const NEST_QUERY = '{ kelurahan(code: "36.73.01.1011") { name wifiPoints { name } } }';

function startPlaces(port: string): Promise<ScriptProcess> {
  return startSubgraphProcess('places', { PORT: port, DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '' });
}

async function readyState(name: string): Promise<string | undefined> {
  const result = await send(`${platform.gateway!.url}/ready`);
  const body = result.body as unknown as { subgraphs: { name: string; state: string }[] };
  return body.subgraphs.find((subgraph) => subgraph.name === name)?.state;
}

/** Start a process that accepts connections on `port` and never responds, as a stuck places would. */
async function startStuckServer(port: string) {
  const script = `require('node:http').createServer(() => {}).listen(${port}, '127.0.0.1', () => console.log('listening'));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`stuck server exited with ${code}`)));
  });
  return child;
}

beforeAll(async () => {
  ensureBuilt();
  database = await createTestDatabase();
  places = await startPlaces('0');
  placesPort = new URL(places.url).port;
  platform = await startTestPlatform({
    subgraphs: ['regions', 'agencies'],
    subgraphUrls: { places: places.url },
    env: { SUBGRAPH_TIMEOUT_MS: '10000' },
  });
}, 120000);

afterAll(async () => {
  await platform?.stop();
  await killAll();
  await database?.drop();
});

test('places process serves through the gateway', async () => {
  const result = await postGraphQL(platform.gatewayUrl, { query: QUERY });

  expect(result.body?.errors).toBeUndefined();
  expect(result.body?.data?.kelurahan).toEqual({ name: 'Terondol', wifiPoints: [] });
  expect(result.body?.data?.wifiPoints).toHaveLength(5);
});

test('SIGKILLed places is reported down', async () => {
  places.child.kill('SIGKILL');
  await places.exited;

  const result = await postGraphQL(platform.gatewayUrl, { query: NEST_QUERY });

  expect(result.body?.data).toEqual({ kelurahan: { name: 'Terondol', wifiPoints: null } });
  expect(result.body?.errors?.map((error) => error.path)).toEqual([['kelurahan', 'wifiPoints']]);
  expect(result.body?.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  expect(result.body?.errors?.[0].extensions?.reason).toBe('connection refused');
  expect(await readyState('places')).toBe('down');
});

test('SIGKILL during a request ends it at once', async () => {
  const stuck = await startStuckServer(placesPort);
  const inFlight = postGraphQL(platform.gatewayUrl, { query: NEST_QUERY }, {}, 15000);
  await new Promise((resolve) => setTimeout(resolve, 300));

  stuck.kill('SIGKILL');
  const killedAt = Date.now();
  const result = await inFlight;

  expect(Date.now() - killedAt).toBeLessThan(1500);
  expect(result.status).toBe(200);
  expect(result.body?.data).toEqual({ kelurahan: { name: 'Terondol', wifiPoints: null } });
  expect(result.body?.errors?.[0].path).toEqual(['kelurahan', 'wifiPoints']);
  expect(result.body?.errors?.[0].extensions?.reason).toBe('connection closed by the subgraph');
});

test('restarted places is used without a gateway restart', async () => {
  places = await startPlaces(placesPort);

  const result = await postGraphQL(platform.gatewayUrl, { query: QUERY });

  expect(result.body?.errors).toBeUndefined();
  expect(result.body?.data?.kelurahan).toEqual({ name: 'Terondol', wifiPoints: [] });
  expect(result.body?.data?.wifiPoints).toHaveLength(5);
  expect(await readyState('places')).toBe('up');
});
