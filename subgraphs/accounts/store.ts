import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { inputError } from '../../plugins/errors';
import { AccountRow, PermissionGrantRow, RefreshTokenRow } from './entities';
import { hashPassword } from './passwords';
import { hashRefreshToken, newRefreshToken, REFRESH_TOKEN_TTL_SECONDS, signAccessToken } from './tokens';
import { Account, AccountRole, AuthPayload } from './types';
import type { ValidatedAccount } from './validation';

/** Turn a row into the GraphQL Account; `revealPersonal` shows personal fields to any caller. */
export function toAccount(row: AccountRow, revealPersonal = false): Account {
  return {
    id: row.id,
    displayName: null,
    email: null,
    phone: null,
    role: row.role as AccountRole,
    createdAt: new Date(row.createdAt),
    opdId: row.opdId,
    personal: { displayName: row.displayName, email: row.email, phone: row.phone },
    revealPersonal,
  };
}

/** Check whether an error is a unique-constraint violation, on PostgreSQL (23505) or SQLite. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Throw EMAIL_TAKEN or PHONE_TAKEN when another account already uses the email or phone. */
async function checkContactsFree(manager: EntityManager, account: { email: string | null; phone: string | null }, fieldPrefix: string): Promise<void> {
  const accounts = manager.getRepository(AccountRow);
  if (account.email !== null && (await accounts.existsBy({ email: account.email }))) {
    throw inputError('EMAIL_TAKEN', `${fieldPrefix}email`);
  }
  if (account.phone !== null && (await accounts.existsBy({ phone: account.phone }))) {
    throw inputError('PHONE_TAKEN', `${fieldPrefix}phone`);
  }
}

/**
 * Insert a validated account. Throws EMAIL_TAKEN or PHONE_TAKEN when the email or phone is in
 * use, including when a concurrent registration inserts it between the check and the insert.
 */
export async function createAccount(
  db: DataSource,
  account: ValidatedAccount,
  options: { role: AccountRole; opdId: string | null; now: Date; fieldPrefix?: string },
): Promise<AccountRow> {
  const fieldPrefix = options.fieldPrefix ?? '';
  await checkContactsFree(db.manager, account, fieldPrefix);

  const timestamp = options.now.toISOString();
  const row: AccountRow = {
    id: randomUUID(),
    displayName: account.displayName,
    email: account.email,
    phone: account.phone,
    passwordHash: await hashPassword(account.password),
    role: options.role,
    opdId: options.role === AccountRole.OFFICER ? options.opdId : null,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
  try {
    await db.getRepository(AccountRow).insert(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another request inserted the same email or phone after the check above.
    await checkContactsFree(db.manager, account, fieldPrefix);
    throw inputError(account.phone !== null ? 'PHONE_TAKEN' : 'EMAIL_TAKEN', `${fieldPrefix}${account.phone !== null ? 'phone' : 'email'}`);
  }
  return row;
}

/** Return the account's permissions, sorted. */
export async function permissionsOf(manager: EntityManager, accountId: string): Promise<string[]> {
  const rows = await manager.getRepository(PermissionGrantRow).find({ where: { accountId }, order: { permission: 'ASC' } });
  return rows.map((row) => row.permission);
}

/**
 * Start a session: sign an access token with the account's current role, OPD and permissions,
 * and store the hash of a new refresh token.
 */
export async function issueSession(manager: EntityManager, account: AccountRow, now: Date): Promise<AuthPayload> {
  const perms = await permissionsOf(manager, account.id);
  const access = await signAccessToken({ sub: account.id, role: account.role, opd: account.opdId, perms }, now);

  const refreshToken = newRefreshToken();
  const refreshTokenExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
  await manager.getRepository(RefreshTokenRow).insert({
    id: randomUUID(),
    accountId: account.id,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: refreshTokenExpiresAt.toISOString(),
    revokedAt: null,
    createdAt: now.toISOString(),
  });

  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    refreshTokenExpiresAt,
    account: toAccount(account, true),
  };
}
