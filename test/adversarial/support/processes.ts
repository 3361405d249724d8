import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findProjectRoot } from '../../../plugins/project';

const root = findProjectRoot();
const LOCK = path.join(root, 'dist', '.adversarial-build-lock');

/**
 * Build dist/ with tsc when a source is newer than the last build. A lock file keeps two jest
 * workers from running tsc into the same folder at once.
 */
export function ensureBuilt(): void {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(LOCK, 'wx'));
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${LOCK} was held for 120 s; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-needed.js')], { cwd: root, stdio: 'inherit' });
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

/** A URL on 127.0.0.1 where nothing listens, for gateway processes that must not reach real subgraphs. */
export const CLOSED_URL = 'http://127.0.0.1:1/graphql';

/** Environment that points every subgraph of a gateway process at CLOSED_URL. */
export const CLOSED_SUBGRAPHS = {
  SUBGRAPH_REGIONS_URL: CLOSED_URL,
  SUBGRAPH_AGENCIES_URL: CLOSED_URL,
  SUBGRAPH_PLACES_URL: CLOSED_URL,
};

export interface ScriptProcess {
  child: ChildProcess;
  /** URL from the ready log line, when the process logged one. */
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
}

const started: ChildProcess[] = [];

/** Spawn `node dist/scripts/<script> ...args` with the given environment on top of this process's. */
export function spawnScript(script: string, args: string[], env: NodeJS.ProcessEnv, nodeOptions: string[] = []): ScriptProcess {
  const child = spawn(process.execPath, [...nodeOptions, path.join(root, 'dist', 'scripts', script), ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    url: '',
    output: () => output,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
  };
}

/** Parse one JSON log line; returns undefined for other output and for a line still being written. */
export function parseLogLine(line: string): { msg?: string; url?: string; [key: string]: unknown } | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as { msg?: string; url?: string };
  } catch {
    return undefined;
  }
}

/** Resolve once the process logs a JSON line whose msg is `readyMessage`; reject if it exits or stalls first. */
export function waitForReady(proc: ScriptProcess, readyMessage: string, timeoutMs = 30000): Promise<ScriptProcess> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`no "${readyMessage}" line within ${timeoutMs} ms:\n${proc.output()}`));
    }, timeoutMs);
    const poll = setInterval(() => {
      for (const line of proc.output().split('\n')) {
        const entry = parseLogLine(line);
        if (entry?.msg === readyMessage) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve({ ...proc, url: entry.url ?? '' });
          return;
        }
      }
      if (!proc.isRunning()) {
        clearTimeout(timer);
        clearInterval(poll);
        reject(new Error(`process exited before "${readyMessage}":\n${proc.output()}`));
      }
    }, 20);
  });
}

/** Start one subgraph with start-subgraph.js and wait for its 'subgraph ready' line. */
export function startSubgraphProcess(name: string, env: NodeJS.ProcessEnv, nodeOptions: string[] = []): Promise<ScriptProcess> {
  return waitForReady(spawnScript('start-subgraph.js', [name], { PORT: '0', ...env }, nodeOptions), 'subgraph ready');
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** True when the process neither exited nor became ready within the time limit. */
  timedOut: boolean;
  /** True when the process logged `readyMessage`, and was then killed. */
  becameReady: boolean;
}

/**
 * Run a script until it exits. It is killed after `timeoutMs`, or as soon as it logs
 * `readyMessage` when one is given, since a process that should have rejected its settings did start.
 */
export async function runUntilExit(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { timeoutMs?: number; readyMessage?: string } = {},
): Promise<RunResult> {
  const proc = spawnScript(script, args, env);
  let timedOut = false;
  let becameReady = false;
  const timer = setTimeout(() => {
    timedOut = true;
    proc.child.kill('SIGKILL');
  }, options.timeoutMs ?? 15000);
  const poll = setInterval(() => {
    if (!options.readyMessage || becameReady) return;
    if (proc.output().split('\n').some((line) => parseLogLine(line)?.msg === options.readyMessage)) {
      becameReady = true;
      proc.child.kill('SIGKILL');
    }
  }, 20);
  const { code, signal } = await proc.exited;
  clearTimeout(timer);
  clearInterval(poll);
  return { code, signal, output: proc.output(), timedOut, becameReady };
}

/** SIGKILL every process this module started that still runs. */
export async function killAll(): Promise<void> {
  await Promise.all(
    started.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exit = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exit;
    }),
  );
  started.length = 0;
}
