import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Handler for one request to the fake subgraph, with the request body as text. */
export type FakeHandler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

export interface FakeSubgraph {
  graphqlUrl: string;
  port: number;
  /** Replace the handler for the requests that follow. */
  use(handler: FakeHandler): void;
  /** Destroy every open connection, so a stalled response does not outlive its test. */
  dropConnections(): void;
  close(): Promise<void>;
}

/**
 * Start an HTTP server on a free 127.0.0.1 port that acts as a subgraph and responds as its
 * current handler decides: slowly, with garbage, or not at all.
 */
export async function startFakeSubgraph(initial: FakeHandler): Promise<FakeSubgraph> {
  let handler = initial;
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    graphqlUrl: `http://127.0.0.1:${port}/graphql`,
    port,
    use(next) {
      handler = next;
    },
    dropConnections,
    close() {
      dropConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A handler that writes `body` as a JSON response with the given HTTP status. */
export function respondWithJson(body: string, status = 200): FakeHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  };
}
