import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'undici';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  locations?: unknown[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorBody[];
  extensions?: Record<string, unknown>;
}

/** Response to one HTTP request, or the client-side failure when no usable response arrived. */
export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  body?: GraphQLResponseBody;
  /** Wall-clock time from sending to the end of the body, in milliseconds. */
  ms: number;
  /** undici error code when the request failed or timed out on the client side. */
  clientError?: string;
}

export interface SendOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'OPTIONS';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Client-side limit for headers and for each body chunk; the request fails with clientError after it. */
  timeoutMs?: number;
}

/** Send one HTTP request and read the whole response. Client-side failures are returned in clientError, not thrown. */
export async function send(url: string, options: SendOptions = {}): Promise<HttpResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 15000;
  try {
    const response = await request(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      body: options.body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await response.body.text();
    let body: GraphQLResponseBody | undefined;
    try {
      body = JSON.parse(text) as GraphQLResponseBody;
    } catch {
      body = undefined;
    }
    return { status: response.statusCode, headers: response.headers, text, body, ms: Date.now() - started };
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    return { status: 0, headers: {}, text: '', ms: Date.now() - started, clientError: code };
  }
}

/** POST a GraphQL request body as JSON. */
export function postGraphQL(url: string, body: unknown, headers: Record<string, string> = {}, timeoutMs?: number): Promise<HttpResult> {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    timeoutMs,
  });
}

/** Error codes of a GraphQL response, in order. */
export function errorCodes(result: HttpResult): unknown[] {
  return (result.body?.errors ?? []).map((error) => error.extensions?.code);
}

/** Matches a stack frame such as "    at foo (/app/x.js:1:2)", raw or JSON-escaped. */
export const STACK_FRAME = /(\n|\\n)\s+at [^\n]*:\d+:\d+/;
