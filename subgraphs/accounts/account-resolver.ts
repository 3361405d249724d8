import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import type { AccountsLoaders } from './loaders';
import { Account, Opd } from './types';

type Context = RequestContext<AccountsLoaders>;

/** Check whether the caller may read the account's personal fields: the account itself or an admin. */
function canSeePersonal(account: Account, { auth, identity }: Context): boolean {
  return account.revealPersonal || auth.isAdmin || (auth.isSignedIn && identity.sub === account.id);
}

@Resolver(() => Account)
export class AccountResolver {
  @FieldResolver(() => String, { nullable: true })
  displayName(@Root() account: Account, @Ctx() context: Context): string | null {
    return canSeePersonal(account, context) ? account.personal.displayName : null;
  }

  @FieldResolver(() => String, { nullable: true })
  email(@Root() account: Account, @Ctx() context: Context): string | null {
    return canSeePersonal(account, context) ? account.personal.email : null;
  }

  @FieldResolver(() => String, { nullable: true })
  phone(@Root() account: Account, @Ctx() context: Context): string | null {
    return canSeePersonal(account, context) ? account.personal.phone : null;
  }

  @FieldResolver(() => Opd, { nullable: true, description: 'The OPD an officer works for; null for other roles.' })
  opd(@Root() account: Account): Opd | null {
    return account.opdId ? { id: account.opdId } : null;
  }

  @FieldResolver(() => [String], { description: 'Permissions granted by an admin, such as rabeg:coordinate, sorted.' })
  permissions(@Root() account: Account, @Ctx() { loaders }: Context): Promise<string[]> {
    return loaders.permissionsByAccount.load(account.id);
  }
}
