import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'kecamatan' })
export class KecamatanRow {
  /** Kemendagri code, such as 36.73.01. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Kemendagri code of the city, 36.73. */
  @Column({ name: 'city_code', type: 'varchar', length: 5 })
  cityCode: string;
}

@Entity({ name: 'kelurahan' })
@Index('idx_kelurahan_kecamatan_code', ['kecamatanCode'])
@Index('idx_kelurahan_search_key', ['searchKey'])
export class KelurahanRow {
  /** Kemendagri code, such as 36.73.01.1011. */
  @PrimaryColumn({ type: 'varchar', length: 13 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'kecamatan_code', type: 'varchar', length: 8 })
  kecamatanCode: string;

  /** The name in lower case without spaces or punctuation, for kelurahanSearch. */
  @Column({ name: 'search_key', type: 'varchar', length: 100 })
  searchKey: string;
}
