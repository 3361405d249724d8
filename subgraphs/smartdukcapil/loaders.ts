import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { PluginServices } from '../../plugins/contract';
import { ApplicationEventRow, DukcapilServiceRow, ServicePointRow, SlotRow } from './entities';

export type SmartdukcapilLoaders = ReturnType<typeof createSmartdukcapilLoaders>;

/** Loads rows by a key column, one SQL statement per batch, null for a missing key. */
function byKey<TRow>(load: (keys: string[]) => Promise<TRow[]>, key: keyof TRow & string) {
  return new DataLoader<string, TRow | null>(async (keys) => {
    const rows = await load([...keys]);
    const byValue = new Map(rows.map((row) => [String(row[key]), row]));
    return keys.map((value) => byValue.get(value) ?? null);
  });
}

/** Creates the DataLoaders of one request. Each batch of keys costs one SQL statement. */
export function createSmartdukcapilLoaders({ db }: PluginServices) {
  const services = db.getRepository(DukcapilServiceRow);
  const servicePoints = db.getRepository(ServicePointRow);
  const slots = db.getRepository(SlotRow);
  const events = db.getRepository(ApplicationEventRow);

  return {
    serviceByCode: byKey<DukcapilServiceRow>((codes) => services.findBy({ code: In(codes) }), 'code'),
    servicePointById: byKey<ServicePointRow>((ids) => servicePoints.findBy({ id: In(ids) }), 'id'),
    slotById: byKey<SlotRow>((ids) => slots.findBy({ id: In(ids) }), 'id'),
    /** Service points of each kecamatan code, ordered by name and then id. */
    servicePointsByKecamatan: new DataLoader<string, ServicePointRow[]>(async (kecamatanCodes) => {
      const rows = await servicePoints.find({ where: { kecamatanCode: In([...kecamatanCodes]) }, order: { name: 'ASC', id: 'ASC' } });
      const byKecamatan = new Map<string, ServicePointRow[]>(kecamatanCodes.map((code) => [code, []]));
      for (const row of rows) byKecamatan.get(row.kecamatanCode!)?.push(row);
      return kecamatanCodes.map((code) => byKecamatan.get(code)!);
    }),
    /** State changes of each application id, oldest first. */
    eventsByApplication: new DataLoader<string, ApplicationEventRow[]>(async (applicationIds) => {
      const rows = await events.find({ where: { applicationId: In([...applicationIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
      const byApplication = new Map<string, ApplicationEventRow[]>(applicationIds.map((id) => [id, []]));
      for (const row of rows) byApplication.get(row.applicationId)?.push(row);
      return applicationIds.map((id) => byApplication.get(id)!);
    }),
  };
}
