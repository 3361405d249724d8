import 'reflect-metadata';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { request } from 'undici';
import { createLogger, Logger } from '../plugins/logger';
import { loadPlatformConfig, PlatformConfig } from '../plugins/platform-config';
import { readRoverConfig } from '../plugins/rover';
import { startPlatform } from '../supergraph/platform';
import { WifiPointRow } from '../subgraphs/places/entities';
import { machineInfo } from './support/proc';
import { formatTable, writeResult } from './support/results';

const USAGE = `Usage: node dist/bench/sql-per-request.js [--sizes 10,100,1000]

Starts the platform in this process on free ports with a fresh SQLite DATA_DIR, stores N WiFi
points in the places subgraph spread over every kelurahan, queries
  { kecamatanList { kelurahan { wifiPoints { name } } } }
through the gateway, and counts the subgraph requests and SQL statements that one query causes,
from each subgraph's 'graphql request' log line. The count should not grow with N.`;

const LIST_QUERY = '{ kecamatanList { kelurahan { wifiPoints { name } } } }';
const CODES_QUERY = '{ kecamatanList { kelurahan { code } } }';
const POINT_ID_PREFIX = 'bench-wifi-';
const INSERT_CHUNK = 200;

interface RunningSetup {
  gatewayUrl: string;
  placesDb: DataSource;
  close(): Promise<void>;
}

/** Create a logger that keeps its JSON lines in memory, so the per-request log lines can be read back. */
function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

/** Start every subgraph of rover.yaml and the gateway in this process, on free ports. */
async function startWithPlatform(config: PlatformConfig, env: NodeJS.ProcessEnv, logger: Logger): Promise<RunningSetup> {
  const platform = await startPlatform({ config, logger, anyPort: true, env });
  const places = platform.subgraphs.find((subgraph) => subgraph.name === 'places');
  if (!places || !platform.gateway) {
    await platform.close();
    const failure = platform.failures.find((entry) => entry.name === 'places');
    throw new Error(`the places subgraph did not start: ${failure?.error.message ?? 'no gateway'}`);
  }
  return { gatewayUrl: platform.gateway.graphqlUrl, placesDb: places.db, close: () => platform.close() };
}

async function queryGateway(url: string, query: string, requestId: string): Promise<{ data: Record<string, unknown> }> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query }),
  });
  const body = (await response.body.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (response.statusCode !== 200 || !body.data || body.errors) {
    throw new Error(`query ${requestId} failed: HTTP ${response.statusCode} ${JSON.stringify(body).slice(0, 500)}`);
  }
  return { data: body.data };
}

/** Make the places table hold exactly `count` benchmark points, spread round-robin over `codes`. */
async function storeWifiPoints(db: DataSource, count: number, codes: string[]): Promise<void> {
  const repository = db.getRepository(WifiPointRow);
  const existing = await repository.createQueryBuilder('point').where('point.id LIKE :prefix', { prefix: `${POINT_ID_PREFIX}%` }).getCount();
  if (existing > count) throw new Error(`the table already contains ${existing} benchmark points, more than the requested ${count}; list --sizes in increasing order`);
  const rows: WifiPointRow[] = [];
  for (let index = existing; index < count; index += 1) {
    rows.push({
      id: `${POINT_ID_PREFIX}${String(index).padStart(5, '0')}`,
      name: `Titik WiFi ${index}`,
      address: null,
      latitude: null,
      longitude: null,
      kelurahanCode: codes[index % codes.length],
      source: 'benchmark',
    });
  }
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await repository.insert(rows.slice(start, start + INSERT_CHUNK));
  }
}

interface RequestCount {
  size: number;
  attempt: 'first' | 'repeat';
  wifiPointsReturned: number;
  bySubgraph: Record<string, { requests: number; sqlStatements: number }>;
  totalSqlStatements: number;
}

/** Wait until the gateway has logged the request, then sum the subgraph log lines of it. */
async function countStatements(lines: Record<string, unknown>[], requestId: string): Promise<RequestCount['bySubgraph']> {
  const deadline = Date.now() + 2000;
  const isGatewayLine = (line: Record<string, unknown>) => line.requestId === requestId && line.msg === 'graphql request' && line.component === 'gateway';
  while (!lines.some(isGatewayLine)) {
    if (Date.now() > deadline) throw new Error(`the gateway logged no 'graphql request' line for ${requestId}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const bySubgraph: RequestCount['bySubgraph'] = {};
  for (const line of lines) {
    if (line.requestId !== requestId || line.msg !== 'graphql request' || typeof line.subgraph !== 'string') continue;
    const entry = (bySubgraph[line.subgraph] ??= { requests: 0, sqlStatements: 0 });
    entry.requests += 1;
    entry.sqlStatements += Number(line.sqlStatements ?? 0);
  }
  return bySubgraph;
}

function countWifiPoints(data: Record<string, unknown>): number {
  const kecamatan = data.kecamatanList as { kelurahan: { wifiPoints: unknown[] | null }[] }[];
  return kecamatan.reduce((sum, item) => sum + item.kelurahan.reduce((inner, kelurahan) => inner + (kelurahan.wifiPoints?.length ?? 0), 0), 0);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { sizes: { type: 'string', default: '10,100,1000' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 0 || size > 100_000) || sizes.some((size, index) => index > 0 && size < sizes[index - 1])) {
    throw new Error(`--sizes must be growing whole numbers from 0 to 100000, got "${values.sizes}"`);
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-bench-sql-'));
  // Production settings need their secrets from the environment; a fresh set per run is enough.
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CACHE_KEY_PREFIX: 'ragem-bench:',
    RAGEM_IDENTITY_SECRET: randomBytes(32).toString('base64url'),
    RAGEM_JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    RAGEM_JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const config = loadPlatformConfig(env);
  const { logger, lines } = capturingLogger();
  if (!readRoverConfig().subgraphs.some((subgraph) => subgraph.name === 'places')) {
    throw new Error('rover.yaml does not list the places subgraph, whose WiFi points this benchmark counts');
  }
  const setup = await startWithPlatform(config, env, logger);

  const counts: RequestCount[] = [];
  try {
    const codesResult = await queryGateway(setup.gatewayUrl, CODES_QUERY, 'sql-bench-codes');
    const codes = (codesResult.data.kecamatanList as { kelurahan: { code: string }[] }[]).flatMap((item) => item.kelurahan.map((kelurahan) => kelurahan.code));
    console.log(`${codes.length} kelurahan`);

    for (const size of sizes) {
      await storeWifiPoints(setup.placesDb, size, codes);
      for (const attempt of ['first', 'repeat'] as const) {
        const requestId = `sql-bench-${size}-${attempt}`;
        const { data } = await queryGateway(setup.gatewayUrl, LIST_QUERY, requestId);
        const bySubgraph = await countStatements(lines, requestId);
        const wifiPointsReturned = countWifiPoints(data);
        if (wifiPointsReturned !== size) throw new Error(`the query returned ${wifiPointsReturned} WiFi points, expected ${size}`);
        const totalSqlStatements = Object.values(bySubgraph).reduce((sum, entry) => sum + entry.sqlStatements, 0);
        counts.push({ size, attempt, wifiPointsReturned, bySubgraph, totalSqlStatements });
      }
    }
  } finally {
    await setup.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const subgraphNames = [...new Set(counts.flatMap((count) => Object.keys(count.bySubgraph)))].sort();
  console.log('');
  console.log(
    formatTable(
      ['WiFi points', 'query', ...subgraphNames.map((name) => `${name} requests / SQL`), 'SQL total'],
      counts.map((count) => [
        count.size,
        count.attempt,
        ...subgraphNames.map((name) => `${count.bySubgraph[name]?.requests ?? 0} / ${count.bySubgraph[name]?.sqlStatements ?? 0}`),
        count.totalSqlStatements,
      ]),
    ),
  );
  const constant = new Set(counts.map((count) => count.totalSqlStatements)).size === 1;
  console.log(`\nSQL statements per query ${constant ? 'stay constant' : 'CHANGE'} as the list grows.`);
  const file = writeResult('sql-per-request', {
    benchmark: 'sql-per-request',
    date: new Date().toISOString(),
    machine: machineInfo(),
    database: 'SQLite',
    query: LIST_QUERY,
    counts,
    constant,
  });
  console.log(`results written to ${file}`);
  if (!constant) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`SQL per request benchmark failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
