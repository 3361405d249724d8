import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { respondWithJson, FakeSubgraph, startFakeSubgraph } from '../support/fake-subgraph';
import { postGraphQL } from './support/http';
import { ensureBuilt, killAll, ScriptProcess, spawnScript, startSubgraphProcess, waitForReady } from './support/processes';

/** SIGTERM and SIGINT on the built start-subgraph.js and start-gateway.js, each on a free port. */
let fake: FakeSubgraph;
let dataDir: string;

beforeAll(async () => {
  ensureBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-shutdown-'));
  fake = await startFakeSubgraph(respondWithJson('{"data":{"wifiPoints":[]}}'));
}, 120000);

afterAll(async () => {
  await killAll();
  await fake?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function startGateway(): Promise<ScriptProcess> {
  const env = {
    GATEWAY_PORT: '0',
    SUBGRAPH_REGIONS_URL: fake.graphqlUrl,
    SUBGRAPH_AGENCIES_URL: fake.graphqlUrl,
    SUBGRAPH_PLACES_URL: fake.graphqlUrl,
  };
  return waitForReady(spawnScript('start-gateway.js', [], env), 'gateway ready');
}

describe.each(['SIGTERM', 'SIGINT'] as const)('%s', (signal) => {
  test('subgraph stops cleanly', async () => {
    const subgraph = await startSubgraphProcess('regions', { DATA_DIR: dataDir, DATABASE_URL: '' });
    const served = await postGraphQL(subgraph.url, { query: '{ kecamatanList { name } }' });

    subgraph.child.kill(signal);
    const started = Date.now();
    const exit = await subgraph.exited;

    expect(served.status).toBe(200);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(subgraph.output()).toContain('"msg":"subgraph stopped"');
  });

  test('idle gateway stops cleanly', async () => {
    const gateway = await startGateway();

    gateway.child.kill(signal);
    const exit = await gateway.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(gateway.output()).toContain('"msg":"gateway stopped"');
  });
});

test('SIGTERM lets an in-flight request finish', async () => {
  // Places responds after 3 s, within the default 5 s SUBGRAPH_TIMEOUT_MS, so the gateway is still working on it.
  fake.use((_request, response) => {
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"data":{"wifiPoints":[]}}');
    }, 3000);
  });
  const gateway = await startGateway();

  const inFlight = postGraphQL(gateway.url, { query: '{ wifiPoints { name } }' }, {}, 10000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  gateway.child.kill('SIGTERM');
  const [result, exit] = await Promise.all([inFlight, gateway.exited]);

  expect(result.clientError).toBeUndefined();
  expect(result.status).toBe(200);
  expect(result.body).toEqual({ data: { wifiPoints: [] } });
  expect(exit).toEqual({ code: 0, signal: null });
}, 20000);
