import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnv, freePort, RunningChild, spawnChild } from './child-process';
import { waitForSuccess } from './http-client';
import { peersDir } from './load';

/** Hive Gateway version that bench/setup.sh installs. The benchmark rejects any other. */
export const HIVE_GATEWAY_VERSION = '2.15.1';

function hiveGatewayBin(): string {
  const packageDir = path.join(peersDir(), 'node_modules', '@graphql-hive', 'gateway');
  const manifest = path.join(packageDir, 'package.json');
  if (!fs.existsSync(manifest)) {
    throw new Error(`Hive Gateway is not installed in ${peersDir()}; run bench/setup.sh first`);
  }
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  if (version !== HIVE_GATEWAY_VERSION) {
    throw new Error(`bench/.peers has Hive Gateway ${version}, expected ${HIVE_GATEWAY_VERSION}; run bench/setup.sh again`);
  }
  return path.join(packageDir, 'dist', 'bin.js');
}

/**
 * Start Hive Gateway (one process: its default `--fork 1` forks no workers) serving a supergraph
 * file on 127.0.0.1, and wait until `probeBody` succeeds through it. It runs in an empty
 * temporary folder so that it finds no gateway.config file, and with no Hive or Apollo token in
 * its environment, so it reports no usage anywhere.
 *
 * NOTE: Hive Gateway 2.15 merges identical subgraph requests that are in flight at the same time
 * (deduplicateInflightRequests of @graphql-tools/executor-http, on by default). Every connection of
 * this benchmark sends the same query, so under load most of its subgraph requests are shared.
 */
export async function startHiveGateway(
  supergraphFile: string,
  probeBody: string,
  options: { nodeArgs?: string[] } = {},
): Promise<RunningChild & { url: string }> {
  const bin = hiveGatewayBin();
  const port = await freePort();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-bench-hive-'));
  const child = spawnChild(
    'hive',
    process.execPath,
    [...(options.nodeArgs ?? []), bin, 'supergraph', supergraphFile, '--host', '127.0.0.1', '--port', String(port), '--fork', '1'],
    { env: childEnv({ NODE_ENV: 'production' }), cwd },
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitForSuccess(url, probeBody, { timeoutMs: 60_000, intervalMs: 200 });
  } catch (error) {
    await child.stop();
    throw new Error(`Hive Gateway did not start: ${(error as Error).message}\n--- output of hive ---\n${child.output()}`);
  }
  return {
    ...child,
    url,
    async stop() {
      await child.stop();
      fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}
