import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ReportState {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  DISPATCHED = 'DISPATCHED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(ReportState, {
  name: 'ReportState',
  description:
    'State of a report: SUBMITTED, then VERIFIED by a coordinator, DISPATCHED to an OPD, IN_PROGRESS, RESOLVED by the OPD, and CLOSED with a reason. A report is open while VERIFIED, DISPATCHED, IN_PROGRESS or RESOLVED.',
});

export enum CloseReason {
  FIXED = 'FIXED',
  NO_REPLY = 'NO_REPLY',
  DUPLICATE = 'DUPLICATE',
  NOT_CITY_RESPONSIBILITY = 'NOT_CITY_RESPONSIBILITY',
  UNABLE_TO_FIX = 'UNABLE_TO_FIX',
  INVALID = 'INVALID',
}
registerEnumType(CloseReason, {
  name: 'CloseReason',
  description: 'Why a report is closed. Only FIXED means the reporter confirmed the fix; NO_REPLY means the reporter did not reply to a resolution before the 10th working day after it.',
  valuesConfig: {
    FIXED: { description: 'The reporter confirmed the fix.' },
    NO_REPLY: { description: 'Resolved, and the reporter neither confirmed nor rejected it before the 10th working day after the day of resolution.' },
    DUPLICATE: { description: 'Another report describes the same problem; duplicateOf points to it.' },
    NOT_CITY_RESPONSIBILITY: { description: 'No OPD of Kota Serang is responsible, such as a national road.' },
    UNABLE_TO_FIX: { description: 'The OPD cannot fix it, with the reason in the timeline.' },
    INVALID: { description: 'Not a real or usable report.' },
  },
});

export enum Severity {
  LIGHT = 'LIGHT',
  MEDIUM = 'MEDIUM',
  SEVERE = 'SEVERE',
}
registerEnumType(Severity, { name: 'Severity', description: 'Severity of the problem: ringan, sedang or berat.' });

export enum TimelineActor {
  REPORTER = 'REPORTER',
  COORDINATOR = 'COORDINATOR',
  OFFICER = 'OFFICER',
  ADMIN = 'ADMIN',
  SYSTEM = 'SYSTEM',
}
registerEnumType(TimelineActor, { name: 'TimelineActor', description: 'Who made a timeline entry, by role; never the person.' });

export enum ReportAction {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  DISPATCHED = 'DISPATCHED',
  REROUTED = 'REROUTED',
  WORK_STARTED = 'WORK_STARTED',
  RESOLVED = 'RESOLVED',
  FIX_REJECTED = 'FIX_REJECTED',
  CLOSED = 'CLOSED',
}
registerEnumType(ReportAction, { name: 'ReportAction', description: 'What a timeline entry records.' });

export enum DeadlineKind {
  VERIFICATION = 'VERIFICATION',
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  COMPLETION = 'COMPLETION',
}
registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  description:
    'The step a deadline is for: VERIFICATION and dispatch by a coordinator (working days from submission), FIRST_RESPONSE of the OPD (clock hours from dispatch), COMPLETION by the OPD (working days from dispatch).',
});

/** Stub of the regions subgraph's Kelurahan entity with only its key. */
@Directive('@key(fields: "code")')
@ObjectType()
export class Kelurahan {
  @Field(() => ID)
  code: string;
}

/** Stub of the agencies subgraph's Opd entity with only its key. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Opd {
  @Field(() => ID)
  id: string;
}

/** Stub of the accounts subgraph's Account entity with only its key. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Account {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: 'A kind of report, routed to the OPD that handles it, with its service targets.' })
export class ReportCategory {
  @Field(() => ID, { description: 'Stable slug, such as street-light.' })
  code: string;

  @Field({ description: 'Name in the language of the request.' })
  name: string;

  @Field({ description: 'Name in Indonesian, such as Lampu jalan mati.' })
  nameId: string;

  @Field({ description: 'Name in English, such as Street light out.' })
  nameEn: string;

  @Field({ description: 'Slug of the group, such as infrastructure.' })
  group: string;

  /** Default OPD id, resolved into `opd`. Not a schema field. */
  opdId: string | null;

  @Field(() => Severity, { description: 'Severity given to a report that states none.' })
  defaultSeverity: Severity;

  @Field(() => Int, { description: 'Working days from submission within which a coordinator verifies the report.' })
  verificationDays: number;

  @Field(() => Int, { description: 'Clock hours from dispatch within which the OPD first responds (Rabeg\'s 3x24 hours).' })
  firstResponseHours: number;

  @Field(() => Int, { description: 'Working days from dispatch within which the OPD resolves the report: 2 light, 5 normative, 14 without a field check, 60 with a field inspection.' })
  completionDays: number;
}

@ObjectType({ description: 'One entry of a report\'s timeline. Entries are only ever added, never changed.' })
export class ReportEvent {
  @Field(() => Int, { description: 'Position in the timeline, from 1.' })
  sequence: number;

  @Field(() => ReportAction)
  action: ReportAction;

  @Field(() => ReportState, { nullable: true, description: 'State before the entry; null for the submission.' })
  fromState: ReportState | null;

  @Field(() => ReportState, { description: 'State after the entry.' })
  toState: ReportState;

  @Field(() => TimelineActor, { description: 'Role of the actor who made the entry.' })
  actorRole: TimelineActor;

  /** OPD of an officer actor, resolved into `actorOpd`. Not a schema field. */
  actorOpdId: string | null;

  /** OPD the entry dispatched the report to, resolved into `opd`. Not a schema field. */
  opdId: string | null;

  @Field(() => CloseReason, { nullable: true, description: 'Reason of a CLOSED entry.' })
  closeReason: CloseReason | null;

  @Field(() => String, { nullable: true, description: 'What was done or why, as written by the actor.' })
  note: string | null;

  @Field(() => Date, { description: 'When the entry was made.' })
  at: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A citizen report (Rabeg). Public from VERIFIED on unless confidential; the reporter is never shown publicly, and anonymous reports hide the reporter from OPD officers too.',
})
export class Report {
  @Field(() => ID, { description: 'Random UUID.' })
  id: string;

  @Field({ description: 'Human-readable number to quote, such as RBG-261205-7K3QM.' })
  trackingNumber: string;

  /** Category code, resolved into `category`. Not a schema field. */
  categoryCode: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude in degrees, or null when only a kelurahan was given.' })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude in degrees, or null when only a kelurahan was given.' })
  longitude: number | null;

  /** Kelurahan code, resolved into `kelurahan`. Not a schema field. */
  kelurahanCode: string | null;

  @Field(() => String, { nullable: true, description: 'Address or landmark as the reporter wrote it.' })
  address: string | null;

  @Field(() => [String], { description: 'Links to photos, https only, at most 5.' })
  photoUrls: string[];

  @Field(() => Severity)
  severity: Severity;

  @Field({ description: 'Whether the reporter is hidden from OPD officers too. No report ever shows its reporter publicly.' })
  anonymous: boolean;

  @Field({ description: 'Whether the report is hidden from the public: only its reporter, coordinators, admins and officers of its OPD see it.' })
  confidential: boolean;

  @Field(() => ReportState)
  state: ReportState;

  @Field(() => CloseReason, { nullable: true, description: 'Why the report is closed; null unless CLOSED.' })
  closeReason: CloseReason | null;

  /** Id of the original, resolved into `duplicateOf`. Not a schema field. */
  duplicateOfId: string | null;

  /** OPD id, resolved into `opd`. Not a schema field. */
  opdId: string | null;

  @Field(() => Int, { description: 'Number of accounts that support ("me too") the report.' })
  supportCount: number;

  @Field(() => Date)
  submittedAt: string;

  @Field(() => Date, { nullable: true })
  verifiedAt: string | null;

  @Field(() => Date, { nullable: true, description: 'Latest dispatch or reroute to the current OPD.' })
  dispatchedAt: string | null;

  @Field(() => Date, { nullable: true, description: 'First action of the current OPD after its dispatch.' })
  firstResponseAt: string | null;

  @Field(() => Date, { nullable: true, description: 'Latest move to RESOLVED.' })
  resolvedAt: string | null;

  @Field(() => Date, { nullable: true })
  closedAt: string | null;

  @Field(() => Date, { nullable: true, description: 'Deadline of the current step; null when no step runs (RESOLVED or CLOSED).' })
  dueAt: string | null;

  @Field(() => DeadlineKind, { nullable: true, description: 'Which step dueAt is for.' })
  dueKind: DeadlineKind | null;

  @Field({ description: 'Whether a deadline was counted through a year without holiday decree data (weekends only). Such a deadline is not recomputed when that data arrives.' })
  dueProvisional: boolean;

  @Field(() => Date, { nullable: true, description: 'When a RESOLVED report closes as NO_REPLY unless the reporter confirms or rejects the fix first.' })
  autoCloseAt: string | null;

  /** Reporter account id. Private: never a schema field. */
  reporterId: string;
}

@ObjectType({ description: 'One page of reports, newest first.' })
export class ReportPage {
  @Field(() => [Report])
  nodes: Report[];

  @Field(() => String, { nullable: true, description: 'Cursor to pass as `after` for the next page; null when the page is empty.' })
  endCursor: string | null;

  @Field({ description: 'Whether more reports follow this page.' })
  hasNextPage: boolean;
}

@ObjectType({ description: 'An open report near a location, suggested as a possible duplicate.' })
export class NearbyReport {
  @Field(() => Report)
  report: Report;

  @Field(() => Float, { description: 'Distance from the given location, in metres, rounded to one decimal.' })
  distanceMetres: number;
}

@ObjectType({ description: 'Result of submitReport.' })
export class SubmitReportPayload {
  @Field(() => Report)
  report: Report;

  @Field(() => [NearbyReport], { description: 'Open public reports of the same category within 50 metres, nearest first; support one of them instead if it is the same problem.' })
  possibleDuplicates: NearbyReport[];

  @Field({ description: 'True when this call repeated an earlier submission with the same clientKey and returned that report; nothing new was written.' })
  replayed: boolean;
}

@InputType({ description: 'A new report.' })
export class SubmitReportInput {
  @Field({ description: 'Category code from reportCategories.' })
  categoryCode: string;

  @Field({ description: 'Short title, 5 to 120 characters.' })
  title: string;

  @Field({ description: 'What is wrong, 1 to 2,000 characters.' })
  description: string;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude inside Kota Serang; give it with longitude.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude inside Kota Serang; give it with latitude.' })
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: 'Kemendagri code of the kelurahan, such as 36.73.01.1011. A location needs coordinates, a kelurahan, or both.' })
  kelurahanCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Address or landmark, at most 300 characters.' })
  address?: string | null;

  @Field(() => [String], { defaultValue: [], description: 'Up to 5 https links to photos.' })
  photoUrls: string[];

  @Field(() => Severity, { nullable: true, description: 'Severity; the category\'s default when null.' })
  severity?: Severity | null;

  @Field({ defaultValue: false, description: 'Hide the reporter from OPD officers too.' })
  anonymous: boolean;

  @Field({ defaultValue: false, description: 'Keep the report out of public view.' })
  confidential: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency key chosen by the app for this report, 8 to 64 letters, digits, "-" or "_" (a UUID fits). Sending the same key again returns the first report instead of a copy.',
  })
  clientKey?: string | null;
}

@InputType({ description: 'Filters of a report list; all are optional and combine with AND.' })
export class ReportFilter {
  @Field(() => String, { nullable: true })
  categoryCode?: string | null;

  @Field(() => ReportState, { nullable: true })
  state?: ReportState | null;

  @Field(() => String, { nullable: true, description: 'OPD id the report is dispatched to.' })
  opdId?: string | null;

  @Field(() => String, { nullable: true })
  kelurahanCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only reports whose current deadline has passed (before RESOLVED); false: only the others; null: both.',
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Submitted on or after this local date, YYYY-MM-DD.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Submitted on or before this local date, YYYY-MM-DD.' })
  to?: string | null;
}

@ObjectType({ description: 'Number of closed reports with one reason.' })
export class CloseReasonCount {
  @Field(() => CloseReason)
  reason: CloseReason;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description:
    'Public figures of the reports submitted between two local dates (inclusive), city-wide or for the OPD a report is now dispatched to. Closed is not fixed: closedByReason counts each reason apart.',
})
export class RabegStats {
  @Field({ description: 'First local date of the range, YYYY-MM-DD.' })
  from: string;

  @Field({ description: 'Last local date of the range, YYYY-MM-DD.' })
  to: string;

  /** OPD id, or null city-wide. Not a schema field. */
  opdId: string | null;

  @Field(() => Int, { description: 'Reports submitted in the range (city-wide) or dispatched to the OPD among them.' })
  received: number;

  @Field(() => Int, { description: 'Of those, reports with a fix not rejected: RESOLVED, or CLOSED as FIXED or NO_REPLY.' })
  resolved: number;

  @Field(() => Int, { description: 'Of those, reports that are open now (VERIFIED, DISPATCHED, IN_PROGRESS or RESOLVED).' })
  open: number;

  @Field(() => [CloseReasonCount], { description: 'Of those, closed reports by reason; every reason is listed, with 0 when none.' })
  closedByReason: CloseReasonCount[];

  @Field(() => Float, { nullable: true, description: 'Median working days from dispatch to the OPD\'s first response; null when no report has one.' })
  medianWorkingDaysToFirstResponse: number | null;

  @Field(() => Float, { nullable: true, description: 'Median working days from submission to the latest resolution, over resolved reports; null when none.' })
  medianWorkingDaysToResolution: number | null;

  @Field(() => Int, { description: 'Of those, reports whose current deadline has passed now (before RESOLVED).' })
  overdueNow: number;

  @Field({ description: 'Whether a year without holiday decree data went into the working-day counts.' })
  provisional: boolean;
}
