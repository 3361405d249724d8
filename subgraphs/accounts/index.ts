import { CONTRACT_VERSION, definePlugin } from '../../plugins/contract';
import { AccountResolver } from './account-resolver';
import { AdminResolver } from './admin-resolver';
import { AccountRow, PermissionGrantRow, RefreshTokenRow } from './entities';
import { ACCOUNTS_ERRORS } from './errors';
import { AccountsLoaders, createAccountsLoaders } from './loaders';
import { CreateAccounts1765670400000 } from './migrations/1765670400000-create-accounts';
import { seedAccounts } from './seed';
import { SessionResolver } from './session-resolver';
import { toAccount } from './store';
import { Opd } from './types';
import { PermissionCatalogueResolver } from './permission-catalogue';

export default definePlugin({
  name: 'accounts',
  contractVersion: CONTRACT_VERSION,
  owner: 'diskominfo',
  description: 'Accounts of citizens, officers and admins: registration, sign-in with EdDSA access tokens and refresh tokens, roles and permissions.',
  schema: {
    resolvers: [SessionResolver, AdminResolver, AccountResolver, PermissionCatalogueResolver],
    orphanedTypes: [Opd],
    references: {
      Account: async (reference, { loaders }) => {
        const row = await (loaders as AccountsLoaders).accountById.load(String(reference.id));
        return row && toAccount(row);
      },
      // The agencies subgraph owns Opd, so this returns only the key.
      Opd: (reference): Opd => ({ id: String(reference.id) }),
    },
  },
  database: {
    entities: [AccountRow, RefreshTokenRow, PermissionGrantRow],
    migrations: [CreateAccounts1765670400000],
    seed: seedAccounts,
  },
  errors: ACCOUNTS_ERRORS,
  createLoaders: createAccountsLoaders,
});
