import { MemoryCache } from '../../plugins/cache';
import { Clock, systemClock } from '../../plugins/clock';
import type { Logger } from '../../plugins/logger';
import { loadPlugin } from '../../plugins/plugin-loader';
import { readRoverConfig } from '../../plugins/rover';
import { RunningSubgraph, startSubgraph } from '../../plugins/subgraph-host';
import { createCapturingLogger } from './logs';
import type { WorkingDayCalendar } from '../../plugins/working-days';
import type { TestDatabase } from './database';
import { TEST_IDENTITY_SECRET } from './identity';

export interface TestSubgraphOptions {
  database: TestDatabase;
  logger?: Logger;
  clock?: Clock;
  calendar?: WorkingDayCalendar;
  /** Run the plugin's periodic jobs on their timers; default false, so tests call `runJob`. */
  runJobs?: boolean;
  isProduction?: boolean;
  /** Environment the plugin reads its settings from; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Start one subgraph plugin on a free 127.0.0.1 port against the test database. */
export async function startTestSubgraph(name: string, options: TestSubgraphOptions): Promise<RunningSubgraph> {
  return startSubgraph(
    loadPlugin(name),
    {
      identitySecret: TEST_IDENTITY_SECRET,
      logger: options.logger ?? createCapturingLogger().logger,
      cache: new MemoryCache(),
      clock: options.clock ?? systemClock,
      calendar: options.calendar,
      runJobs: options.runJobs ?? false,
      env: options.env,
      dataDir: options.database.dataDir,
      databaseUrl: options.database.databaseUrl,
      isProduction: options.isProduction ?? false,
      introspection: true,
    },
    { port: 0, host: '127.0.0.1' },
  );
}

/** Names of every subgraph in rover.yaml, in its order. */
export function subgraphNames(): string[] {
  return readRoverConfig().subgraphs.map((subgraph) => subgraph.name);
}
