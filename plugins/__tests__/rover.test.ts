import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRoverConfig } from '../rover';

let tempDir: string;

beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-rover-'));
});

afterAll(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

function write(text: string): string {
  const file = path.join(tempDir, `rover-${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(file, text);
  return file;
}

test('project rover.yaml is valid', () => {
  const rover = readRoverConfig();

  expect(rover.federationVersion).toMatch(/^2\.\d+\.\d+$/);
  for (const subgraph of rover.subgraphs) {
    expect(subgraph.schemaFile).toBe(`schema/subgraphs/${subgraph.name}.graphql`);
    expect(subgraph.routingUrl).toBe(`http://127.0.0.1:${subgraph.port}/graphql`);
  }
  const ports = rover.subgraphs.map((subgraph) => subgraph.port);
  expect(new Set(ports).size).toBe(ports.length);
  expect(ports[0]).toBe(4001);
});

test('every problem is listed', () => {
  const file = write(['federation_version: 1', 'subgraphs:', '  Bad_Name:', '    routing_url: x', '  ok:', '    routing_url: nope', '    schema: {}'].join('\n'));

  expect(() => readRoverConfig(file)).toThrow(
    [
      'rover.yaml is invalid:',
      '- federation_version must be a Federation 2 version such as "=2.14.4"',
      '- subgraph "Bad_Name": the name must be lowercase letters and digits, words joined by "-"',
      '- subgraph "ok": routing_url must be an http(s) URL',
      '- subgraph "ok": schema.file must be a path',
    ].join('\n'),
  );
});

test('duplicate subgraph keys are rejected', () => {
  const entry = ['    routing_url: http://127.0.0.1:4001/graphql', '    schema:', '      file: schema/subgraphs/a.graphql'];
  const file = write(['federation_version: =2.14.4', 'subgraphs:', '  a:', ...entry, '  a:', ...entry].join('\n'));

  expect(() => readRoverConfig(file)).toThrow(/unique/i);
});
