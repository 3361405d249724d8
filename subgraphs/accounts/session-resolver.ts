import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { inputError, RagemError } from '../../plugins/errors';
import { AccountRow, RefreshTokenRow } from './entities';
import type { AccountsLoaders } from './loaders';
import { LoginRateLimit } from './login-rate-limit';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { createAccount, issueSession, toAccount } from './store';
import { hashRefreshToken } from './tokens';
import { Account, AccountRole, AuthPayload, RegisterInput } from './types';
import { MAX_PASSWORD_LENGTH, parseEmail, parsePhone, validateNewAccount } from './validation';

type Context = RequestContext<AccountsLoaders>;

/** Maximum length of a refresh token that is looked up; issued ones are 43 characters. */
const MAX_REFRESH_TOKEN_LENGTH = 256;

/** Normalize a login identifier: an email address if it contains "@", else a phone number. */
function normalizeIdentifier(identifier: string): { email: string } | { phone: string } | null {
  if (identifier.includes('@')) {
    const email = parseEmail(identifier);
    return email === null ? null : { email };
  }
  const phone = parsePhone(identifier);
  return phone === null ? null : { phone };
}

/** Find the refresh token row of a token; throws INVALID_REFRESH_TOKEN or REFRESH_TOKEN_REVOKED. */
async function findUsableRefreshToken(context: Context, token: string): Promise<RefreshTokenRow> {
  if (token.length === 0 || token.length > MAX_REFRESH_TOKEN_LENGTH) throw inputError('INVALID_REFRESH_TOKEN', 'refreshToken');
  const row = await context.db.getRepository(RefreshTokenRow).findOneBy({ tokenHash: hashRefreshToken(token) });
  if (!row) throw inputError('INVALID_REFRESH_TOKEN', 'refreshToken');
  if (row.revokedAt !== null) throw inputError('REFRESH_TOKEN_REVOKED', 'refreshToken');
  if (row.expiresAt <= context.clock.now().toISOString()) throw inputError('INVALID_REFRESH_TOKEN', 'refreshToken');
  return row;
}

@Resolver()
export class SessionResolver {
  @Query(() => Account, { nullable: true, description: 'The signed-in account, or null for an anonymous caller.' })
  async me(@Ctx() { identity, auth, loaders }: Context): Promise<Account | null> {
    if (!auth.isSignedIn) return null;
    const row = await loaders.accountById.load(identity.sub!);
    return row && toAccount(row);
  }

  @Mutation(() => Account, { description: 'Create a citizen account. It can sign in with login right away.' })
  async register(@Arg('input') input: RegisterInput, @Ctx() { db, clock, logger, requestId }: Context): Promise<Account> {
    const account = validateNewAccount(input, 'input.');
    const row = await createAccount(db, account, { role: AccountRole.CITIZEN, opdId: null, now: clock.now(), fieldPrefix: 'input.' });
    logger.info({ requestId, accountId: row.id }, 'account registered');
    return toAccount(row, true);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Sign in with an email address or a phone number (in any accepted format) and the password. ' +
      'After 5 failed attempts for one identifier, or 20 from one address, within 60 seconds, attempts are rejected until the window ends.',
  })
  async login(
    @Arg('identifier') identifier: string,
    @Arg('password') password: string,
    @Ctx() { db, cache, clock, identity, logger, requestId }: Context,
  ): Promise<AuthPayload> {
    const contact = normalizeIdentifier(identifier);
    const row = contact ? await db.getRepository(AccountRow).findOneBy(contact) : null;
    const subject = row ? { accountId: row.id } : { identifier: identifier.trim().toLowerCase() };
    const rateLimit = new LoginRateLimit(cache, subject, identity.addr);
    await rateLimit.begin().catch((error: unknown) => {
      logger.warn({ requestId }, 'login rejected: too many attempts');
      throw error;
    });

    // An over-long password cannot be a stored one, and hashing it would only cost time.
    const plausible = password.length <= MAX_PASSWORD_LENGTH * 4;
    const valid = row && plausible ? await verifyPassword(password, row.passwordHash) : await verifyAgainstDummy(plausible ? password : '');
    if (!row || !valid) {
      await rateLimit.recordFailure();
      logger.info({ requestId, accountId: row?.id ?? null }, 'login failed');
      throw new RagemError('INVALID_CREDENTIALS');
    }

    await rateLimit.recordSuccess();
    const session = await issueSession(db.manager, row, clock.now());
    logger.info({ requestId, accountId: row.id }, 'login succeeded');
    return session;
  }

  @Mutation(() => AuthPayload, {
    description:
      'Exchange a refresh token for a new access token and a new refresh token. The given token is revoked, so each refresh token works once.',
  })
  async refreshToken(@Arg('refreshToken') token: string, @Ctx() context: Context): Promise<AuthPayload> {
    const { db, clock, logger, requestId } = context;
    const current = await findUsableRefreshToken(context, token);
    const now = clock.now();

    const session = await db.transaction(async (manager) => {
      // Only one of two concurrent refreshes with the same token can revoke it.
      const revoked = await manager
        .createQueryBuilder()
        .update(RefreshTokenRow)
        .set({ revokedAt: now.toISOString() })
        .where('id = :id AND revoked_at IS NULL', { id: current.id })
        .execute();
      if (revoked.affected !== 1) throw inputError('REFRESH_TOKEN_REVOKED', 'refreshToken');

      const account = await manager.getRepository(AccountRow).findOneBy({ id: current.accountId });
      if (!account) throw inputError('INVALID_REFRESH_TOKEN', 'refreshToken');
      return issueSession(manager, account, now);
    });
    logger.info({ requestId, accountId: current.accountId }, 'session refreshed');
    return session;
  }

  @Mutation(() => Boolean, {
    description: 'Revoke a refresh token. Returns true when this call revoked it, false when it was already revoked.',
  })
  async logout(@Arg('refreshToken') token: string, @Ctx() context: Context): Promise<boolean> {
    const { db, clock, logger, requestId } = context;
    let current: RefreshTokenRow;
    try {
      current = await findUsableRefreshToken(context, token);
    } catch (error) {
      if (error instanceof RagemError && error.code === 'REFRESH_TOKEN_REVOKED') return false;
      throw error;
    }
    const revoked = await db
      .createQueryBuilder()
      .update(RefreshTokenRow)
      .set({ revokedAt: clock.now().toISOString() })
      .where('id = :id AND revoked_at IS NULL', { id: current.id })
      .execute();
    logger.info({ requestId, accountId: current.accountId }, 'logged out');
    return revoked.affected === 1;
  }
}
