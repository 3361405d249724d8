import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A free public WiFi point.
 *
 * The CHECK constraints reject out-of-range coordinates and a point with only one of them on every
 * write path, including direct repository and SQL writes. The host compares only constraint names
 * with the tables, so keep these expressions equal to the migration's by hand.
 */
@Entity({ name: 'wifi_point' })
@Index('idx_wifi_point_kelurahan_code', ['kelurahanCode'])
@Check('chk_wifi_point_latitude', '"latitude" BETWEEN -90 AND 90')
@Check('chk_wifi_point_longitude', '"longitude" BETWEEN -180 AND 180')
@Check('chk_wifi_point_coordinates', '("latitude" IS NULL) = ("longitude" IS NULL)')
export class WifiPointRow {
  /** Slug such as `gedung-juang-45`. Other subgraphs may store it, so it must not change. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  address: string | null;

  /** WGS 84 degrees, -90 to 90. */
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  /** WGS 84 degrees, -180 to 180. */
  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  /** Kemendagri code of the kelurahan in the regions subgraph, such as 36.73.01.1011, or null when unknown. */
  @Column({ name: 'kelurahan_code', type: 'varchar', length: 13, nullable: true })
  kelurahanCode: string | null;

  /** Source of the facts about this point, such as a study or a survey. */
  @Column({ type: 'varchar', length: 255 })
  source: string;
}
