import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/** Message a benchmark server sends its parent once it listens. */
export interface ReadyMessage {
  name: string;
  url: string;
}

/** Child side: send the URL this server listens on to the parent over IPC, if any, and to standard output. */
export function reportReady(message: ReadyMessage): void {
  process.send?.({ type: 'ready', ...message });
  process.stdout.write(`${JSON.stringify({ ready: true, ...message })}\n`);
}

/**
 * Child side: run `close` and exit on SIGTERM, SIGINT or when the parent's IPC channel closes, so
 * that a crashed benchmark driver leaves no server behind. Exiting through process.exit also lets
 * `node --cpu-prof` write its profile.
 */
export function stopWithParent(close: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    close().then(
      () => process.exit(0),
      (error) => {
        console.error('clean stop failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

/** A child process started by a benchmark, with its recent output kept for error messages. */
export interface RunningChild {
  name: string;
  process: ChildProcess;
  pid: number;
  /** The last few kilobytes the child wrote to standard output and standard error. */
  output(): string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kill every child still running when this process exits, so none is left behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`received ${signal}, stopping child processes`);
      process.exit(130);
    });
  }
}

const OUTPUT_LIMIT = 8192;

/**
 * Spawn a process with piped output, and stop it with SIGTERM (SIGKILL after 10 s). With `ipc`,
 * an IPC channel is opened as well, for children that call reportReady.
 */
export function spawnChild(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; ipc?: boolean; echo?: boolean },
): RunningChild {
  installExitHook();
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${name}: spawning ${command} failed`);
  live.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (options.echo) process.stderr.write(text);
    output = (output + text).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  });

  return {
    name,
    process: child,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Start a compiled benchmark server (a script calling reportReady) and wait for its URL. */
export async function startNodeServer(
  name: string,
  script: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; nodeArgs?: string[]; timeoutMs?: number },
): Promise<RunningChild & { url: string }> {
  const child = spawnChild(name, process.execPath, [...(options.nodeArgs ?? []), script, ...args], { env: options.env, ipc: true });
  const timeoutMs = options.timeoutMs ?? 30_000;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not report ready within ${timeoutMs} ms`)), timeoutMs);
      child.process.on('message', (message: { type?: string; url?: string }) => {
        if (message?.type === 'ready' && message.url) {
          clearTimeout(timer);
          resolve(message.url);
        }
      });
      child.process.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal})`));
      });
    });
    return { ...child, url };
  } catch (error) {
    await child.stop();
    throw new Error(`${(error as Error).message}\n--- output of ${name} ---\n${child.output()}`);
  }
}

/** Find a TCP port that was free on 127.0.0.1 a moment ago. Another process may still take it first. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Check whether something accepts TCP connections on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Build the environment of benchmark children: PATH, HOME, TMPDIR and LANG plus `extra`, so no stray setting changes a target. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  return { ...env, ...extra };
}
