import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/*
 * Times are ISO 8601 strings in UTC (Date.toISOString(), always 24 characters) and dates are
 * YYYY-MM-DD, so they sort as text on SQLite and PostgreSQL alike. Flags are integers 0 or 1 and
 * lists are JSON text, for the same reason. The host compares only constraint names with the
 * tables, so keep the CHECK expressions equal to the migration's by hand.
 */

/** A kind of report, routed to the OPD that handles it. */
@Entity({ name: 'rabeg_category' })
export class CategoryRow {
  /** Slug such as `street-light`. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ name: 'name_id', type: 'varchar', length: 100 })
  nameId: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  /** Slug of the group, such as `infrastructure`. */
  @Column({ name: 'group_code', type: 'varchar', length: 40 })
  groupCode: string;

  /** OPD id (agencies subgraph) the category is dispatched to by default; null when a coordinator picks one. */
  @Column({ name: 'opd_id', type: 'varchar', length: 64, nullable: true })
  opdId: string | null;

  @Column({ name: 'default_severity', type: 'varchar', length: 10 })
  defaultSeverity: string;

  /** Working days from submission to verification. */
  @Column({ name: 'verification_days', type: 'integer' })
  verificationDays: number;

  /** Clock hours from dispatch to the OPD's first response. */
  @Column({ name: 'first_response_hours', type: 'integer' })
  firstResponseHours: number;

  /** Working days from dispatch to resolution. */
  @Column({ name: 'completion_days', type: 'integer' })
  completionDays: number;

  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder: number;
}

/**
 * A citizen's report. reporter_id, client_key and body_hash are private: no public field shows
 * them. Deadlines are stored at each transition, so overdue lists and figures are plain queries.
 */
@Entity({ name: 'rabeg_report' })
@Index('uq_rabeg_report_tracking_number', ['trackingNumber'], { unique: true })
@Index('uq_rabeg_report_client_key', ['reporterId', 'clientKey'], { unique: true })
@Index('idx_rabeg_report_submitted_at', ['submittedAt', 'id'])
@Index('idx_rabeg_report_opd_id', ['opdId', 'submittedAt'])
@Index('idx_rabeg_report_kelurahan_code', ['kelurahanCode', 'submittedAt'])
@Index('idx_rabeg_report_reporter_id', ['reporterId', 'submittedAt'])
@Index('idx_rabeg_report_nearby', ['categoryCode', 'latitude', 'longitude'])
@Index('idx_rabeg_report_state', ['state', 'autoCloseAt'])
@Check('chk_rabeg_report_coordinates', '("latitude" IS NULL) = ("longitude" IS NULL)')
@Check('chk_rabeg_report_support_count', '"support_count" >= 0')
export class ReportRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'tracking_number', type: 'varchar', length: 20 })
  trackingNumber: string;

  @Column({ name: 'category_code', type: 'varchar', length: 40 })
  categoryCode: string;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ name: 'kelurahan_code', type: 'varchar', length: 13, nullable: true })
  kelurahanCode: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  /** JSON array of https links. */
  @Column({ name: 'photo_urls', type: 'text' })
  photoUrls: string;

  @Column({ type: 'varchar', length: 10 })
  severity: string;

  /** 1 when the reporter is hidden from OPD officers too. */
  @Column({ type: 'integer' })
  anonymous: number;

  /** 1 when the report is never public. */
  @Column({ type: 'integer' })
  confidential: number;

  /** Account id of the reporter. Private. */
  @Column({ name: 'reporter_id', type: 'varchar', length: 64 })
  reporterId: string;

  /** The reporter's idempotency key, or null. Private. */
  @Column({ name: 'client_key', type: 'varchar', length: 64, nullable: true })
  clientKey: string | null;

  /** SHA-256 of the submitted body, to tell a retry from a different report with the same key. Private. */
  @Column({ name: 'body_hash', type: 'varchar', length: 64 })
  bodyHash: string;

  @Column({ type: 'varchar', length: 12 })
  state: string;

  @Column({ name: 'close_reason', type: 'varchar', length: 24, nullable: true })
  closeReason: string | null;

  /** Id of the original report when closed as a duplicate. */
  @Column({ name: 'duplicate_of_id', type: 'varchar', length: 36, nullable: true })
  duplicateOfId: string | null;

  /** OPD the report is dispatched to; null before dispatch. */
  @Column({ name: 'opd_id', type: 'varchar', length: 64, nullable: true })
  opdId: string | null;

  @Column({ name: 'support_count', type: 'integer' })
  supportCount: number;

  /** Raised by one at every transition; updates require the version they read. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'submitted_at', type: 'varchar', length: 24 })
  submittedAt: string;

  /** Local (WIB) date of submission, for date-range filters. */
  @Column({ name: 'submitted_on', type: 'varchar', length: 10 })
  submittedOn: string;

  @Column({ name: 'verified_at', type: 'varchar', length: 24, nullable: true })
  verifiedAt: string | null;

  /** Latest dispatch (or reroute) to the current OPD. */
  @Column({ name: 'dispatched_at', type: 'varchar', length: 24, nullable: true })
  dispatchedAt: string | null;

  /** First action of the current OPD after its dispatch. */
  @Column({ name: 'first_response_at', type: 'varchar', length: 24, nullable: true })
  firstResponseAt: string | null;

  /** Latest move to RESOLVED. */
  @Column({ name: 'resolved_at', type: 'varchar', length: 24, nullable: true })
  resolvedAt: string | null;

  @Column({ name: 'closed_at', type: 'varchar', length: 24, nullable: true })
  closedAt: string | null;

  /** Deadline of the current step (verification, first response or completion); null when none runs. */
  @Column({ name: 'due_at', type: 'varchar', length: 24, nullable: true })
  dueAt: string | null;

  /** Kind of the due_at deadline: VERIFICATION, FIRST_RESPONSE or COMPLETION. */
  @Column({ name: 'due_kind', type: 'varchar', length: 16, nullable: true })
  dueKind: string | null;

  /** Completion deadline set at dispatch; kept when the report returns to IN_PROGRESS. */
  @Column({ name: 'completion_due_at', type: 'varchar', length: 24, nullable: true })
  completionDueAt: string | null;

  /** 1 when a deadline was counted through a year without holiday decree data. */
  @Column({ name: 'due_provisional', type: 'integer' })
  dueProvisional: number;

  /** Time a RESOLVED report closes as NO_REPLY unless the reporter confirms or rejects the fix first. */
  @Column({ name: 'auto_close_at', type: 'varchar', length: 24, nullable: true })
  autoCloseAt: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}

/** One entry of a report's append-only timeline. actor_id is private: no public field shows it. */
@Entity({ name: 'rabeg_report_event' })
@Index('idx_rabeg_report_event_report_id', ['reportId', 'sequence'], { unique: true })
export class ReportEventRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'report_id', type: 'varchar', length: 36 })
  reportId: string;

  /** Position in the report's timeline, from 1; equal to the report's version after the change. */
  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'varchar', length: 20 })
  action: string;

  @Column({ name: 'from_state', type: 'varchar', length: 12, nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 12 })
  toState: string;

  /** REPORTER, COORDINATOR, OFFICER, ADMIN or SYSTEM. */
  @Column({ name: 'actor_role', type: 'varchar', length: 12 })
  actorRole: string;

  /** OPD of an officer actor, else null. */
  @Column({ name: 'actor_opd_id', type: 'varchar', length: 64, nullable: true })
  actorOpdId: string | null;

  /** Account id of the actor; null for the system. Private. */
  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  /** OPD the report was dispatched or rerouted to by this entry. */
  @Column({ name: 'opd_id', type: 'varchar', length: 64, nullable: true })
  opdId: string | null;

  @Column({ name: 'close_reason', type: 'varchar', length: 24, nullable: true })
  closeReason: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}

/** One account's "me too" on a report. */
@Entity({ name: 'rabeg_support' })
@Index('idx_rabeg_support_account_id', ['accountId'])
export class SupportRow {
  @PrimaryColumn({ name: 'report_id', type: 'varchar', length: 36 })
  reportId: string;

  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 64 })
  accountId: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}
