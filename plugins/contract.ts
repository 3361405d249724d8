import type { DataSource, MigrationInterface } from 'typeorm';
import type { Cache } from './cache';
import type { Clock } from './clock';
import type { ConfigSpec, ConfigValues } from './config-spec';
import type { ErrorRegistry } from './errors';
import type { Language } from './language';
import type { Auth } from './auth';
import type { CallerIdentity } from './identity';
import type { Logger } from './logger';
import type { RequestLogFields } from './request-log';
import type { WorkingDayCalendar } from './working-days';

/**
 * Version of the plugin contract this host implements. A plugin states the version it was
 * written for; the host rejects any other, so a contract change cannot break a plugin silently.
 */
export const CONTRACT_VERSION = 1;

/** Services the host gives a plugin, created once per subgraph process. */
export interface PluginServices<TConfig = unknown> {
  /** The subgraph's own database: a SQLite file, or its own PostgreSQL schema. */
  db: DataSource;
  /** Key-value cache, in memory or in Redis; keys are already prefixed with the subgraph name. */
  cache: Cache;
  logger: Logger;
  clock: Clock;
  /** Working days of Kota Serang's offices (weekends, national holidays and cuti bersama excluded), for deadlines. */
  calendar: WorkingDayCalendar;
  /** The plugin's validated settings, read from `<NAME>_<KEY>` environment variables. */
  config: TConfig;
}

/** GraphQL context of a resolver, created for each request. */
export interface RequestContext<TLoaders = unknown, TConfig = unknown> extends PluginServices<TConfig> {
  requestId: string;
  language: Language;
  /** DataLoaders created for this request only, by the plugin's `createLoaders`. */
  loaders: TLoaders;
  /** Fields the host adds to the request's log line; filled by the host. */
  logFields: RequestLogFields;
  /** The caller, as the gateway signed it (anonymous outside production when no gateway sent one). */
  identity: CallerIdentity;
  /** Helpers that require a role, an OPD or a permission of the caller. */
  auth: Auth;
}

/** Resolves an entity representation sent by the gateway; runs once per representation. */
export type ReferenceResolver<TLoaders, TConfig> = (
  reference: Record<string, unknown>,
  context: RequestContext<TLoaders, TConfig>,
) => unknown;

type ClassType = abstract new (...args: never[]) => unknown;
type MigrationClass = new () => MigrationInterface;

export interface SubgraphPlugin<TConfigSpec extends ConfigSpec = ConfigSpec, TLoaders = unknown> {
  /** Subgraph name, equal to its folder under subgraphs/ and its key in rover.yaml. */
  name: string;
  contractVersion: number;
  /** Slug of the OPD that owns this subgraph, as in the agencies directory. */
  owner: string;
  description: string;

  schema: {
    /** type-graphql resolver classes. */
    resolvers: [ClassType, ...ClassType[]];
    /** Types no resolver returns, such as a stub of another subgraph's entity. */
    orphanedTypes?: ClassType[];
    /**
     * `__resolveReference` of every entity type (every type with `@key`), by GraphQL type name.
     * Use the request's DataLoaders here: the gateway sends one representation per object.
     */
    references: Record<string, ReferenceResolver<TLoaders, ConfigValues<TConfigSpec>>>;
  };

  database: {
    /** typeorm entity classes. */
    entities: ClassType[];
    /**
     * typeorm migrations, written with the QueryRunner table API so the same set runs on
     * SQLite and PostgreSQL. The host refuses to start when entities and tables still differ.
     */
    migrations: MigrationClass[];
    /** Insert reference data; runs at every start, so it must add no copies on a rerun. */
    seed?: (services: PluginServices<ConfigValues<TConfigSpec>>) => Promise<void>;
  };

  /** Error codes this subgraph raises, beyond the platform's own. */
  errors: ErrorRegistry;

  /**
   * Permissions this subgraph understands, such as `rabeg:coordinate`, each named
   * `<subgraph>:<action>` with a description in Indonesian and English. Admins grant them;
   * `npm run compose` lists them in schema/permissions.json.
   */
  permissions?: Record<string, Record<Language, string>>;

  /** Settings, read from environment variables named `<NAME>_<KEY>` (name in upper case, "-" as "_"). */
  config?: TConfigSpec;

  /**
   * Work the host repeats while the subgraph runs, such as closing reports without a reply. Each
   * run must be safe when several processes of the subgraph run it at once (use conditional
   * updates), since every replica runs its own jobs.
   */
  jobs?: PluginJob<ConfigValues<TConfigSpec>>[];

  /** Create the DataLoaders of one request. */
  createLoaders: (services: PluginServices<ConfigValues<TConfigSpec>>) => TLoaders;
}

export interface PluginJob<TConfig = unknown> {
  /** Name in logs and in `RunningSubgraph.runJob`, such as `close-unanswered-reports`. */
  name: string;
  /** Time between the end of one run and the start of the next, in milliseconds. */
  intervalMs: number;
  /** Do one run; the result is logged when it is a plain object of counts. */
  run: (services: PluginServices<TConfig>) => Promise<Record<string, number> | void>;
}

/** Declare a subgraph plugin with full type checking of its parts. */
export function definePlugin<TConfigSpec extends ConfigSpec, TLoaders>(
  plugin: SubgraphPlugin<TConfigSpec, TLoaders>,
): SubgraphPlugin<TConfigSpec, TLoaders> {
  return plugin;
}

/** A plugin whose config and loader types are erased, as the host handles it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPlugin = SubgraphPlugin<any, any>;
