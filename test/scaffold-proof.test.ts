import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'undici';
import { createTestDatabase, TestDatabase } from './support/database';
import { copyRepository, RepoCopy } from './support/repo-copy';

/**
 * The proof that a new OPD service joins without touching existing modules: in a copy of the
 * repository, the scaffold creates a subgraph, its tests pass, the platform serves it through the
 * gateway, and git reports changes only in its folder, rover.yaml and schema/.
 */
let copy: RepoCopy;
let database: TestDatabase;
let platform: ChildProcess | undefined;

function run(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return copy.node(args, env);
}

function git(...args: string[]): string {
  return copy.git(...args);
}

beforeAll(() => {
  copy = copyRepository('ragem-scaffold-');
}, 60000);

afterAll(async () => {
  if (platform && platform.exitCode === null) {
    platform.kill('SIGTERM');
    await new Promise((resolve) => platform!.once('exit', resolve));
  }
  await database?.drop();
  copy?.remove();
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
    cwd: copy.dir,
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
