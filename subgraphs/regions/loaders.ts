import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { PluginServices } from '../../plugins/contract';
import { KecamatanRow, KelurahanRow } from './entities';

export type RegionsLoaders = ReturnType<typeof createRegionsLoaders>;

/** Per-request loaders: every list of codes costs one SQL statement, whatever its length. */
export function createRegionsLoaders({ db }: PluginServices) {
  const kecamatan = db.getRepository(KecamatanRow);
  const kelurahan = db.getRepository(KelurahanRow);

  return {
    kecamatanByCode: new DataLoader<string, KecamatanRow | null>(async (codes) => {
      const rows = await kecamatan.findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    kelurahanByCode: new DataLoader<string, KelurahanRow | null>(async (codes) => {
      const rows = await kelurahan.findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    kelurahanByKecamatan: new DataLoader<string, KelurahanRow[]>(async (kecamatanCodes) => {
      const rows = await kelurahan.find({ where: { kecamatanCode: In([...kecamatanCodes]) }, order: { code: 'ASC' } });
      return kecamatanCodes.map((code) => rows.filter((row) => row.kecamatanCode === code));
    }),
  };
}
