import type { Language } from '../../plugins/language';
import { OpdKind } from './kinds';

/** One seeded OPD. Website, contact and address are not part of the seed. */
export interface OpdSeed {
  id: string;
  name: string;
  acronym: string;
  kind: OpdKind;
  /** Public-service areas the OPD handles, as short Indonesian phrases. */
  serviceAreas: string[];
}

/** Whether OPD_SEED lists every OPD of the city. */
export const OPD_DIRECTORY_IS_COMPLETE = false;

/** Approximate number of OPD in the city, for the directory note. */
export const ESTIMATED_CITY_OPD_COUNT = '32-33';

/**
 * Seeded OPD of Kota Serang.
 *
 * The list is partial. The city has about 32 to 33 OPD, but no public list of all of them was
 * found, so only these 14 are seeded. Administrators are to add the rest, but no mutation for
 * that exists yet. The ids are a contract: other subgraphs store them as OPD references, so an id is never renamed or reused.
 *
 * Website, contact and address are left out because no public source was checked for them.
 * They stay null until someone enters checked values.
 */
export const OPD_SEED: OpdSeed[] = [
  {
    id: 'diskominfo',
    name: 'Dinas Komunikasi dan Informatika',
    acronym: 'Diskominfo',
    kind: OpdKind.DINAS,
    serviceAreas: ['aplikasi RAGEM', 'command center CCTV', 'WiFi publik', 'informasi publik'],
  },
  {
    id: 'bapenda',
    name: 'Badan Pendapatan Daerah',
    acronym: 'Bapenda',
    kind: OpdKind.BADAN,
    serviceAreas: ['pajak bumi dan bangunan (PBB-P2)', 'pajak daerah'],
  },
  {
    id: 'dpupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    acronym: 'DPUPR',
    kind: OpdKind.DINAS,
    serviceAreas: ['jalan', 'drainase'],
  },
  {
    id: 'disperkim',
    name: 'Dinas Perumahan dan Kawasan Permukiman',
    acronym: 'Disperkim',
    kind: OpdKind.DINAS,
    serviceAreas: ['perumahan dan permukiman', 'drainase permukiman'],
  },
  {
    id: 'dishub',
    name: 'Dinas Perhubungan',
    acronym: 'Dishub',
    kind: OpdKind.DINAS,
    serviceAreas: ['penerangan jalan umum', 'parkir', 'lalu lintas'],
  },
  {
    id: 'dlh',
    name: 'Dinas Lingkungan Hidup',
    acronym: 'DLH',
    kind: OpdKind.DINAS,
    serviceAreas: ['sampah', 'lingkungan hidup'],
  },
  {
    id: 'dinsos',
    name: 'Dinas Sosial',
    acronym: 'Dinsos',
    kind: OpdKind.DINAS,
    serviceAreas: ['bantuan sosial'],
  },
  {
    id: 'dinkop-ukm-perindag',
    name: 'Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan',
    acronym: 'Dinkop UKM Perindag',
    kind: OpdKind.DINAS,
    serviceAreas: ['pasar', 'perdagangan', 'harga bahan pokok'],
  },
  {
    id: 'disdukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    acronym: 'Disdukcapil',
    kind: OpdKind.DINAS,
    serviceAreas: ['KTP-el', 'Kartu Keluarga', 'akta kelahiran', 'akta kematian'],
  },
  {
    id: 'disdikbud',
    name: 'Dinas Pendidikan dan Kebudayaan',
    acronym: 'Disdikbud',
    kind: OpdKind.DINAS,
    serviceAreas: ['pendidikan', 'kebudayaan'],
  },
  {
    id: 'dinkes',
    name: 'Dinas Kesehatan',
    acronym: 'Dinkes',
    kind: OpdKind.DINAS,
    serviceAreas: ['kesehatan'],
  },
  {
    id: 'bpbd',
    name: 'Badan Penanggulangan Bencana Daerah',
    acronym: 'BPBD',
    kind: OpdKind.BADAN,
    serviceAreas: ['penanggulangan bencana'],
  },
  {
    id: 'satpol-pp',
    name: 'Satuan Polisi Pamong Praja',
    acronym: 'Satpol PP',
    kind: OpdKind.SATUAN,
    serviceAreas: ['ketertiban umum', 'penegakan Perda'],
  },
  {
    id: 'bagian-hukum',
    name: 'Bagian Hukum Sekretariat Daerah',
    acronym: 'Bagian Hukum',
    kind: OpdKind.BAGIAN,
    serviceAreas: ['dokumen hukum (JDIH)'],
  },
];

/** Builds the coverage note of the directory, which stores `agencyCount` OPD, in `language`. */
export function directoryNote(agencyCount: number, language: Language): string {
  if (OPD_DIRECTORY_IS_COMPLETE) {
    return language === 'en'
      ? `This directory lists all ${agencyCount} OPD of Kota Serang.`
      : `Direktori ini memuat seluruh ${agencyCount} OPD Kota Serang.`;
  }
  return language === 'en'
    ? `This directory is incomplete: it lists ${agencyCount} OPD, while Kota Serang has about ${ESTIMATED_CITY_OPD_COUNT}. ` +
        'No public list of all OPD was found, so administrators will add the rest.'
    : `Direktori ini belum lengkap: baru memuat ${agencyCount} OPD, sedangkan Kota Serang memiliki sekitar ${ESTIMATED_CITY_OPD_COUNT} OPD. ` +
        'Daftar lengkap OPD belum ditemukan di sumber publik, sehingga sisanya akan ditambahkan oleh admin.';
}
