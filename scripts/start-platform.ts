import { startPlatform } from '../supergraph/platform';
import { closeOnSignals, configOrExit, exitOnStartFailure } from './process-support';

/** `npm start`: every subgraph of rover.yaml and the gateway in this one process. */
async function main(): Promise<void> {
  const { config, logger } = configOrExit();
  const started = Date.now();
  const platform = await startPlatform({ config, logger, anyPort: config.SUBGRAPH_PORTS === 'any' }).catch((error) => exitOnStartFailure(logger, error));
  closeOnSignals(logger, platform);
  logger.info(
    {
      gateway: platform.gateway?.graphqlUrl,
      subgraphs: platform.subgraphs.map((subgraph) => subgraph.name),
      failed: platform.failures.map((failure) => failure.name),
      startMs: Date.now() - started,
      memoryMb: Math.round(process.memoryUsage().rss / 1048576),
    },
    'platform ready',
  );
}

void main();
