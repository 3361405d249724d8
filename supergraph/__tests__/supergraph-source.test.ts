import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../plugins/config-spec';
import { findProjectRoot } from '../../plugins/project';
import { readRoverConfig } from '../../plugins/rover';
import { resolveSupergraphSource, subgraphsInSupergraph, urlVariableOf } from '../supergraph-source';

const committed = fs.readFileSync(path.join(findProjectRoot(), 'schema', 'supergraph.graphql'), 'utf8');
let tempDir: string;

beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-source-'));
});

afterAll(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

test('default uses rover.yaml routing URLs', () => {
  const source = resolveSupergraphSource({ env: {} });
  const rover = readRoverConfig().subgraphs.map((subgraph) => [subgraph.name, subgraph.routingUrl]);

  expect(Object.fromEntries(source.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]))).toEqual(Object.fromEntries(rover));
});

test('SUPERGRAPH_PATH uses the URLs in the file', () => {
  const file = path.join(tempDir, 'elsewhere.graphql');
  fs.writeFileSync(file, committed.replace('http://127.0.0.1:4001/graphql', 'http://10.1.2.3:9001/graphql'));

  const source = resolveSupergraphSource({ supergraphPath: file, env: {} });

  expect(source.subgraphs.find((subgraph) => subgraph.name === 'regions')?.url).toBe('http://10.1.2.3:9001/graphql');
});

test('SUBGRAPH_<NAME>_URL overrides one subgraph', () => {
  const source = resolveSupergraphSource({ env: { SUBGRAPH_PLACES_URL: 'http://127.0.0.1:5003/graphql' } });

  expect(source.subgraphs.find((subgraph) => subgraph.name === 'places')?.url).toBe('http://127.0.0.1:5003/graphql');
  expect(source.subgraphs.find((subgraph) => subgraph.name === 'regions')?.url).toBe('http://127.0.0.1:4001/graphql');
});

test('unknown subgraph variable is rejected', () => {
  const problems = problemsOf(() => resolveSupergraphSource({ env: { SUBGRAPH_WEATHER_URL: 'http://127.0.0.1:1/graphql' } }));

  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^SUBGRAPH_WEATHER_URL names no subgraph of the supergraph; expected one of .*SUBGRAPH_REGIONS_URL/);
});

test('non-http override is rejected', () => {
  const problems = problemsOf(() => resolveSupergraphSource({ env: { SUBGRAPH_REGIONS_URL: 'ftp://127.0.0.1/graphql' } }));

  expect(problems).toEqual(['SUBGRAPH_REGIONS_URL is invalid: expected an http:// or https:// URL']);
});

test('missing supergraph file is rejected', () => {
  const problems = problemsOf(() => resolveSupergraphSource({ supergraphPath: path.join(tempDir, 'missing.graphql'), env: {} }));

  expect(problems[0]).toMatch(/missing\.graphql, which does not exist; run "npm run compose" or fix the path$/);
});

test('file that is no supergraph is rejected', () => {
  const file = path.join(tempDir, 'subgraph.graphql');
  fs.writeFileSync(file, 'type Query { hello: String }');

  const problems = problemsOf(() => resolveSupergraphSource({ supergraphPath: file, env: {} }));

  expect(problems[0]).toMatch(/has no join__Graph enum; is it a composed supergraph\?$/);
});

test('supergraph lists its subgraphs', () => {
  expect(subgraphsInSupergraph(committed).map((subgraph) => subgraph.name)).toEqual(readRoverConfig().subgraphs.map((subgraph) => subgraph.name).sort());
});

test('URL variable names use underscores', () => {
  expect(urlVariableOf('dinkop-ukm')).toBe('SUBGRAPH_DINKOP_UKM_URL');
});
