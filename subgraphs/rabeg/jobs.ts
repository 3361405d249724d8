import type { PluginJob, PluginServices } from '../../plugins/contract';
import { RagemError } from '../../plugins/errors';
import { SYSTEM_ACTOR } from './actors';
import { ReportRow } from './entities';
import { applyTransition } from './lifecycle';
import { CloseReason, ReportAction, ReportState } from './types';

/** Reports one run closes at most; the next run takes the rest. */
const BATCH_SIZE = 200;

/**
 * Close RESOLVED reports whose reporter did not reply by their autoCloseAt as NO_REPLY. Each
 * close is a conditional update on the report's version, so several processes running this job
 * at once, or a reporter replying at the same moment, never close a report twice.
 */
export async function closeUnansweredReports({ db, clock }: PluginServices): Promise<Record<string, number>> {
  const now = clock.now();
  const due = await db
    .getRepository(ReportRow)
    .createQueryBuilder('report')
    .where('report.state = :state AND report.auto_close_at <= :now', { state: ReportState.RESOLVED, now: now.toISOString() })
    .orderBy('report.auto_close_at', 'ASC')
    .take(BATCH_SIZE)
    .getMany();

  let closed = 0;
  let skipped = 0;
  for (const row of due) {
    try {
      await applyTransition(
        db,
        row,
        {
          action: ReportAction.CLOSED,
          from: [ReportState.RESOLVED],
          to: ReportState.CLOSED,
          actor: SYSTEM_ACTOR,
          note: null,
          closeReason: CloseReason.NO_REPLY,
          set: { closeReason: CloseReason.NO_REPLY, closedAt: now.toISOString(), autoCloseAt: null, dueAt: null, dueKind: null },
        },
        now,
      );
      closed += 1;
    } catch (error) {
      if (!(error instanceof RagemError && error.code === 'INVALID_TRANSITION')) throw error;
      skipped += 1;
    }
  }
  return { closed, skipped };
}

export const CLOSE_UNANSWERED_JOB: PluginJob = {
  name: 'close-unanswered-reports',
  intervalMs: 15 * 60 * 1000,
  run: closeUnansweredReports,
};
