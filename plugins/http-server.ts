import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, BaseContext, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';

/** Largest accepted request body; GraphQL operations are far smaller. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Read a request body up to MAX_BODY_BYTES. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      // Discard the rest without buffering it, so the 413 response can still be written.
      request.removeAllListeners('data');
      request.resume();
      reject(new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`));
    };
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * Hand one HTTP request to Apollo Server, write its response and return the HTTP status.
 * A thin replacement for the Express integration: the platform's only routes are GraphQL and
 * a few JSON endpoints, so it skips a framework on the hot path.
 */
export async function executeGraphQL<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  context: () => Promise<TContext>,
): Promise<number> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }

  let body: unknown = undefined;
  if (request.method === 'POST') {
    const raw = await readBody(request);
    const contentType = headers.get('content-type') ?? '';
    if (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json')) {
      try {
        body = raw.length > 0 ? JSON.parse(raw) : undefined;
      } catch {
        throw new HttpError(400, 'Request body is not valid JSON');
      }
    } else {
      body = raw;
    }
  }

  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: request.method ?? 'GET',
    headers,
    search: queryStart === -1 ? '' : url.slice(queryStart),
    body,
  };
  const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });

  const status = result.status ?? 200;
  const outgoing: Record<string, string> = {};
  for (const [key, value] of result.headers) outgoing[key] = value;
  if (result.body.kind === 'complete') {
    outgoing['content-length'] = String(Buffer.byteLength(result.body.string));
    response.writeHead(status, outgoing);
    response.end(result.body.string);
  } else {
    response.writeHead(status, outgoing);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }
  return status;
}

/** Start an HTTP server and resolve once it listens; port 0 picks a free port. */
export function listen(server: http.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shownHost}:${address.port}`);
    });
  });
}

/**
 * Close an HTTP server: stop accepting connections, let in-flight requests finish, and close
 * the connections still open after `graceMs`.
 */
export function closeServer(server: http.Server, graceMs = 10000): Promise<void> {
  return new Promise((resolve) => {
    // Requests that still arrive on kept-alive connections are served, then their connection closes.
    server.on('request', (_request: IncomingMessage, response: ServerResponse) => response.setHeader('connection', 'close'));
    const sweep = setInterval(() => server.closeIdleConnections(), 250);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    sweep.unref();
    force.unref();
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** Return the caller's x-request-id when it is well-formed, else a new one. */
export function requestIdFrom(header: string | string[] | undefined, generate: () => string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID_PATTERN.test(value) ? value : generate();
}
