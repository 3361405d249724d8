import { readRoverConfig } from '../plugins/rover';
import { startPlatform } from '../supergraph/platform';
import { closeOnSignals, configOrExit, exitOnStartFailure } from './process-support';

/** `npm run start:subgraph -- <name>`: one subgraph alone, on the port of its rover.yaml routing URL. */
async function main(): Promise<void> {
  const { config, logger } = configOrExit();
  const name = process.argv[2];
  const known = readRoverConfig().subgraphs.map((subgraph) => subgraph.name);
  if (!name || !known.includes(name)) {
    console.error(`Usage: npm run start:subgraph -- <name>, where <name> is one of: ${known.join(', ')}`);
    process.exit(2);
  }
  const platform = await startPlatform({ config, logger, subgraphs: [name], gateway: false, port: config.PORT }).catch((error) =>
    exitOnStartFailure(logger, error),
  );
  if (platform.subgraphs.length === 0) exitOnStartFailure(logger, platform.failures[0]?.error ?? new Error(`${name} did not start`));
  closeOnSignals(logger, platform);
}

void main();
