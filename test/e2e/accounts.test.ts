import fs from 'node:fs';
import path from 'node:path';
import { ClientError } from 'graphql-request';
import { decodeJwt } from 'jose';
import { request } from 'undici';
import { findProjectRoot } from '../../plugins/project';
import { signedIdentityHeaders } from '../support/identity';
import { startTestPlatform, TestPlatform } from '../support/platform';

/** Marker values: personal data that must appear in no public response and no log line. */
const MARKER_NAME = 'Markerina Zulkarnaen Uji';
const MARKER_EMAIL = 'marker.pii.7731@contoh.id';
const MARKER_PHONE_INPUT = '0812-7731-0042';
const MARKER_PHONE = '+6281277310042';
const PASSWORD = 'Rahasia-uji-2026';

let platform: TestPlatform;
const publicResponses: string[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ status: number; data?: T; errors?: { message: string; extensions: Record<string, unknown> }[]; text: string }> {
  const response = await request(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, text, ...(JSON.parse(text) as object) };
}

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  account: { id: string; role: string };
}

const LOGIN = 'mutation($identifier: String!, $password: String!) { login(identifier: $identifier, password: $password) { accessToken refreshToken accessTokenExpiresAt account { id role } } }';

async function login(identifier: string, password: string): Promise<AuthPayload> {
  const result = await gql<{ login: AuthPayload }>(LOGIN, { identifier, password });
  if (!result.data?.login) throw new Error(`login failed: ${result.text}`);
  return result.data.login;
}

test('citizen registers, logs in, refreshes and logs out', async () => {
  const registered = await gql<{ register: { id: string; role: string; email: string; phone: string } }>(
    'mutation($input: RegisterInput!) { register(input: $input) { id role email phone } }',
    { input: { displayName: MARKER_NAME, email: MARKER_EMAIL, phone: MARKER_PHONE_INPUT, password: PASSWORD } },
  );
  expect(registered.errors).toBeUndefined();
  expect(registered.data?.register.role).toBe('CITIZEN');

  const session = await login(MARKER_PHONE_INPUT, PASSWORD);
  expect(session.account.id).toBe(registered.data?.register.id);
  const claims = decodeJwt(session.accessToken);
  expect(claims.role).toBe('CITIZEN');
  expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(15 * 60);

  const me = await gql<{ me: { displayName: string; email: string; phone: string } }>('{ me { displayName email phone } }', {}, session.accessToken);
  expect(me.data?.me).toEqual({ displayName: MARKER_NAME, email: MARKER_EMAIL, phone: MARKER_PHONE });

  const refreshed = await gql<{ refreshToken: AuthPayload }>('mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }', { t: session.refreshToken });
  expect(refreshed.data?.refreshToken.accessToken).toBeTruthy();
  const newRefresh = refreshed.data!.refreshToken.refreshToken;

  const loggedOut = await gql<{ logout: boolean }>('mutation($t: String!) { logout(refreshToken: $t) }', { t: newRefresh });
  expect(loggedOut.data?.logout).toBe(true);

  const afterLogout = await gql('mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: newRefresh });
  expect(afterLogout.errors?.[0].extensions.code).toBe('REFRESH_TOKEN_REVOKED');
  publicResponses.push(afterLogout.text);
});

test('admin grant reaches the officer next token', async () => {
  const admin = await login('admin@demo.ragem.id', 'Demo-ragem-2026');
  const officer = await login('dpupr@demo.ragem.id', 'Demo-ragem-2026');
  expect(decodeJwt(officer.accessToken).perms).toEqual([]);

  const granted = await gql('mutation($id: ID!) { grantPermission(accountId: $id, permission: "rabeg:coordinate") { id permissions } }', { id: officer.account.id }, admin.accessToken);
  expect(granted.errors).toBeUndefined();

  const next = await login('dpupr@demo.ragem.id', 'Demo-ragem-2026');
  expect(decodeJwt(next.accessToken).perms).toEqual(['rabeg:coordinate']);
  expect(decodeJwt(next.accessToken).opd).toBe('dpupr');
});

test('citizen cannot grant permissions', async () => {
  const citizen = await login('warga@demo.ragem.id', 'Demo-ragem-2026');
  const result = await gql('mutation { grantPermission(accountId: "x", permission: "rabeg:coordinate") { id } }', {}, citizen.accessToken);

  expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
  publicResponses.push(result.text);
});

test('sixth attempt in a minute is refused', async () => {
  const codes: unknown[] = [];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    codes.push((await gql(LOGIN, { identifier: 'warga@demo.ragem.id', password: 'salah-sandi-1' })).errors?.[0].extensions.code);
  }
  const sixth = await gql(LOGIN, { identifier: 'warga@demo.ragem.id', password: 'Demo-ragem-2026' });

  expect(codes).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
  expect(sixth.errors?.[0].extensions.code).toBe('LOGIN_RATE_LIMITED');
});

test('marker values appear in no public response or log line', async () => {
  const other = await login('dishub@demo.ragem.id', 'Demo-ragem-2026');
  const accountId = (await login(MARKER_EMAIL, PASSWORD)).account.id;
  const entities = (headers: Record<string, string>) =>
    request(platform.subgraphs.find((subgraph) => subgraph.name === 'accounts')!.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id displayName email phone } } }',
        variables: { r: [{ __typename: 'Account', id: accountId }] },
      }),
    }).then(async (response) => ({ text: await response.body.text() }));
  const queries = [
    entities(signedIdentityHeaders()),
    entities(signedIdentityHeaders({ sub: other.account.id, role: 'OFFICER', opd: 'dishub' })),
    gql(`{ kecamatanList { name } }`),
    gql(LOGIN, { identifier: MARKER_EMAIL, password: 'bukan-sandinya-9' }),
    gql('mutation($input: RegisterInput!) { register(input: $input) { id } }', { input: { displayName: MARKER_NAME, email: MARKER_EMAIL, password: PASSWORD } }),
  ];
  for (const result of await Promise.all(queries)) publicResponses.push(result.text);

  for (const text of [...publicResponses, ...platform.logLines]) {
    expect(text).not.toContain(MARKER_NAME);
    expect(text).not.toContain(MARKER_EMAIL);
    expect(text).not.toContain(MARKER_PHONE);
    expect(text).not.toContain('7731-0042');
  }
});

test('wrong credentials share one message', async () => {
  const unknown = await gql(LOGIN, { identifier: 'tidak.ada@contoh.id', password: 'Sembarang-123' });
  const wrong = await gql(LOGIN, { identifier: 'admin@demo.ragem.id', password: 'Sembarang-123' });

  expect(unknown.errors?.[0].extensions.code).toBe('INVALID_CREDENTIALS');
  expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
});

test('register error leaves nothing behind', async () => {
  let error: ClientError | undefined;
  try {
    await platform.client().request('mutation { register(input: { displayName: "Uji", email: "bukan-email", password: "Sandi-aman-2026" }) { id } }');
  } catch (caught) {
    error = caught as ClientError;
  }
  const accounts = platform.subgraphs.find((subgraph) => subgraph.name === 'accounts')!;
  const [{ count }] = await accounts.db.query(`SELECT COUNT(*) AS count FROM account WHERE email = 'bukan-email'`);

  expect(error?.response.errors?.[0].extensions?.code).toBe('INVALID_EMAIL');
  expect(Number(count)).toBe(0);
});

test('admins list the declared permissions', async () => {
  const admin = await login('admin@demo.ragem.id', 'Demo-ragem-2026');
  const citizen = await login('koordinator@demo.ragem.id', 'Demo-ragem-2026');
  const declared = JSON.parse(fs.readFileSync(path.join(findProjectRoot(), 'schema', 'permissions.json'), 'utf8')) as Record<string, { subgraph: string }>;

  const listed = await gql<{ availablePermissions: { name: string; subgraph: string }[] }>('{ availablePermissions { name subgraph description } }', {}, admin.accessToken);
  const refused = await gql('{ availablePermissions { name } }', {}, citizen.accessToken);

  expect(listed.errors).toBeUndefined();
  expect(listed.data?.availablePermissions.map((permission) => permission.name)).toEqual(Object.keys(declared));
  expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
});
