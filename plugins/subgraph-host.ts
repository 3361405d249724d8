import { randomUUID } from 'node:crypto';
import http, { ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { Cache } from './cache';
import type { Clock } from './clock';
import { ConfigSpec, ConfigValues, readConfig } from './config-spec';
import type { AnyPlugin, PluginServices, RequestContext } from './contract';
import { openDatabase } from './database';
import { createErrorFormatter } from './error-format';
import { buildFederatedSchema } from './federated-schema';
import { closeServer, executeGraphQL, HttpError, listen, requestIdFrom, sendJson } from './http-server';
import { Language, languageFromHeader } from './language';
import { Auth } from './auth';
import { PLATFORM_ERRORS, renderMessage } from './errors';
import { identifyRequest } from './identify-request';
import { operationGuardPlugin } from './operation-guard';
import { queryLimitsRule, SUBGRAPH_QUERY_LIMITS } from './query-limits';
import type { Logger } from './logger';
import { PluginError } from './plugin-checks';
import { recordedLogFields, requestLogPlugin } from './request-log';
import { requestScope } from './request-scope';
import { WorkingDayCalendar } from './working-days';
import { scheduleJobs } from './jobs';

export interface SubgraphHostOptions {
  logger: Logger;
  /** HMAC secret that gateway-signed caller identities are verified with. */
  identitySecret: string;
  /** The process-wide cache; the host scopes it to the subgraph. */
  cache: Cache;
  /** Business clock handed to the plugin; caller identities are always checked against real time. */
  clock: Clock;
  /** Working-day calendar; default the yearly files in plugins/calendar/holidays. */
  calendar?: WorkingDayCalendar;
  /** Run the plugin's periodic jobs; default true. Tests turn them off and call `runJob`. */
  runJobs?: boolean;
  dataDir: string;
  databaseUrl?: string;
  isProduction: boolean;
  introspection: boolean;
  /** Environment to read the plugin's own settings from. */
  env?: NodeJS.ProcessEnv;
  /** Create tables from entities; only for throwaway test databases. */
  synchronize?: boolean;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  graphqlUrl: string;
  db: DataSource;
  sdl: string;
  /** Run one of the plugin's jobs now, as its schedule would; returns what the run returned. */
  runJob(name: string): Promise<Record<string, number> | void>;
  close(): Promise<void>;
}

/** Send 401 with a GraphQL error UNAUTHENTICATED in the caller's language. */
function rejectUnauthenticated(response: ServerResponse, requestId: string, language: Language): void {
  const message = renderMessage(PLATFORM_ERRORS.UNAUTHENTICATED.messages[language], {});
  sendJson(response, 401, { errors: [{ message, extensions: { code: 'UNAUTHENTICATED', requestId } }] });
}

/** Environment variable prefix of a plugin's settings: `places` reads `PLACES_*`. */
export function configPrefixOf(name: string): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_`;
}

async function step<T>(plugin: AnyPlugin, what: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PluginError) throw error;
    throw new PluginError(plugin.name, `${what} failed: ${(error as Error).message}`);
  }
}

/**
 * Turn a plugin into a running subgraph server: build its federated schema, open and migrate
 * its database, seed it, and serve GraphQL and GET /health over HTTP.
 */
export async function startSubgraph(
  plugin: AnyPlugin,
  options: SubgraphHostOptions,
  listenOn: { port: number; host: string },
): Promise<RunningSubgraph> {
  const logger = options.logger.child({ subgraph: plugin.name });
  const config = await step(plugin, 'reading its settings', () =>
    readConfig(plugin.config ?? {}, options.env ?? process.env, configPrefixOf(plugin.name)),
  );
  const federated = await step(plugin, 'building its schema', () => buildFederatedSchema(plugin));
  const db = await step(plugin, 'preparing its database', () =>
    openDatabase(plugin, { dataDir: options.dataDir, databaseUrl: options.databaseUrl, synchronize: options.synchronize }, logger),
  );

  const services: PluginServices<ConfigValues<ConfigSpec>> = {
    db,
    cache: options.cache.scoped(`${plugin.name}:`),
    logger,
    clock: options.clock,
    calendar: options.calendar ?? WorkingDayCalendar.load(logger),
    config,
  };

  try {
    if (plugin.database.seed) await step(plugin, 'seeding its reference data', () => plugin.database.seed!(services));

    const apollo = new ApolloServer<RequestContext>({
      schema: federated.schema,
      introspection: options.introspection,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: options.isProduction,
      csrfPrevention: true,
      // The start scripts own SIGINT and SIGTERM and close everything in order.
      stopOnTerminationSignals: false,
      validationRules: [queryLimitsRule(SUBGRAPH_QUERY_LIMITS)],
      formatError: createErrorFormatter({ registry: plugin.errors, logger, isProduction: options.isProduction }),
      plugins: [ApolloServerPluginInlineTraceDisabled(), operationGuardPlugin(), requestLogPlugin()],
      logger,
    });
    await apollo.start();

    const httpServer = http.createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      if (path === '/health' && request.method === 'GET') {
        sendJson(response, 200, { status: 'up', subgraph: plugin.name });
        return;
      }
      if (path !== '/graphql' && path !== '/') {
        sendJson(response, 404, { error: `Not found: ${path}. GraphQL is served at /graphql.` });
        return;
      }

      const started = process.hrtime.bigint();
      const scope = {
        requestId: requestIdFrom(request.headers['x-request-id'], randomUUID),
        language: languageFromHeader(request.headers['accept-language']),
        sqlStatements: 0,
      };
      response.setHeader('x-request-id', scope.requestId);
      const identified = identifyRequest(request, {
        secret: options.identitySecret,
        isProduction: options.isProduction,
        nowSeconds: Math.floor(Date.now() / 1000),
        requestId: scope.requestId,
      });
      if ('problem' in identified) {
        rejectUnauthenticated(response, scope.requestId, scope.language);
        logger.warn({ requestId: scope.requestId, reason: identified.problem, status: 401 }, 'request rejected: invalid caller identity');
        return;
      }
      const { identity } = identified;

      requestScope.run(scope, async () => {
        let status = 500;
        let context: RequestContext | undefined;
        try {
          status = await executeGraphQL(apollo, request, response, async () => {
            context = {
              ...services,
              requestId: scope.requestId,
              language: scope.language,
              loaders: plugin.createLoaders(services),
              logFields: {},
              identity,
              auth: new Auth(identity),
            };
            return context;
          });
        } catch (error) {
          status = error instanceof HttpError ? error.status : 500;
          if (status === 500) logger.error({ err: error, requestId: scope.requestId }, 'request failed');
          if (!response.headersSent) {
            sendJson(response, status, { errors: [{ message: error instanceof HttpError ? error.message : 'Internal server error', extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', requestId: scope.requestId } }] });
          } else {
            response.destroy();
          }
        }
        logger.info(
          {
            requestId: scope.requestId,
            ...recordedLogFields(context),
            status,
            durationMs: Number(process.hrtime.bigint() - started) / 1e6,
            sqlStatements: scope.sqlStatements,
          },
          'graphql request',
        );
      });
    });
    httpServer.keepAliveTimeout = 65000;

    let url: string;
    try {
      url = await listen(httpServer, listenOn.port, listenOn.host);
    } catch (error) {
      await apollo.stop();
      throw new PluginError(plugin.name, `listening on HOST ${listenOn.host} and port ${listenOn.port} failed: ${(error as Error).message}`);
    }
    logger.info({ url: `${url}/graphql` }, 'subgraph ready');
    const jobs = scheduleJobs(plugin.jobs ?? [], services, { start: options.runJobs !== false });

    let closing: Promise<void> | undefined;
    return {
      name: plugin.name,
      url,
      graphqlUrl: `${url}/graphql`,
      db,
      sdl: federated.sdl,
      runJob: (name) => jobs.run(name),
      close() {
        closing ??= (async () => {
          await jobs.stop();
          await closeServer(httpServer);
          await apollo.stop();
          await db.destroy();
          logger.info('subgraph stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}
