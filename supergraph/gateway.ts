import { randomUUID } from 'node:crypto';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ConfigError } from '../plugins/config-spec';
import { createErrorFormatter, formatErrorsPlugin } from '../plugins/error-format';
import { closeServer, executeGraphQL, HttpError, listen, requestIdFrom, sendJson } from '../plugins/http-server';
import { PLATFORM_ERRORS, renderMessage } from '../plugins/errors';
import { anonymousIdentity, CallerIdentity, signIdentity } from '../plugins/identity';
import { languageFromHeader } from '../plugins/language';
import { operationGuardPlugin } from '../plugins/operation-guard';
import { GATEWAY_QUERY_LIMITS, QueryLimits, queryLimitsRule } from '../plugins/query-limits';
import type { Logger } from '../plugins/logger';
import { recordedLogFields, requestLogPlugin } from '../plugins/request-log';
import { AccessTokenVerifier, bearerToken } from './access-token';
import type { GatewayContext } from './gateway-context';
import { handlePlaygroundRequest } from './playground';
import { resolveSupergraphSource } from './supergraph-source';
import { SubgraphStatusBoard } from './subgraph-status';
import { createSubgraphAgent, UndiciDataSource } from './undici-data-source';

export interface GatewayOptions {
  logger: Logger;
  /** HMAC secret that signs the caller identity sent to every subgraph. */
  identitySecret: string;
  /** Take the client address from X-Forwarded-For instead of the socket. */
  trustProxy?: boolean;
  /** Ed25519 public key (PEM) of access tokens; without it every bearer token is rejected. */
  jwtPublicKey?: string;
  /** Composed supergraph file; default schema/supergraph.graphql with the URLs of rover.yaml. */
  supergraphPath?: string;
  /** Subgraph URLs by subgraph name, overriding the file and the environment. */
  subgraphUrls?: Record<string, string>;
  port: number;
  host: string;
  timeoutMs: number;
  isProduction: boolean;
  introspection: boolean;
  playground: boolean;
  env?: NodeJS.ProcessEnv;
  /** Depth and cost limits of client operations; default GATEWAY_QUERY_LIMITS. */
  queryLimits?: QueryLimits;
}

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/** Return the client address: the socket's, or the first X-Forwarded-For entry behind a trusted proxy. */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first && first.length <= 64) return first;
  }
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * Key of the identity facts a subgraph may act on: requests of the same caller with the same
 * body may share one subgraph request, whatever their request id and signing time.
 */
function shareKeyOf(identity: CallerIdentity): string {
  return JSON.stringify([identity.sub, identity.role, identity.opd, identity.perms, identity.addr]);
}

/**
 * Build and start the gateway: Apollo Server with @apollo/gateway over a composed supergraph,
 * serving /graphql (and its playground), /health and /ready.
 */
export async function createGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger.child({ component: 'gateway' });
  const source = resolveSupergraphSource({ supergraphPath: options.supergraphPath, env: options.env, overrides: options.subgraphUrls });
  const agent = createSubgraphAgent();
  const status = new SubgraphStatusBoard(source.subgraphs, agent, () =>
    signIdentity(anonymousIdentity('gateway', `ready-probe-${randomUUID()}`, Math.floor(Date.now() / 1000)), options.identitySecret),
  );
  const urls = new Map(source.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const verifier = options.jwtPublicKey ? new AccessTokenVerifier(options.jwtPublicKey) : undefined;
  if (!verifier) logger.warn('no access-token public key: requests with a bearer token are rejected');

  const gateway = new ApolloGateway({
    supergraphSdl: source.sdl,
    logger,
    buildService: ({ name, url }) =>
      new UndiciDataSource({ name, url: urls.get(name) ?? url ?? '', timeoutMs: options.timeoutMs, dispatcher: agent, status }),
  });

  const formatError = createErrorFormatter({
    registry: {},
    logger,
    isProduction: options.isProduction,
    // Subgraph errors arrive already formatted and in the caller's language.
    passThrough: (formatted) => typeof formatted.extensions?.serviceName === 'string' || formatted.extensions?.code === 'SUBGRAPH_UNAVAILABLE',
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.isProduction,
    csrfPrevention: true,
    // The start scripts own SIGINT and SIGTERM and close everything in order.
    stopOnTerminationSignals: false,
    validationRules: [queryLimitsRule(options.queryLimits ?? GATEWAY_QUERY_LIMITS)],
    plugins: [ApolloServerPluginLandingPageDisabled(), operationGuardPlugin(), formatErrorsPlugin(formatError), requestLogPlugin()],
    logger,
  });
  try {
    await apollo.start();
  } catch (error) {
    await agent.close();
    throw new ConfigError([`${source.description}, which is not a valid supergraph: ${(error as Error).message}`]);
  }
  let ready = true;

  const handle = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    if (path === '/health') return sendJson(response, 200, { status: 'up' });
    if (path === '/ready') {
      const subgraphs = await status.snapshot();
      return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'starting', subgraphs });
    }
    if (options.playground && handlePlaygroundRequest(request, response, { graphqlPath: GRAPHQL_PATH })) return;
    if (path !== GRAPHQL_PATH) return sendJson(response, 404, { error: `Not found: ${path}. GraphQL is served at ${GRAPHQL_PATH}.` });
    await serveGraphQL(request, response);
  };

  const serveGraphQL = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    // No AsyncLocalStorage here: its promise hooks cost about a tenth of the gateway's throughput
    // (bench/gateway.ts at 50 connections), so the request facts travel in the context.
    const requestId = requestIdFrom(request.headers['x-request-id'], randomUUID);
    const language = languageFromHeader(request.headers['accept-language']);
    const nowSeconds = Math.floor(Date.now() / 1000);
    let identity = anonymousIdentity(clientAddress(request, options.trustProxy ?? false), requestId, nowSeconds);
    const token = bearerToken(request.headers.authorization);
    if (token !== undefined) {
      const verified = verifier ? await verifier.verify(token, nowSeconds) : { problem: 'RAGEM_JWT_PUBLIC_KEY is not configured' };
      if ('problem' in verified) {
        response.setHeader('x-request-id', requestId);
        response.setHeader('www-authenticate', 'Bearer');
        const message = renderMessage(PLATFORM_ERRORS.UNAUTHENTICATED.messages[language], {});
        sendJson(response, 401, { errors: [{ message, extensions: { code: 'UNAUTHENTICATED', requestId } }] });
        logger.info({ requestId, status: 401, reason: verified.problem, durationMs: Number(process.hrtime.bigint() - started) / 1e6 }, 'graphql request');
        return;
      }
      const { sub, role, opd, perms } = verified.claims;
      identity = { ...identity, sub, role, opd, perms };
    }

    const context: GatewayContext = {
      requestId,
      language,
      logger,
      logFields: {},
      subgraphHeaders: signIdentity(identity, options.identitySecret),
      shareKey: shareKeyOf(identity),
    };
    response.setHeader('x-request-id', context.requestId);

    let httpStatus = 500;
    try {
      httpStatus = await executeGraphQL(apollo, request, response, async () => context);
    } catch (error) {
      httpStatus = error instanceof HttpError ? error.status : 500;
      if (httpStatus === 500) logger.error({ err: error, requestId: context.requestId }, 'gateway request failed');
      if (!response.headersSent) {
        const message = error instanceof HttpError ? error.message : 'Internal server error';
        sendJson(response, httpStatus, { errors: [{ message, extensions: { code: httpStatus === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', requestId: context.requestId } }] });
      } else {
        response.destroy();
      }
    }
    logger.info(
      { requestId: context.requestId, ...recordedLogFields(context), status: httpStatus, durationMs: Number(process.hrtime.bigint() - started) / 1e6 },
      'graphql request',
    );
  };

  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    handle(request, response, path).catch((error) => {
      logger.error({ err: error, path }, 'gateway route failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal server error' });
    });
  });
  server.keepAliveTimeout = 65000;

  let url: string;
  try {
    url = await listen(server, options.port, options.host);
  } catch (error) {
    await apollo.stop();
    await agent.close();
    throw new ConfigError([`the gateway cannot listen on HOST ${options.host} and port ${options.port}: ${(error as Error).message}`]);
  }
  logger.info(
    { url: `${url}${GRAPHQL_PATH}`, supergraph: source.path, urlsFrom: options.supergraphPath ? 'SUPERGRAPH_PATH' : 'rover.yaml', subgraphs: source.subgraphs },
    'gateway ready',
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    graphqlUrl: `${url}${GRAPHQL_PATH}`,
    close() {
      closing ??= (async () => {
        ready = false;
        // In-flight requests may wait a full subgraph timeout before they can respond.
        await closeServer(server, options.timeoutMs + 1000);
        await apollo.stop();
        await agent.close();
        logger.info('gateway stopped');
      })();
      return closing;
    },
  };
}
