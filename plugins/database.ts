import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import type { AnyPlugin } from './contract';
import type { Logger } from './logger';
import { currentRequestScope } from './request-scope';

export interface DatabaseSettings {
  /** PostgreSQL URL; SQLite under dataDir when unset. */
  databaseUrl?: string;
  dataDir: string;
  /** Create tables from the entities instead of migrating; only for throwaway test databases. */
  synchronize?: boolean;
}

/** Counts statements per request for the request log, and logs failed ones without their parameters. */
class StatementCounter implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {
    const scope = currentRequestScope();
    if (scope) scope.sqlStatements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    // Parameters are left out: they may hold personal data.
    this.logger.error({ err: error, query }, 'SQL statement failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ durationMs: time, query }, 'slow SQL statement');
  }

  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ detail: message }, 'typeorm warning');
  }
}

/** PostgreSQL schema of a subgraph: its name with "-" as "_". */
export function schemaNameOf(subgraph: string): string {
  return subgraph.replace(/-/g, '_');
}

/** Build (but do not open) the data source of one subgraph. */
export function createDataSource(plugin: AnyPlugin, settings: DatabaseSettings, logger: Logger): DataSource {
  const common = {
    entities: plugin.database.entities as DataSourceOptions['entities'],
    migrations: plugin.database.migrations as DataSourceOptions['migrations'],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: ['query', 'error', 'warn', 'migration'] as ('query' | 'error' | 'warn' | 'migration')[],
    logger: new StatementCounter(logger),
    maxQueryExecutionTime: 1000,
  };

  if (settings.databaseUrl) {
    return new DataSource({
      ...common,
      type: 'postgres',
      url: settings.databaseUrl,
      schema: schemaNameOf(plugin.name),
      // search_path makes raw SQL see the subgraph's own tables, as typeorm's qualified queries do.
      extra: { max: 10, application_name: `ragem-${plugin.name}`, options: `-c search_path=${schemaNameOf(plugin.name)}` },
    } as DataSourceOptions);
  }

  fs.mkdirSync(settings.dataDir, { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: path.join(settings.dataDir, `${plugin.name}.sqlite`),
    // WAL lets readers run while a write is in progress; NORMAL is durable across process crashes.
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  } as DataSourceOptions);
}

/**
 * Open the database, run pending migrations and verify that the entities match the tables.
 * Throws with the pending SQL when a migration is missing.
 */
export async function openDatabase(
  plugin: AnyPlugin,
  settings: DatabaseSettings,
  logger: Logger,
): Promise<DataSource> {
  const dataSource = createDataSource(plugin, settings, logger);
  await dataSource.initialize();
  try {
    if (dataSource.options.type === 'postgres') {
      await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schemaNameOf(plugin.name)}"`);
    }
    if (settings.synchronize) {
      await dataSource.synchronize();
      return dataSource;
    }
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    if (pending.upQueries.length > 0) {
      const statements = pending.upQueries.map((query) => query.query).join(';\n  ');
      throw new Error(
        `the entities differ from the tables after all migrations ran. Add a migration to ` +
          `subgraphs/${plugin.name}/migrations/ that makes these changes:\n  ${statements}`,
      );
    }
    return dataSource;
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}
