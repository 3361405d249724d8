import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { inputError } from '../../plugins/errors';
import { runTransaction } from '../../plugins/transactions';
import type { WorkingDayCalendar } from '../../plugins/working-days';
import { workingDaysDeadline } from './deadlines';
import { CategoryRow, ReportEventRow, ReportRow } from './entities';
import { eventRow } from './lifecycle';
import { newTrackingNumber } from './tracking-number';
import { DeadlineKind, ReportAction, ReportState, TimelineActor } from './types';
import type { CleanSubmission } from './validation';

/** Draws of a tracking number before giving up; a second collision is already one in millions. */
const TRACKING_NUMBER_ATTEMPTS = 4;

export interface SubmitRequest {
  submission: CleanSubmission;
  bodyHash: string;
  reporterId: string;
  category: CategoryRow;
  now: Date;
  calendar: WorkingDayCalendar;
}

/** Tell whether a database error is a unique or primary key violation, on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Return the earlier report of the same key when the body is the same, else throw IDEMPOTENCY_KEY_REUSED. */
async function earlierSubmission(db: DataSource, request: SubmitRequest): Promise<ReportRow | null> {
  if (request.submission.clientKey === null) return null;
  const earlier = await db.getRepository(ReportRow).findOneBy({ reporterId: request.reporterId, clientKey: request.submission.clientKey });
  if (earlier && earlier.bodyHash !== request.bodyHash) {
    throw inputError('IDEMPOTENCY_KEY_REUSED', 'input.clientKey', { trackingNumber: earlier.trackingNumber });
  }
  return earlier;
}

function newReportRow(request: SubmitRequest): ReportRow {
  const { submission, now, calendar, category } = request;
  const timestamp = now.toISOString();
  const localDate = calendar.localDate(now);
  const due = workingDaysDeadline(calendar, now, category.verificationDays);
  return {
    id: randomUUID(),
    trackingNumber: newTrackingNumber(localDate),
    categoryCode: category.code,
    title: submission.title,
    description: submission.description,
    latitude: submission.latitude,
    longitude: submission.longitude,
    kelurahanCode: submission.kelurahanCode,
    address: submission.address,
    photoUrls: JSON.stringify(submission.photoUrls),
    severity: submission.severity,
    anonymous: submission.anonymous ? 1 : 0,
    confidential: submission.confidential ? 1 : 0,
    reporterId: request.reporterId,
    clientKey: submission.clientKey,
    bodyHash: request.bodyHash,
    state: ReportState.SUBMITTED,
    closeReason: null,
    duplicateOfId: null,
    opdId: null,
    supportCount: 0,
    version: 1,
    submittedAt: timestamp,
    submittedOn: localDate,
    verifiedAt: null,
    dispatchedAt: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    dueAt: due.at,
    dueKind: DeadlineKind.VERIFICATION,
    completionDueAt: null,
    dueProvisional: due.provisional ? 1 : 0,
    autoCloseAt: null,
    updatedAt: timestamp,
  };
}

/**
 * Store a new report with its first timeline entry. A retry with the same client key returns
 * the first report (`replayed`). The unique (reporter, client key) index settles a race between
 * two retries in flight.
 */
export async function storeSubmission(
  db: DataSource,
  request: SubmitRequest,
  /** Counts the new report against the caller's limit, throwing when it is over; not called for a replay. */
  admit: () => Promise<void>,
): Promise<{ row: ReportRow; replayed: boolean }> {
  const earlier = await earlierSubmission(db, request);
  if (earlier) return { row: earlier, replayed: true };

  for (let attempt = 1; ; attempt += 1) {
    const row = newReportRow(request);
    try {
      await runTransaction(db, async (manager) => {
        await manager.getRepository(ReportRow).insert(row);
        // Counted only after the insert passed the unique indexes, so a retry that lost the race to
        // its own first request is a replay and does not count. Over the limit, the insert rolls back.
        await admit();
        await manager.getRepository(ReportEventRow).insert(
          eventRow(row.id, 1, {
            action: ReportAction.SUBMITTED,
            fromState: null,
            toState: ReportState.SUBMITTED,
            actor: { id: request.reporterId, role: TimelineActor.REPORTER, opdId: null },
            opdId: null,
            closeReason: null,
            note: null,
            createdAt: row.submittedAt,
          }),
        );
      });
      return { row, replayed: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await earlierSubmission(db, request);
      if (raced) return { row: raced, replayed: true };
      // Otherwise the tracking number collided: draw another.
      if (attempt >= TRACKING_NUMBER_ATTEMPTS) throw error;
    }
  }
}
