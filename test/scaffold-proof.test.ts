import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { findProjectRoot } from '../plugins/project';
import { createTestDatabase, TestDatabase } from './support/database';

/**
 * The proof that a new OPD service joins without touching existing modules: in a copy of the
 * repository, the scaffold creates a subgraph, its tests pass, the platform serves it through the
 * gateway, and git sees changes only in its folder, rover.yaml and schema/.
 */
const root = findProjectRoot();
let copy: string;
let database: TestDatabase;
let platform: ChildProcess | undefined;

function run(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, args, { cwd: copy, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: copy, encoding: 'utf8' });
}

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-scaffold-'));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(copy, file));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=proof', '-c', 'user.email=proof@example.invalid', 'commit', '-qm', 'copy');
}, 60000);

afterAll(async () => {
  if (platform && platform.exitCode === null) {
    platform.kill('SIGTERM');
    await new Promise((resolve) => platform!.once('exit', resolve));
  }
  await database?.drop();
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

test('scaffold adds a working subgraph', async () => {
  run(['scripts/build-if-needed.js', '--force']);
  const output = run(['dist/scripts/new-subgraph.js', 'pelatihan', '--owner', 'diskominfo']);
  expect(output).toContain('Created subgraphs/pelatihan/');

  const changed = git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  expect(changed.length).toBeGreaterThan(0);
  expect(changed.filter((file) => !file.startsWith('subgraphs/pelatihan/') && file !== 'rover.yaml' && !file.startsWith('schema/'))).toEqual([]);
  expect(changed).toContain('schema/subgraphs/pelatihan.graphql');

  // The generated tests, the contract test and the drift test pass in the copy.
  run(['node_modules/jest/bin/jest.js', '--ci', 'subgraphs/pelatihan', 'test/plugin-contract.test.ts', 'test/composition.test.ts']);

  database = await createTestDatabase();
  platform = spawn(process.execPath, ['dist/scripts/start-platform.js'], {
    cwd: copy,
    env: { ...process.env, NODE_ENV: 'test', SUBGRAPH_PORTS: 'any', DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const gatewayUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the platform did not start:\n${output}`)), 60000);
    platform!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = output.split('\n').find((line) => line.includes('"platform ready"'));
      if (ready) {
        clearTimeout(timer);
        resolve(JSON.parse(ready).gateway);
      }
    });
    platform!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    platform!.on('exit', (code) => reject(new Error(`the platform exited with ${code}:\n${output}`)));
  });

  const response = await request(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ pelatihanItems { id title } kecamatan(code: "36.73.02") { name } }' }),
  });
  const body = (await response.body.json()) as { data?: unknown; errors?: unknown };

  expect(body.errors).toBeUndefined();
  expect(body.data).toEqual({ pelatihanItems: [{ id: 'contoh', title: 'Contoh layanan pelatihan' }], kecamatan: { name: 'Kasemen' } });
}, 240000);

test('clashing name changes nothing', () => {
  const before = git('status', '--porcelain', '--untracked-files=all');
  let status = 0;
  try {
    run(['dist/scripts/new-subgraph.js', 'regions']);
  } catch (error) {
    status = (error as { status: number }).status;
  }

  expect(status).toBe(2);
  expect(git('status', '--porcelain', '--untracked-files=all')).toBe(before);
});
