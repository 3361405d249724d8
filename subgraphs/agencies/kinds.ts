import { registerEnumType } from 'type-graphql';

/** Kind of OPD, from the first word of its official name. */
export enum OpdKind {
  DINAS = 'DINAS',
  BADAN = 'BADAN',
  BAGIAN = 'BAGIAN',
  SATUAN = 'SATUAN',
  KECAMATAN = 'KECAMATAN',
  KELURAHAN = 'KELURAHAN',
}

registerEnumType(OpdKind, {
  name: 'OpdKind',
  description: 'Kind of OPD, from the first word of its official name.',
  valuesConfig: {
    DINAS: { description: 'A Dinas, such as Dinas Perhubungan.' },
    BADAN: { description: 'A Badan, such as Badan Pendapatan Daerah.' },
    BAGIAN: { description: 'A Bagian of the Sekretariat Daerah, such as Bagian Hukum.' },
    SATUAN: { description: 'A Satuan, such as Satuan Polisi Pamong Praja.' },
    KECAMATAN: { description: 'A Kecamatan office.' },
    KELURAHAN: { description: 'A Kelurahan office.' },
  },
});
