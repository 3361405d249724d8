import { createPublicKey, KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import { PLATFORM_ROLES, PlatformRole } from '../plugins/identity';

/** Claims of a verified access token about its holder. */
export interface TokenClaims {
  sub: string;
  role: PlatformRole;
  opd: string | null;
  perms: string[];
  /** Expiry in seconds since the epoch. */
  exp: number;
}

export const ACCESS_TOKEN_ISSUER = 'ragem-accounts';
export const ACCESS_TOKEN_AUDIENCE = 'ragem';

/** Most verified tokens remembered; each entry is dropped at its token's expiry. */
const MAX_CACHED_TOKENS = 10000;
const MAX_TOKEN_LENGTH = 4096;

/**
 * Verifies access tokens (EdDSA JWTs signed by the accounts subgraph) with its public key.
 * Results are remembered until the token expires, so a client's repeated requests cost one
 * signature check.
 */
export class AccessTokenVerifier {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, TokenClaims>();

  constructor(publicKeyPem: string) {
    this.key = createPublicKey(publicKeyPem);
  }

  /** Return the token's claims, or the reason it is rejected. */
  async verify(token: string, nowSeconds: number): Promise<{ claims: TokenClaims } | { problem: string }> {
    const cached = this.verified.get(token);
    if (cached) {
      if (cached.exp > nowSeconds) return { claims: cached };
      this.verified.delete(token);
      return { problem: 'access token expired' };
    }
    if (token.length > MAX_TOKEN_LENGTH) return { problem: 'access token too long' };

    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        algorithms: ['EdDSA'],
        currentDate: new Date(nowSeconds * 1000),
      });
      const claims = toClaims(payload);
      if (!claims) return { problem: 'access token claims are missing or invalid' };
      if (this.verified.size >= MAX_CACHED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, claims);
      return { claims };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { problem: 'access token expired' };
      return { problem: `access token rejected (${(error as { code?: string }).code ?? 'invalid'})` };
    }
  }
}

function toClaims(payload: Record<string, unknown>): TokenClaims | undefined {
  const { sub, role, opd, perms, exp } = payload;
  if (typeof sub !== 'string' || !sub || typeof exp !== 'number') return undefined;
  if (!PLATFORM_ROLES.includes(role as PlatformRole) || role === 'ANONYMOUS') return undefined;
  if (opd !== null && opd !== undefined && typeof opd !== 'string') return undefined;
  if (!Array.isArray(perms) || !perms.every((permission) => typeof permission === 'string')) return undefined;
  return { sub, role: role as PlatformRole, opd: (opd as string | undefined) ?? null, perms: perms as string[], exp };
}

/** Return the bearer token of an Authorization header: undefined without the header, an empty string when it is not a bearer token. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}
