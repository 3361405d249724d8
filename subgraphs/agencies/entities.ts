import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { OpdKind } from './kinds';

@Entity({ name: 'opd' })
@Index('idx_opd_kind', ['kind'])
export class OpdRow {
  /** Slug such as `dishub`. Other subgraphs store it, so it must not change. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  acronym: string;

  /** Stored as the enum's name in a plain varchar, which SQLite and PostgreSQL both accept. */
  @Column({ type: 'varchar', length: 16 })
  kind: OpdKind;

  @Column({ type: 'varchar', length: 255, nullable: true })
  website: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contact: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  address: string | null;

  /** JSON array of short Indonesian phrases, kept in a text column on both databases. */
  @Column({ name: 'service_areas', type: 'simple-json' })
  serviceAreas: string[];
}
