import type { PluginServices } from '../../plugins/contract';
import { OpdRow } from './entities';
import { OPD_SEED } from './opd-data';

/**
 * Insert the seeded OPD, or update the name, acronym, kind and service areas of those already
 * stored. Safe to rerun. Website, contact and address are not in the upsert, so values entered
 * later survive a restart.
 */
export async function seedAgencies({ db, logger }: PluginServices): Promise<void> {
  const rows = OPD_SEED.map(({ id, name, acronym, kind, serviceAreas }) => ({ id, name, acronym, kind, serviceAreas }));
  await db.getRepository(OpdRow).upsert(rows, ['id']);
  logger.info({ opd: rows.length }, 'agencies seeded');
}
