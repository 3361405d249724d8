import { IncomingMessage } from 'node:http';
import { request } from 'undici';
import { IDENTITY_HEADER, IDENTITY_SIGNATURE_HEADER, verifyIdentity } from '../../plugins/identity';
import { FakeSubgraph, startFakeSubgraph } from '../support/fake-subgraph';
import { signedIdentityHeaders, TEST_IDENTITY_SECRET } from '../support/identity';
import { startTestPlatform, TestPlatform } from '../support/platform';

const QUERY = JSON.stringify({ query: '{ kecamatan(code: "36.73.02") { name } }' });

async function postTo(url: string, headers: Record<string, string> = {}) {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: QUERY });
  return { status: response.statusCode, body: (await response.body.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

function regionsUrl(platform: TestPlatform): string {
  return platform.subgraphs.find((subgraph) => subgraph.name === 'regions')!.graphqlUrl;
}

describe('development mode', () => {
  let platform: TestPlatform;
  let fake: FakeSubgraph;
  const seen: IncomingMessage['headers'][] = [];

  beforeAll(async () => {
    fake = await startFakeSubgraph((incoming, response) => {
      seen.push(incoming.headers);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"data":{"wifiPoints":[]}}');
    });
    platform = await startTestPlatform({ subgraphs: ['regions'], subgraphUrls: { places: fake.graphqlUrl }, env: { TRUST_PROXY: 'true' } });
  });

  afterAll(async () => {
    await platform?.stop();
    await fake?.close();
  });

  test('gateway sends a signed anonymous identity', async () => {
    await platform.client({ 'x-request-id': 'identity-1', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }).request('{ wifiPoints { name } }');
    const headers = seen.at(-1)!;

    const verified = verifyIdentity(String(headers[IDENTITY_HEADER]), String(headers[IDENTITY_SIGNATURE_HEADER]), TEST_IDENTITY_SECRET, Math.floor(Date.now() / 1000));
    expect('identity' in verified).toBe(true);
    const { identity } = verified as unknown as { identity: Record<string, unknown> };
    expect(identity).toMatchObject({ sub: null, role: 'ANONYMOUS', opd: null, perms: [], addr: '203.0.113.7', rid: 'identity-1' });
    expect((identity.exp as number) - (identity.iat as number)).toBe(60);
  });

  test('forged identity is rejected by a subgraph', async () => {
    const headers = signedIdentityHeaders({ role: 'ADMIN', sub: 'attacker' }, 'a-secret-the-attacker-made-up-000000');
    const result = await postTo(regionsUrl(platform), headers);

    expect(result.status).toBe(401);
    expect(result.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.body.data).toBeUndefined();
  });

  test('expired identity is rejected by a subgraph', async () => {
    const past = Math.floor(Date.now() / 1000) - 120;
    const result = await postTo(regionsUrl(platform), signedIdentityHeaders({ iat: past, exp: past + 60 }));

    expect(result.status).toBe(401);
    expect(result.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('one identity header alone is rejected', async () => {
    const { [IDENTITY_HEADER]: payload } = signedIdentityHeaders();
    const result = await postTo(regionsUrl(platform), { [IDENTITY_HEADER]: payload });

    expect(result.status).toBe(401);
  });

  test('valid identity is accepted by a subgraph', async () => {
    const result = await postTo(regionsUrl(platform), signedIdentityHeaders());

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ kecamatan: { name: 'Kasemen' } });
  });

  test('no identity is anonymous outside production', async () => {
    const result = await postTo(regionsUrl(platform));

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual({ kecamatan: { name: 'Kasemen' } });
  });
});

describe('production mode', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: ['regions'], env: { NODE_ENV: 'production' } });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  test('subgraph rejects a request without identity', async () => {
    const result = await postTo(regionsUrl(platform));

    expect(result.status).toBe(401);
    expect(result.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.body.errors?.[0].message).toBe('Anda perlu masuk terlebih dahulu.');
  });

  test('subgraph rejects a forged identity', async () => {
    const result = await postTo(regionsUrl(platform), signedIdentityHeaders({}, 'wrong-secret-wrong-secret-wrong-000'));

    expect(result.status).toBe(401);
  });

  test('gateway still reaches the subgraph', async () => {
    const result = await postTo(platform.gatewayUrl);

    expect(result.body).toEqual({ data: { kecamatan: { name: 'Kasemen' } } });
  });

  test('ready probe passes the identity check', async () => {
    const response = await request(`${platform.gateway!.url}/ready`);
    const body = (await response.body.json()) as { subgraphs: { name: string; state: string }[] };

    expect(body.subgraphs.find((subgraph) => subgraph.name === 'regions')?.state).toBe('up');
  });
});
