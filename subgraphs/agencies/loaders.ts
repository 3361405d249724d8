import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { PluginServices } from '../../plugins/contract';
import { OpdRow } from './entities';

export type AgenciesLoaders = ReturnType<typeof createAgenciesLoaders>;

/** Creates the DataLoaders of one request. Each batch of ids costs one SQL statement. */
export function createAgenciesLoaders({ db }: PluginServices) {
  const opd = db.getRepository(OpdRow);

  return {
    opdById: new DataLoader<string, OpdRow | null>(async (ids) => {
      const rows = await opd.findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
