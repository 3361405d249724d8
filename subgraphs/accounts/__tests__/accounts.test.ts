import { importSPKI, jwtVerify, decodeProtectedHeader } from 'jose';
import { ManualClock } from '../../../plugins/clock';
import { loadPlatformConfig } from '../../../plugins/platform-config';
import { loadSecrets } from '../../../plugins/secrets';
import type { RunningSubgraph } from '../../../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { signedIdentityHeaders } from '../../../test/support/identity';
import { createCapturingLogger } from '../../../test/support/logs';
import { startTestSubgraph } from '../../../test/support/subgraphs';
import { AccountRow, PermissionGrantRow } from '../entities';
import { DEMO_PASSWORD } from '../seed';
import { claimsOf, expectData, expectError, graphql, LOGIN, REGISTER } from './helpers';

let database: TestDatabase;
let subgraph: RunningSubgraph;
const capture = createCapturingLogger();
let nextAddress = 1;

/** Identity headers of an anonymous caller from an address no other test uses, so address counters stay apart. */
function freshAddress(): Record<string, string> {
  nextAddress += 1;
  return signedIdentityHeaders({ addr: `10.0.${Math.floor(nextAddress / 250)}.${nextAddress % 250}` });
}

function asAccount(sub: string, role: 'CITIZEN' | 'OFFICER' | 'ADMIN' = 'CITIZEN'): Record<string, string> {
  return signedIdentityHeaders({ sub, role });
}

async function countRows(table: string): Promise<number> {
  const [row] = await subgraph.db.query(`SELECT COUNT(*) AS count FROM ${table}`);
  return Number(row.count);
}

async function login(identifier: string, password: string, headers = freshAddress()) {
  const data = await expectData(subgraph, LOGIN, { identifier, password }, headers);
  return data.login;
}

async function register(input: Record<string, unknown>) {
  const data = await expectData(subgraph, REGISTER, { input: { password: 'kunci-rahasia-7', ...input } });
  return data.register;
}

let adminId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // The signing key is read from DATA_DIR/secrets.json; keep it in this test's folder.
  process.env.DATA_DIR = database.dataDir;
  subgraph = await startTestSubgraph('accounts', { database, logger: capture.logger });
  adminId = (await login('admin@demo.ragem.id', DEMO_PASSWORD)).account.id;
});

afterAll(async () => {
  await subgraph?.close();
  await database?.drop();
});

describe('seed', () => {
  test('creates the five demo accounts', async () => {
    const rows: { email: string; role: string; opd_id: string | null }[] = await subgraph.db.query(
      'SELECT email, role, opd_id FROM account ORDER BY email',
    );
    expect(rows.filter((row) => row.email.endsWith('@demo.ragem.id'))).toEqual([
      { email: 'admin@demo.ragem.id', role: 'ADMIN', opd_id: null },
      { email: 'dishub@demo.ragem.id', role: 'OFFICER', opd_id: 'dishub' },
      { email: 'dpupr@demo.ragem.id', role: 'OFFICER', opd_id: 'dpupr' },
      { email: 'koordinator@demo.ragem.id', role: 'OFFICER', opd_id: 'diskominfo' },
      { email: 'warga@demo.ragem.id', role: 'CITIZEN', opd_id: null },
    ]);
  });

  test('restart keeps hashes and adds no copies', async () => {
    const before = await subgraph.db.query('SELECT id, password_hash FROM account ORDER BY id');
    const grantsBefore = await countRows('permission_grant');
    await subgraph.close();
    subgraph = await startTestSubgraph('accounts', { database, logger: capture.logger });
    expect(await subgraph.db.query('SELECT id, password_hash FROM account ORDER BY id')).toEqual(before);
    expect(await countRows('permission_grant')).toBe(grantsBefore);
  });

  test('coordinator token carries rabeg:coordinate', async () => {
    const session = await login('koordinator@demo.ragem.id', DEMO_PASSWORD);
    expect(claimsOf(session.accessToken)).toMatchObject({ role: 'OFFICER', opd: 'diskominfo', perms: ['rabeg:coordinate'] });
  });
});

describe('session flow', () => {
  test('register, login, me, refresh, logout', async () => {
    const account = await register({ displayName: '  Siti Aminah ', phone: '0812-3456-7001', email: 'Siti@Example.ID' });
    expect(account).toMatchObject({ displayName: 'Siti Aminah', email: 'siti@example.id', phone: '+6281234567001', role: 'CITIZEN', permissions: [] });

    const byPhone = await login('+62 812 3456 7001', 'kunci-rahasia-7');
    expect(byPhone.account.id).toBe(account.id);
    expect(byPhone.account.displayName).toBe('Siti Aminah');
    const byEmail = await login('SITI@example.id', 'kunci-rahasia-7');
    expect(byEmail.account.id).toBe(account.id);

    const me = await expectData(subgraph, '{ me { id displayName email phone role } }', {}, asAccount(account.id));
    expect(me.me).toEqual({ id: account.id, displayName: 'Siti Aminah', email: 'siti@example.id', phone: '+6281234567001', role: 'CITIZEN' });

    const refreshed = await expectData(subgraph, 'mutation R($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken account { id email } } }', {
      t: byPhone.refreshToken,
    });
    expect(refreshed.refreshToken.account).toEqual({ id: account.id, email: 'siti@example.id' });
    expect(refreshed.refreshToken.refreshToken).not.toBe(byPhone.refreshToken);

    const reused = await expectError(subgraph, 'mutation R($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: byPhone.refreshToken });
    expect(reused.code).toBe('REFRESH_TOKEN_REVOKED');

    const loggedOut = await expectData(subgraph, 'mutation L($t: String!) { logout(refreshToken: $t) }', { t: refreshed.refreshToken.refreshToken });
    expect(loggedOut.logout).toBe(true);
    const again = await expectData(subgraph, 'mutation L($t: String!) { logout(refreshToken: $t) }', { t: refreshed.refreshToken.refreshToken });
    expect(again.logout).toBe(false);
    const afterLogout = await expectError(subgraph, 'mutation R($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', {
      t: refreshed.refreshToken.refreshToken,
    });
    expect(afterLogout.code).toBe('REFRESH_TOKEN_REVOKED');
  });

  test('me is null for an anonymous caller', async () => {
    expect((await expectData(subgraph, '{ me { id } }')).me).toBeNull();
  });

  test('unknown refresh token is invalid', async () => {
    const error = await expectError(subgraph, 'mutation R($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: 'not-a-token' });
    expect(error).toMatchObject({ code: 'INVALID_REFRESH_TOKEN', field: 'refreshToken' });
  });

  test('expired refresh token is invalid', async () => {
    const clock = new ManualClock(new Date());
    const clocked = await startTestSubgraph('accounts', { database, logger: capture.logger, clock });
    try {
      const session = await login('warga@demo.ragem.id', DEMO_PASSWORD);
      clock.advance(31 * 24 * 60 * 60 * 1000);
      const error = await expectError(clocked, 'mutation R($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: session.refreshToken });
      expect(error.code).toBe('INVALID_REFRESH_TOKEN');
    } finally {
      await clocked.close();
    }
  });
});

describe('access token', () => {
  test('verifies with the public key and lasts 15 minutes', async () => {
    const session = await login('dishub@demo.ragem.id', DEMO_PASSWORD);
    const { jwtPublicKey } = loadSecrets({ isProduction: false, dataDir: loadPlatformConfig().dataDir, env: process.env });
    const { payload } = await jwtVerify(session.accessToken, await importSPKI(jwtPublicKey, 'EdDSA'), { issuer: 'ragem-accounts', audience: 'ragem' });

    expect(decodeProtectedHeader(session.accessToken).alg).toBe('EdDSA');
    expect(payload).toMatchObject({ sub: session.account.id, role: 'OFFICER', opd: 'dishub', perms: [] });
    expect(payload.exp! - payload.iat!).toBe(900);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(10);
    expect(new Date(session.accessTokenExpiresAt).getTime()).toBe(payload.exp! * 1000);
    const refreshDays = (new Date(session.refreshTokenExpiresAt).getTime() - payload.iat! * 1000) / 86400000;
    expect(Math.round(refreshDays)).toBe(30);
  });

  test('is rejected by another key', async () => {
    const session = await login('warga@demo.ragem.id', DEMO_PASSWORD);
    const { generateKeyPairSync } = await import('node:crypto');
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await expect(jwtVerify(session.accessToken, await importSPKI(other, 'EdDSA'))).rejects.toThrow();
  });
});

describe('registration input', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['empty name', { displayName: '   ', email: 'a1@example.id' }, 'INVALID_DISPLAY_NAME', 'input.displayName'],
    ['long name', { displayName: 'x'.repeat(101), email: 'a2@example.id' }, 'INVALID_DISPLAY_NAME', 'input.displayName'],
    ['email without domain', { displayName: 'A', email: 'budi@' }, 'INVALID_EMAIL', 'input.email'],
    ['email with space', { displayName: 'A', email: 'bu di@example.id' }, 'INVALID_EMAIL', 'input.email'],
    ['long email', { displayName: 'A', email: `${'a'.repeat(60)}@${'b'.repeat(200)}.id` }, 'INVALID_EMAIL', 'input.email'],
    ['foreign phone', { displayName: 'A', phone: '+1 202 555 0100' }, 'INVALID_PHONE', 'input.phone'],
    ['short phone', { displayName: 'A', phone: '0812345' }, 'INVALID_PHONE', 'input.phone'],
    ['phone starting 621', { displayName: 'A', phone: '+6212345678' }, 'INVALID_PHONE', 'input.phone'],
    ['phone with letters', { displayName: 'A', phone: '0812-ABCD-7788' }, 'INVALID_PHONE', 'input.phone'],
    ['no contact', { displayName: 'A' }, 'CONTACT_REQUIRED', 'input.email'],
    ['blank contacts', { displayName: 'A', email: ' ', phone: '' }, 'CONTACT_REQUIRED', 'input.email'],
    ['short password', { displayName: 'A', email: 'a3@example.id', password: 'abc1234' }, 'PASSWORD_TOO_WEAK', 'input.password'],
    ['password without digit', { displayName: 'A', email: 'a4@example.id', password: 'abcdefghij' }, 'PASSWORD_TOO_WEAK', 'input.password'],
    ['password without letter', { displayName: 'A', email: 'a5@example.id', password: '1234567890' }, 'PASSWORD_TOO_WEAK', 'input.password'],
    ['common password', { displayName: 'A', email: 'a6@example.id', password: 'Password123' }, 'PASSWORD_TOO_WEAK', 'input.password'],
    ['long password', { displayName: 'A', email: 'a7@example.id', password: `a1${'x'.repeat(127)}` }, 'PASSWORD_TOO_LONG', 'input.password'],
    ['taken email', { displayName: 'A', email: 'WARGA@demo.ragem.id' }, 'EMAIL_TAKEN', 'input.email'],
  ];

  test.each(cases)('%s is rejected', async (_name, input, code, field) => {
    const before = await countRows('account');
    const error = await expectError(subgraph, REGISTER, { input: { password: 'kunci-rahasia-7', ...input } });
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message).not.toBe(code);
    expect(await countRows('account')).toBe(before);
  });

  test('taken phone in another format is rejected', async () => {
    await register({ displayName: 'Budi', phone: '081234567002' });
    const before = await countRows('account');
    const error = await expectError(subgraph, REGISTER, { input: { displayName: 'B', phone: '62 812-3456-7002', password: 'kunci-rahasia-7' } });
    expect(error).toMatchObject({ code: 'PHONE_TAKEN', field: 'input.phone' });
    expect(await countRows('account')).toBe(before);
  });

  test('concurrent registrations with one email', async () => {
    const input = { displayName: 'Kembar', email: 'kembar@example.id', password: 'kunci-rahasia-7' };
    const results = await Promise.all([1, 2, 3].map(() => graphql(subgraph, REGISTER, { input })));
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['EMAIL_TAKEN', 'EMAIL_TAKEN', 'OK']);
    const [row] = await subgraph.db.query("SELECT COUNT(*) AS count FROM account WHERE email = 'kembar@example.id'");
    expect(Number(row.count)).toBe(1);
  });

  test('messages in Indonesian name the field', async () => {
    const result = await graphql(subgraph, REGISTER, { input: { displayName: 'A', phone: '12345', password: 'kunci-rahasia-7' } }, { 'accept-language': 'id' });
    expect(result.errors?.[0].message).toBe(
      'Nomor telepon pada input.phone tidak valid. Gunakan nomor Indonesia seperti 0812-3456-7890 atau +6281234567890.',
    );
  });
});

describe('login', () => {
  test('unknown account and wrong password get one message', async () => {
    for (const language of ['en', 'id']) {
      const headers = { ...freshAddress(), 'accept-language': language };
      const unknown = await expectError(subgraph, LOGIN, { identifier: 'nobody@example.id', password: DEMO_PASSWORD }, headers);
      const wrong = await expectError(subgraph, LOGIN, { identifier: 'warga@demo.ragem.id', password: 'salah-sandi-1' }, headers);
      const malformed = await expectError(subgraph, LOGIN, { identifier: 'not an identifier', password: DEMO_PASSWORD }, headers);
      expect(unknown.code).toBe('INVALID_CREDENTIALS');
      expect(wrong).toEqual(unknown);
      expect(malformed).toEqual(unknown);
    }
  });

  test('sixth attempt after five failures is rejected', async () => {
    await register({ displayName: 'Target', email: 'target@example.id' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const error = await expectError(subgraph, LOGIN, { identifier: 'target@example.id', password: `salah-${attempt}` }, freshAddress());
      expect(error.code).toBe('INVALID_CREDENTIALS');
    }
    const sixth = await expectError(subgraph, LOGIN, { identifier: ' TARGET@example.id', password: 'kunci-rahasia-7' }, freshAddress());
    expect(sixth.code).toBe('LOGIN_RATE_LIMITED');
    const other = await login('warga@demo.ragem.id', DEMO_PASSWORD);
    expect(other.account.role).toBe('CITIZEN');
  });

  test('address limit applies across identifiers', async () => {
    const headers = freshAddress();
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const error = await expectError(subgraph, LOGIN, { identifier: `ghost${attempt}@example.id`, password: 'salah-sandi-1' }, headers);
      expect(error.code).toBe('INVALID_CREDENTIALS');
    }
    const next = await expectError(subgraph, LOGIN, { identifier: 'warga@demo.ragem.id', password: DEMO_PASSWORD }, headers);
    expect(next.code).toBe('LOGIN_RATE_LIMITED');
  });

  test('success clears the identifier counter', async () => {
    await register({ displayName: 'Lupa', email: 'lupa@example.id' });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expectError(subgraph, LOGIN, { identifier: 'lupa@example.id', password: `salah-${attempt}` }, freshAddress());
    }
    await login('lupa@example.id', 'kunci-rahasia-7');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expectError(subgraph, LOGIN, { identifier: 'lupa@example.id', password: `salah-${attempt}` }, freshAddress());
    }
    expect((await login('lupa@example.id', 'kunci-rahasia-7')).account.email).toBe('lupa@example.id');
  });
});

describe('admin', () => {
  const GRANT = 'mutation G($id: ID!, $p: String!) { grantPermission(accountId: $id, permission: $p) { id permissions } }';
  const REVOKE = 'mutation V($id: ID!, $p: String!) { revokePermission(accountId: $id, permission: $p) { id permissions } }';
  const SET_ROLE = 'mutation S($id: ID!, $role: AccountRole!, $opd: ID) { setAccountRole(accountId: $id, role: $role, opdId: $opd) { id role opd { id } } }';

  test('grant reaches the next token, revoke removes it', async () => {
    const account = await register({ displayName: 'Calon Koordinator', email: 'calon@example.id' });
    const granted = await expectData(subgraph, GRANT, { id: account.id, p: 'rabeg:coordinate' }, asAccount(adminId, 'ADMIN'));
    expect(granted.grantPermission.permissions).toEqual(['rabeg:coordinate']);
    await expectData(subgraph, GRANT, { id: account.id, p: 'rabeg:coordinate' }, asAccount(adminId, 'ADMIN'));
    const grant = await subgraph.db.getRepository(PermissionGrantRow).findOneBy({ accountId: account.id, permission: 'rabeg:coordinate' });
    expect(grant?.grantedBy).toBe(adminId);

    expect(claimsOf((await login('calon@example.id', 'kunci-rahasia-7')).accessToken).perms).toEqual(['rabeg:coordinate']);

    const revoked = await expectData(subgraph, REVOKE, { id: account.id, p: 'rabeg:coordinate' }, asAccount(adminId, 'ADMIN'));
    expect(revoked.revokePermission.permissions).toEqual([]);
    expect(claimsOf((await login('calon@example.id', 'kunci-rahasia-7')).accessToken).perms).toEqual([]);
  });

  test('grant needs an admin', async () => {
    const anonymous = await expectError(subgraph, GRANT, { id: adminId, p: 'rabeg:coordinate' });
    expect(anonymous.code).toBe('UNAUTHENTICATED');
    const citizen = await expectError(subgraph, GRANT, { id: adminId, p: 'rabeg:coordinate' }, asAccount(adminId, 'CITIZEN'));
    expect(citizen.code).toBe('FORBIDDEN');
  });

  test('bad permission and unknown account write nothing', async () => {
    const before = await countRows('permission_grant');
    for (const permission of ['coordinate', 'Rabeg:coordinate', 'rabeg:', 'rabeg:co ord', 'rabeg-:x', '-rabeg:x']) {
      const error = await expectError(subgraph, GRANT, { id: adminId, p: permission }, asAccount(adminId, 'ADMIN'));
      expect(error).toMatchObject({ code: 'INVALID_PERMISSION', field: 'permission' });
    }
    const missing = await expectError(subgraph, GRANT, { id: '00000000-0000-4000-8000-000000000000', p: 'rabeg:coordinate' }, asAccount(adminId, 'ADMIN'));
    expect(missing).toMatchObject({ code: 'ACCOUNT_NOT_FOUND', field: 'accountId' });
    expect(await countRows('permission_grant')).toBe(before);
  });

  test('setAccountRole makes an officer', async () => {
    const account = await register({ displayName: 'Petugas Baru', email: 'petugas@example.id' });
    const admin = asAccount(adminId, 'ADMIN');
    const missing = await expectError(subgraph, SET_ROLE, { id: account.id, role: 'OFFICER' }, admin);
    expect(missing).toMatchObject({ code: 'OPD_REQUIRED', field: 'opdId' });
    const badOpd = await expectError(subgraph, SET_ROLE, { id: account.id, role: 'OFFICER', opd: 'Dishub!' }, admin);
    expect(badOpd.code).toBe('INVALID_OPD_ID');
    const unchanged = await subgraph.db.getRepository(AccountRow).findOneBy({ id: account.id });
    expect(unchanged).toMatchObject({ role: 'CITIZEN', opdId: null });

    const set = await expectData(subgraph, SET_ROLE, { id: account.id, role: 'OFFICER', opd: 'dishub' }, admin);
    expect(set.setAccountRole).toEqual({ id: account.id, role: 'OFFICER', opd: { id: 'dishub' } });
    expect(claimsOf((await login('petugas@example.id', 'kunci-rahasia-7')).accessToken)).toMatchObject({ role: 'OFFICER', opd: 'dishub' });

    const back = await expectData(subgraph, SET_ROLE, { id: account.id, role: 'CITIZEN', opd: 'dishub' }, admin);
    expect(back.setAccountRole).toEqual({ id: account.id, role: 'CITIZEN', opd: null });
  });

  test('accounts pages through every account', async () => {
    const admin = asAccount(adminId, 'ADMIN');
    const QUERY = 'query A($first: Int, $after: String) { accounts(first: $first, after: $after) { nodes { id displayName } endCursor hasNextPage totalCount } }';
    const total = await countRows('account');
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await expectData(subgraph, QUERY, { first: 3, after }, admin);
      seen.push(...data.accounts.nodes.map((node: { id: string }) => node.id));
      expect(data.accounts.totalCount).toBe(total);
      expect(data.accounts.nodes.every((node: { displayName: string | null }) => node.displayName !== null)).toBe(true);
      if (!data.accounts.hasNextPage) break;
      after = data.accounts.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  test('accounts rejects bad arguments and non-admins', async () => {
    const admin = asAccount(adminId, 'ADMIN');
    expect((await expectError(subgraph, '{ accounts(first: 101) { totalCount } }', {}, admin)).code).toBe('INVALID_PAGE_SIZE');
    expect((await expectError(subgraph, '{ accounts(first: 0) { totalCount } }', {}, admin)).code).toBe('INVALID_PAGE_SIZE');
    expect((await expectError(subgraph, '{ accounts(after: "bm9wZQ") { totalCount } }', {}, admin)).code).toBe('INVALID_CURSOR');
    expect((await expectError(subgraph, '{ accounts { totalCount } }')).code).toBe('UNAUTHENTICATED');
    expect((await expectError(subgraph, '{ accounts { totalCount } }', {}, asAccount(adminId, 'OFFICER'))).code).toBe('FORBIDDEN');
  });
});

describe('personal fields', () => {
  const ENTITIES = 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id displayName email phone role } } }';

  test('are null for other callers', async () => {
    const account = await register({ displayName: 'Rahasia', email: 'rahasia@example.id', phone: '085712345678' });
    const other = await register({ displayName: 'Tetangga', email: 'tetangga@example.id' });
    const representations = [{ __typename: 'Account', id: account.id }];

    for (const headers of [{}, asAccount(other.id), asAccount(other.id, 'OFFICER')]) {
      const data = await expectData(subgraph, ENTITIES, { r: representations }, headers);
      expect(data._entities[0]).toEqual({ id: account.id, displayName: null, email: null, phone: null, role: 'CITIZEN' });
    }
    const own = await expectData(subgraph, ENTITIES, { r: representations }, asAccount(account.id));
    expect(own._entities[0]).toMatchObject({ displayName: 'Rahasia', email: 'rahasia@example.id', phone: '+6285712345678' });
    const admin = await expectData(subgraph, ENTITIES, { r: representations }, asAccount(adminId, 'ADMIN'));
    expect(admin._entities[0]).toMatchObject({ displayName: 'Rahasia', email: 'rahasia@example.id' });
  });

  test('never reach the log', async () => {
    const secrets = ['Demo-ragem-2026', 'kunci-rahasia-7', 'warga@demo.ragem.id', 'siti@example.id', '+6281234567001', 'Siti Aminah', 'Warga Demo'];
    const session = await login('warga@demo.ragem.id', DEMO_PASSWORD);
    const log = capture.lines.join('\n');
    for (const secret of [...secrets, session.refreshToken, session.accessToken]) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('login succeeded');
  });
});
