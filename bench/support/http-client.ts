import { request } from 'undici';

export interface GraphQLHttpResponse {
  status: number;
  body: string;
}

/** POST a GraphQL request body and wait at most `timeoutMs` for the whole response. */
export async function postGraphQL(url: string, body: string, timeoutMs = 10_000): Promise<GraphQLHttpResponse> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return { status: response.statusCode, body: await response.body.text() };
}

/** Check whether a response is HTTP 200 with `data` and without `errors`. */
export function isSuccessful(response: GraphQLHttpResponse): boolean {
  if (response.status !== 200) return false;
  try {
    const parsed = JSON.parse(response.body) as { data?: unknown; errors?: unknown };
    return parsed.data != null && parsed.errors === undefined;
  } catch {
    return false;
  }
}

/**
 * Send `body` every `intervalMs` until a response succeeds or `timeoutMs` passes. Returns the first
 * successful response and the time it took, and throws with the last response or error on time-out.
 */
export async function waitForSuccess(
  url: string,
  body: string,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<{ response: GraphQLHttpResponse; elapsedMs: number }> {
  const started = performance.now();
  let last = 'no response';
  while (performance.now() - started < options.timeoutMs) {
    try {
      const response = await postGraphQL(url, body, 5_000);
      if (isSuccessful(response)) return { response, elapsedMs: performance.now() - started };
      last = `HTTP ${response.status}: ${response.body.slice(0, 500)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
  throw new Error(`${url} gave no successful response within ${options.timeoutMs} ms; last: ${last}`);
}
