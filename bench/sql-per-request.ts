import 'reflect-metadata';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadPlatformConfig } from '../plugins/platform-config';
import { startPlatform } from '../supergraph/platform';
import { machineInfo } from './support/proc';
import { formatTable, writeResult } from './support/results';
import { capturingLogger, countStatements, queryGateway, SubgraphCounts } from './support/sql-count';
import { SCENARIOS } from './support/sql-scenarios';
import { createTestDatabase } from '../test/support/database';

const USAGE = `Usage: node dist/bench/sql-per-request.js [--scenario wifi|rabeg|all] [--sizes 10,100,1000]

Starts the platform in this process on free ports with a fresh database (SQLite in a new DATA_DIR,
or a new PostgreSQL database when DATABASE_URL is set), stores N rows for each scenario, sends
the scenario's list query through the gateway twice per N, and counts the subgraph requests and
SQL statements that one query causes, from each subgraph's 'graphql request' log line. The count
should not grow with N.

Scenarios:
  wifi   N WiFi points over every kelurahan;
         ${SCENARIOS.wifi.query}
  rabeg  N public Rabeg reports over every kelurahan and category;
         ${SCENARIOS.rabeg.query}`;

interface RequestCount {
  scenario: string;
  size: number;
  attempt: 'first' | 'repeat';
  returned: number;
  bySubgraph: SubgraphCounts;
  totalSqlStatements: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      scenario: { type: 'string', default: 'all' },
      sizes: { type: 'string', default: '10,100,1000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 0 || size > 100_000) || sizes.some((size, index) => index > 0 && size < sizes[index - 1])) {
    throw new Error(`--sizes must be growing whole numbers from 0 to 100000, got "${values.sizes}"`);
  }
  const names = values.scenario === 'all' ? Object.keys(SCENARIOS) : [values.scenario];
  const unknown = names.find((name) => !(name in SCENARIOS));
  if (unknown) throw new Error(`--scenario must be one of ${Object.keys(SCENARIOS).join(', ')} or all, got "${unknown}"`);

  // A fresh SQLite folder, or a fresh PostgreSQL database when DATABASE_URL is set.
  const database = await createTestDatabase();
  const label = database.databaseUrl ? 'PostgreSQL' : 'SQLite';
  // Production settings need their secrets from the environment; a fresh set per run is enough.
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.databaseUrl ?? '',
    CACHE_KEY_PREFIX: 'ragem-bench:',
    RAGEM_IDENTITY_SECRET: randomBytes(32).toString('base64url'),
    RAGEM_JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    RAGEM_JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const { logger, lines } = capturingLogger();
  const platform = await startPlatform({ config: loadPlatformConfig(env), logger, anyPort: true, env });

  const counts: RequestCount[] = [];
  try {
    if (!platform.gateway) throw new Error('the gateway did not start');
    const gatewayUrl = platform.gateway.graphqlUrl;
    const codesResult = await queryGateway(gatewayUrl, '{ kecamatanList { kelurahan { code } } }', 'sql-bench-codes');
    const codes = (codesResult.data.kecamatanList as { kelurahan: { code: string }[] }[]).flatMap((item) => item.kelurahan.map((kelurahan) => kelurahan.code));
    console.log(`${codes.length} kelurahan, database ${label}`);

    for (const name of names) {
      const scenario = SCENARIOS[name];
      const subgraph = platform.subgraphs.find((candidate) => candidate.name === scenario.subgraph);
      if (!subgraph) throw new Error(`the ${scenario.subgraph} subgraph did not start: ${platform.failures.find((entry) => entry.name === scenario.subgraph)?.error.message ?? 'not in rover.yaml'}`);
      for (const size of sizes) {
        await scenario.store(subgraph.db, size, codes);
        for (const attempt of ['first', 'repeat'] as const) {
          const requestId = `sql-bench-${name}-${size}-${attempt}`;
          const { data } = await queryGateway(gatewayUrl, scenario.query, requestId);
          const bySubgraph = await countStatements(lines, requestId);
          const returned = scenario.check(data, size, codes);
          const totalSqlStatements = Object.values(bySubgraph).reduce((sum, entry) => sum + entry.sqlStatements, 0);
          counts.push({ scenario: name, size, attempt, returned, bySubgraph, totalSqlStatements });
        }
      }
    }
  } finally {
    await platform.close();
    await database.drop();
  }

  let constant = true;
  for (const name of names) {
    const rows = counts.filter((count) => count.scenario === name);
    const subgraphNames = [...new Set(rows.flatMap((count) => Object.keys(count.bySubgraph)))].sort();
    console.log(`\n${name}: ${SCENARIOS[name].query}`);
    console.log(
      formatTable(
        ['rows', 'query', 'returned', ...subgraphNames.map((subgraph) => `${subgraph} requests / SQL`), 'SQL total'],
        rows.map((count) => [
          count.size,
          count.attempt,
          count.returned,
          ...subgraphNames.map((subgraph) => `${count.bySubgraph[subgraph]?.requests ?? 0} / ${count.bySubgraph[subgraph]?.sqlStatements ?? 0}`),
          count.totalSqlStatements,
        ]),
      ),
    );
    const same = new Set(rows.map((count) => count.totalSqlStatements)).size === 1;
    console.log(`SQL statements per query ${same ? 'stay constant' : 'CHANGE'} as the list grows.`);
    constant &&= same;
  }
  const file = writeResult('sql-per-request', {
    benchmark: 'sql-per-request',
    date: new Date().toISOString(),
    machine: machineInfo(),
    database: label,
    queries: Object.fromEntries(names.map((name) => [name, SCENARIOS[name].query])),
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
