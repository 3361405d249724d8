import { GraphQLClient } from 'graphql-request';
import type { Logger } from '../../plugins/logger';
import { loadPlatformConfig } from '../../plugins/platform-config';
import { PlatformOptions, RunningPlatform, startPlatform } from '../../supergraph/platform';
import { createTestDatabase, TestDatabase } from './database';
import { TEST_IDENTITY_SECRET } from './identity';
import { createCapturingLogger } from './logs';

export interface TestPlatform extends RunningPlatform {
  database: TestDatabase;
  gatewayUrl: string;
  /** Every JSON log line the platform wrote. */
  logLines: string[];
  /** A graphql-request client for the gateway, with extra headers if given. */
  client(headers?: Record<string, string>): GraphQLClient;
  stop(): Promise<void>;
}

/**
 * Start every subgraph of rover.yaml and the gateway in this process, on free 127.0.0.1 ports,
 * against a fresh test database (PostgreSQL when DATABASE_URL is set, else SQLite).
 */
export async function startTestPlatform(
  options: Pick<PlatformOptions, 'subgraphs' | 'rover' | 'subgraphUrls' | 'clock' | 'subgraphClocks' | 'calendar' | 'runJobs'> & { env?: Record<string, string>; logger?: Logger } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.databaseUrl ?? '',
    CACHE_KEY_PREFIX: `ragem-test-${process.pid}-${Date.now()}:`,
    // Read only in production mode; elsewhere the secrets are generated into DATA_DIR.
    RAGEM_IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    ...options.env,
  };
  const captured = createCapturingLogger();
  const platform = await startPlatform({
    config: loadPlatformConfig(env),
    logger: options.logger ?? captured.logger,
    anyPort: true,
    subgraphs: options.subgraphs,
    rover: options.rover,
    subgraphUrls: options.subgraphUrls,
    clock: options.clock,
    subgraphClocks: options.subgraphClocks,
    calendar: options.calendar,
    runJobs: options.runJobs,
    env,
  });
  const gatewayUrl = platform.gateway!.graphqlUrl;
  return {
    ...platform,
    database,
    gatewayUrl,
    logLines: captured.lines,
    client: (headers = {}) => new GraphQLClient(gatewayUrl, { headers }),
    async stop() {
      await platform.close();
      await database.drop();
    },
  };
}
