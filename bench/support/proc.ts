import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** Resident set size of a process in MiB, from VmRSS in /proc/<pid>/status (Linux only). */
export function residentMemoryMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(match[1]) / 1024;
}

let clockTicks: number | undefined;

/** Clock ticks per second of /proc CPU times (`getconf CLK_TCK`, 100 on common Linux builds). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User plus system CPU time a process has used so far, in seconds, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return (userTicks + systemTicks) / ticksPerSecond();
}

/** CPU time all processes of the machine have used so far (busy fields of /proc/stat), in seconds. */
export function machineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  // cpu user nice system idle iowait irq softirq steal ...
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + (steal || 0)) / ticksPerSecond();
}

/**
 * Meter of the CPU that processes other than `ownPids` and this one use over a window, so that a
 * benchmark can notice a build or test run sharing the machine.
 */
export class ForeignLoadMeter {
  private machineStart = 0;
  private ownStart = 0;
  private started = 0;

  constructor(private readonly ownPids: () => number[]) {}

  private ownSeconds(): number {
    const self = process.cpuUsage();
    let total = (self.user + self.system) / 1e6;
    for (const pid of this.ownPids()) {
      try {
        total += cpuSeconds(pid);
      } catch {
        // The process exited after the list was made. Its CPU time is then missing from ours, so the
        // estimate of other processes' CPU can only read high.
      }
    }
    return total;
  }

  start(): void {
    this.machineStart = machineBusySeconds();
    this.ownStart = this.ownSeconds();
    this.started = performance.now();
  }

  /** Cores' worth of CPU that other processes used since start(), such as 0.5 for half a core. */
  otherCores(): number {
    const elapsedSeconds = (performance.now() - this.started) / 1000;
    const foreign = machineBusySeconds() - this.machineStart - (this.ownSeconds() - this.ownStart);
    return Math.max(0, foreign) / Math.max(elapsedSeconds, 0.001);
  }
}

/**
 * Wait until other processes use less than `maxOtherCores` over a 2 s window, checking for at most
 * `maxWaitSeconds`. Returns the seconds waited and the last reading, which exceeds the limit when
 * the wait timed out.
 */
export async function waitForQuietMachine(
  ownPids: () => number[],
  options: { maxOtherCores: number; maxWaitSeconds: number; onWait?: (otherCores: number) => void },
): Promise<{ waitedSeconds: number; otherCores: number }> {
  const started = performance.now();
  const meter = new ForeignLoadMeter(ownPids);
  for (;;) {
    meter.start();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const otherCores = meter.otherCores();
    const waitedSeconds = (performance.now() - started) / 1000;
    if (otherCores < options.maxOtherCores || waitedSeconds >= options.maxWaitSeconds) return { waitedSeconds, otherCores };
    options.onWait?.(otherCores);
  }
}

/** Facts about this machine that every benchmark result records. */
export function machineInfo(): { cores: number; cpuModel: string; memoryGb: number; node: string; platform: string } {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpuModel = match[1].trim();
  } catch {
    // Not Linux: keep what os.cpus() reports.
  }
  return {
    cores: os.availableParallelism(),
    cpuModel,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
