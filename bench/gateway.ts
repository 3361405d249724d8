import { parseArgs } from 'node:util';
import { request } from 'undici';
import { BenchmarkSubgraphs, startBenchmarkSubgraphs, startMonolith, startOurGateway } from './federation/fixture';
import { BENCHMARK_BODY } from './federation/query';
import { RunningChild } from './support/child-process';
import { compareResponses } from './support/compare-json';
import { HIVE_GATEWAY_VERSION, startHiveGateway } from './support/hive-gateway';
import { isSuccessful, postGraphQL } from './support/http-client';
import { LoadResult, peersDir, runLoad } from './support/load';
import { cpuSeconds, ForeignLoadMeter, machineInfo, median, residentMemoryMb, waitForQuietMachine } from './support/proc';
import { formatTable, packageVersion, writeResult } from './support/results';

/** CPU use by other processes, in cores, above which a run waits and a result is flagged. */
const QUIET_MAX_OTHER_CORES = 0.2;

const USAGE = `Usage: node dist/bench/gateway.js [options]

Benchmarks this project's gateway against Hive Gateway and a monolith on the federation scenario
of graphql-hive/graphql-gateways-benchmark. Run bench/setup.sh once first.

Options:
  --rounds N         interleaved rounds per target and connection count (default 3)
  --duration S       seconds of load per run (default 10)
  --warmup S         seconds of load per target before the first round, not recorded (default 5)
  --connections L    comma-separated connection counts (default 10,50)
  --targets L        comma-separated subset of ours,hive,monolith (default all three)
  --max-wait S       before each run, wait up to S seconds for other processes to use less than
                     ${QUIET_MAX_OTHER_CORES} cores (default 180, 0 to not wait)
  --help             print this text`;

type TargetName = 'ours' | 'hive' | 'monolith';
const ALL_TARGETS: TargetName[] = ['ours', 'hive', 'monolith'];

/** Targets to reach: ours at least twice Hive Gateway's req/s and at least half the monolith's. */
const MIN_RATIO_TO_HIVE = 2;
const MIN_RATIO_TO_MONOLITH = 0.5;

interface Options {
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number[];
  targets: TargetName[];
  maxWaitSeconds: number;
}

interface Target {
  name: TargetName;
  url: string;
  process: RunningChild;
  /** The target's own response to the benchmark query; every load response must equal it. */
  expectedBody: string;
}

interface RunRecord extends LoadResult {
  target: TargetName;
  round: number;
  /** CPU time of the target process per successful request. */
  targetCpuMsPerRequest: number;
  /** CPU time of the four subgraph processes together per successful request. */
  subgraphCpuMsPerRequest: number;
  /** CPU time of this process (autocannon) per successful request. */
  loadGeneratorCpuMsPerRequest: number;
  /** Requests the four subgraphs served per successful request to the target. */
  subgraphRequestsPerRequest: number;
  /** Cores' worth of CPU that processes outside this benchmark used during the run. */
  otherCpuCores: number;
  /** Seconds waited before the run for the machine to become quiet. */
  waitedSeconds: number;
}

function positiveInteger(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new Error(`--${option} must be a positive whole number, got "${value}"`);
  }
  return number;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10,50' },
      targets: { type: 'string', default: ALL_TARGETS.join(',') },
      'max-wait': { type: 'string', default: '180' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const targets = values.targets.split(',').map((name) => name.trim());
  for (const name of targets) {
    if (!ALL_TARGETS.includes(name as TargetName)) throw new Error(`--targets: unknown target "${name}"; expected ${ALL_TARGETS.join(', ')}`);
  }
  const durationSeconds = positiveInteger(values.duration, 'duration');
  const maxWaitSeconds = Number(values['max-wait']);
  if (!(maxWaitSeconds >= 0 && maxWaitSeconds <= 3600)) throw new Error(`--max-wait must be 0 to 3600 seconds, got "${values['max-wait']}"`);
  if (durationSeconds > 120) throw new Error('--duration must be at most 120 seconds');
  return {
    rounds: positiveInteger(values.rounds, 'rounds'),
    durationSeconds,
    warmupSeconds: Number(values.warmup) >= 0 ? Number(values.warmup) : 5,
    connections: values.connections.split(',').map((value) => positiveInteger(value.trim(), 'connections')),
    targets: targets as TargetName[],
    maxWaitSeconds,
  };
}

async function startTargets(options: Options, subgraphs: BenchmarkSubgraphs): Promise<Omit<Target, 'expectedBody'>[]> {
  const started: Omit<Target, 'expectedBody'>[] = [];
  for (const name of options.targets) {
    const child =
      name === 'ours'
        ? await startOurGateway(subgraphs.supergraphFile)
        : name === 'hive'
          ? await startHiveGateway(subgraphs.supergraphFile, BENCHMARK_BODY)
          : await startMonolith();
    started.push({ name, url: child.url, process: child });
    console.log(`started ${name} at ${child.url} (pid ${child.pid})`);
  }
  return started;
}

/**
 * Query every target once and require the same JSON from all of them, with the first target's
 * response as the reference. Throws naming the first differing path otherwise.
 */
async function verifyResponses(targets: Omit<Target, 'expectedBody'>[]): Promise<Target[]> {
  const verified: Target[] = [];
  let reference: { name: string; body: string } | undefined;
  for (const target of targets) {
    const response = await postGraphQL(target.url, BENCHMARK_BODY);
    if (!isSuccessful(response)) {
      throw new Error(`${target.name} failed the benchmark query: HTTP ${response.status} ${response.body.slice(0, 1000)}`);
    }
    if (!reference) {
      reference = { name: target.name, body: response.body };
      console.log(`${target.name}: ${Buffer.byteLength(response.body)} bytes, the reference response`);
    } else {
      const comparison = compareResponses(reference.body, response.body);
      if (!comparison.sameJson) {
        throw new Error(`${target.name} returned different JSON than ${reference.name}: first difference at ${comparison.firstDifference}`);
      }
      const bytes = comparison.sameBytes ? 'byte-identical' : `same JSON, bytes differ (${Buffer.byteLength(response.body)} bytes)`;
      console.log(`${target.name}: ${bytes} to ${reference.name}`);
    }
    verified.push({ ...target, expectedBody: response.body });
  }
  return verified;
}

interface SubgraphTraffic {
  connections: number;
  requests: number;
  requestBytes: number;
  responseBytes: number;
}

async function subgraphTraffic(subgraphs: BenchmarkSubgraphs): Promise<Record<string, SubgraphTraffic>> {
  const entries = await Promise.all(
    subgraphs.processes.map(async (child) => {
      const response = await request(child.url.replace(/\/graphql$/, '/stats'));
      return [child.name, (await response.body.json()) as SubgraphTraffic] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function totalSubgraphRequests(traffic: Record<string, SubgraphTraffic>): number {
  return Object.values(traffic).reduce((sum, entry) => sum + entry.requests, 0);
}

/** Wait until the subgraphs serve no new request for 300 ms, for at most 10 s. */
async function waitForSubgraphsIdle(subgraphs: BenchmarkSubgraphs): Promise<void> {
  const deadline = performance.now() + 10_000;
  let last = totalSubgraphRequests(await subgraphTraffic(subgraphs));
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = totalSubgraphRequests(await subgraphTraffic(subgraphs));
    if (now === last) return;
    last = now;
  }
}

/**
 * Send the benchmark query once through each gateway and count the subgraph requests and bytes it
 * caused, per subgraph. Nothing else may query the subgraphs meanwhile.
 */
async function measureFanOut(targets: Target[], subgraphs: BenchmarkSubgraphs): Promise<Record<string, Record<string, SubgraphTraffic>>> {
  const fanOut: Record<string, Record<string, SubgraphTraffic>> = {};
  for (const target of targets.filter((candidate) => candidate.name !== 'monolith')) {
    const before = await subgraphTraffic(subgraphs);
    await postGraphQL(target.url, BENCHMARK_BODY);
    const after = await subgraphTraffic(subgraphs);
    fanOut[target.name] = Object.fromEntries(
      Object.keys(after).map((name) => [
        name,
        {
          connections: after[name].connections - before[name].connections,
          requests: after[name].requests - before[name].requests,
          requestBytes: after[name].requestBytes - before[name].requestBytes,
          responseBytes: after[name].responseBytes - before[name].responseBytes,
        },
      ]),
    );
  }
  return fanOut;
}

function printFanOut(fanOut: Record<string, Record<string, SubgraphTraffic>>): void {
  const rows: (string | number)[][] = [];
  for (const [target, bySubgraph] of Object.entries(fanOut)) {
    const total = { requests: 0, requestBytes: 0, responseBytes: 0 };
    for (const [subgraph, traffic] of Object.entries(bySubgraph)) {
      rows.push([target, subgraph, traffic.requests, traffic.requestBytes, traffic.responseBytes]);
      total.requests += traffic.requests;
      total.requestBytes += traffic.requestBytes;
      total.responseBytes += traffic.responseBytes;
    }
    rows.push([target, 'all', total.requests, total.requestBytes, total.responseBytes]);
  }
  console.log('\nSubgraph traffic caused by one benchmark query:\n');
  console.log(formatTable(['gateway', 'subgraph', 'requests', 'bytes sent', 'bytes received'], rows));
  console.log('');
}

/** Run one load and account the CPU time every process involved spent on it. */
async function measure(
  target: Target,
  subgraphs: BenchmarkSubgraphs,
  connections: number,
  options: Options & { round: number; ownPids: () => number[] },
): Promise<RunRecord> {
  const { durationSeconds, round } = options;
  const quiet =
    options.maxWaitSeconds > 0
      ? await waitForQuietMachine(options.ownPids, {
          maxOtherCores: QUIET_MAX_OTHER_CORES,
          maxWaitSeconds: options.maxWaitSeconds,
          onWait: (otherCores) => console.log(`  waiting: other processes use ${otherCores.toFixed(2)} cores`),
        })
      : { waitedSeconds: 0, otherCores: 0 };
  if (quiet.otherCores >= QUIET_MAX_OTHER_CORES) {
    console.log(`  WARNING: other processes still use ${quiet.otherCores.toFixed(2)} cores after ${Math.round(quiet.waitedSeconds)} s; running anyway`);
  }
  const meter = new ForeignLoadMeter(options.ownPids);
  meter.start();
  const subgraphPids = subgraphs.processes.map((child) => child.pid);
  const subgraphCpu = () => subgraphPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const targetBefore = cpuSeconds(target.process.pid);
  const subgraphsBefore = subgraphCpu();
  const selfBefore = process.cpuUsage();
  const trafficBefore = totalSubgraphRequests(await subgraphTraffic(subgraphs));

  const result = await runLoad({ url: target.url, body: BENCHMARK_BODY, connections, durationSeconds, expectBody: target.expectedBody });
  // Requests still in flight when autocannon stops go on; count their work here, not in the next run.
  await waitForSubgraphsIdle(subgraphs);

  const otherCpuCores = meter.otherCores();
  const subgraphRequests = totalSubgraphRequests(await subgraphTraffic(subgraphs)) - trafficBefore;
  const self = process.cpuUsage(selfBefore);
  const good = Math.max(1, result.requestsPerSecond * result.durationSeconds);
  const perRequestMs = (seconds: number) => (seconds * 1000) / good;
  if (result.errors + result.timeouts + result.non2xx + result.mismatches > 0) {
    throw new Error(
      `${target.name} at ${connections} connections: ${result.errors} errors, ${result.timeouts} timeouts, ` +
        `${result.non2xx} non-2xx responses, ${result.mismatches} bodies different from the verified response`,
    );
  }
  return {
    ...result,
    target: target.name,
    round,
    targetCpuMsPerRequest: perRequestMs(cpuSeconds(target.process.pid) - targetBefore),
    subgraphCpuMsPerRequest: target.name === 'monolith' ? 0 : perRequestMs(subgraphCpu() - subgraphsBefore),
    loadGeneratorCpuMsPerRequest: perRequestMs((self.user + self.system) / 1e6),
    subgraphRequestsPerRequest: target.name === 'monolith' ? 0 : round2(subgraphRequests / good),
    otherCpuCores: round2(otherCpuCores),
    waitedSeconds: Math.round(quiet.waitedSeconds),
  };
}

/** Rotate the target order each round, so no target always runs first or right after another. */
function orderForRound<T>(targets: T[], round: number): T[] {
  const shift = round % targets.length;
  return [...targets.slice(shift), ...targets.slice(0, shift)];
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = machineInfo();
  console.log(`machine: ${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}`);

  const subgraphs = await startBenchmarkSubgraphs();
  const running: RunningChild[] = [];
  try {
    console.log(`subgraphs: ${Object.entries(subgraphs.urls).map(([name, url]) => `${name} ${url}`).join(', ')}`);
    const startedTargets = await startTargets(options, subgraphs);
    running.push(...startedTargets.map((target) => target.process));
    const targets = await verifyResponses(startedTargets);
    const fanOut = await measureFanOut(targets, subgraphs);
    printFanOut(fanOut);

    if (options.warmupSeconds > 0) {
      for (const target of targets) {
        console.log(`warming up ${target.name} for ${options.warmupSeconds} s`);
        await runLoad({ url: target.url, body: BENCHMARK_BODY, connections: options.connections[0], durationSeconds: options.warmupSeconds });
      }
    }

    const ownPids = () => [...subgraphs.processes, ...running].map((child) => child.pid);
    const runs: RunRecord[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      for (const connections of options.connections) {
        for (const target of orderForRound(targets, round)) {
          const record = await measure(target, subgraphs, connections, { ...options, round: round + 1, ownPids });
          runs.push(record);
          console.log(
            `round ${round + 1}  ${String(connections).padStart(3)} connections  ${target.name.padEnd(8)} ` +
              `${record.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${record.latencyP50Ms} ms  p99 ${record.latencyP99Ms} ms  ` +
              `other processes ${record.otherCpuCores.toFixed(2)} cores`,
          );
        }
      }
    }
    const memoryMb = Object.fromEntries(targets.map((target) => [target.name, Math.round(residentMemoryMb(target.process.pid))]));
    // The responses must still be correct after the load.
    await verifyResponses(targets);

    const summary = summarize(options, runs);
    printSummary(options, summary, memoryMb);
    const file = writeResult('gateway', {
      benchmark: 'gateway',
      date: new Date().toISOString(),
      machine,
      versions: {
        '@apollo/gateway': packageVersion('@apollo/gateway'),
        '@apollo/server': packageVersion('@apollo/server'),
        '@graphql-hive/gateway': packageVersion('@graphql-hive/gateway', `${peersDir()}/node_modules`),
        expectedHiveGateway: HIVE_GATEWAY_VERSION,
        autocannon: packageVersion('autocannon', `${peersDir()}/node_modules`),
      },
      options,
      responseBytes: Buffer.byteLength(targets[0].expectedBody),
      subgraphTrafficPerQuery: fanOut,
      residentMemoryMbAfterLoad: memoryMb,
      summary,
      runs,
    });
    console.log(`\nresults written to ${file}`);
  } finally {
    await Promise.all(running.map((child) => child.stop()));
    await subgraphs.stop();
  }
}

interface SummaryRow {
  target: TargetName;
  connections: number;
  medianRequestsPerSecond: number;
  roundsRequestsPerSecond: number[];
  medianLatencyP50Ms: number;
  medianLatencyP99Ms: number;
  medianTargetCpuMsPerRequest: number;
  medianSubgraphCpuMsPerRequest: number;
  medianSubgraphRequestsPerRequest: number;
  /** Highest CPU use by other processes in any of the rounds, in cores. */
  maxOtherCpuCores: number;
}

interface Summary {
  rows: SummaryRow[];
  ratios: { connections: number; oursToHive?: number; oursToMonolith?: number }[];
}

function summarize(options: Options, runs: RunRecord[]): Summary {
  const rows: SummaryRow[] = [];
  for (const connections of options.connections) {
    for (const target of options.targets) {
      const matching = runs.filter((run) => run.target === target && run.connections === connections);
      rows.push({
        target,
        connections,
        medianRequestsPerSecond: round1(median(matching.map((run) => run.requestsPerSecond))),
        roundsRequestsPerSecond: matching.map((run) => round1(run.requestsPerSecond)),
        medianLatencyP50Ms: median(matching.map((run) => run.latencyP50Ms)),
        medianLatencyP99Ms: median(matching.map((run) => run.latencyP99Ms)),
        medianTargetCpuMsPerRequest: round2(median(matching.map((run) => run.targetCpuMsPerRequest))),
        medianSubgraphCpuMsPerRequest: round2(median(matching.map((run) => run.subgraphCpuMsPerRequest))),
        medianSubgraphRequestsPerRequest: round2(median(matching.map((run) => run.subgraphRequestsPerRequest))),
        maxOtherCpuCores: round2(Math.max(...matching.map((run) => run.otherCpuCores))),
      });
    }
  }
  const rate = (target: TargetName, connections: number) =>
    rows.find((row) => row.target === target && row.connections === connections)?.medianRequestsPerSecond;
  const ratios = options.connections.map((connections) => {
    const ours = rate('ours', connections);
    const hive = rate('hive', connections);
    const monolith = rate('monolith', connections);
    return {
      connections,
      oursToHive: ours !== undefined && hive ? round2(ours / hive) : undefined,
      oursToMonolith: ours !== undefined && monolith ? round2(ours / monolith) : undefined,
    };
  });
  return { rows, ratios };
}

function printSummary(options: Options, summary: Summary, memoryMb: Record<string, number>): void {
  console.log(`\nMedians of ${options.rounds} interleaved rounds of ${options.durationSeconds} s each:\n`);
  console.log(
    formatTable(
      ['connections', 'target', 'req/s', 'rounds', 'p50 ms', 'p99 ms', 'target CPU ms/req', 'subgraphs CPU ms/req', 'subgraph req/req', 'RSS MB', 'max other cores'],
      summary.rows.map((row) => [
        row.connections,
        row.target,
        row.medianRequestsPerSecond,
        row.roundsRequestsPerSecond.join(' / '),
        row.medianLatencyP50Ms,
        row.medianLatencyP99Ms,
        row.medianTargetCpuMsPerRequest,
        row.medianSubgraphCpuMsPerRequest,
        row.medianSubgraphRequestsPerRequest,
        memoryMb[row.target] ?? NaN,
        row.maxOtherCpuCores,
      ]),
    ),
  );
  console.log('');
  const disturbed = summary.rows.filter((row) => row.maxOtherCpuCores >= QUIET_MAX_OTHER_CORES);
  if (disturbed.length > 0) {
    console.log(
      `WARNING: other processes used ${QUIET_MAX_OTHER_CORES} cores or more during some runs ` +
        `(${disturbed.map((row) => `${row.target} at ${row.connections}`).join(', ')}); those numbers are disturbed.\n`,
    );
  }
  for (const ratio of summary.ratios) {
    const parts: string[] = [];
    if (ratio.oursToHive !== undefined) {
      parts.push(`ours/hive ${ratio.oursToHive} (target >= ${MIN_RATIO_TO_HIVE}: ${ratio.oursToHive >= MIN_RATIO_TO_HIVE ? 'met' : 'NOT met'})`);
    }
    if (ratio.oursToMonolith !== undefined) {
      parts.push(
        `ours/monolith ${ratio.oursToMonolith} (target >= ${MIN_RATIO_TO_MONOLITH}: ${ratio.oursToMonolith >= MIN_RATIO_TO_MONOLITH ? 'met' : 'NOT met'})`,
      );
    }
    if (parts.length > 0) console.log(`${String(ratio.connections).padStart(3)} connections: ${parts.join(', ')}`);
  }
}

main().catch((error) => {
  console.error(`gateway benchmark failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
