import { Writable } from 'node:stream';
import { request } from 'undici';
import { createLogger, Logger } from '../../plugins/logger';

/** Create a logger that keeps its JSON lines in memory, so the per-request log lines can be read back. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

export async function queryGateway(url: string, query: string, requestId: string): Promise<{ data: Record<string, unknown> }> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query }),
  });
  const body = (await response.body.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (response.statusCode !== 200 || !body.data || body.errors) {
    throw new Error(`query ${requestId} failed: HTTP ${response.statusCode} ${JSON.stringify(body).slice(0, 500)}`);
  }
  return { data: body.data };
}

export type SubgraphCounts = Record<string, { requests: number; sqlStatements: number }>;

/** Wait until the gateway has logged the request, then sum the subgraph log lines of it. */
export async function countStatements(lines: Record<string, unknown>[], requestId: string): Promise<SubgraphCounts> {
  const deadline = Date.now() + 2000;
  const isGatewayLine = (line: Record<string, unknown>) => line.requestId === requestId && line.msg === 'graphql request' && line.component === 'gateway';
  while (!lines.some(isGatewayLine)) {
    if (Date.now() > deadline) throw new Error(`the gateway logged no 'graphql request' line for ${requestId}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const bySubgraph: SubgraphCounts = {};
  for (const line of lines) {
    if (line.requestId !== requestId || line.msg !== 'graphql request' || typeof line.subgraph !== 'string') continue;
    const entry = (bySubgraph[line.subgraph] ??= { requests: 0, sqlStatements: 0 });
    entry.requests += 1;
    entry.sqlStatements += Number(line.sqlStatements ?? 0);
  }
  return bySubgraph;
}

