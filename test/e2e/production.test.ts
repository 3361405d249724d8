import { request } from 'undici';
import { startTestPlatform, TestPlatform } from '../support/platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ env: { NODE_ENV: 'production' }, subgraphs: ['regions'] });
});

afterAll(async () => {
  await platform?.stop();
});

async function post(query: string) {
  const response = await request(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.body.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

test('playground is off in production', async () => {
  const response = await request(platform.gatewayUrl, { headers: { accept: 'text/html' } });
  const text = await response.body.text();

  expect(response.headers['content-type']).not.toMatch(/text\/html/);
  expect(text).not.toContain('<html');
});

test('introspection is off in production', async () => {
  const body = await post('{ __schema { queryType { name } } }');

  expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(JSON.stringify(body)).not.toContain('stacktrace');
});

test('queries still work in production', async () => {
  const body = await post('{ kecamatan(code: "36.73.02") { name } }');

  expect(body).toEqual({ data: { kecamatan: { name: 'Kasemen' } } });
});

test('subgraph errors carry no stack trace', async () => {
  const body = await post('{ kecamatan(code: "x") { name } }');

  expect(body.errors?.[0].extensions.code).toBe('INVALID_REGION_CODE');
  expect(JSON.stringify(body)).not.toContain('stacktrace');
});
