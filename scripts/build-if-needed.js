#!/usr/bin/env node
// Run `tsc` when any TypeScript source is newer than the last build, so `npm start` works on a
// fresh clone and starts at once when nothing changed.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const sourceDirs = ['plugins', 'supergraph', 'subgraphs', 'scripts', 'test', 'bench'];

function newestSource(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const sourcesAt = Math.max(
  fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs,
  ...sourceDirs.map((dir) => newestSource(path.join(root, dir))),
);
if (process.argv.includes('--force') || sourcesAt > builtAt) {
  console.error('Building with tsc ...');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], {
    stdio: 'inherit',
  });
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
