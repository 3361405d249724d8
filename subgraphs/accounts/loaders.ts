import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { PluginServices } from '../../plugins/contract';
import { AccountRow, PermissionGrantRow } from './entities';

export type AccountsLoaders = ReturnType<typeof createAccountsLoaders>;

/** Per-request loaders: every list of account ids costs one SQL statement, whatever its length. */
export function createAccountsLoaders({ db }: PluginServices) {
  const accounts = db.getRepository(AccountRow);
  const grants = db.getRepository(PermissionGrantRow);

  return {
    accountById: new DataLoader<string, AccountRow | null>(async (ids) => {
      const rows = await accounts.findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    permissionsByAccount: new DataLoader<string, string[]>(async (accountIds) => {
      const rows = await grants.find({ where: { accountId: In([...accountIds]) }, order: { permission: 'ASC' } });
      return accountIds.map((id) => rows.filter((row) => row.accountId === id).map((row) => row.permission));
    }),
  };
}
