import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../plugins/project';
import { startBenchmarkSubgraphs, startOurGateway } from './federation/fixture';
import { BENCHMARK_BODY } from './federation/query';
import { printProfileSummary, summarizeCpuProfile } from './support/cpu-profile';
import { isSuccessful, postGraphQL } from './support/http-client';
import { runLoad } from './support/load';
import { machineInfo } from './support/proc';
import { writeResult } from './support/results';

const USAGE = `Usage: node dist/bench/profile-gateway.js [--connections N] [--duration S] [--warmup S]

Runs this project's gateway under node --cpu-prof on the gateway benchmark (its four subgraphs in
their own processes), loads it with N connections (default 50) for S seconds (default 15) after
a warm-up (default 5 s, profiled too), and prints the modules and functions with the most self
time. The .cpuprofile file is kept in a bench/results/profile-* folder for Chrome DevTools.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '5' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const connections = Number(values.connections);
  const durationSeconds = Number(values.duration);
  const warmupSeconds = Number(values.warmup);
  if (!Number.isInteger(connections) || connections <= 0) throw new Error(`--connections must be a positive whole number, got "${values.connections}"`);
  if (!(durationSeconds > 0 && durationSeconds <= 120)) throw new Error(`--duration must be 1 to 120 seconds, got "${values.duration}"`);
  if (!(warmupSeconds >= 0 && warmupSeconds <= 60)) throw new Error(`--warmup must be 0 to 60 seconds, got "${values.warmup}"`);

  const root = findProjectRoot();
  const resultsDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const profileDir = fs.mkdtempSync(path.join(resultsDir, 'profile-'));
  const subgraphs = await startBenchmarkSubgraphs();
  try {
    const gateway = await startOurGateway(subgraphs.supergraphFile, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
    let loadResult;
    try {
      const first = await postGraphQL(gateway.url, BENCHMARK_BODY);
      if (!isSuccessful(first)) throw new Error(`the gateway failed the benchmark query: HTTP ${first.status} ${first.body.slice(0, 500)}`);
      if (warmupSeconds > 0) await runLoad({ url: gateway.url, body: BENCHMARK_BODY, connections, durationSeconds: warmupSeconds });
      loadResult = await runLoad({ url: gateway.url, body: BENCHMARK_BODY, connections, durationSeconds, expectBody: first.body });
      console.log(`${loadResult.requestsPerSecond.toFixed(1)} req/s at ${connections} connections while profiled (profiling slows the gateway)`);
    } finally {
      // The profile is written when the gateway process exits.
      await gateway.stop();
    }

    const written = fs.readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
    if (written.length !== 1) throw new Error(`expected one .cpuprofile file in ${profileDir}, found ${written.length}`);
    const summary = summarizeCpuProfile(path.join(profileDir, written[0]), root);
    printProfileSummary(summary);
    const file = writeResult('profile-gateway', {
      benchmark: 'profile-gateway',
      date: new Date().toISOString(),
      machine: machineInfo(),
      options: { connections, durationSeconds, warmupSeconds },
      load: loadResult,
      profile: summary,
    });
    console.log(`\nsummary written to ${file}`);
  } finally {
    await subgraphs.stop();
  }
}

main().catch((error) => {
  console.error(`gateway profile failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
