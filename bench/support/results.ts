import fs from 'node:fs';
import path from 'node:path';
import { findProjectRoot } from '../../plugins/project';

/** Version of an installed package, read from its package.json (some packages do not export it). */
export function packageVersion(name: string, nodeModules = path.join(findProjectRoot(), 'node_modules')): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(nodeModules, name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** Write a result object to bench/results/<prefix>-<UTC timestamp>.json and return the path. */
export function writeResult(prefix: string, result: unknown): string {
  const dir = path.join(findProjectRoot(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+$/, '');
  const file = path.join(dir, `${prefix}-${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Format rows as a plain text table with a header line. Numeric columns are right-aligned. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  const numeric = header.map((_, column) => rows.every((row) => typeof row[column] === 'number'));
  const line = (row: string[]) =>
    row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.slice(1).map(line)].join('\n');
}
