import { Auth } from '../auth';
import { anonymousIdentity, CallerIdentity } from '../identity';

function auth(overrides: Partial<CallerIdentity>): Auth {
  return new Auth({ ...anonymousIdentity('127.0.0.1', 'req', 0), ...overrides });
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

test('anonymous caller is unauthenticated', () => {
  const anonymous = auth({});

  expect(anonymous.isSignedIn).toBe(false);
  expect(codeOf(() => anonymous.requireSignedIn())).toBe('UNAUTHENTICATED');
  expect(codeOf(() => anonymous.requirePermission('rabeg:coordinate'))).toBe('UNAUTHENTICATED');
});

test('role requirement', () => {
  const citizen = auth({ sub: 'a1', role: 'CITIZEN' });

  expect(codeOf(() => citizen.requireRole('CITIZEN'))).toBeUndefined();
  expect(codeOf(() => citizen.requireRole('ADMIN', 'OFFICER'))).toBe('FORBIDDEN');
});

test('OPD requirement', () => {
  const officer = auth({ sub: 'a2', role: 'OFFICER', opd: 'dishub' });
  const admin = auth({ sub: 'a3', role: 'ADMIN' });

  expect(codeOf(() => officer.requireOpd('dishub'))).toBeUndefined();
  expect(codeOf(() => officer.requireOpd('dpupr'))).toBe('FORBIDDEN');
  expect(codeOf(() => admin.requireOpd('dpupr'))).toBeUndefined();
  expect(codeOf(() => auth({ sub: 'a4', role: 'CITIZEN' }).requireOpd('dishub'))).toBe('FORBIDDEN');
});

test('permission requirement', () => {
  const coordinator = auth({ sub: 'a5', role: 'OFFICER', opd: 'diskominfo', perms: ['rabeg:coordinate'] });

  expect(codeOf(() => coordinator.requirePermission('rabeg:coordinate'))).toBeUndefined();
  expect(codeOf(() => coordinator.requirePermission('smartdukcapil:officer'))).toBe('FORBIDDEN');
  expect(codeOf(() => auth({ sub: 'a6', role: 'ADMIN' }).requirePermission('rabeg:coordinate'))).toBe('FORBIDDEN');
});
