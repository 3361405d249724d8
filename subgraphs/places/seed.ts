import type { PluginServices } from '../../plugins/contract';
import { WifiPointRow } from './entities';

/** Source of the seeded points. The study names them but gives no address, coordinates or kelurahan. */
export const RAGEM_STUDY_SOURCE = 'Kajian aplikasi RAGEM Kota Serang (hanya menyebut nama lokasi, tanpa alamat dan koordinat)';

/**
 * Free WiFi points named in the RAGEM study of Kota Serang. Address, coordinates and kelurahan stay
 * null because no source checked so far gives them.
 */
export const WIFI_POINT_SEED: { id: string; name: string }[] = [
  { id: 'gedung-juang-45', name: 'Gedung Juang 45' },
  { id: 'alun-alun-walantaka', name: 'Alun-Alun Walantaka' },
  { id: 'alun-alun-taktakan', name: 'Alun-Alun Taktakan' },
  { id: 'taman-baca-pekijing', name: 'Taman Baca Pekijing' },
  { id: 'taman-deduluran', name: 'Taman Deduluran' },
];

/**
 * Insert the seeded WiFi points, or update the name and source of those already stored. Safe to
 * rerun. Address, coordinates and kelurahan are not in the upsert, so values entered later survive
 * a restart.
 */
export async function seedPlaces({ db, logger }: PluginServices): Promise<void> {
  const rows = WIFI_POINT_SEED.map(({ id, name }) => ({ id, name, source: RAGEM_STUDY_SOURCE }));
  await db.getRepository(WifiPointRow).upsert(rows, ['id']);
  logger.info({ wifiPoints: rows.length }, 'places seeded');
}
