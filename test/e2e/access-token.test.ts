import { generateKeyPairSync, KeyObject, createPrivateKey } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { SignJWT } from 'jose';
import { request } from 'undici';
import { IDENTITY_HEADER, IDENTITY_SIGNATURE_HEADER, verifyIdentity } from '../../plugins/identity';
import { FakeSubgraph, startFakeSubgraph } from '../support/fake-subgraph';
import { TEST_IDENTITY_SECRET } from '../support/identity';
import { startTestPlatform, TestPlatform } from '../support/platform';

let platform: TestPlatform;
let fake: FakeSubgraph;
const seen: IncomingMessage['headers'][] = [];
const accountsKey = createPrivateKey(process.env.RAGEM_JWT_PRIVATE_KEY!);

beforeAll(async () => {
  fake = await startFakeSubgraph((incoming, response) => {
    seen.push(incoming.headers);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"data":{"wifiPoints":[]}}');
  });
  platform = await startTestPlatform({ subgraphs: ['regions'], subgraphUrls: { places: fake.graphqlUrl } });
});

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

function token(options: { key?: KeyObject; expiresIn?: string; audience?: string; claims?: Record<string, unknown> } = {}): Promise<string> {
  return new SignJWT({ role: 'OFFICER', opd: 'dishub', perms: ['rabeg:coordinate'], ...options.claims })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject('account-42')
    .setIssuer('ragem-accounts')
    .setAudience(options.audience ?? 'ragem')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '15m')
    .sign(options.key ?? accountsKey);
}

async function post(authorization: string) {
  const response = await request(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: '{ wifiPoints { name } }' }),
  });
  return { status: response.statusCode, headers: response.headers, body: (await response.body.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } };
}

test('valid token becomes the signed identity', async () => {
  const result = await post(`Bearer ${await token()}`);
  const headers = seen.at(-1)!;
  const verified = verifyIdentity(String(headers[IDENTITY_HEADER]), String(headers[IDENTITY_SIGNATURE_HEADER]), TEST_IDENTITY_SECRET, Math.floor(Date.now() / 1000));

  expect(result.status).toBe(200);
  expect(verified).toMatchObject({ identity: { sub: 'account-42', role: 'OFFICER', opd: 'dishub', perms: ['rabeg:coordinate'] } });
});

test('expired token is rejected with 401', async () => {
  const result = await post(`Bearer ${await token({ expiresIn: '-1m' })}`);

  expect(result.status).toBe(401);
  expect(result.headers['www-authenticate']).toBe('Bearer');
  expect(result.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(result.body.data).toBeUndefined();
});

test('token of another key is rejected', async () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const result = await post(`Bearer ${await token({ key: privateKey })}`);

  expect(result.status).toBe(401);
});

test('token for another audience is rejected', async () => {
  const result = await post(`Bearer ${await token({ audience: 'elsewhere' })}`);

  expect(result.status).toBe(401);
});

test('token without a valid role is rejected', async () => {
  const result = await post(`Bearer ${await token({ claims: { role: 'ANONYMOUS' } })}`);

  expect(result.status).toBe(401);
});

test('non-bearer authorization is rejected', async () => {
  const result = await post('Basic d2FyZ2E6cmFoYXNpYQ==');

  expect(result.status).toBe(401);
  expect(result.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
});
