import fs from 'node:fs';
import path from 'node:path';

let cachedRoot: string | undefined;

/**
 * Find the project root (the folder holding rover.yaml and package.json). Works from the
 * TypeScript sources under jest and from the compiled files under dist/.
 */
export function findProjectRoot(start = __dirname): string {
  if (cachedRoot && start === __dirname) return cachedRoot;
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'rover.yaml')) && fs.existsSync(path.join(dir, 'package.json'))) {
      if (start === __dirname) cachedRoot = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No rover.yaml found in ${start} or any folder above it`);
    dir = parent;
  }
}

/** Return the folder of the runnable subgraph plugins: subgraphs/ beside this file's plugins/. */
export function subgraphsCodeDir(): string {
  return path.resolve(__dirname, '..', 'subgraphs');
}
