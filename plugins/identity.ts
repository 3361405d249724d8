import { createHmac, timingSafeEqual } from 'node:crypto';

/** Platform roles. OFFICER belongs to one OPD; ANONYMOUS is a caller without a session. */
export const PLATFORM_ROLES = ['ANONYMOUS', 'CITIZEN', 'OFFICER', 'ADMIN'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/**
 * The caller as the gateway vouches for it to every subgraph, sent base64url-encoded in
 * `x-ragem-identity` and signed with HMAC-SHA256 in `x-ragem-identity-sig`.
 */
export interface CallerIdentity {
  /** Account id, or null for an anonymous caller. */
  sub: string | null;
  role: PlatformRole;
  /** OPD id of an officer, else null. */
  opd: string | null;
  /** Permissions such as `rabeg:coordinate`. */
  perms: string[];
  /** Client address: the socket's, or the first X-Forwarded-For entry when TRUST_PROXY is set. */
  addr: string;
  /** Issued at, in seconds since the epoch. */
  iat: number;
  /** Expiry, in seconds since the epoch: IDENTITY_TTL_SECONDS after iat. */
  exp: number;
  /** Request id of the gateway request. */
  rid: string;
}

export const IDENTITY_HEADER = 'x-ragem-identity';
export const IDENTITY_SIGNATURE_HEADER = 'x-ragem-identity-sig';
export const IDENTITY_TTL_SECONDS = 60;
/** Allowed clock difference between gateway and subgraph hosts, in seconds. */
const CLOCK_SKEW_SECONDS = 5;
const MAX_HEADER_LENGTH = 8192;

function signature(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** Encode and sign an identity; returns the two headers to send. */
export function signIdentity(identity: CallerIdentity, secret: string): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(identity)).toString('base64url');
  return { [IDENTITY_HEADER]: payload, [IDENTITY_SIGNATURE_HEADER]: signature(payload, secret) };
}

/** Build an anonymous identity valid for IDENTITY_TTL_SECONDS from `nowSeconds`. */
export function anonymousIdentity(addr: string, requestId: string, nowSeconds: number): CallerIdentity {
  return { sub: null, role: 'ANONYMOUS', opd: null, perms: [], addr, iat: nowSeconds, exp: nowSeconds + IDENTITY_TTL_SECONDS, rid: requestId };
}

function isIdentity(value: unknown): value is CallerIdentity {
  const identity = value as CallerIdentity;
  return (
    typeof identity === 'object' &&
    identity !== null &&
    (identity.sub === null || typeof identity.sub === 'string') &&
    PLATFORM_ROLES.includes(identity.role) &&
    (identity.opd === null || typeof identity.opd === 'string') &&
    Array.isArray(identity.perms) &&
    identity.perms.every((permission) => typeof permission === 'string') &&
    typeof identity.addr === 'string' &&
    Number.isInteger(identity.iat) &&
    Number.isInteger(identity.exp) &&
    typeof identity.rid === 'string'
  );
}

/**
 * Verify the identity headers of a subgraph request. Returns the identity, or the reason it is
 * rejected (for the log; the caller only learns UNAUTHENTICATED).
 */
export function verifyIdentity(
  payload: string,
  signed: string,
  secret: string,
  nowSeconds: number,
): { identity: CallerIdentity } | { problem: string } {
  if (payload.length > MAX_HEADER_LENGTH || signed.length > 128) return { problem: 'identity header too long' };
  const expected = Buffer.from(signature(payload, secret));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { problem: 'bad identity signature' };

  let identity: unknown;
  try {
    identity = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { problem: 'identity is not JSON' };
  }
  if (!isIdentity(identity)) return { problem: 'identity has missing or invalid fields' };
  if (identity.exp <= nowSeconds) return { problem: 'identity expired' };
  if (identity.iat > nowSeconds + CLOCK_SKEW_SECONDS) return { problem: 'identity issued in the future' };
  if (identity.exp - identity.iat > IDENTITY_TTL_SECONDS) return { problem: 'identity lives longer than allowed' };
  return { identity };
}
