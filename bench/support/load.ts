import fs from 'node:fs';
import path from 'node:path';
import { findProjectRoot } from '../../plugins/project';

/** The part of autocannon's programmatic API (version 9) that the benchmarks use. */
interface AutocannonOptions {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
  timeout: number;
  expectBody?: string;
}

interface AutocannonHistogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
}

interface AutocannonResult {
  requests: AutocannonHistogram;
  latency: AutocannonHistogram;
  throughput: AutocannonHistogram;
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  '2xx': number;
}

interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  stop(): void;
}

type Autocannon = (options: AutocannonOptions) => AutocannonInstance;

/** Return the folder where bench/setup.sh installs autocannon and Hive Gateway, outside the project's dependencies. */
export function peersDir(): string {
  return path.join(findProjectRoot(), 'bench', '.peers');
}

let autocannon: Autocannon | undefined;

/** Load autocannon from bench/.peers. Throws with the install command when it is missing. */
function loadAutocannon(): Autocannon {
  if (autocannon) return autocannon;
  const entry = path.join(peersDir(), 'node_modules', 'autocannon');
  if (!fs.existsSync(entry)) {
    throw new Error(`autocannon is not installed in ${peersDir()}; run bench/setup.sh first`);
  }
  autocannon = require(entry) as Autocannon;
  return autocannon;
}

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  /** Successful (2xx, body as expected) responses per second over the whole run. */
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  totalRequests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

/**
 * Send `body` as fast as `connections` keep-alive connections allow, for `durationSeconds`.
 * With `expectBody`, every response body is compared with it and each difference counts as a
 * mismatch. A watchdog stops the run 30 s after its planned end, in case a target hangs.
 */
export async function runLoad(options: {
  url: string;
  body: string;
  connections: number;
  durationSeconds: number;
  expectBody?: string;
}): Promise<LoadResult> {
  const instance = loadAutocannon()({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: options.body,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    expectBody: options.expectBody,
  });
  const watchdog = setTimeout(() => instance.stop(), (options.durationSeconds + 30) * 1000);
  let result: AutocannonResult;
  try {
    result = await instance;
  } finally {
    clearTimeout(watchdog);
  }

  const good = result['2xx'] - result.mismatches;
  return {
    connections: options.connections,
    durationSeconds: result.duration,
    requestsPerSecond: good / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
}
