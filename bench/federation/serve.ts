import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { closeServer, executeGraphQL, HttpError, listen, sendJson } from '../../plugins/http-server';
import { reportReady, stopWithParent } from '../support/child-process';
import { MONOLITH_RESOLVERS, MONOLITH_TYPE_DEFS } from './monolith';
import { BENCHMARK_SUBGRAPHS, buildBenchmarkSubgraphSchema, isBenchmarkSubgraph } from './subgraphs';

const USAGE = `Usage: node dist/bench/federation/serve.js <${BENCHMARK_SUBGRAPHS.join('|')}|monolith>

Serves one benchmark subgraph, or the monolith, over HTTP on 127.0.0.1 at a free port.
The URL is sent to the parent process over IPC and printed on standard output.`;

function createApollo(name: string): ApolloServer {
  const plugins = [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()];
  if (name === 'monolith') {
    return new ApolloServer({ typeDefs: MONOLITH_TYPE_DEFS, resolvers: MONOLITH_RESOLVERS, plugins });
  }
  if (isBenchmarkSubgraph(name)) {
    return new ApolloServer({ schema: buildBenchmarkSubgraphSchema(name), plugins });
  }
  throw new Error(`unknown server "${name}"\n${USAGE}`);
}

/** Connections accepted, requests served and body bytes read and written, for GET /stats. */
interface TrafficStats {
  connections: number;
  requests: number;
  requestBytes: number;
  responseBytes: number;
}

function countTraffic(stats: TrafficStats, request: http.IncomingMessage, response: http.ServerResponse): void {
  stats.requests += 1;
  request.on('data', (chunk: Buffer) => {
    stats.requestBytes += chunk.length;
  });
  // executeGraphQL writes a complete body with one end(string) call.
  const end = response.end.bind(response) as (...args: unknown[]) => http.ServerResponse;
  (response as unknown as { end: (...args: unknown[]) => http.ServerResponse }).end = (...args: unknown[]) => {
    const body = args[0];
    if (typeof body === 'string') stats.responseBytes += Buffer.byteLength(body);
    else if (body instanceof Uint8Array) stats.responseBytes += body.length;
    return end(...args);
  };
}

/**
 * Serve GraphQL at /graphql through the project's own thin HTTP layer (plugins/http-server), the
 * same one the gateway and the platform's subgraphs use, so that every benchmark target pays the
 * same HTTP cost. GET /stats returns the traffic served so far, so a benchmark can count the
 * subgraph requests one gateway request causes.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || name === '--help') {
    console.error(USAGE);
    process.exit(name ? 0 : 2);
  }

  const apollo = createApollo(name);
  await apollo.start();
  const stats: TrafficStats = { connections: 0, requests: 0, requestBytes: 0, responseBytes: 0 };
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/stats' && request.method === 'GET') {
      sendJson(response, 200, stats);
      return;
    }
    if (path !== '/graphql') {
      sendJson(response, 404, { error: `Not found: ${path}. GraphQL is served at /graphql.` });
      return;
    }
    countTraffic(stats, request, response);
    executeGraphQL(apollo, request, response, async () => ({})).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error(`${name}: request failed:`, error);
      if (!response.headersSent) sendJson(response, status, { errors: [{ message: (error as Error).message }] });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 65000;
  server.on('connection', () => {
    stats.connections += 1;
  });

  const url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
  stopWithParent(async () => {
    await closeServer(server);
    await apollo.stop();
  });
  reportReady({ name, url });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
