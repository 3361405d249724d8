import { loadSecrets, PlatformSecrets } from '../plugins/secrets';
import { createGateway } from '../supergraph/gateway';
import { closeOnSignals, configOrExit, exitOnStartFailure } from './process-support';

/** `npm run start:gateway`: the gateway alone, in front of subgraphs that run elsewhere. */
async function main(): Promise<void> {
  const { config, logger } = configOrExit();
  let secrets: PlatformSecrets;
  try {
    secrets = loadSecrets({ isProduction: config.isProduction, dataDir: config.dataDir, env: process.env, needsPublicKey: true });
  } catch (error) {
    exitOnStartFailure(logger, error);
  }
  const gateway = await createGateway({
    logger,
    identitySecret: secrets.identitySecret,
    jwtPublicKey: secrets.jwtPublicKey,
    trustProxy: config.TRUST_PROXY,
    supergraphPath: config.SUPERGRAPH_PATH,
    port: config.GATEWAY_PORT,
    host: config.HOST,
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    isProduction: config.isProduction,
    introspection: config.introspection,
    playground: config.playground,
    queryLimits: { maxDepth: config.QUERY_MAX_DEPTH, maxCost: config.QUERY_MAX_COST, assumedListLength: 10 },
  }).catch((error) => exitOnStartFailure(logger, error));
  closeOnSignals(logger, gateway);
}

void main();
