import { anonymousIdentity, CallerIdentity, signIdentity } from '../../plugins/identity';

/** Identity secret of tests that start subgraphs without a platform; never used outside tests. */
export const TEST_IDENTITY_SECRET = 'test-identity-secret-0123456789abcdef';

/** Signed identity headers for a direct subgraph request, anonymous unless overridden. */
export function signedIdentityHeaders(overrides: Partial<CallerIdentity> = {}, secret = TEST_IDENTITY_SECRET): Record<string, string> {
  const base = anonymousIdentity('127.0.0.1', `test-${Date.now()}`, Math.floor(Date.now() / 1000));
  return signIdentity({ ...base, ...overrides }, secret);
}
