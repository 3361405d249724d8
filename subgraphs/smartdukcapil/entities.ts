import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/*
 * Times are ISO 8601 strings in UTC (Date.toISOString(), always 24 characters) and dates are
 * YYYY-MM-DD, so they sort as text on SQLite and PostgreSQL alike. Lists are JSON text for the
 * same reason. The host compares only constraint names with the tables, so keep the CHECK
 * expressions equal to the migration's by hand.
 */

/** A civil registry service of the catalogue, such as KTP-el. */
@Entity({ name: 'dukcapil_service' })
export class DukcapilServiceRow {
  /** Slug such as `ktp-el`. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** JSON array of strings. */
  @Column({ type: 'text' })
  requirements: string;

  /** Indicative processing time in working days. */
  @Column({ name: 'processing_days', type: 'integer' })
  processingDays: number;

  /** Position in the catalogue, ascending. */
  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder: number;
}

/** An office where citizens are served. */
@Entity({ name: 'dukcapil_service_point' })
@Index('idx_dukcapil_service_point_kecamatan_code', ['kecamatanCode'])
export class ServicePointRow {
  /** Slug such as `kecamatan-kasemen`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  /** Kemendagri code of the kecamatan in the regions subgraph, such as 36.73.02, or null for a city-wide office. */
  @Column({ name: 'kecamatan_code', type: 'varchar', length: 8, nullable: true })
  kecamatanCode: string | null;
}

/** A time at a service point with a fixed number of bookings. */
@Entity({ name: 'dukcapil_slot' })
@Index('idx_dukcapil_slot_service_point_id', ['servicePointId'])
@Check('chk_dukcapil_slot_booked', '"booked" >= 0 AND "booked" <= "capacity"')
export class SlotRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'service_point_id', type: 'varchar', length: 64 })
  servicePointId: string;

  @Column({ name: 'starts_at', type: 'varchar', length: 24 })
  startsAt: string;

  @Column({ type: 'integer' })
  capacity: number;

  /** Bookings taken so far; raised only by a conditional UPDATE that keeps it within capacity. */
  @Column({ type: 'integer' })
  booked: number;

  /** Account id of the officer who opened the slot. */
  @Column({ name: 'opened_by', type: 'varchar', length: 64 })
  openedBy: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}

/** A citizen's application for a service. The nik, kk_number, birth_date and document_urls columns are personal data. */
@Entity({ name: 'dukcapil_application' })
@Index('uq_dukcapil_application_tracking_number', ['trackingNumber'], { unique: true })
@Index('idx_dukcapil_application_applicant_id', ['applicantId'])
@Index('idx_dukcapil_application_state', ['state', 'submittedAt'])
export class ApplicationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Such as DKC-20300115-7KQ2MX. */
  @Column({ name: 'tracking_number', type: 'varchar', length: 24 })
  trackingNumber: string;

  @Column({ name: 'service_code', type: 'varchar', length: 40 })
  serviceCode: string;

  /** Account id (identity.sub) of the citizen who submitted it. */
  @Column({ name: 'applicant_id', type: 'varchar', length: 64 })
  applicantId: string;

  @Column({ type: 'varchar', length: 16 })
  nik: string;

  @Column({ name: 'kk_number', type: 'varchar', length: 16 })
  kkNumber: string;

  @Column({ name: 'birth_date', type: 'varchar', length: 10 })
  birthDate: string;

  /** MALE or FEMALE. */
  @Column({ type: 'varchar', length: 6 })
  sex: string;

  /** JSON array of https URLs. */
  @Column({ name: 'document_urls', type: 'text' })
  documentUrls: string;

  @Column({ name: 'slot_id', type: 'varchar', length: 36 })
  slotId: string;

  /** One of ApplicationState. */
  @Column({ type: 'varchar', length: 20 })
  state: string;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 500, nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'submitted_at', type: 'varchar', length: 24 })
  submittedAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}

/** One state change of an application, with the officer's note. */
@Entity({ name: 'dukcapil_application_event' })
@Index('idx_dukcapil_application_event_application_id', ['applicationId', 'createdAt'])
export class ApplicationEventRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  /** State the application entered. */
  @Column({ type: 'varchar', length: 20 })
  state: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** Account id of the applicant for SUBMITTED, else of the officer who made the change. */
  @Column({ name: 'actor_id', type: 'varchar', length: 64 })
  actorId: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}
