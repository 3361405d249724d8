import type { Auth } from '../../plugins/auth';
import type { CallerIdentity } from '../../plugins/identity';
import type { ReportRow } from './entities';
import { COORDINATE_PERMISSION } from './permissions';
import { CloseReason, DeadlineKind, Report, ReportState, Severity } from './types';

/** States before resolution, in which a passed deadline makes a report overdue. */
export const RUNNING_STATES: ReportState[] = [ReportState.SUBMITTED, ReportState.VERIFIED, ReportState.DISPATCHED, ReportState.IN_PROGRESS];

/** States in which a report is open. */
export const OPEN_STATES: ReportState[] = [ReportState.VERIFIED, ReportState.DISPATCHED, ReportState.IN_PROGRESS, ReportState.RESOLVED];

export function toReport(row: ReportRow): Report {
  return {
    id: row.id,
    trackingNumber: row.trackingNumber,
    categoryCode: row.categoryCode,
    title: row.title,
    description: row.description,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    kelurahanCode: row.kelurahanCode,
    address: row.address,
    photoUrls: JSON.parse(row.photoUrls) as string[],
    severity: row.severity as Severity,
    anonymous: Boolean(row.anonymous),
    confidential: Boolean(row.confidential),
    state: row.state as ReportState,
    closeReason: row.closeReason as CloseReason | null,
    duplicateOfId: row.duplicateOfId,
    opdId: row.opdId,
    supportCount: Number(row.supportCount),
    submittedAt: row.submittedAt,
    verifiedAt: row.verifiedAt,
    dispatchedAt: row.dispatchedAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    dueAt: row.dueAt,
    dueKind: row.dueKind as DeadlineKind | null,
    dueProvisional: Boolean(row.dueProvisional),
    autoCloseAt: row.autoCloseAt,
    reporterId: row.reporterId,
  };
}

/** Coordinators (holders of rabeg:coordinate) and admins see and route every report. */
export function isCoordinator(auth: Auth): boolean {
  return auth.isSignedIn && (auth.isAdmin || auth.hasPermission(COORDINATE_PERMISSION));
}

/** Tell whether the caller is an officer of `opdId`. */
export function isOfficerOf(identity: CallerIdentity, opdId: string | null): boolean {
  return opdId !== null && identity.role === 'OFFICER' && identity.sub !== null && identity.opd === opdId;
}

export function isReporter(identity: CallerIdentity, report: Pick<Report, 'reporterId'>): boolean {
  return identity.sub !== null && identity.role !== 'ANONYMOUS' && identity.sub === report.reporterId;
}

/** Public from verification on, unless confidential. */
export function isPublic(report: Pick<Report, 'verifiedAt' | 'confidential'>): boolean {
  return report.verifiedAt !== null && !report.confidential;
}

/**
 * Tell whether the caller may read a report: everyone when public; its reporter; officers of the OPD it is
 * dispatched to; coordinators and admins.
 */
export function canRead(report: Report, identity: CallerIdentity, auth: Auth): boolean {
  return isPublic(report) || isReporter(identity, report) || isOfficerOf(identity, report.opdId) || isCoordinator(auth);
}

/** Tell whether the caller may see which account reported: the reporter, coordinators and admins, and officers of its OPD unless it is anonymous. */
export function canSeeReporter(report: Report, identity: CallerIdentity, auth: Auth): boolean {
  return isReporter(identity, report) || isCoordinator(auth) || (!report.anonymous && isOfficerOf(identity, report.opdId));
}

/**
 * Build the SQL condition, with its parameters, for the reports the caller may list, or null when
 * the caller may list every report. It uses table alias `report` and column names, so it also fits raw SQL.
 */
export function visibilityCondition(identity: CallerIdentity, auth: Auth): { sql: string; params: Record<string, unknown> } | null {
  if (isCoordinator(auth)) return null;
  const parts = ['(report.verified_at IS NOT NULL AND report.confidential = 0)'];
  const params: Record<string, unknown> = {};
  if (auth.isSignedIn) {
    parts.push('report.reporter_id = :visibleReporter');
    params.visibleReporter = identity.sub;
  }
  if (identity.role === 'OFFICER' && identity.opd) {
    parts.push('report.opd_id = :visibleOpd');
    params.visibleOpd = identity.opd;
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}
