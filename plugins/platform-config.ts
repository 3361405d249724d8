import { isIP } from 'node:net';
import path from 'node:path';
import { ConfigValues, readConfig } from './config-spec';
import { findProjectRoot } from './project';

/** Every platform setting, read from the environment; `.env.example` lists the same variables. */
export const PLATFORM_CONFIG_SPEC = {
  NODE_ENV: {
    kind: 'enum',
    choices: ['development', 'production', 'test'],
    default: 'development',
    description: 'Run mode. production hides stack traces, introspection and the playground.',
  },
  HOST: {
    kind: 'string',
    default: '127.0.0.1',
    check: (value: string) => isIP(value) !== 0 || (/^[A-Za-z0-9.-]{1,253}$/.test(value) && !/^[\d.]+$/.test(value)),
    patternHint: 'an IPv4 or IPv6 address or a host name, such as 127.0.0.1 or 0.0.0.0',
    description: 'Address every HTTP server binds to.',
  },
  GATEWAY_PORT: {
    kind: 'int',
    min: 0,
    max: 65535,
    default: 4000,
    description: 'Port of the gateway; 0 picks a free one.',
  },
  SUBGRAPH_PORTS: {
    kind: 'enum',
    choices: ['rover', 'any'],
    default: 'rover',
    description: 'rover: npm start binds each subgraph to its rover.yaml port and the gateway to GATEWAY_PORT. any: every server takes a free port, for tests and side-by-side copies.',
  },
  PORT: {
    kind: 'int',
    min: 0,
    max: 65535,
    description: 'Port of a subgraph run alone with start:subgraph; default the port of its rover.yaml routing URL.',
  },
  DATA_DIR: {
    kind: 'string',
    default: 'data',
    description: 'Folder of the SQLite databases and generated secrets, relative to the project root.',
  },
  DATABASE_URL: {
    kind: 'url',
    protocols: ['postgres:', 'postgresql:'],
    description: 'PostgreSQL connection; when set, each subgraph uses its own schema in this database instead of SQLite.',
  },
  REDIS_URL: {
    kind: 'url',
    protocols: ['redis:', 'rediss:'],
    description: 'Redis connection for the shared cache; in-memory cache when unset.',
  },
  CACHE_KEY_PREFIX: {
    kind: 'string',
    default: 'ragem:',
    pattern: /^[A-Za-z0-9:_-]{1,64}$/,
    patternHint: '1 to 64 letters, digits, ":", "_" or "-"',
    description: 'Prefix of every Redis key, so several deployments can share one Redis.',
  },
  LOG_LEVEL: {
    kind: 'enum',
    choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    description: 'Lowest pino level written to standard output.',
  },
  SUBGRAPH_TIMEOUT_MS: {
    kind: 'int',
    min: 1,
    max: 600000,
    default: 5000,
    description: 'How long the gateway waits for one subgraph request, in milliseconds.',
  },
  TRUST_PROXY: {
    kind: 'boolean',
    default: false,
    description: 'Take the client address from the first X-Forwarded-For entry; set it only behind a proxy that sets the header.',
  },
  QUERY_MAX_DEPTH: {
    kind: 'int',
    min: 1,
    max: 100,
    default: 12,
    description: 'Deepest field nesting the gateway accepts in a client operation, introspection not counted.',
  },
  QUERY_MAX_COST: {
    kind: 'int',
    min: 1,
    max: 100000000,
    default: 50000,
    description: 'Highest estimated cost the gateway accepts: each field counts once per item of every list above it, a list counted as 10 items.',
  },
  SUPERGRAPH_PATH: {
    kind: 'string',
    description:
      'Composed supergraph file to serve with the routing URLs written in it; default schema/supergraph.graphql with the URLs of rover.yaml.',
  },
  INTROSPECTION: {
    kind: 'boolean',
    description: 'Allow schema introspection; default PLAYGROUND when that is set, else on outside production and off in production.',
  },
  PLAYGROUND: {
    kind: 'boolean',
    description: 'Serve the GraphQL playground at GET /graphql; default on outside production, off in production.',
  },
} as const;

export type PlatformConfig = ConfigValues<typeof PLATFORM_CONFIG_SPEC> & {
  /** DATA_DIR resolved against the project root. */
  dataDir: string;
  isProduction: boolean;
  introspection: boolean;
  playground: boolean;
};

/** Read and validate the platform settings; throws ConfigError naming every bad variable. */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const values = readConfig(PLATFORM_CONFIG_SPEC, env);
  const isProduction = values.NODE_ENV === 'production';
  return {
    ...values,
    dataDir: path.resolve(findProjectRoot(), values.DATA_DIR),
    isProduction,
    // The playground's docs and autocompletion need introspection, so it follows PLAYGROUND unless set.
    introspection: values.INTROSPECTION ?? values.PLAYGROUND ?? !isProduction,
    playground: values.PLAYGROUND ?? !isProduction,
  };
}
