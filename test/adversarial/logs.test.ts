import { startTestPlatform, TestPlatform } from '../support/platform';
import { HttpResult, postGraphQL, send } from './support/http';

/** The request log: one line per request with its fields, and never the caller's variables. */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  operationName?: string;
  durationMs?: unknown;
  status?: unknown;
  component?: string;
  subgraph?: string;
}

function linesOf(requestId: string): LogLine[] {
  return platform.logLines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.requestId === requestId);
}

function gatewayRequestLines(requestId: string): LogLine[] {
  return linesOf(requestId).filter((line) => line.component === 'gateway' && line.msg === 'graphql request');
}

/** A value no log line may contain: shaped like a name and an NIK (Indonesian identity number). */
const SECRET = 'SitiAminah3673014509870001';

const requests: [string, (requestId: string) => Promise<HttpResult>, string | undefined][] = [
  ['success', (id) => postGraphQL(platform.gatewayUrl, { query: 'query Daftar { kecamatanList { name } }' }, { 'x-request-id': id }), 'Daftar'],
  ['input error', (id) => postGraphQL(platform.gatewayUrl, { query: 'query Kode { kelurahan(code: "x") { name } }' }, { 'x-request-id': id }), 'Kode'],
  ['validation error', (id) => postGraphQL(platform.gatewayUrl, { query: 'query Salah { nope }' }, { 'x-request-id': id }), undefined],
  ['parse error', (id) => postGraphQL(platform.gatewayUrl, { query: '{' }, { 'x-request-id': id }), undefined],
  ['unknown operation', (id) => postGraphQL(platform.gatewayUrl, { query: 'query A { __typename }', operationName: 'B' }, { 'x-request-id': id }), 'B'],
  ['invalid JSON', (id) => send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: '{' }), undefined],
  ['CSRF block', (id) => send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-request-id': id }, body: '{}' }), undefined],
  ['oversized body', (id) => send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: 'x'.repeat(1100000) }), undefined],
  [
    'GET',
    (id) => send(`${platform.gatewayUrl}?query=${encodeURIComponent('query Lewat { __typename }')}`, { headers: { 'apollo-require-preflight': '1', 'x-request-id': id } }),
    'Lewat',
  ],
];

test.each(requests)('%s writes one request line', async (name, run, operationName) => {
  const requestId = `log-${name.replace(/\W/g, '-')}`;
  const result = await run(requestId);
  const lines = gatewayRequestLines(requestId);

  expect(lines).toHaveLength(1);
  expect(lines[0].status).toBe(result.status);
  expect(typeof lines[0].durationMs).toBe('number');
  expect(lines[0].operationName).toBe(operationName);
});

test('subgraph lines carry the gateway request id', async () => {
  const requestId = 'log-subgraphs';
  await postGraphQL(platform.gatewayUrl, { query: '{ kelurahan(code: "36.73.01.1011") { name wifiPoints { name } } opdList { id } }' }, { 'x-request-id': requestId });

  const subgraphs = linesOf(requestId)
    .filter((line) => line.msg === 'graphql request' && line.subgraph)
    .map((line) => line.subgraph)
    .sort();
  expect(subgraphs).toEqual(['agencies', 'places', 'regions']);
});

test('variables and literals stay out of the logs', async () => {
  const requestId = 'log-secrets';
  const headers = { 'x-request-id': requestId };
  await Promise.all([
    postGraphQL(platform.gatewayUrl, { query: 'query Cari($name: String!) { kelurahanSearch(name: $name) { code } }', variables: { name: SECRET } }, headers),
    postGraphQL(platform.gatewayUrl, { query: 'query K($code: ID!) { kelurahan(code: $code) { name } }', variables: { code: SECRET } }, headers),
    postGraphQL(platform.gatewayUrl, { query: 'query K($code: ID!) { kelurahan(code: $code) { name } }', variables: { code: { nik: SECRET } } }, headers),
    postGraphQL(platform.gatewayUrl, { query: 'query O($id: ID!) { opd(id: $id) { name } }', variables: { id: SECRET } }, headers),
    postGraphQL(platform.gatewayUrl, { query: `{ kelurahanSearch(name: "${SECRET}") { code } }` }, headers),
    postGraphQL(platform.gatewayUrl, { query: `{ wifiPoint(id: "${SECRET}") { name } }` }, headers),
    postGraphQL(platform.gatewayUrl, { query: '{ __typename }', variables: { unused: SECRET } }, headers),
  ]);

  expect(linesOf(requestId).length).toBeGreaterThan(0);
  const leaking = platform.logLines.filter((line) => line.includes(SECRET));
  expect(leaking).toEqual([]);
});
