import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createLogger } from '../../plugins/logger';
import { createGateway } from '../../supergraph/gateway';
import { reportReady, stopWithParent } from '../support/child-process';

const USAGE = `Usage: node dist/bench/federation/our-gateway.js SUPERGRAPH_FILE

Runs the project's gateway (createGateway, production settings, log level warn) on 127.0.0.1 at a
free port over the subgraph URLs written in SUPERGRAPH_FILE.`;

async function main(): Promise<void> {
  const supergraphPath = process.argv[2];
  if (!supergraphPath || supergraphPath === '--help') {
    console.error(USAGE);
    process.exit(supergraphPath ? 0 : 2);
  }

  const gateway = await createGateway({
    logger: createLogger({ level: 'warn' }),
    // The benchmark subgraphs ignore the signed identity; a random secret per run is enough.
    identitySecret: randomBytes(32).toString('base64url'),
    supergraphPath,
    port: 0,
    host: '127.0.0.1',
    timeoutMs: 10_000,
    isProduction: true,
    introspection: false,
    playground: false,
    // An empty environment, so no SUBGRAPH_<NAME>_URL variable redirects a subgraph.
    env: {},
    // The benchmark query nests five lists; the default cost limit would reject it, as it should
    // reject such a query from an unknown client. Hive Gateway runs without a limit here too.
    queryLimits: { maxDepth: 20, maxCost: 100_000_000, assumedListLength: 10 },
  });
  stopWithParent(() => gateway.close());
  reportReady({ name: 'ours', url: gateway.graphqlUrl });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
