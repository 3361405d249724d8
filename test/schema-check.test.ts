import fs from 'node:fs';
import path from 'node:path';
import { copyRepository, RepoCopy } from './support/repo-copy';

let copy: RepoCopy;

beforeAll(() => {
  copy = copyRepository('ragem-schema-check-');
  copy.node(['scripts/build-if-needed.js', '--force']);
}, 120000);

afterAll(() => {
  copy?.remove();
});

function check(env: NodeJS.ProcessEnv): { status: number; output: string } {
  try {
    return { status: 0, output: copy.node(['dist/scripts/schema-check.js'], env) };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

test('unchanged code passes', () => {
  const result = check({ SCHEMA_BASE: 'HEAD' });

  expect(result.status).toBe(0);
  expect(result.output).toContain('No breaking or dangerous changes.');
});

test('unreadable base is an error', () => {
  const result = check({ SCHEMA_BASE: 'no-such-revision' });

  expect(result.status).toBe(2);
  expect(result.output).toContain('the base revision "no-such-revision" cannot be read');
});

test('removed field fails and is named', () => {
  const resolvers = path.join(copy.dir, 'subgraphs', 'regions', 'resolvers.ts');
  fs.writeFileSync(resolvers, fs.readFileSync(resolvers, 'utf8').replace('async kelurahanSearch(', 'async kelurahanFind('));
  copy.node(['scripts/build-if-needed.js']);

  const result = check({ SCHEMA_BASE: 'HEAD' });

  expect(result.status).toBe(1);
  expect(result.output).toMatch(/BREAKING \[supergraph\] Query\.kelurahanSearch FIELD_REMOVED/);
  expect(result.output).toMatch(/BREAKING \[regions\] Query\.kelurahanSearch FIELD_REMOVED/);
  expect(result.output).toContain('not acknowledged');
}, 120000);

test('acknowledged break passes', () => {
  fs.writeFileSync(
    path.join(copy.dir, 'schema', 'accepted-changes.yaml'),
    '- coordinate: Query.kelurahanSearch\n  change: FIELD_REMOVED\n  reason: renamed with the client teams\n',
  );

  const result = check({ SCHEMA_BASE: 'HEAD' });

  expect(result.status).toBe(0);
  expect(result.output).toContain('(accepted: renamed with the client teams)');
});
