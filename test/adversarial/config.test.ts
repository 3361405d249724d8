import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STACK_FRAME } from './support/http';
import { CLOSED_SUBGRAPHS, CLOSED_URL, ensureBuilt, killAll, RunResult, runUntilExit } from './support/processes';

/**
 * Bad settings given to the built start scripts. Each must stop the process with a message that
 * names the variable, and the output must not be a stack trace.
 */
let tempDir: string;

beforeAll(() => {
  ensureBuilt();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-config-'));
  fs.writeFileSync(path.join(tempDir, 'subgraph-only.graphql'), 'type Query { kecamatanList: [String] }\n');
  fs.writeFileSync(path.join(tempDir, 'not-graphql.graphql'), 'this is { not GraphQL\n');
  // A join__Graph enum, so the file passes the first check, but not a valid supergraph.
  fs.writeFileSync(
    path.join(tempDir, 'fake-supergraph.graphql'),
    'enum join__Graph { REGIONS @join__graph(name: "regions", url: "http://127.0.0.1:1/graphql") }\ntype Query { a: Int }\n',
  );
  fs.mkdirSync(path.join(tempDir, 'a-folder.graphql'));
}, 120000);

afterAll(async () => {
  await killAll();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

/** Run the gateway with every subgraph URL on a closed port, unless `subgraphUrls` sets other URLs. */
function runGateway(env: NodeJS.ProcessEnv, subgraphUrls: NodeJS.ProcessEnv = CLOSED_SUBGRAPHS): Promise<RunResult> {
  return runUntilExit('start-gateway.js', [], { GATEWAY_PORT: '0', ...subgraphUrls, ...env }, { timeoutMs: 10000, readyMessage: 'gateway ready' });
}

function runSubgraph(env: NodeJS.ProcessEnv): Promise<RunResult> {
  const dataDir = fs.mkdtempSync(path.join(tempDir, 'data-'));
  return runUntilExit('start-subgraph.js', ['regions'], { PORT: '0', DATA_DIR: dataDir, ...env }, { timeoutMs: 10000, readyMessage: 'subgraph ready' });
}

function expectStartRejected(result: RunResult, variable: string, accepted: string): void {
  expect(result.becameReady).toBe(false);
  expect(result.timedOut).toBe(false);
  expect(result.code).not.toBe(0);
  expect(result.output).toContain(variable);
  expect(result.output).toContain(accepted);
  expect(result.output).not.toMatch(STACK_FRAME);
}

describe('platform settings', () => {
  const cases: [string, 'gateway' | 'subgraph', NodeJS.ProcessEnv, string, string][] = [
    ['GATEWAY_PORT=abc', 'gateway', { GATEWAY_PORT: 'abc' }, 'GATEWAY_PORT', 'an integer from 0 to 65535'],
    ['NODE_ENV=prod', 'gateway', { NODE_ENV: 'prod' }, 'NODE_ENV', 'development, production, test'],
    ['SUBGRAPH_TIMEOUT_MS=0', 'gateway', { SUBGRAPH_TIMEOUT_MS: '0' }, 'SUBGRAPH_TIMEOUT_MS', 'an integer from 1 to 600000'],
    ['DATABASE_URL=mysql://x', 'subgraph', { DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', 'postgres://'],
    ['PORT=70000', 'subgraph', { PORT: '70000' }, 'PORT', 'an integer from 0 to 65535'],
    ['LOG_LEVEL=verbose', 'subgraph', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', 'fatal, error, warn, info, debug, trace'],
  ];

  test.each(cases)('%s is rejected', async (_name, script, env, variable, accepted) => {
    const result = script === 'gateway' ? await runGateway(env) : await runSubgraph(env);

    expectStartRejected(result, variable, accepted);
  });
});

describe('gateway subgraph settings', () => {
  test('unknown SUBGRAPH_FOO_URL is rejected', async () => {
    const result = await runGateway({ SUBGRAPH_FOO_URL: 'http://127.0.0.1:1/graphql' });

    expectStartRejected(result, 'SUBGRAPH_FOO_URL', 'SUBGRAPH_REGIONS_URL');
  });

  test('ftp:// subgraph URL is rejected', async () => {
    const result = await runGateway({ SUBGRAPH_REGIONS_URL: 'ftp://127.0.0.1/graphql' });

    expectStartRejected(result, 'SUBGRAPH_REGIONS_URL', 'http://');
  });

  test('unparseable subgraph URL is rejected', async () => {
    const result = await runGateway({ SUBGRAPH_REGIONS_URL: 'http://[::1/graphql' });

    expectStartRejected(result, 'SUBGRAPH_REGIONS_URL', 'http://');
  });
});

describe('SUPERGRAPH_PATH', () => {
  test('missing file is rejected', async () => {
    const result = await runGateway({ SUPERGRAPH_PATH: path.join(tempDir, 'missing.graphql') });

    expectStartRejected(result, 'SUPERGRAPH_PATH', 'npm run compose');
  });

  test('folder is rejected', async () => {
    const result = await runGateway({ SUPERGRAPH_PATH: path.join(tempDir, 'a-folder.graphql') });

    expectStartRejected(result, 'SUPERGRAPH_PATH', 'a-folder.graphql');
  });

  test('subgraph schema is rejected', async () => {
    const result = await runGateway({ SUPERGRAPH_PATH: path.join(tempDir, 'subgraph-only.graphql') });

    expectStartRejected(result, 'SUPERGRAPH_PATH', 'join__Graph');
  });

  test('non-GraphQL file is rejected', async () => {
    const result = await runGateway({ SUPERGRAPH_PATH: path.join(tempDir, 'not-graphql.graphql') });

    expectStartRejected(result, 'SUPERGRAPH_PATH', 'Syntax Error');
  });

  test('invalid supergraph is rejected', async () => {
    // The file names only a regions subgraph, so only its URL variable may be set.
    const result = await runGateway({ SUPERGRAPH_PATH: path.join(tempDir, 'fake-supergraph.graphql') }, { SUBGRAPH_REGIONS_URL: CLOSED_URL });

    expectStartRejected(result, 'SUPERGRAPH_PATH', 'fake-supergraph.graphql');
  });
});

test('unresolvable HOST is rejected', async () => {
  const result = await runGateway({ HOST: '999.1.1.1' });

  expectStartRejected(result, 'HOST', '999.1.1.1');
});
