import type { PluginServices } from '../../plugins/contract';
import { DukcapilServiceRow, ServicePointRow } from './entities';

/**
 * The service catalogue. Requirements and processing days are indicative entries that help citizens
 * prepare. NOTE: they have not been checked against regulations or the published service standards
 * of Disdukcapil Kota Serang, and officers may ask for more documents.
 */
export const SERVICE_SEED: Omit<DukcapilServiceRow, 'sortOrder'>[] = [
  {
    code: 'ktp-el',
    name: 'KTP-el',
    requirements: JSON.stringify(['Kartu Keluarga', 'Pas foto atau foto langsung di tempat layanan', 'KTP-el lama bila mengganti yang rusak']),
    processingDays: 1,
  },
  {
    code: 'kartu-keluarga',
    name: 'Kartu Keluarga',
    requirements: JSON.stringify(['Kartu Keluarga lama', 'Buku nikah atau akta perkawinan bila ada perubahan status', 'Surat keterangan pindah bila ada anggota baru']),
    processingDays: 1,
  },
  {
    code: 'akta-kelahiran',
    name: 'Akta Kelahiran',
    requirements: JSON.stringify(['Surat keterangan lahir dari rumah sakit, puskesmas atau bidan', 'Kartu Keluarga', 'KTP-el orang tua', 'Buku nikah atau akta perkawinan orang tua']),
    processingDays: 1,
  },
  {
    code: 'akta-kematian',
    name: 'Akta Kematian',
    requirements: JSON.stringify(['Surat keterangan kematian dari rumah sakit, puskesmas atau kelurahan', 'Kartu Keluarga', 'KTP-el almarhum', 'KTP-el pelapor']),
    processingDays: 1,
  },
  {
    code: 'surat-pindah',
    name: 'Surat Pindah',
    requirements: JSON.stringify(['Kartu Keluarga', 'KTP-el', 'Alamat tujuan pindah']),
    processingDays: 1,
  },
  {
    code: 'pindah-datang',
    name: 'Pindah Datang',
    requirements: JSON.stringify(['Surat keterangan pindah dari daerah asal', 'KTP-el', 'Kartu Keluarga di alamat tujuan bila menumpang']),
    processingDays: 1,
  },
  {
    code: 'kia',
    name: 'KIA',
    requirements: JSON.stringify(['Akta Kelahiran anak', 'Kartu Keluarga', 'KTP-el orang tua', 'Pas foto anak bila berusia 5 tahun atau lebih']),
    processingDays: 1,
  },
];

/**
 * Offices where applications are served: the Disdukcapil office and one office per kecamatan of
 * Kota Serang. NOTE: no address is stored because none has been checked yet.
 */
export const SERVICE_POINT_SEED: ServicePointRow[] = [
  { id: 'disdukcapil-kota-serang', name: 'Kantor Disdukcapil Kota Serang', kecamatanCode: null },
  { id: 'kecamatan-serang', name: 'Kantor Kecamatan Serang', kecamatanCode: '36.73.01' },
  { id: 'kecamatan-kasemen', name: 'Kantor Kecamatan Kasemen', kecamatanCode: '36.73.02' },
  { id: 'kecamatan-walantaka', name: 'Kantor Kecamatan Walantaka', kecamatanCode: '36.73.03' },
  { id: 'kecamatan-curug', name: 'Kantor Kecamatan Curug', kecamatanCode: '36.73.04' },
  { id: 'kecamatan-cipocok-jaya', name: 'Kantor Kecamatan Cipocok Jaya', kecamatanCode: '36.73.05' },
  { id: 'kecamatan-taktakan', name: 'Kantor Kecamatan Taktakan', kecamatanCode: '36.73.06' },
];

/** Upserts the catalogue and the service points by their keys, so a rerun adds no copies. */
export async function seedSmartdukcapil({ db, logger }: PluginServices): Promise<void> {
  const services = SERVICE_SEED.map((service, index) => ({ ...service, sortOrder: index + 1 }));
  await db.getRepository(DukcapilServiceRow).upsert(services, ['code']);
  await db.getRepository(ServicePointRow).upsert(SERVICE_POINT_SEED, ['id']);
  logger.info({ services: services.length, servicePoints: SERVICE_POINT_SEED.length }, 'smartdukcapil seeded');
}
