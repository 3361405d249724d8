import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { startTestPlatform, TestPlatform } from '../support/platform';
import { signedIdentityHeaders } from '../support/identity';
import { errorCodes, HttpResult, postGraphQL, STACK_FRAME } from './support/http';

/**
 * Hostile input against registration, sign-in, tokens, admin mutations and the personal fields
 * of accounts, sent to an in-process platform in test mode. TRUST_PROXY is on, so each test can
 * use its own client address and the per-address login limit of one test does not reach another.
 */
let platform: TestPlatform;
let adminToken: string;
let adminId: string;
let citizenToken: string;
let citizenId: string;
let officerToken: string;

const DEMO_PASSWORD = 'Demo-ragem-2026';
const ACCOUNT_FIELDS = 'id displayName email phone role permissions opd { id }';

/** Return a new client address for each request, so login counters never collide between tests. */
function freshAddress(): string {
  const bytes = randomUUID().replace(/-/g, '');
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
}

function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<HttpResult> {
  return postGraphQL(platform.gatewayUrl, { query, variables }, { 'x-forwarded-for': freshAddress(), ...headers });
}

function accountsSubgraph() {
  const subgraph = platform.subgraphs.find((candidate) => candidate.name === 'accounts');
  if (!subgraph) throw new Error('the accounts subgraph did not start');
  return subgraph;
}

function direct(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<HttpResult> {
  return postGraphQL(accountsSubgraph().graphqlUrl, { query, variables }, headers);
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Positional SQL parameter of the test database: `$1` on PostgreSQL, `?` on SQLite. */
function sqlParameter(): string {
  return accountsSubgraph().db.options.type === 'postgres' ? '$1' : '?';
}

async function rowCounts(): Promise<{ accounts: number; refreshTokens: number; grants: number }> {
  const db = accountsSubgraph().db;
  const [accounts] = await db.query('SELECT COUNT(*) AS n FROM account');
  const [refreshTokens] = await db.query('SELECT COUNT(*) AS n FROM refresh_token');
  const [grants] = await db.query('SELECT COUNT(*) AS n FROM permission_grant');
  return { accounts: Number(accounts.n), refreshTokens: Number(refreshTokens.n), grants: Number(grants.n) };
}

const LOGIN = `mutation Login($identifier: String!, $password: String!) {
  login(identifier: $identifier, password: $password) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt account { ${ACCOUNT_FIELDS} } }
}`;
const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { ${ACCOUNT_FIELDS} } }`;
const REFRESH = `mutation Refresh($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken account { id } } }`;
const LOGOUT = `mutation Logout($token: String!) { logout(refreshToken: $token) }`;
const GRANT = `mutation Grant($id: ID!, $permission: String!) { grantPermission(accountId: $id, permission: $permission) { id permissions } }`;
const REVOKE = `mutation Revoke($id: ID!, $permission: String!) { revokePermission(accountId: $id, permission: $permission) { id permissions } }`;
const SET_ROLE = `mutation SetRole($id: ID!, $role: AccountRole!, $opdId: ID) { setAccountRole(accountId: $id, role: $role, opdId: $opdId) { id role opd { id } } }`;
const ACCOUNTS = `query Accounts($first: Int, $after: String) { accounts(first: $first, after: $after) { nodes { id email } endCursor hasNextPage totalCount } }`;

interface Session {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  account: { id: string };
}

async function login(identifier: string, password: string, address = freshAddress()): Promise<Session> {
  const result = await gql(LOGIN, { identifier, password }, { 'x-forwarded-for': address });
  const session = (result.body?.data as { login?: Session } | null | undefined)?.login;
  if (!session) throw new Error(`login of ${identifier} failed: ${result.text}`);
  return session;
}

let uniqueCounter = 0;
function uniqueEmail(): string {
  uniqueCounter += 1;
  return `uji${Date.now()}x${uniqueCounter}@contoh.id`;
}

/** Return a random valid mobile number in the 0812 format, unique enough for one test run. */
function uniquePhone(): string {
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return `0812${digits}`;
}

/** Base64url-decode the payload of a JWT. */
function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Assert a rejected input: one error with the code and field, a message in the language, no stack trace. */
function expectInputError(result: HttpResult, code: string, field: string | undefined, language: 'id' | 'en' = 'id'): void {
  expect(result.status).toBeLessThan(500);
  expect(result.text).not.toMatch(STACK_FRAME);
  expect(errorCodes(result)).toEqual([code]);
  if (field !== undefined) expect(result.body?.errors?.[0].extensions?.field).toBe(field);
  const message = result.body?.errors?.[0].message ?? '';
  if (field !== undefined) expect(message).toContain(field);
  if (language === 'id') expect(message).not.toMatch(/\b(the|is|invalid|must)\b/i);
  else expect(message).toMatch(/\b(the|is|invalid|must|too)\b/i);
}

beforeAll(async () => {
  platform = await startTestPlatform({ env: { TRUST_PROXY: 'true' } });
  const admin = await login('admin@demo.ragem.id', DEMO_PASSWORD);
  adminToken = admin.accessToken;
  adminId = admin.account.id;
  const citizen = await login('warga@demo.ragem.id', DEMO_PASSWORD);
  citizenToken = citizen.accessToken;
  citizenId = citizen.account.id;
  officerToken = (await login('dishub@demo.ragem.id', DEMO_PASSWORD)).accessToken;
}, 120000);

afterAll(async () => {
  await platform?.stop();
});

describe('register input', () => {
  const base = () => ({ displayName: 'Budi Santoso', email: uniqueEmail(), phone: null as string | null, password: 'Rahasia-kuat-77' });

  const badInputs: [string, (input: ReturnType<typeof base>) => void, string, string][] = [
    ['empty name', (input) => (input.displayName = '   '), 'INVALID_DISPLAY_NAME', 'input.displayName'],
    ['10 KB name', (input) => (input.displayName = 'a'.repeat(10240)), 'INVALID_DISPLAY_NAME', 'input.displayName'],
    ['101 emoji name', (input) => (input.displayName = '😀'.repeat(101)), 'INVALID_DISPLAY_NAME', 'input.displayName'],
    ['email with a space', (input) => (input.email = 'budi santoso@contoh.id'), 'INVALID_EMAIL', 'input.email'],
    ['email without a dot', (input) => (input.email = 'budi@localhost'), 'INVALID_EMAIL', 'input.email'],
    ['10 KB email', (input) => (input.email = `${'a'.repeat(60)}@${'b'.repeat(10240)}.id`), 'INVALID_EMAIL', 'input.email'],
    ['SQL-ish email', (input) => (input.email = "x'; DROP TABLE account; --@a.id"), 'INVALID_EMAIL', 'input.email'],
    ['phone with letters', (input) => (input.phone = '0812-ABCD-7890'), 'INVALID_PHONE', 'input.phone'],
    ['phone too short', (input) => (input.phone = '0812345'), 'INVALID_PHONE', 'input.phone'],
    ['phone too long', (input) => (input.phone = '+62812345678901234'), 'INVALID_PHONE', 'input.phone'],
    ['foreign phone', (input) => (input.phone = '+14155550100'), 'INVALID_PHONE', 'input.phone'],
    ['phone with full-width digits', (input) => (input.phone = '０８１２３４５６７８９０'), 'INVALID_PHONE', 'input.phone'],
    ['no contact', (input) => (input.email = '  '), 'CONTACT_REQUIRED', 'input.email'],
    ['short password', (input) => (input.password = 'a1b2'), 'PASSWORD_TOO_WEAK', 'input.password'],
    ['common password', (input) => (input.password = 'Password123'), 'PASSWORD_TOO_WEAK', 'input.password'],
    ['10 KB password', (input) => (input.password = 'a1'.repeat(5120)), 'PASSWORD_TOO_LONG', 'input.password'],
    ['null byte in name', (input) => (input.displayName = 'Budi\u0000Santoso'), 'INVALID_DISPLAY_NAME', 'input.displayName'],
    ['null byte in email', (input) => (input.email = 'budi\u0000x@contoh.id'), 'INVALID_EMAIL', 'input.email'],
  ];

  test.each(badInputs)('register rejects %s', async (_name, change, code, field) => {
    const input = base();
    change(input);
    const before = await rowCounts();

    const result = await gql(REGISTER, { input });

    expectInputError(result, code, field);
    expect(await rowCounts()).toEqual(before);
  });

  test('failed register logs no personal data', async () => {
    const email = uniqueEmail();
    const displayName = `Nama\u0000Tersembunyi ${Date.now()}`;
    await gql(REGISTER, { input: { displayName, email, password: 'Rahasia-kuat-77' } });
    await gql(LOGIN, { identifier: `${email}\u0000`, password: 'Rahasia-kuat-77' });

    for (const line of platform.logLines) {
      expect([line.includes(email) ? line : '', line.includes('Tersembunyi') ? line : '']).toEqual(['', '']);
    }
  });

  test('register error in English', async () => {
    const result = await gql(REGISTER, { input: { ...base(), email: 'no-at-sign' } }, { 'accept-language': 'en' });

    expectInputError(result, 'INVALID_EMAIL', 'input.email', 'en');
  });

  test('register keeps emoji and unicode names', async () => {
    const displayName = 'Siti 👩🏽‍💻 Ñúñez 中文 ';
    const result = await gql(REGISTER, { input: { ...base(), displayName } });

    expect(errorCodes(result)).toEqual([]);
    expect((result.body?.data as { register: { displayName: string } }).register.displayName).toBe(displayName.trim());
  });

  test('register stores email in lower case', async () => {
    const email = uniqueEmail();
    const result = await gql(REGISTER, { input: { ...base(), email: `  ${email.toUpperCase()} ` } });

    expect(errorCodes(result)).toEqual([]);
    expect((result.body?.data as { register: { email: string } }).register.email).toBe(email);
  });

  test('register rejects email with zero-width space', async () => {
    // "warga\u200b@demo.ragem.id" looks the same as the demo citizen's address on screen.
    const result = await gql(REGISTER, { input: { ...base(), email: 'warga\u200b@demo.ragem.id' } });

    expectInputError(result, 'INVALID_EMAIL', 'input.email');
  });

  const phoneFormats: [string, string][] = [
    ['08 with dashes', '0813-1111-2222'],
    ['62 with spaces', '62 813 1111 2223'],
    ['+62 compact', '+6281311112224'],
  ];

  test.each(phoneFormats)('register normalizes phone %s', async (_name, phone) => {
    const result = await gql(REGISTER, { input: { ...base(), email: null, phone } });

    expect(errorCodes(result)).toEqual([]);
    expect((result.body?.data as { register: { phone: string } }).register.phone).toBe(`+62${phone.replace(/\D/g, '').replace(/^(62|0)/, '')}`);
  });

  test('register rejects same phone in another format', async () => {
    const before = await rowCounts();
    const result = await gql(REGISTER, { input: { ...base(), phone: '+62 813-1111-2222' } });

    expectInputError(result, 'PHONE_TAKEN', 'input.phone');
    expect(result.body?.errors?.[0].message).not.toContain('1111');
    expect(await rowCounts()).toEqual(before);
  });

  test('register race creates one account', async () => {
    const email = uniqueEmail();
    const before = await rowCounts();

    const results = await Promise.all(
      Array.from({ length: 5 }, () => gql(REGISTER, { input: { ...base(), email: email.toUpperCase() } })),
    );

    const codes = results.map((result) => errorCodes(result)[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code !== 'OK')).toEqual(['EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN', 'EMAIL_TAKEN']);
    for (const result of results) expect(result.text).not.toMatch(STACK_FRAME);
    expect((await rowCounts()).accounts).toBe(before.accounts + 1);
  });
});

describe('login', () => {
  test('unknown account and wrong password share one message', async () => {
    const unknown = await gql(LOGIN, { identifier: 'tidak-ada@contoh.id', password: 'Salah-sekali-1' });
    const wrong = await gql(LOGIN, { identifier: 'warga@demo.ragem.id', password: 'Salah-sekali-1' });
    const badFormat = await gql(LOGIN, { identifier: 'bukan email', password: 'Salah-sekali-1' });

    expect(errorCodes(unknown)).toEqual(['INVALID_CREDENTIALS']);
    expect(errorCodes(wrong)).toEqual(['INVALID_CREDENTIALS']);
    expect(errorCodes(badFormat)).toEqual(['INVALID_CREDENTIALS']);
    expect(unknown.body?.errors?.[0].message).toBe(wrong.body?.errors?.[0].message);
    expect(badFormat.body?.errors?.[0].message).toBe(wrong.body?.errors?.[0].message);
    expect(wrong.body?.errors?.[0].message).not.toContain('warga');
  });

  test('login accepts identifier variants', async () => {
    const phone = uniquePhone();
    const email = uniqueEmail();
    const password = 'Rahasia-kuat-77';
    const registered = await gql(REGISTER, { input: { displayName: 'Varian', email, phone, password } });
    expect(errorCodes(registered)).toEqual([]);

    const subscriber = phone.slice(1);
    const variants = [
      email.toUpperCase(),
      `  ${email}  `,
      phone,
      `62 ${subscriber.slice(0, 3)} ${subscriber.slice(3, 7)} ${subscriber.slice(7)}`,
      `+62-${subscriber}`,
    ];
    for (const identifier of variants) {
      const result = await gql(LOGIN, { identifier, password });
      expect([identifier, errorCodes(result)]).toEqual([identifier, []]);
    }
  });

  test('sixth attempt rejected even with right password', async () => {
    const address = freshAddress();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await gql(LOGIN, { identifier: 'dpupr@demo.ragem.id', password: `Salah-${attempt}-x` }, { 'x-forwarded-for': address });
      expect(errorCodes(result)).toEqual(['INVALID_CREDENTIALS']);
    }

    const sixth = await gql(LOGIN, { identifier: 'DPUPR@demo.ragem.id', password: DEMO_PASSWORD }, { 'x-forwarded-for': freshAddress() });

    expect(errorCodes(sixth)).toEqual(['LOGIN_RATE_LIMITED']);
    expect(sixth.body?.data).toBeNull();
  });

  test('concurrent wrong passwords stay within limit', async () => {
    const registered = await gql(REGISTER, { input: { displayName: 'Serbu', email: uniqueEmail(), password: 'Rahasia-kuat-77' } });
    const email = (registered.body?.data as { register: { email: string } }).register.email;

    const results = await Promise.all(
      Array.from({ length: 15 }, (_unused, index) => gql(LOGIN, { identifier: email, password: `Tebakan-${index}-x` })),
    );

    const checked = results.filter((result) => errorCodes(result)[0] === 'INVALID_CREDENTIALS');
    expect(checked.length).toBeLessThanOrEqual(5);
  });

  test('login with null byte identifier', async () => {
    const result = await gql(LOGIN, { identifier: 'warga\u0000@demo.ragem.id', password: DEMO_PASSWORD });

    expect(result.status).toBe(200);
    expect(errorCodes(result)).toEqual(['INVALID_CREDENTIALS']);
    expect(result.text).not.toMatch(STACK_FRAME);
  });

  test('failures by email also limit phone login', async () => {
    const phone = uniquePhone();
    const email = uniqueEmail();
    const password = 'Rahasia-kuat-77';
    const registered = await gql(REGISTER, { input: { displayName: 'Dua Pintu', email, phone, password } });
    expect(errorCodes(registered)).toEqual([]);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await gql(LOGIN, { identifier: email, password: `Salah-${attempt}-x` });
      expect(errorCodes(result)).toEqual(['INVALID_CREDENTIALS']);
    }

    const sixth = await gql(LOGIN, { identifier: phone, password });

    expect(errorCodes(sixth)).toEqual(['LOGIN_RATE_LIMITED']);
  });

  test('login with 10 KB identifier and password', async () => {
    const result = await gql(LOGIN, { identifier: 'x'.repeat(10240), password: 'y1'.repeat(5120) });

    expect(result.status).toBe(200);
    expect(errorCodes(result)).toEqual(['INVALID_CREDENTIALS']);
    expect(result.text).not.toMatch(STACK_FRAME);
  });
});

describe('tokens', () => {
  test('access token lives at most 15 minutes', async () => {
    const session = await login('warga@demo.ragem.id', DEMO_PASSWORD);
    const payload = jwtPayload(session.accessToken);

    expect(Number(payload.exp) - Number(payload.iat)).toBeLessThanOrEqual(15 * 60);
    expect(new Date(session.accessTokenExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000 + 2000);
    expect(payload).not.toHaveProperty('email');
    expect(payload).not.toHaveProperty('phone');
  });

  test('refresh rotates and rejects reuse', async () => {
    const session = await login('warga@demo.ragem.id', DEMO_PASSWORD);

    const first = await gql(REFRESH, { token: session.refreshToken });
    expect(errorCodes(first)).toEqual([]);
    const rotated = (first.body?.data as { refreshToken: { refreshToken: string } }).refreshToken.refreshToken;
    expect(rotated).not.toBe(session.refreshToken);

    const reuse = await gql(REFRESH, { token: session.refreshToken });
    expectInputError(reuse, 'REFRESH_TOKEN_REVOKED', 'refreshToken');

    const next = await gql(REFRESH, { token: rotated });
    expect(errorCodes(next)).toEqual([]);
  });

  test('concurrent refreshes of one token', async () => {
    const session = await login('warga@demo.ragem.id', DEMO_PASSWORD);
    const before = await rowCounts();

    const results = await Promise.all(Array.from({ length: 5 }, () => gql(REFRESH, { token: session.refreshToken })));

    const codes = results.map((result) => errorCodes(result)[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code !== 'OK').every((code) => code === 'REFRESH_TOKEN_REVOKED')).toBe(true);
    expect((await rowCounts()).refreshTokens).toBe(before.refreshTokens + 1);
  });

  test('logout twice and then refresh', async () => {
    const session = await login('warga@demo.ragem.id', DEMO_PASSWORD);

    const first = await gql(LOGOUT, { token: session.refreshToken });
    const second = await gql(LOGOUT, { token: session.refreshToken });
    const refresh = await gql(REFRESH, { token: session.refreshToken });

    expect(first.body?.data).toEqual({ logout: true });
    expect(second.body?.data).toEqual({ logout: false });
    expectInputError(refresh, 'REFRESH_TOKEN_REVOKED', 'refreshToken');
  });

  const badRefreshTokens: [string, string][] = [
    ['empty', ''],
    ['unknown', 'A'.repeat(43)],
    ['10 KB', 'A'.repeat(10240)],
    ['SQL-ish', "' OR 1=1 --"],
  ];

  test.each(badRefreshTokens)('refresh rejects %s token', async (_name, token) => {
    const before = await rowCounts();
    const result = await gql(REFRESH, { token });

    expectInputError(result, 'INVALID_REFRESH_TOKEN', 'refreshToken');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('forged access tokens', () => {
  function forge(header: Record<string, unknown>, payload: Record<string, unknown>, signature = ''): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${encode(header)}.${encode(payload)}.${signature}`;
  }

  function adminClaims(): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return { sub: citizenId, role: 'ADMIN', opd: null, perms: [], iss: 'ragem-accounts', aud: 'ragem', iat: now, exp: now + 600 };
  }

  test('alg none token rejected', async () => {
    const token = forge({ alg: 'none', typ: 'JWT' }, adminClaims());
    const result = await gql(ACCOUNTS, { first: 5 }, bearer(token));

    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  test('edited payload rejected', async () => {
    const [header, , signature] = citizenToken.split('.');
    const edited = `${header}.${Buffer.from(JSON.stringify(adminClaims())).toString('base64url')}.${signature}`;
    const result = await gql(ACCOUNTS, { first: 5 }, bearer(edited));

    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  test('token signed with another key rejected', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const token = await new SignJWT({ role: 'ADMIN', opd: null, perms: [] })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setSubject(citizenId)
      .setIssuer('ragem-accounts')
      .setAudience('ragem')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    const result = await gql(ACCOUNTS, { first: 5 }, bearer(token));

    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  test('HS256 token with public key as secret rejected', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(adminClaims())).toString('base64url');
    const secret = process.env.RAGEM_JWT_PUBLIC_KEY ?? '';
    const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    const result = await gql(ACCOUNTS, { first: 5 }, bearer(`${header}.${payload}.${signature}`));

    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  test('client identity headers ignored by gateway', async () => {
    const forged = signedIdentityHeaders({ sub: citizenId, role: 'ADMIN' }, 'wrong-secret-wrong-secret-wrong-secret');
    const result = await gql(ACCOUNTS, { first: 5 }, { ...forged, ...bearer(citizenToken) });

    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.body?.data).toBeNull();
  });
});

describe('admin mutations', () => {
  const callers: [string, () => Record<string, string>, string][] = [
    ['anonymous', () => ({}), 'UNAUTHENTICATED'],
    ['citizen', () => bearer(citizenToken), 'FORBIDDEN'],
    ['officer', () => bearer(officerToken), 'FORBIDDEN'],
  ];

  test.each(callers)('%s cannot grant, revoke or set roles', async (_name, headers, code) => {
    const before = await rowCounts();

    const grant = await gql(GRANT, { id: citizenId, permission: 'rabeg:coordinate' }, headers());
    const revoke = await gql(REVOKE, { id: citizenId, permission: 'rabeg:coordinate' }, headers());
    const role = await gql(SET_ROLE, { id: citizenId, role: 'ADMIN' }, headers());
    const list = await gql(ACCOUNTS, { first: 5 }, headers());

    for (const result of [grant, revoke, role, list]) {
      expect(errorCodes(result)).toEqual([code]);
      expect(result.text).not.toMatch(STACK_FRAME);
    }
    expect(await rowCounts()).toEqual(before);
  });

  test('identity signed with wrong secret rejected by subgraph', async () => {
    const forged = signedIdentityHeaders({ sub: citizenId, role: 'ADMIN' }, 'wrong-secret-wrong-secret-wrong-secret');
    const result = await direct(SET_ROLE, { id: citizenId, role: 'ADMIN' }, forged);

    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  test('identity with edited payload rejected by subgraph', async () => {
    const citizen = signedIdentityHeaders({ sub: citizenId, role: 'CITIZEN' });
    const claims = JSON.parse(Buffer.from(citizen['x-ragem-identity'], 'base64url').toString('utf8')) as Record<string, unknown>;
    const edited = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    const result = await direct(SET_ROLE, { id: citizenId, role: 'ADMIN' }, { ...citizen, 'x-ragem-identity': edited });

    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  test('expired identity rejected by subgraph', async () => {
    const now = Math.floor(Date.now() / 1000);
    const headers = signedIdentityHeaders({ sub: adminId, role: 'ADMIN', iat: now - 120, exp: now - 60 });
    const result = await direct(ACCOUNTS, { first: 5 }, headers);

    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  test('long-lived identity rejected by subgraph', async () => {
    const now = Math.floor(Date.now() / 1000);
    const headers = signedIdentityHeaders({ sub: adminId, role: 'ADMIN', iat: now, exp: now + 3600 });
    const result = await direct(ACCOUNTS, { first: 5 }, headers);

    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  test('unsigned request to subgraph is anonymous', async () => {
    const result = await direct(GRANT, { id: citizenId, permission: 'rabeg:coordinate' }, {});

    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  const badPermissions: [string, string][] = [
    ['spaces', 'rabeg: coordinate'],
    ['uppercase', 'Rabeg:Coordinate'],
    ['101 characters', `rabeg:${'a'.repeat(95)}`],
    ['10 KB', `rabeg:${'a'.repeat(10240)}`],
    ['no colon', 'rabegcoordinate'],
    ['trailing newline', 'rabeg:coordinate\n'],
    ['SQL-ish', "rabeg:x'); DELETE FROM permission_grant; --"],
  ];

  test.each(badPermissions)('grant rejects permission with %s', async (_name, permission) => {
    const before = await rowCounts();
    const result = await gql(GRANT, { id: citizenId, permission }, bearer(adminToken));

    expectInputError(result, 'INVALID_PERMISSION', 'permission');
    expect(await rowCounts()).toEqual(before);
  });

  test('grant to unknown account', async () => {
    const before = await rowCounts();
    const result = await gql(GRANT, { id: randomUUID(), permission: 'rabeg:coordinate' }, bearer(adminToken));

    expectInputError(result, 'ACCOUNT_NOT_FOUND', 'accountId');
    expect(await rowCounts()).toEqual(before);
  });

  test('refresh carries new role', async () => {
    const registered = await gql(REGISTER, { input: { displayName: 'Naik Pangkat', email: uniqueEmail(), password: 'Rahasia-kuat-77' } });
    const email = (registered.body?.data as { register: { email: string } }).register.email;
    const session = await login(email, 'Rahasia-kuat-77');
    const changed = await gql(SET_ROLE, { id: session.account.id, role: 'OFFICER', opdId: 'dishub' }, bearer(adminToken));
    expect(errorCodes(changed)).toEqual([]);

    const refreshed = await gql(REFRESH, { token: session.refreshToken });

    const token = (refreshed.body?.data as { refreshToken: { accessToken: string } }).refreshToken.accessToken;
    expect(jwtPayload(token)).toMatchObject({ role: 'OFFICER', opd: 'dishub' });
  });

  test('grant then revoke permission', async () => {
    const granted = await gql(GRANT, { id: citizenId, permission: 'places:review' }, bearer(adminToken));
    const again = await gql(GRANT, { id: citizenId, permission: 'places:review' }, bearer(adminToken));
    const revoked = await gql(REVOKE, { id: citizenId, permission: 'places:review' }, bearer(adminToken));

    expect((granted.body?.data as { grantPermission: { permissions: string[] } }).grantPermission.permissions).toContain('places:review');
    expect(errorCodes(again)).toEqual([]);
    expect((revoked.body?.data as { revokePermission: { permissions: string[] } }).revokePermission.permissions).not.toContain('places:review');
  });

  test('officer role without OPD', async () => {
    const before = await rowCounts();
    const result = await gql(SET_ROLE, { id: citizenId, role: 'OFFICER' }, bearer(adminToken));

    expectInputError(result, 'OPD_REQUIRED', 'opdId');
    expect(await rowCounts()).toEqual(before);
  });

  const badOpdIds: [string, string][] = [
    ['uppercase', 'DISHUB'],
    ['spaces', 'dis hub'],
    ['65 characters', 'a'.repeat(65)],
    ['SQL-ish', "dishub'; --"],
  ];

  test.each(badOpdIds)('officer role rejects OPD id with %s', async (_name, opdId) => {
    const result = await gql(SET_ROLE, { id: citizenId, role: 'OFFICER', opdId }, bearer(adminToken));

    expectInputError(result, 'INVALID_OPD_ID', 'opdId');
    const [row] = await accountsSubgraph().db.query(`SELECT role FROM account WHERE id = ${sqlParameter()}`, [citizenId]);
    expect(row.role).toBe('CITIZEN');
  });

  test('role error in English', async () => {
    const result = await gql(SET_ROLE, { id: citizenId, role: 'OFFICER' }, { ...bearer(adminToken), 'accept-language': 'en' });

    expectInputError(result, 'OPD_REQUIRED', 'opdId', 'en');
  });

  test('officer role with unknown OPD', async () => {
    const registered = await gql(REGISTER, { input: { displayName: 'Calon Petugas', email: uniqueEmail(), password: 'Rahasia-kuat-77' } });
    const id = (registered.body?.data as { register: { id: string } }).register.id;

    const result = await gql(SET_ROLE, { id, role: 'OFFICER', opdId: 'dinas-yang-tidak-ada' }, bearer(adminToken));

    // The README states that the OPD's existence is not checked, so this is accepted.
    expect(errorCodes(result)).toEqual([]);
  });

  test('only admin cannot demote itself', async () => {
    const before = await accountsSubgraph().db.query("SELECT COUNT(*) AS n FROM account WHERE role = 'ADMIN'");
    expect(Number(before[0].n)).toBe(1);

    const result = await gql(SET_ROLE, { id: adminId, role: 'CITIZEN' }, bearer(adminToken));

    const after = await accountsSubgraph().db.query("SELECT COUNT(*) AS n FROM account WHERE role = 'ADMIN'");
    // Restore the role through the database so later tests still have an admin.
    await accountsSubgraph().db.query(`UPDATE account SET role = 'ADMIN' WHERE id = ${sqlParameter()}`, [adminId]);
    expect(errorCodes(result)).not.toEqual([]);
    expect(Number(after[0].n)).toBe(1);
  });
});

describe('accounts pagination', () => {
  const badSizes = [0, -1, 1000, 101];

  test.each(badSizes)('accounts rejects first %p', async (first) => {
    const result = await gql(ACCOUNTS, { first }, bearer(adminToken));

    expectInputError(result, 'INVALID_PAGE_SIZE', 'first');
  });

  const badCursors: [string, string][] = [
    ['garbage', 'bukan-kursor'],
    ['10 KB', 'A'.repeat(10240)],
    ['SQL-ish', Buffer.from("2020-01-01T00:00:00.000Z|' OR '1'='1|x").toString('base64url')],
    ['number date', Buffer.from(`1|${randomUUID()}`).toString('base64url')],
    ['not base64url', '!!!%%%'],
  ];

  test.each(badCursors)('accounts rejects %s cursor', async (_name, after) => {
    const result = await gql(ACCOUNTS, { first: 5, after }, bearer(adminToken));

    expectInputError(result, 'INVALID_CURSOR', 'after');
  });

  test('pages cover every account once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page += 1) {
      const result = await gql(ACCOUNTS, { first: 3, after }, bearer(adminToken));
      expect(errorCodes(result)).toEqual([]);
      const data = (result.body?.data as { accounts: { nodes: { id: string }[]; endCursor: string | null; hasNextPage: boolean; totalCount: number } }).accounts;
      seen.push(...data.nodes.map((node) => node.id));
      total = data.totalCount;
      if (!data.hasNextPage) break;
      after = data.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
  });
});

describe('personal fields', () => {
  const ENTITIES = `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Account { id displayName email phone role } } }`;

  test('citizen sees no one else through _entities', async () => {
    const headers = signedIdentityHeaders({ sub: citizenId, role: 'CITIZEN' });
    const result = await direct(ENTITIES, { representations: [{ __typename: 'Account', id: adminId, email: 'x' }] }, headers);

    expect(errorCodes(result)).toEqual([]);
    expect(result.body?.data).toEqual({ _entities: [{ id: adminId, displayName: null, email: null, phone: null, role: 'ADMIN' }] });
  });

  test('officer sees no one else through _entities', async () => {
    const headers = signedIdentityHeaders({ sub: randomUUID(), role: 'OFFICER', opd: 'dishub' });
    const result = await direct(ENTITIES, { representations: [{ __typename: 'Account', id: citizenId }] }, headers);

    expect(result.body?.data).toEqual({ _entities: [{ id: citizenId, displayName: null, email: null, phone: null, role: 'CITIZEN' }] });
  });

  test('anonymous sees no one through _entities', async () => {
    const result = await direct(ENTITIES, { representations: [{ __typename: 'Account', id: citizenId }] }, signedIdentityHeaders());

    expect(result.body?.data).toEqual({ _entities: [{ id: citizenId, displayName: null, email: null, phone: null, role: 'CITIZEN' }] });
  });

  test('me shows own fields', async () => {
    const result = await gql('{ me { id displayName email } }', {}, bearer(citizenToken));

    expect(result.body?.data).toEqual({ me: { id: citizenId, displayName: 'Warga Demo', email: 'warga@demo.ragem.id' } });
  });

  test('no personal data or secrets in any log line', async () => {
    const email = uniqueEmail();
    const phone = uniquePhone();
    const displayName = `Rahasia Nama ${Date.now()}`;
    const password = 'Sandi-log-9876';
    const registered = await gql(REGISTER, { input: { displayName, email, phone, password } });
    expect(errorCodes(registered)).toEqual([]);
    const session = await login(email, password);
    await gql(LOGIN, { identifier: phone, password: 'Salah-log-1234' });
    await gql(REFRESH, { token: session.refreshToken });
    await gql(REGISTER, { input: { displayName, email, phone, password } });
    await gql(REGISTER, { input: { displayName, email: 'not an email', phone, password } });
    await gql('{ me { email } }', {}, bearer(session.accessToken));
    await gql('{ me { email } }', {}, bearer(`${session.accessToken}x`));

    expect(platform.logLines.some((line) => line.includes('login failed'))).toBe(true);
    const secrets = [email, phone.slice(1), displayName, password, 'Salah-log-1234', session.refreshToken, session.accessToken.split('.')[2], 'Demo-ragem-2026'];
    for (const line of platform.logLines) {
      for (const secret of secrets) {
        expect([secret, line.includes(secret) ? line : '']).toEqual([secret, '']);
      }
    }
  });
});
