import fs from 'node:fs';
import path from 'node:path';
import { childEnv, RunningChild, startNodeServer } from '../support/child-process';
import { writeBenchmarkSupergraph } from './compose';
import { BENCHMARK_SUBGRAPHS, BenchmarkSubgraph } from './subgraphs';

/** Compiled scripts live beside this file under dist/bench/federation. */
const SERVE_SCRIPT = path.join(__dirname, 'serve.js');
const OUR_GATEWAY_SCRIPT = path.join(__dirname, 'our-gateway.js');

/** Every benchmark server runs with NODE_ENV=production, as a deployment would. */
const SERVER_ENV = childEnv({ NODE_ENV: 'production' });

export interface BenchmarkSubgraphs {
  processes: (RunningChild & { url: string })[];
  urls: Record<BenchmarkSubgraph, string>;
  /** Temporary supergraph file routing to `urls`. */
  supergraphFile: string;
  stop(): Promise<void>;
}

/**
 * Start the four benchmark subgraphs, one process each, and compose their supergraph. Separate
 * processes keep the subgraphs off the CPU thread of the gateway under test, and let the kernel
 * spread them over both cores instead of queuing all four on one event loop.
 */
export async function startBenchmarkSubgraphs(): Promise<BenchmarkSubgraphs> {
  const processes = await Promise.all(
    BENCHMARK_SUBGRAPHS.map((name) => startNodeServer(name, SERVE_SCRIPT, [name], { env: SERVER_ENV })),
  );
  const urls = Object.fromEntries(processes.map((child) => [child.name, child.url])) as Record<BenchmarkSubgraph, string>;
  const supergraphFile = writeBenchmarkSupergraph(urls);
  return {
    processes,
    urls,
    supergraphFile,
    async stop() {
      await Promise.all(processes.map((child) => child.stop()));
      fs.rmSync(path.dirname(supergraphFile), { recursive: true, force: true });
    },
  };
}

/** Start this project's gateway (createGateway) in its own process over `supergraphFile`. */
export function startOurGateway(supergraphFile: string, nodeArgs: string[] = []): Promise<RunningChild & { url: string }> {
  return startNodeServer('ours', OUR_GATEWAY_SCRIPT, [supergraphFile], { env: SERVER_ENV, nodeArgs });
}

/** Start the monolith: one plain GraphQL server over the same data, no gateway. */
export function startMonolith(): Promise<RunningChild & { url: string }> {
  return startNodeServer('monolith', SERVE_SCRIPT, ['monolith'], { env: SERVER_ENV });
}
