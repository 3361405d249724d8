import { Cache, createCache } from '../plugins/cache';
import { Clock, systemClock } from '../plugins/clock';
import type { AnyPlugin } from '../plugins/contract';
import type { Logger } from '../plugins/logger';
import { checkUniqueNames, PluginError } from '../plugins/plugin-checks';
import { loadPlugin } from '../plugins/plugin-loader';
import type { PlatformConfig } from '../plugins/platform-config';
import { readRoverConfig, RoverConfig } from '../plugins/rover';
import { loadSecrets } from '../plugins/secrets';
import { RunningSubgraph, startSubgraph } from '../plugins/subgraph-host';
import { createGateway, RunningGateway } from './gateway';
import { WorkingDayCalendar } from '../plugins/working-days';

/** A URL nothing listens on, given to the gateway for a subgraph that failed to start on a free port. */
const CLOSED_URL = 'http://127.0.0.1:1/graphql';

export interface PlatformOptions {
  config: PlatformConfig;
  logger: Logger;
  clock?: Clock;
  /** Clocks of single subgraphs by name, in place of `clock` (for tests that move one subgraph's time). */
  subgraphClocks?: Record<string, Clock>;
  /** Working-day calendar shared by every subgraph; default the yearly holiday files. */
  calendar?: WorkingDayCalendar;
  /** Run the plugins' periodic jobs; default true. */
  runJobs?: boolean;
  /** Bind every server to a free port instead of the ports of rover.yaml (for tests). */
  anyPort?: boolean;
  /** Port for a single subgraph run alone, in place of its rover.yaml port. */
  port?: number;
  /** Subgraphs to run; default every one of rover.yaml. */
  subgraphs?: string[];
  /** Start the gateway too; default true. */
  gateway?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Create tables from entities; only for throwaway test databases. */
  synchronize?: boolean;
  /** Subgraph list to use in place of rover.yaml's (for tests). */
  rover?: RoverConfig;
  /** Subgraph URLs for the gateway, by name, overriding everything else (for tests). */
  subgraphUrls?: Record<string, string>;
}

export interface RunningPlatform {
  subgraphs: RunningSubgraph[];
  failures: { name: string; error: Error }[];
  gateway?: RunningGateway;
  cache: Cache;
  close(): Promise<void>;
}

/**
 * Run subgraphs (each on its own HTTP server) and the gateway in this one process. A plugin that
 * fails to start is logged and skipped; the others still run.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const { config, logger } = options;
  const rover = options.rover ?? readRoverConfig();
  const wanted = options.subgraphs ?? rover.subgraphs.map((subgraph) => subgraph.name);
  const entries = rover.subgraphs.filter((subgraph) => wanted.includes(subgraph.name));
  const secrets = loadSecrets({
    isProduction: config.isProduction,
    dataDir: config.dataDir,
    env: options.env ?? process.env,
    needsPublicKey: options.gateway !== false,
  });
  const cache = createCache({ redisUrl: config.REDIS_URL, keyPrefix: config.CACHE_KEY_PREFIX });
  const failures: RunningPlatform['failures'] = [];
  let calendar: WorkingDayCalendar;
  try {
    calendar = options.calendar ?? WorkingDayCalendar.load(logger);
  } catch (error) {
    await cache.close();
    throw error;
  }

  const plugins: { plugin: AnyPlugin; port: number }[] = [];
  for (const entry of entries) {
    try {
      plugins.push({ plugin: loadPlugin(entry.name), port: options.anyPort ? 0 : (options.port ?? entry.port) });
    } catch (error) {
      failures.push({ name: entry.name, error: error as Error });
    }
  }
  try {
    checkUniqueNames(plugins.map(({ plugin }) => plugin));
  } catch (error) {
    await cache.close();
    throw error;
  }

  const started = await Promise.allSettled(
    plugins.map(({ plugin, port }) =>
      startSubgraph(
        plugin,
        {
          logger,
          identitySecret: secrets.identitySecret,
          cache,
          clock: options.subgraphClocks?.[plugin.name] ?? options.clock ?? systemClock,
          calendar,
          runJobs: options.runJobs,
          dataDir: config.dataDir,
          databaseUrl: config.DATABASE_URL,
          isProduction: config.isProduction,
          introspection: config.introspection,
          env: options.env,
          synchronize: options.synchronize,
        },
        { port, host: config.HOST },
      ),
    ),
  );
  const subgraphs: RunningSubgraph[] = [];
  started.forEach((result, index) => {
    if (result.status === 'fulfilled') subgraphs.push(result.value);
    else failures.push({ name: plugins[index].plugin.name, error: result.reason as Error });
  });
  for (const failure of failures) {
    const message = failure.error instanceof PluginError ? failure.error.message : `Subgraph "${failure.name}" failed to start: ${failure.error.message}`;
    logger.error({ subgraph: failure.name, err: failure.error }, message);
  }

  let gateway: RunningGateway | undefined;
  if (options.gateway !== false) {
    const subgraphUrls: Record<string, string> = {};
    if (options.anyPort) {
      for (const entry of rover.subgraphs) subgraphUrls[entry.name] = CLOSED_URL;
    }
    for (const subgraph of subgraphs) subgraphUrls[subgraph.name] = subgraph.graphqlUrl;
    Object.assign(subgraphUrls, options.subgraphUrls);
    try {
      gateway = await createGateway({
        logger,
        identitySecret: secrets.identitySecret,
        jwtPublicKey: secrets.jwtPublicKey || undefined,
        trustProxy: config.TRUST_PROXY,
        subgraphUrls,
        port: options.anyPort ? 0 : config.GATEWAY_PORT,
        host: config.HOST,
        timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
        isProduction: config.isProduction,
        introspection: config.introspection,
        playground: config.playground,
        queryLimits: { maxDepth: config.QUERY_MAX_DEPTH, maxCost: config.QUERY_MAX_COST, assumedListLength: 10 },
        env: options.env,
      });
    } catch (error) {
      await Promise.all(subgraphs.map((subgraph) => subgraph.close()));
      await cache.close();
      throw error;
    }
  }

  let closing: Promise<void> | undefined;
  return {
    subgraphs,
    failures,
    gateway,
    cache,
    close() {
      closing ??= (async () => {
        await gateway?.close();
        await Promise.all(subgraphs.map((subgraph) => subgraph.close()));
        await cache.close();
      })();
      return closing;
    },
  };
}
