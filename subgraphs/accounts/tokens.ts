import { createHash, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { getSigningKey } from './signing-key';

export const ACCESS_TOKEN_ISSUER = 'ragem-accounts';
export const ACCESS_TOKEN_AUDIENCE = 'ragem';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;
const REFRESH_TOKEN_BYTES = 32;

/** Claims of an access token besides iss, aud, iat and exp. */
export interface AccessTokenClaims {
  sub: string;
  role: string;
  opd: string | null;
  perms: string[];
}

/** Sign an EdDSA (Ed25519) access token valid for ACCESS_TOKEN_TTL_SECONDS from `now`. */
export async function signAccessToken(claims: AccessTokenClaims, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAtSeconds = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ role: claims.role, opd: claims.opd, perms: claims.perms })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAtSeconds)
    .sign(await getSigningKey());
  return { token, expiresAt: new Date(expiresAtSeconds * 1000) };
}

/** Create a refresh token: 32 random bytes in base64url. Only its hash is stored. */
export function newRefreshToken(): string {
  return randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
}

/** SHA-256 of a refresh token in lowercase hex, as stored in refresh_token.token_hash. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
