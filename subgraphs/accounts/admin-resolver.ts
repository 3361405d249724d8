import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Brackets } from 'typeorm';
import type { RequestContext } from '../../plugins/contract';
import { inputError } from '../../plugins/errors';
import { AccountRow, PermissionGrantRow } from './entities';
import type { AccountsLoaders } from './loaders';
import { toAccount } from './store';
import { Account, AccountPage, AccountRole } from './types';
import { checkOpdId, checkPermission } from './validation';

type Context = RequestContext<AccountsLoaders>;

const MAX_PAGE_SIZE = 100;

/** Cursor of an account in the list order: base64url of `<createdAt>|<id>`. */
function cursorOf(row: AccountRow): string {
  return Buffer.from(`${row.createdAt}|${row.id}`, 'utf8').toString('base64url');
}

function parseCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !createdAt || !id || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(createdAt)) throw inputError('INVALID_CURSOR', 'after');
  return { createdAt, id };
}

/** Load an account for an admin change; throws ACCOUNT_NOT_FOUND. */
async function findAccount({ db }: Context, accountId: string): Promise<AccountRow> {
  const row = await db.getRepository(AccountRow).findOneBy({ id: accountId });
  if (!row) throw inputError('ACCOUNT_NOT_FOUND', 'accountId');
  return row;
}

@Resolver()
export class AdminResolver {
  @Query(() => AccountPage, { description: 'Every account, oldest first, a page at a time. Admins only.' })
  async accounts(
    @Arg('first', () => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() context: Context,
  ): Promise<AccountPage> {
    context.auth.requireRole('ADMIN');
    if (first < 1 || first > MAX_PAGE_SIZE) throw inputError('INVALID_PAGE_SIZE', 'first', { min: 1, max: MAX_PAGE_SIZE });

    const repository = context.db.getRepository(AccountRow);
    const query = repository.createQueryBuilder('account').orderBy('account.created_at', 'ASC').addOrderBy('account.id', 'ASC').take(first + 1);
    if (after) {
      const cursor = parseCursor(after);
      query.where(
        new Brackets((where) =>
          where
            .where('account.created_at > :createdAt', cursor)
            .orWhere('account.created_at = :createdAt AND account.id > :id', cursor),
        ),
      );
    }
    const [rows, totalCount] = await Promise.all([query.getMany(), repository.count()]);
    const page = rows.slice(0, first);
    return {
      nodes: page.map((row) => toAccount(row)),
      endCursor: page.length > 0 ? cursorOf(page[page.length - 1]) : null,
      hasNextPage: rows.length > first,
      totalCount,
    };
  }

  @Mutation(() => Account, {
    description: 'Grant a permission such as rabeg:coordinate to an account; granting one it already has changes nothing. Admins only. Access tokens carry it from the next login or refresh.',
  })
  async grantPermission(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('permission') permission: string,
    @Ctx() context: Context,
  ): Promise<Account> {
    context.auth.requireRole('ADMIN');
    checkPermission(permission, 'permission');
    const row = await findAccount(context, accountId);
    await context.db
      .createQueryBuilder()
      .insert()
      .into(PermissionGrantRow)
      .values({ accountId, permission, grantedBy: context.identity.sub, grantedAt: context.clock.now().toISOString() })
      .orIgnore()
      .execute();
    context.logger.info({ requestId: context.requestId, accountId, permission, grantedBy: context.identity.sub }, 'permission granted');
    return toAccount(row);
  }

  @Mutation(() => Account, {
    description: 'Revoke a permission from an account; revoking one it lacks changes nothing. Admins only. Access tokens issued before keep it until they expire.',
  })
  async revokePermission(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('permission') permission: string,
    @Ctx() context: Context,
  ): Promise<Account> {
    context.auth.requireRole('ADMIN');
    checkPermission(permission, 'permission');
    const row = await findAccount(context, accountId);
    await context.db.getRepository(PermissionGrantRow).delete({ accountId, permission });
    context.logger.info({ requestId: context.requestId, accountId, permission, revokedBy: context.identity.sub }, 'permission revoked');
    return toAccount(row);
  }

  @Mutation(() => Account, {
    description:
      'Set the role of an account. OFFICER needs opdId, the agencies id of the OPD such as dishub; other roles drop it. Admins only. ' +
      'Access tokens carry the new role from the next login or refresh.',
  })
  async setAccountRole(
    @Arg('accountId', () => ID) accountId: string,
    @Arg('role', () => AccountRole) role: AccountRole,
    @Arg('opdId', () => ID, { nullable: true }) opdId: string | null,
    @Ctx() context: Context,
  ): Promise<Account> {
    context.auth.requireRole('ADMIN');
    if (role === AccountRole.OFFICER) {
      if (!opdId) throw inputError('OPD_REQUIRED', 'opdId');
      // NOTE: only the format is checked, because the OPD directory lives in the agencies subgraph.
      checkOpdId(opdId, 'opdId');
    }
    const row = await findAccount(context, accountId);
    const opdIdToSet = role === AccountRole.OFFICER ? opdId : null;
    const updatedAt = context.clock.now().toISOString();
    const accounts = context.db.getRepository(AccountRow);
    if (row.role === AccountRole.ADMIN && role !== AccountRole.ADMIN) {
      // One conditional statement, so two admins demoting each other at once cannot both succeed.
      const changed = await accounts
        .createQueryBuilder()
        .update(AccountRow)
        .set({ role, opdId: opdIdToSet, updatedAt })
        .where('id = :id', { id: accountId })
        .andWhere(`(SELECT COUNT(*) FROM account WHERE role = 'ADMIN') > 1`)
        .execute();
      if (changed.affected !== 1) throw inputError('LAST_ADMIN', 'role');
    } else {
      await accounts.update({ id: accountId }, { role, opdId: opdIdToSet, updatedAt });
    }
    row.role = role;
    row.opdId = opdIdToSet;
    row.updatedAt = updatedAt;
    context.logger.info({ requestId: context.requestId, accountId, role, opdId: row.opdId, changedBy: context.identity.sub }, 'account role set');
    return toAccount(row);
  }
}
