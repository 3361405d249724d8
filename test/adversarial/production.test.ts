import { startTestPlatform, TestPlatform } from '../support/platform';
import { respondWithJson, FakeSubgraph, startFakeSubgraph } from '../support/fake-subgraph';
import { errorCodes, postGraphQL, send, STACK_FRAME } from './support/http';

/** NODE_ENV=production: no stack traces, no introspection, and no other way to read the schema. */
let platform: TestPlatform;
let fake: FakeSubgraph;

beforeAll(async () => {
  fake = await startFakeSubgraph(respondWithJson('{"data":null}'));
  platform = await startTestPlatform({ subgraphUrls: { places: fake.graphqlUrl }, env: { NODE_ENV: 'production' } });
});

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

function post(body: unknown) {
  return postGraphQL(platform.gatewayUrl, body);
}

test('introspection by __type is blocked', async () => {
  const result = await post({ query: '{ __type(name: "Query") { fields { name } } }' });

  expect(result.status).toBe(400);
  expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(result.text).not.toContain('kecamatanList');
});

test('field suggestions do not reveal the schema', async () => {
  const result = await post({ query: '{ kecamatanLis { name } }' });

  expect(result.status).toBe(400);
  expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(result.text).not.toContain('Did you mean');
  expect(result.text).not.toContain('"kecamatanList');
});

test('enum suggestions do not reveal values', async () => {
  const result = await post({ query: '{ opdList(kind: DINA) { id } }' });

  expect(result.status).toBe(400);
  expect(result.text).not.toContain('DINAS');
});

test('unexpected errors carry no detail', async () => {
  const result = await post({ query: 'query A { __typename }', operationName: 'B' });

  expect(result.body?.errors?.[0].extensions?.detail).toBeUndefined();
  expect(result.text).not.toMatch(STACK_FRAME);
});

test('subgraph stack traces are not forwarded', async () => {
  fake.use(
    respondWithJson(
      JSON.stringify({
        data: null,
        errors: [
          {
            message: 'boom',
            extensions: {
              code: 'INTERNAL_SERVER_ERROR',
              stacktrace: ['Error: boom', '    at loadPoint (/srv/places/resolvers.js:10:5)'],
              exception: { stacktrace: ['Error: boom', '    at loadPoint (/srv/places/resolvers.js:10:5)'] },
            },
          },
        ],
      }),
    ),
  );

  const result = await post({ query: '{ kecamatan(code: "36.73.02") { name } wifiPoint(id: "abc") { name } }' });

  expect(result.body?.data?.kecamatan).toEqual({ name: 'Kasemen' });
  expect(result.text).not.toContain('/srv/places/resolvers.js');
  expect(result.text).not.toContain('stacktrace');
});

test('bad bodies carry no stack trace', async () => {
  const results = await Promise.all([
    send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' }),
    send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[{"query":"{ __typename }"}]' }),
    send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"${'x'.repeat(1100000)}"}` }),
    post({ query: '{ kelurahan(code: "x") { name } }' }),
  ]);

  expect(results.map((result) => result.status)).toEqual([400, 400, 413, 200]);
  for (const result of results) expect(result.text).not.toMatch(STACK_FRAME);
});
