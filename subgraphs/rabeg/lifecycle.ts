import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { RagemError } from '../../plugins/errors';
import { runTransaction } from '../../plugins/transactions';
import { ReportEventRow, ReportRow } from './entities';
import { CloseReason, ReportAction, ReportState, TimelineActor } from './types';

/** Maker of a change: a role and OPD for the public timeline, and a private account id. */
export interface Actor {
  id: string | null;
  role: TimelineActor;
  opdId: string | null;
}

export interface Transition {
  action: ReportAction;
  /** States the report may be in. */
  from: ReportState[];
  to: ReportState;
  actor: Actor;
  note: string | null;
  /** OPD a dispatch or reroute sends the report to. */
  opdId?: string | null;
  closeReason?: CloseReason | null;
  /** Columns to set besides state, version and updated_at. */
  set: Partial<ReportRow>;
  /**
   * Other reports the change reads or writes, such as the original of a duplicate. On PostgreSQL
   * they are locked with the report itself, in id order, before anything else, so two changes
   * that touch the same pair of reports wait for each other instead of deadlocking.
   */
  related?: string[];
  /** Checks in the transaction, after the locks and before the update, such as "the original is still open". */
  before?: (manager: EntityManager) => Promise<void>;
  /** More writes in the same transaction, such as moving supporters to an original report. */
  also?: (manager: EntityManager) => Promise<void>;
}

/** Throw INVALID_TRANSITION unless the report's state is one the transition starts from. */
export function checkFrom(row: Pick<ReportRow, 'state'>, from: ReportState[], to: ReportState): void {
  if (!from.includes(row.state as ReportState)) throw new RagemError('INVALID_TRANSITION', { from: row.state, to });
}

/**
 * Apply a transition and append its timeline entry in one transaction. The UPDATE matches only
 * the version that was read, so of two concurrent changes the second gets INVALID_TRANSITION
 * naming the state the first one set, and nothing of it is written.
 */
export async function applyTransition(db: DataSource, row: ReportRow, transition: Transition, now: Date): Promise<ReportRow> {
  checkFrom(row, transition.from, transition.to);
  const timestamp = now.toISOString();
  return runTransaction(db, async (manager) => {
    if (transition.related && db.options.type === 'postgres') {
      const ids = [row.id, ...transition.related].sort();
      await manager.getRepository(ReportRow).createQueryBuilder('report').setLock('pessimistic_write').where('report.id IN (:...ids)', { ids }).orderBy('report.id').getMany();
    }
    if (transition.before) await transition.before(manager);
    const update = await manager
      .createQueryBuilder()
      .update(ReportRow)
      .set({ ...transition.set, state: transition.to, version: row.version + 1, updatedAt: timestamp })
      .where('id = :id AND version = :version', { id: row.id, version: row.version })
      .execute();
    if (update.affected !== 1) {
      const latest = await manager.getRepository(ReportRow).findOneByOrFail({ id: row.id });
      throw new RagemError('INVALID_TRANSITION', { from: latest.state, to: transition.to });
    }
    await manager.getRepository(ReportEventRow).insert(
      eventRow(row.id, row.version + 1, {
        action: transition.action,
        fromState: row.state,
        toState: transition.to,
        actor: transition.actor,
        opdId: transition.opdId ?? null,
        closeReason: transition.closeReason ?? null,
        note: transition.note,
        createdAt: timestamp,
      }),
    );
    if (transition.also) await transition.also(manager);
    return manager.getRepository(ReportRow).findOneByOrFail({ id: row.id });
  });
}

export function eventRow(
  reportId: string,
  sequence: number,
  entry: { action: ReportAction; fromState: string | null; toState: string; actor: Actor; opdId: string | null; closeReason: string | null; note: string | null; createdAt: string },
): ReportEventRow {
  return {
    id: randomUUID(),
    reportId,
    sequence,
    action: entry.action,
    fromState: entry.fromState,
    toState: entry.toState,
    actorRole: entry.actor.role,
    actorOpdId: entry.actor.opdId,
    actorId: entry.actor.id,
    opdId: entry.opdId,
    closeReason: entry.closeReason,
    note: entry.note,
    createdAt: entry.createdAt,
  };
}
