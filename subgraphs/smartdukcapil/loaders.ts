import { In } from 'typeorm';
import type { PluginServices } from '../../plugins/contract';
import { loaderByKey, loaderOfGroups } from '../../plugins/dataloaders';
import { ApplicationEventRow, DukcapilServiceRow, ServicePointRow, SlotRow } from './entities';

export type SmartdukcapilLoaders = ReturnType<typeof createSmartdukcapilLoaders>;

/** Creates the DataLoaders of one request. Each batch of keys costs one SQL statement. */
export function createSmartdukcapilLoaders({ db }: PluginServices) {
  const services = db.getRepository(DukcapilServiceRow);
  const servicePoints = db.getRepository(ServicePointRow);
  const slots = db.getRepository(SlotRow);
  const events = db.getRepository(ApplicationEventRow);

  return {
    serviceByCode: loaderByKey<DukcapilServiceRow>((codes) => services.findBy({ code: In(codes) }), 'code'),
    servicePointById: loaderByKey<ServicePointRow>((ids) => servicePoints.findBy({ id: In(ids) }), 'id'),
    slotById: loaderByKey<SlotRow>((ids) => slots.findBy({ id: In(ids) }), 'id'),
    /** Service points of each kecamatan code, ordered by name and then id. */
    servicePointsByKecamatan: loaderOfGroups<ServicePointRow>(
      (kecamatanCodes) => servicePoints.find({ where: { kecamatanCode: In(kecamatanCodes) }, order: { name: 'ASC', id: 'ASC' } }),
      'kecamatanCode',
    ),
    /** State changes of each application id, oldest first. */
    eventsByApplication: loaderOfGroups<ApplicationEventRow>(
      (applicationIds) => events.find({ where: { applicationId: In(applicationIds) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      'applicationId',
    ),
  };
}
