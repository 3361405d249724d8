import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../plugins/contract';
import { inputError } from '../../plugins/errors';
import { coordinatorActor, officerActor, reporterActor } from './actors';
import { clockHoursDeadline, noReplyCloseAt, workingDaysDeadline } from './deadlines';
import { ReportRow, SupportRow } from './entities';
import { applyTransition, checkFrom, Transition } from './lifecycle';
import type { RabegLoaders } from './loaders';
import { canRead, isCoordinator, OPEN_STATES, toReport } from './reports';
import { CloseReason, DeadlineKind, Report, ReportAction, ReportState, TimelineActor } from './types';
import { isOpdId, MAX_OPD_ID_LENGTH, normalizeTrackingNumber } from './input-formats';
import { cleanNote } from './validation';

type Context = RequestContext<RabegLoaders>;

/** Reasons a coordinator may close with; FIXED and NO_REPLY come only from the reporter or the system. */
const COORDINATOR_CLOSE_REASONS = [CloseReason.DUPLICATE, CloseReason.NOT_CITY_RESPONSIBILITY, CloseReason.UNABLE_TO_FIX, CloseReason.INVALID];
/** Reasons an officer of the report's OPD may close with. */
const OFFICER_CLOSE_REASONS = [CloseReason.UNABLE_TO_FIX];
const STATES_BEFORE_CLOSE = [ReportState.SUBMITTED, ReportState.VERIFIED, ReportState.DISPATCHED, ReportState.IN_PROGRESS, ReportState.RESOLVED];

/** The report to change: the caller must be signed in and able to read it, else UNAUTHENTICATED or REPORT_NOT_FOUND. */
async function reportToChange(trackingNumber: string, context: Context, field = 'trackingNumber'): Promise<ReportRow> {
  context.auth.requireSignedIn();
  const normalized = normalizeTrackingNumber(trackingNumber);
  const row = normalized && (await context.db.getRepository(ReportRow).findOneBy({ trackingNumber: normalized }));
  if (!row || !canRead(toReport(row), context.identity, context.auth)) throw inputError('REPORT_NOT_FOUND', field);
  return row;
}

/** Apply a transition to a report, log it and return the changed report. */
async function change(context: Context, row: ReportRow, transition: Transition, now: Date): Promise<Report> {
  const updated = await applyTransition(context.db, row, transition, now);
  context.logger.info(
    {
      requestId: context.requestId,
      trackingNumber: row.trackingNumber,
      action: transition.action,
      from: row.state,
      to: updated.state,
      opdId: updated.opdId,
      actorRole: context.identity.role,
    },
    'report state changed',
  );
  return toReport(updated);
}

/**
 * Give the original report the supporters of its duplicate, and the duplicate's reporter, without
 * double counting. The transition has locked the original's row, and a support locks that row
 * before it inserts, so a support saved at the same moment is either counted here or adds itself
 * after this count.
 */
async function carrySupporters(manager: EntityManager, duplicate: ReportRow, original: ReportRow, now: string): Promise<void> {
  const supports = manager.getRepository(SupportRow);
  const incoming = new Set([duplicate.reporterId, ...(await supports.findBy({ reportId: duplicate.id })).map((row) => row.accountId)]);
  incoming.delete(original.reporterId);
  if (incoming.size > 0) {
    const rows = [...incoming].map((accountId) => ({ reportId: original.id, accountId, createdAt: now }));
    // Accounts that already support the original keep their first support.
    await manager.createQueryBuilder().insert().into(SupportRow).values(rows).orIgnore().execute();
  }
  const count = await supports.countBy({ reportId: original.id });
  await manager.getRepository(ReportRow).update({ id: original.id }, { supportCount: count });
}

@Resolver(() => Report)
export class LifecycleResolver {
  @Mutation(() => Report, { description: 'Verify a SUBMITTED report, which makes it public unless confidential. Needs rabeg:coordinate or an admin.' })
  async verifyReport(@Arg('trackingNumber') trackingNumber: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() context: Context): Promise<Report> {
    const row = await reportToChange(trackingNumber, context);
    const actor = coordinatorActor(context);
    const now = context.clock.now();
    return change(context, row, { action: ReportAction.VERIFIED, from: [ReportState.SUBMITTED], to: ReportState.VERIFIED, actor, note: cleanNote(note, 'note', false), set: { verifiedAt: now.toISOString() } }, now);
  }

  @Mutation(() => Report, {
    description:
      "Dispatch a VERIFIED report to an OPD (the category's when opdId is null), or reroute a DISPATCHED one to another OPD. Starts the OPD's first-response (3x24 hours) and completion deadlines. Needs rabeg:coordinate or an admin.",
  })
  async dispatchReport(
    @Arg('trackingNumber') trackingNumber: string,
    @Arg('opdId', () => String, { nullable: true }) opdId: string | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() context: Context,
  ): Promise<Report> {
    const row = await reportToChange(trackingNumber, context);
    const actor = coordinatorActor(context);
    checkFrom(row, [ReportState.VERIFIED, ReportState.DISPATCHED], ReportState.DISPATCHED);
    const category = (await context.loaders.categoryByCode.load(row.categoryCode))!;
    const target = opdId?.trim() || category.opdId;
    if (!target) throw inputError('OPD_REQUIRED', 'opdId');
    if (!isOpdId(target)) throw inputError('INVALID_OPD_ID', 'opdId', { example: 'dishub', max: MAX_OPD_ID_LENGTH });
    const rerouting = row.state === ReportState.DISPATCHED;
    if (rerouting && target === row.opdId) throw inputError('SAME_OPD', 'opdId', { opdId: target });

    const now = context.clock.now();
    const firstResponse = clockHoursDeadline(now, category.firstResponseHours);
    const completion = workingDaysDeadline(context.calendar, now, category.completionDays);
    const action = rerouting ? ReportAction.REROUTED : ReportAction.DISPATCHED;
    return change(context, row, {
      action,
      from: [ReportState.VERIFIED, ReportState.DISPATCHED],
      to: ReportState.DISPATCHED,
      actor,
      note: cleanNote(note, 'note', false),
      opdId: target,
      set: {
        opdId: target,
        dispatchedAt: now.toISOString(),
        firstResponseAt: null,
        dueAt: firstResponse.at,
        dueKind: DeadlineKind.FIRST_RESPONSE,
        completionDueAt: completion.at,
        dueProvisional: completion.provisional ? 1 : 0,
      },
    }, now);
  }

  @Mutation(() => Report, { description: 'Start work on a DISPATCHED report. Needs an officer of its OPD or an admin.' })
  async startReportWork(@Arg('trackingNumber') trackingNumber: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() context: Context): Promise<Report> {
    const row = await reportToChange(trackingNumber, context);
    const actor = officerActor(context, row);
    const now = context.clock.now();
    return change(context, row, {
      action: ReportAction.WORK_STARTED,
      from: [ReportState.DISPATCHED],
      to: ReportState.IN_PROGRESS,
      actor,
      note: cleanNote(note, 'note', false),
      set: { firstResponseAt: row.firstResponseAt ?? now.toISOString(), dueAt: row.completionDueAt, dueKind: DeadlineKind.COMPLETION },
    }, now);
  }

  @Mutation(() => Report, {
    description: 'Mark an IN_PROGRESS report resolved, with a note of what was done. The reporter then confirms or rejects the fix; without a reply it closes as NO_REPLY on the 10th working day. Needs an officer of its OPD or an admin.',
  })
  async resolveReport(@Arg('trackingNumber') trackingNumber: string, @Arg('note') note: string, @Ctx() context: Context): Promise<Report> {
    const row = await reportToChange(trackingNumber, context);
    const actor = officerActor(context, row);
    checkFrom(row, [ReportState.IN_PROGRESS], ReportState.RESOLVED);
    const cleaned = cleanNote(note, 'note', true);
    const now = context.clock.now();
    const autoClose = noReplyCloseAt(context.calendar, now);
    return change(context, row, {
      action: ReportAction.RESOLVED,
      from: [ReportState.IN_PROGRESS],
      to: ReportState.RESOLVED,
      actor,
      note: cleaned,
      set: {
        resolvedAt: now.toISOString(),
        firstResponseAt: row.firstResponseAt ?? now.toISOString(),
        dueAt: null,
        dueKind: null,
        autoCloseAt: autoClose.at,
        dueProvisional: autoClose.provisional ? 1 : 0,
      },
    }, now);
  }

  @Mutation(() => Report, { description: 'Confirm the fix of your RESOLVED report, which closes it as FIXED. Only its reporter can.' })
  async confirmReportFix(@Arg('trackingNumber') trackingNumber: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() context: Context): Promise<Report> {
    const row = await reportToChange(trackingNumber, context);
    const actor = reporterActor(context, row);
    const now = context.clock.now();
    return change(context, row, {
      action: ReportAction.CLOSED,
      from: [ReportState.RESOLVED],
      to: ReportState.CLOSED,
      actor,
      note: cleanNote(note, 'note', false),
      closeReason: CloseReason.FIXED,
      set: { closeReason: CloseReason.FIXED, closedAt: now.toISOString(), autoCloseAt: null, dueAt: null, dueKind: null },
    }, now);
  }

  @Mutation(() => Report, { description: 'Reject the fix of your RESOLVED report, with a note of what is still wrong; it returns to IN_PROGRESS. Only its reporter can.' })
  async rejectReportFix(@Arg('trackingNumber') trackingNumber: string, @Arg('note') note: string, @Ctx() context: Context): Promise<Report> {
    const row = await reportToChange(trackingNumber, context);
    const actor = reporterActor(context, row);
    checkFrom(row, [ReportState.RESOLVED], ReportState.IN_PROGRESS);
    const cleaned = cleanNote(note, 'note', true);
    const now = context.clock.now();
    return change(context, row, {
      action: ReportAction.FIX_REJECTED,
      from: [ReportState.RESOLVED],
      to: ReportState.IN_PROGRESS,
      actor,
      note: cleaned,
      set: { autoCloseAt: null, dueAt: row.completionDueAt, dueKind: DeadlineKind.COMPLETION },
    }, now);
  }

  @Mutation(() => Report, {
    description:
      'Close a report with a reason and a note. Coordinators and admins: DUPLICATE (with duplicateOf, the open original, which takes over its supporters), NOT_CITY_RESPONSIBILITY, UNABLE_TO_FIX or INVALID, from any state before CLOSED. Officers of its OPD: UNABLE_TO_FIX, while DISPATCHED or IN_PROGRESS.',
  })
  async closeReport(
    @Arg('trackingNumber') trackingNumber: string,
    @Arg('reason', () => CloseReason) reason: CloseReason,
    @Arg('note') note: string,
    @Arg('duplicateOf', () => String, { nullable: true, description: 'Tracking number of the original, for DUPLICATE.' }) duplicateOf: string | null,
    @Ctx() context: Context,
  ): Promise<Report> {
    const row = await reportToChange(trackingNumber, context);
    const coordinating = isCoordinator(context.auth);
    const actor = coordinating ? coordinatorActor(context) : officerActor(context, row);
    const allowed = coordinating ? COORDINATOR_CLOSE_REASONS : OFFICER_CLOSE_REASONS;
    checkFrom(row, coordinating ? STATES_BEFORE_CLOSE : [ReportState.DISPATCHED, ReportState.IN_PROGRESS], ReportState.CLOSED);
    if (!allowed.includes(reason)) throw inputError('INVALID_CLOSE_REASON', 'reason', { accepted: allowed.join(', ') });
    const cleaned = cleanNote(note, 'note', true);

    let original: ReportRow | null = null;
    if (reason === CloseReason.DUPLICATE) {
      if (!duplicateOf?.trim()) throw inputError('DUPLICATE_OF_REQUIRED', 'duplicateOf');
      const originalNumber = normalizeTrackingNumber(duplicateOf);
      original = originalNumber ? await context.db.getRepository(ReportRow).findOneBy({ trackingNumber: originalNumber }) : null;
      if (!original || original.id === row.id || !OPEN_STATES.includes(original.state as ReportState)) throw inputError('INVALID_DUPLICATE_OF', 'duplicateOf');
    }

    const now = context.clock.now();
    return change(context, row, {
      action: ReportAction.CLOSED,
      from: STATES_BEFORE_CLOSE,
      to: ReportState.CLOSED,
      actor,
      note: cleaned,
      closeReason: reason,
      set: {
        closeReason: reason,
        closedAt: now.toISOString(),
        duplicateOfId: original?.id ?? null,
        autoCloseAt: null,
        dueAt: null,
        dueKind: null,
        // An officer closing the report is the OPD's reply, so it counts as the first response.
        firstResponseAt: row.firstResponseAt ?? (actor.role === TimelineActor.OFFICER ? now.toISOString() : null),
      },
      related: original ? [original.id] : undefined,
      // The original may have closed since it was read, possibly as a duplicate of this report.
      before: original
        ? async (manager) => {
            const current = await manager.getRepository(ReportRow).findOneByOrFail({ id: original!.id });
            if (!OPEN_STATES.includes(current.state as ReportState)) throw inputError('INVALID_DUPLICATE_OF', 'duplicateOf');
          }
        : undefined,
      also: original ? (manager) => carrySupporters(manager, row, original!, now.toISOString()) : undefined,
    }, now);
  }
}
