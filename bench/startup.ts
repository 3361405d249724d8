import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../plugins/project';
import { readRoverConfig } from '../plugins/rover';
import { childEnv, portInUse, spawnChild } from './support/child-process';
import { isSuccessful, postGraphQL, waitForSuccess } from './support/http-client';
import { ForeignLoadMeter, machineInfo, median, residentMemoryMb, waitForQuietMachine } from './support/proc';
import { formatTable, writeResult } from './support/results';

const USAGE = `Usage: node dist/bench/startup.js [--runs N] [--warmup-requests N]

Measures how fast the embedded platform (node dist/scripts/start-platform.js, what npm start
runs) starts: from spawn to its 'platform ready' log line and to the first successful query, and
its resident memory after a warm-up of queries. Before each start it waits up to 120 s for other
processes to use less than 0.2 cores. Each run starts once with a fresh DATA_DIR (cold:
migrations and seeds run) and once more on the same DATA_DIR (warm). It listens on the ports of
rover.yaml and on GATEWAY_PORT 4000, so these must be free.

Options:
  --runs N             cold and warm starts to take the median of (default 3)
  --warmup-requests N  queries sent before reading the resident memory (default 500)`;

/** The gateway port start-platform uses when GATEWAY_PORT is unset. */
const GATEWAY_PORT = 4000;
/** A query every configuration of the platform serves: it needs only the regions subgraph. */
const PROBE_BODY = JSON.stringify({ query: '{ kecamatanList { code name kelurahan { code name } } }' });
const WARMUP_CONCURRENCY = 10;
/** CPU use by other processes, in cores, above which a start waits (at most MAX_WAIT_SECONDS). */
const QUIET_MAX_OTHER_CORES = 0.2;
const MAX_WAIT_SECONDS = 120;

interface StartMeasurement {
  kind: 'cold' | 'warm';
  /** Wall time from spawn to the 'platform ready' log line, measured here. */
  readyMs: number;
  /** startMs field of the 'platform ready' line: the process's own count, from main() on. */
  reportedStartMs: number;
  /** memoryMb field of the 'platform ready' line. */
  reportedMemoryMb: number;
  /** Wall time from spawn to the first successful probe query through the gateway. */
  firstQueryMs: number;
  /** VmRSS of the process after the warm-up queries. */
  rssAfterWarmupMb: number;
  warmupRequests: number;
  /** Cores' worth of CPU that other processes used during the start and warm-up. */
  otherCpuCores: number;
}

function waitForLogLine(
  child: ReturnType<typeof spawnChild>,
  message: string,
  timeoutMs: number,
): Promise<{ fields: Record<string, unknown>; atMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`no '${message}' log line within ${timeoutMs} ms\n${child.output()}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        let fields: Record<string, unknown>;
        try {
          fields = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        if (fields.msg === message) {
          clearTimeout(timer);
          child.process.stdout?.off('data', onData);
          resolve({ fields, atMs: performance.now() - started });
          return;
        }
      }
    };
    child.process.stdout?.on('data', onData);
    child.process.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the platform exited with code ${code} before '${message}'\n${child.output()}`));
    });
  });
}

/** Send `count` probe queries, WARMUP_CONCURRENCY at a time. Throws on the first failed one. */
async function warmUp(url: string, count: number): Promise<void> {
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      sent += 1;
      const response = await postGraphQL(url, PROBE_BODY, 5_000);
      if (!isSuccessful(response)) throw new Error(`warm-up query failed: HTTP ${response.status} ${response.body.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: WARMUP_CONCURRENCY }, worker));
}

async function measureStart(kind: 'cold' | 'warm', dataDir: string, warmupRequests: number): Promise<StartMeasurement> {
  const root = findProjectRoot();
  let childPid = 0;
  const meter = new ForeignLoadMeter(() => (childPid ? [childPid] : []));
  meter.start();
  const spawnedAt = performance.now();
  const child = spawnChild('platform', process.execPath, [path.join(root, 'dist', 'scripts', 'start-platform.js')], {
    env: childEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }),
    cwd: root,
  });
  childPid = child.pid;
  try {
    const ready = await waitForLogLine(child, 'platform ready', 60_000);
    const url = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
    await waitForSuccess(url, PROBE_BODY, { timeoutMs: 30_000, intervalMs: 10 });
    const firstQueryMs = performance.now() - spawnedAt;
    await warmUp(url, warmupRequests);
    const rssAfterWarmupMb = Math.round(residentMemoryMb(child.pid));
    return {
      kind,
      readyMs: Math.round(ready.atMs),
      reportedStartMs: Number(ready.fields.startMs),
      reportedMemoryMb: Number(ready.fields.memoryMb),
      firstQueryMs: Math.round(firstQueryMs),
      rssAfterWarmupMb,
      warmupRequests,
      otherCpuCores: Math.round(meter.otherCores() * 100) / 100,
    };
  } finally {
    await child.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      runs: { type: 'string', default: '3' },
      'warmup-requests': { type: 'string', default: '500' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const runs = Number(values.runs);
  const warmupRequests = Number(values['warmup-requests']);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error(`--runs must be 1 to 20, got "${values.runs}"`);
  if (!Number.isInteger(warmupRequests) || warmupRequests < 0 || warmupRequests > 100_000) {
    throw new Error(`--warmup-requests must be 0 to 100000, got "${values['warmup-requests']}"`);
  }

  const rover = readRoverConfig();
  const ports = [GATEWAY_PORT, ...rover.subgraphs.map((subgraph) => subgraph.port)];
  const busy: number[] = [];
  for (const port of ports) if (await portInUse(port)) busy.push(port);
  if (busy.length > 0) {
    throw new Error(`port ${busy.join(', ')} on 127.0.0.1 is in use; stop whatever listens there (npm start?) and run again`);
  }
  console.log(`platform subgraphs: ${rover.subgraphs.map((subgraph) => `${subgraph.name}:${subgraph.port}`).join(', ')}, gateway:${GATEWAY_PORT}`);

  const measurements: StartMeasurement[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-bench-startup-'));
    try {
      for (const kind of ['cold', 'warm'] as const) {
        await waitForQuietMachine(() => [], {
          maxOtherCores: QUIET_MAX_OTHER_CORES,
          maxWaitSeconds: MAX_WAIT_SECONDS,
          onWait: (otherCores) => console.log(`  waiting: other processes use ${otherCores.toFixed(2)} cores`),
        });
        const measurement = await measureStart(kind, dataDir, warmupRequests);
        measurements.push(measurement);
        console.log(
          `run ${run} ${kind}: ready ${measurement.readyMs} ms (startMs ${measurement.reportedStartMs}), ` +
            `first query ${measurement.firstQueryMs} ms, RSS ${measurement.rssAfterWarmupMb} MB after ${warmupRequests} queries, ` +
            `other processes ${measurement.otherCpuCores.toFixed(2)} cores`,
        );
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }

  const rows = (['cold', 'warm'] as const).map((kind) => {
    const of = measurements.filter((measurement) => measurement.kind === kind);
    return {
      kind,
      readyMs: median(of.map((measurement) => measurement.readyMs)),
      reportedStartMs: median(of.map((measurement) => measurement.reportedStartMs)),
      reportedMemoryMb: median(of.map((measurement) => measurement.reportedMemoryMb)),
      firstQueryMs: median(of.map((measurement) => measurement.firstQueryMs)),
      rssAfterWarmupMb: median(of.map((measurement) => measurement.rssAfterWarmupMb)),
    };
  });
  console.log(`\nMedians of ${runs} runs:\n`);
  console.log(
    formatTable(
      ['start', 'spawn to ready ms', 'startMs (logged)', 'memoryMb at ready (logged)', 'spawn to first query ms', `RSS MB after ${warmupRequests} queries`],
      rows.map((row) => [row.kind, row.readyMs, row.reportedStartMs, row.reportedMemoryMb, row.firstQueryMs, row.rssAfterWarmupMb]),
    ),
  );
  const file = writeResult('startup', {
    benchmark: 'startup',
    date: new Date().toISOString(),
    machine: machineInfo(),
    subgraphs: rover.subgraphs.map((subgraph) => subgraph.name),
    options: { runs, warmupRequests },
    medians: rows,
    measurements,
  });
  console.log(`\nresults written to ${file}`);
}

main().catch((error) => {
  console.error(`startup benchmark failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
