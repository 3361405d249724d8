import type { DataSource } from 'typeorm';
import { inputError } from '../../plugins/errors';
import type { WorkingDayCalendar } from '../../plugins/working-days';
import { MAX_STATS_RANGE_DAYS } from './errors';
import { ReportRow } from './entities';
import { OPEN_STATES, RUNNING_STATES } from './reports';
import { checkDate } from './pages';
import { CloseReason, RabegStats, ReportState } from './types';

/** Columns the figures need; the rest of a report is never read for them. */
const STATS_COLUMNS = ['opdId', 'state', 'closeReason', 'submittedAt', 'dispatchedAt', 'firstResponseAt', 'resolvedAt', 'dueAt'] as const;
type StatsRow = Pick<ReportRow, (typeof STATS_COLUMNS)[number]>;


export interface DateRange {
  from: string;
  to: string;
}

/** Check a date range of the figures. */
export function checkRange(from: string, to: string): DateRange {
  checkDate(from, 'from');
  checkDate(to, 'to');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days < 0) throw inputError('INVALID_DATE_RANGE', 'to');
  if (days >= MAX_STATS_RANGE_DAYS) throw inputError('DATE_RANGE_TOO_LONG', 'to', { max: MAX_STATS_RANGE_DAYS });
  return { from, to };
}

/** Median of a list of numbers, or null when it is empty; computed here because SQLite has no median. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Reports submitted in the range, for the given OPDs or city-wide; one SQL statement. */
export async function loadStatsRows(db: DataSource, range: DateRange, opdIds: string[] | null): Promise<StatsRow[]> {
  const query = db
    .getRepository(ReportRow)
    .createQueryBuilder('report')
    .select(STATS_COLUMNS.map((column) => `report.${column}`))
    .where('report.submitted_on BETWEEN :from AND :to', range);
  if (opdIds) query.andWhere('report.opd_id IN (:...opdIds)', { opdIds });
  return query.getMany();
}

/** Compute the figures of one set of reports at `now`. */
export function computeStats(rows: StatsRow[], range: DateRange, opdId: string | null, calendar: WorkingDayCalendar, now: Date): RabegStats {
  const nowIso = now.toISOString();
  let provisional = false;
  const workingDays = (from: string, to: string) => {
    const result = calendar.workingDaysBetween(new Date(from), new Date(to));
    provisional ||= result.provisional;
    return result.value;
  };
  const closed = new Map<CloseReason, number>(Object.values(CloseReason).map((reason) => [reason, 0]));
  const toFirstResponse: number[] = [];
  const toResolution: number[] = [];
  let resolved = 0;
  let open = 0;
  let overdueNow = 0;

  for (const row of rows) {
    const fixStands = row.state === ReportState.RESOLVED || (row.state === ReportState.CLOSED && (row.closeReason === CloseReason.FIXED || row.closeReason === CloseReason.NO_REPLY));
    if (row.state === ReportState.CLOSED && row.closeReason) closed.set(row.closeReason as CloseReason, (closed.get(row.closeReason as CloseReason) ?? 0) + 1);
    if (OPEN_STATES.includes(row.state as ReportState)) open += 1;
    if (RUNNING_STATES.includes(row.state as ReportState) && row.dueAt !== null && row.dueAt < nowIso) overdueNow += 1;
    if (row.dispatchedAt && row.firstResponseAt) toFirstResponse.push(workingDays(row.dispatchedAt, row.firstResponseAt));
    if (fixStands) {
      resolved += 1;
      if (row.resolvedAt) toResolution.push(workingDays(row.submittedAt, row.resolvedAt));
    }
  }

  return {
    from: range.from,
    to: range.to,
    opdId,
    received: rows.length,
    resolved,
    open,
    closedByReason: [...closed].map(([reason, count]) => ({ reason, count })),
    medianWorkingDaysToFirstResponse: median(toFirstResponse),
    medianWorkingDaysToResolution: median(toResolution),
    overdueNow,
    provisional,
  };
}
