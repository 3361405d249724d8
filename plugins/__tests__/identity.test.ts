import { anonymousIdentity, CallerIdentity, IDENTITY_HEADER, IDENTITY_SIGNATURE_HEADER, signIdentity, verifyIdentity } from '../identity';

const SECRET = 'unit-test-identity-secret-0123456789';
const NOW = 1_800_000_000;

function citizen(overrides: Partial<CallerIdentity> = {}): CallerIdentity {
  return { sub: 'account-1', role: 'CITIZEN', opd: null, perms: ['rabeg:coordinate'], addr: '10.0.0.9', iat: NOW, exp: NOW + 60, rid: 'req-1', ...overrides };
}

function verify(identity: CallerIdentity, now = NOW, secret = SECRET) {
  const headers = signIdentity(identity, SECRET);
  return verifyIdentity(headers[IDENTITY_HEADER], headers[IDENTITY_SIGNATURE_HEADER], secret, now);
}

test('signed identity verifies', () => {
  expect(verify(citizen())).toEqual({ identity: citizen() });
});

test('anonymous identity lives 60 seconds', () => {
  expect(anonymousIdentity('127.0.0.1', 'req-2', NOW)).toEqual({ sub: null, role: 'ANONYMOUS', opd: null, perms: [], addr: '127.0.0.1', iat: NOW, exp: NOW + 60, rid: 'req-2' });
});

test('other secret is rejected', () => {
  expect(verify(citizen(), NOW, 'another-secret-of-enough-length-000')).toEqual({ problem: 'bad identity signature' });
});

test('tampered payload is rejected', () => {
  const headers = signIdentity(citizen(), SECRET);
  const forged = Buffer.from(JSON.stringify(citizen({ role: 'ADMIN' }))).toString('base64url');

  expect(verifyIdentity(forged, headers[IDENTITY_SIGNATURE_HEADER], SECRET, NOW)).toEqual({ problem: 'bad identity signature' });
});

test('expired identity is rejected', () => {
  expect(verify(citizen(), NOW + 60)).toEqual({ problem: 'identity expired' });
  expect(verify(citizen(), NOW + 59)).toEqual({ identity: citizen() });
});

test('identity from the future is rejected', () => {
  expect(verify(citizen({ iat: NOW + 10, exp: NOW + 70 }))).toEqual({ problem: 'identity issued in the future' });
});

test('identity living too long is rejected', () => {
  expect(verify(citizen({ exp: NOW + 3600 }))).toEqual({ problem: 'identity lives longer than allowed' });
});

test('unknown role is rejected', () => {
  expect(verify(citizen({ role: 'ROOT' as never }))).toEqual({ problem: 'identity has missing or invalid fields' });
});

test('signed garbage is rejected', () => {
  const payload = Buffer.from('not json').toString('base64url');
  const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  const signature = createHmac('sha256', SECRET).update(payload).digest('base64url');

  expect(verifyIdentity(payload, signature, SECRET, NOW)).toEqual({ problem: 'identity is not JSON' });
});

test('oversized header is rejected', () => {
  expect(verifyIdentity('a'.repeat(9000), 'b', SECRET, NOW)).toEqual({ problem: 'identity header too long' });
});
