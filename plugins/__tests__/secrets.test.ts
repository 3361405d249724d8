import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../config-spec';
import { loadSecrets, SECRETS_FILE } from '../secrets';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-secrets-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('embedded secrets are generated once with mode 0600', () => {
  const first = loadSecrets({ isProduction: false, dataDir, env: {} });
  const second = loadSecrets({ isProduction: false, dataDir, env: {} });

  expect(second).toEqual(first);
  expect(first.identitySecret.length).toBeGreaterThanOrEqual(32);
  expect(first.jwtPublicKey).toContain('BEGIN PUBLIC KEY');
  expect(first.jwtPrivateKey).toContain('BEGIN PRIVATE KEY');
  expect(fs.statSync(path.join(dataDir, SECRETS_FILE)).mode & 0o777).toBe(0o600);
});

test('environment overrides the embedded identity secret', () => {
  const secrets = loadSecrets({ isProduction: false, dataDir, env: { RAGEM_IDENTITY_SECRET: 'x'.repeat(40) } });

  expect(secrets.identitySecret).toBe('x'.repeat(40));
});

test('production refuses to start without secrets', () => {
  let problems: string[] = [];
  try {
    loadSecrets({ isProduction: true, dataDir, env: {}, needsPublicKey: true, needsPrivateKey: true });
  } catch (error) {
    problems = (error as ConfigError).problems;
  }

  expect(problems.map((problem) => problem.split(' ')[0])).toEqual(['RAGEM_IDENTITY_SECRET', 'RAGEM_JWT_PUBLIC_KEY', 'RAGEM_JWT_PRIVATE_KEY']);
  expect(fs.existsSync(path.join(dataDir, SECRETS_FILE))).toBe(false);
});

test('production reads secrets from the environment', () => {
  const secrets = loadSecrets({ isProduction: true, dataDir, env: { RAGEM_IDENTITY_SECRET: 's'.repeat(32) } });

  expect(secrets.identitySecret).toBe('s'.repeat(32));
});
