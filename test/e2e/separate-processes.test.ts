import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClientError, GraphQLClient } from 'graphql-request';
import { findProjectRoot } from '../../plugins/project';
import { createTestDatabase, TestDatabase } from '../support/database';
import { subgraphNames } from '../support/subgraphs';

/** The production topology: each subgraph and the gateway as their own process, built with tsc. */
const root = findProjectRoot();
const children: ChildProcess[] = [];
const subgraphs = new Map<string, { process: ChildProcess; url: string }>();
let database: TestDatabase;
let gatewayUrl: string;
let tempDir: string;

/** Start `node dist/scripts/<script>` and resolve with the URL from its first log line whose msg is `readyMessage`. */
function startProcess(script: string, args: string[], env: NodeJS.ProcessEnv, readyMessage: string): Promise<{ process: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'scripts', script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${script} ${args.join(' ')} did not start:\n${output}`)), 30000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line);
        if (entry.msg === readyMessage) {
          clearTimeout(timer);
          resolve({ process: child, url: entry.url });
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-needed.js')], { cwd: root, stdio: 'inherit' });
  database = await createTestDatabase();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-supergraph-'));
  const env = { NODE_ENV: 'test', DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '', PORT: '0', LOG_LEVEL: 'info' };

  for (const name of subgraphNames()) {
    subgraphs.set(name, await startProcess('start-subgraph.js', [name], env, 'subgraph ready'));
  }

  // The gateway gets a copy of the committed supergraph with these processes' URLs written in it.
  let sdl = fs.readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8');
  for (const [name, { url }] of subgraphs) {
    sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
  }
  const supergraphPath = path.join(tempDir, 'supergraph.graphql');
  fs.writeFileSync(supergraphPath, sdl);
  const gateway = await startProcess('start-gateway.js', [], { ...env, SUPERGRAPH_PATH: supergraphPath, GATEWAY_PORT: '0' }, 'gateway ready');
  gatewayUrl = gateway.url;
}, 120000);

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  await database?.drop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

test('gateway process serves the cross-subgraph answer', async () => {
  const data = await new GraphQLClient(gatewayUrl).request<{
    kecamatanList: { kelurahan: unknown[] }[];
    kelurahan: { name: string; kecamatan: { name: string }; wifiPoints: unknown[] };
    opdList: unknown[];
  }>('{ kecamatanList { kelurahan { code } } kelurahan(code: "36.73.01.1011") { name kecamatan { name } wifiPoints { name } } opdList { id } }');

  expect(data.kecamatanList).toHaveLength(6);
  expect(data.kecamatanList.flatMap((kecamatan) => kecamatan.kelurahan)).toHaveLength(67);
  expect(data.kelurahan.name).toBe('Terondol');
  expect(data.kelurahan.kecamatan.name).toBe('Serang');
  expect(Array.isArray(data.kelurahan.wifiPoints)).toBe(true);
  expect(data.opdList).toHaveLength(14);
});

test('SIGKILLed subgraph leaves the rest of the answer', async () => {
  const places = subgraphs.get('places')!.process;
  places.kill('SIGKILL');
  await new Promise((resolve) => (places.exitCode === null && places.signalCode === null ? places.once('exit', resolve) : resolve(null)));

  let response: { data: { kelurahan: { name: string; wifiPoints: unknown } }; errors: { path: unknown[]; extensions: { code: string } }[] } | undefined;
  try {
    await new GraphQLClient(gatewayUrl).request('{ kelurahan(code: "36.73.01.1011") { name wifiPoints { name } } }');
  } catch (error) {
    response = (error as ClientError).response as never;
  }

  expect(response!.data.kelurahan).toEqual({ name: 'Terondol', wifiPoints: null });
  expect(response!.errors).toHaveLength(1);
  expect(response!.errors[0].path).toEqual(['kelurahan', 'wifiPoints']);
  expect(response!.errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
});
