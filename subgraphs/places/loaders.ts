import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { PluginServices } from '../../plugins/contract';
import { WifiPointRow } from './entities';

export type PlacesLoaders = ReturnType<typeof createPlacesLoaders>;

/** Creates the DataLoaders of one request. Each batch of keys costs one SQL statement. */
export function createPlacesLoaders({ db }: PluginServices) {
  const wifiPoints = db.getRepository(WifiPointRow);

  return {
    wifiPointById: new DataLoader<string, WifiPointRow | null>(async (ids) => {
      const rows = await wifiPoints.findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** WiFi points of each kelurahan code, ordered by name and then id. */
    wifiPointsByKelurahan: new DataLoader<string, WifiPointRow[]>(async (kelurahanCodes) => {
      const rows = await wifiPoints.find({
        where: { kelurahanCode: In([...kelurahanCodes]) },
        order: { name: 'ASC', id: 'ASC' },
      });
      const byKelurahan = new Map<string, WifiPointRow[]>(kelurahanCodes.map((code) => [code, []]));
      for (const row of rows) byKelurahan.get(row.kelurahanCode!)?.push(row);
      return kelurahanCodes.map((code) => byKelurahan.get(code)!);
    }),
  };
}
