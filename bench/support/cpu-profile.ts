import fs from 'node:fs';
import path from 'node:path';
import { formatTable } from './results';

/** The parts of a V8 .cpuprofile file (as written by `node --cpu-prof`) that the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds between consecutive samples; timeDeltas[i] precedes samples[i]. */
  timeDeltas: number[];
}

export interface SelfTimeEntry {
  name: string;
  selfMs: number;
  /** Share of the profile's non-idle time, in percent. */
  percent: number;
}

export interface ProfileSummary {
  file: string;
  durationMs: number;
  idleMs: number;
  busyMs: number;
  topFunctions: SelfTimeEntry[];
  topModules: SelfTimeEntry[];
  /**
   * Modules by inclusive time: samples with the module anywhere on the stack. Code resumed after
   * an await starts a new stack, so this undercounts callers of asynchronous work.
   */
  topModulesInclusive: SelfTimeEntry[];
}

/**
 * Group a script URL into the module it belongs to: the package name under node_modules (the
 * innermost one), `node:internal/<area>` or `node:<module>` for Node's own code, or the path
 * relative to `root`.
 */
export function moduleOf(url: string, root: string): string {
  if (!url) return '(V8 and native)';
  if (url.startsWith('wasm:')) return 'wasm';
  if (url.startsWith('node:')) {
    // node:internal/streams/writable -> node:internal/streams; node:net -> node:net
    const parts = url.split('/');
    return parts[0] === 'node:internal' && parts.length > 2 ? `${parts[0]}/${parts[1]}` : url;
  }
  const file = url.replace(/^file:\/\//, '');
  const marker = '/node_modules/';
  const at = file.lastIndexOf(marker);
  if (at !== -1) {
    const parts = file.slice(at + marker.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return path.relative(root, file) || file;
}

function shortLocation(url: string, line: number, root: string): string {
  if (!url) return '';
  const file = url.replace(/^file:\/\//, '');
  const marker = '/node_modules/';
  const at = file.lastIndexOf(marker);
  const location = at !== -1 ? file.slice(at + marker.length) : url.startsWith('node:') ? url : path.relative(root, file);
  return `${location}:${line + 1}`;
}

/** Add up the self time of every function and every module in a .cpuprofile file. */
export function summarizeCpuProfile(file: string, root: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byModuleInclusive = new Map<string, number>();
  const moduleOfFrame = (frame: CpuProfile['nodes'][number]['callFrame']) => (frame.url ? moduleOf(frame.url, root) : frame.functionName || '(unnamed native)');
  let idleMicros = 0;
  let totalMicros = 0;

  // A sample stands for the time until the next sample.
  for (let index = 0; index < profile.samples.length; index += 1) {
    const micros = profile.timeDeltas[index + 1] ?? 0;
    const frame = nodes.get(profile.samples[index])?.callFrame;
    if (!frame) continue;
    totalMicros += micros;
    if (frame.functionName === '(idle)') {
      idleMicros += micros;
      continue;
    }
    const name = frame.url
      ? `${frame.functionName || '(anonymous)'}  ${shortLocation(frame.url, frame.lineNumber, root)}`
      : frame.functionName || '(unnamed native)';
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const module = moduleOfFrame(frame);
    byModule.set(module, (byModule.get(module) ?? 0) + micros);

    const onStack = new Set<string>();
    for (let id: number | undefined = profile.samples[index]; id !== undefined; id = parents.get(id)) {
      const ancestor = nodes.get(id)?.callFrame;
      if (ancestor && ancestor.functionName !== '(root)') onStack.add(moduleOfFrame(ancestor));
    }
    for (const name of onStack) byModuleInclusive.set(name, (byModuleInclusive.get(name) ?? 0) + micros);
  }

  const busyMicros = totalMicros - idleMicros;
  const rank = (totals: Map<string, number>) =>
    [...totals.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, selfMs: Math.round(micros / 1000), percent: Math.round((micros / busyMicros) * 1000) / 10 }));
  return {
    file,
    durationMs: Math.round(totalMicros / 1000),
    idleMs: Math.round(idleMicros / 1000),
    busyMs: Math.round(busyMicros / 1000),
    topFunctions: rank(byFunction),
    topModules: rank(byModule),
    topModulesInclusive: rank(byModuleInclusive),
  };
}

export function printProfileSummary(summary: ProfileSummary): void {
  console.log(`\nCPU profile ${summary.file}`);
  console.log(`${summary.durationMs} ms sampled: ${summary.busyMs} ms busy, ${summary.idleMs} ms idle. Shares are of busy time.\n`);
  console.log(formatTable(['module', 'self ms', '% busy'], summary.topModules.map((entry) => [entry.name, entry.selfMs, entry.percent])));
  console.log('');
  console.log('Inclusive (module anywhere on the synchronous stack):\n');
  console.log(
    formatTable(['module', 'inclusive ms', '% busy'], summary.topModulesInclusive.map((entry) => [entry.name, entry.selfMs, entry.percent])),
  );
  console.log('');
  console.log(formatTable(['function', 'self ms', '% busy'], summary.topFunctions.map((entry) => [entry.name, entry.selfMs, entry.percent])));
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: node dist/bench/support/cpu-profile.js FILE.cpuprofile [TOP]\n\nPrints the modules and functions with the most self time.');
    process.exit(2);
  }
  printProfileSummary(summarizeCpuProfile(file, process.cwd(), Number(process.argv[3] ?? 25)));
}
