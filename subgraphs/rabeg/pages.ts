import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../plugins/cursor';
import { inputError } from '../../plugins/errors';
import { isCalendarDate } from '../../plugins/working-days';
import { MAX_PAGE_SIZE } from './errors';
import { isCategoryCode, isKelurahanCode, isOpdId, MAX_OPD_ID_LENGTH } from './input-formats';
import { ReportRow } from './entities';
import { RUNNING_STATES, toReport } from './reports';
import type { ReportFilter, ReportPage } from './types';

/** Visibility of the caller as SQL over alias `report`; null when everything is visible. */
export type Visibility = { sql: string; params: Record<string, unknown> } | null;

export function checkPageSize(first: number, field = 'first'): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw inputError('INVALID_PAGE_SIZE', field, { max: MAX_PAGE_SIZE });
}

export function checkDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isCalendarDate(value)) throw inputError('INVALID_DATE', field, { example: '2026-12-01' });
  return value;
}

/** Apply the filters that do not need the caller, checking each. */
export function applyFilter(query: SelectQueryBuilder<ReportRow>, filter: ReportFilter | null | undefined, now: Date): void {
  if (!filter) return;
  const from = checkDate(filter.from, 'filter.from');
  const to = checkDate(filter.to, 'filter.to');
  if (from && to && to < from) throw inputError('INVALID_DATE_RANGE', 'filter.to');
  if (filter.categoryCode && !isCategoryCode(filter.categoryCode)) throw inputError('UNKNOWN_CATEGORY', 'filter.categoryCode', { example: 'street-light' });
  if (filter.opdId && !isOpdId(filter.opdId)) throw inputError('INVALID_OPD_ID', 'filter.opdId', { example: 'dishub', max: MAX_OPD_ID_LENGTH });
  if (filter.kelurahanCode && !isKelurahanCode(filter.kelurahanCode)) throw inputError('UNKNOWN_KELURAHAN', 'filter.kelurahanCode', { example: '36.73.01.1011' });
  if (filter.categoryCode) query.andWhere('report.category_code = :categoryCode', { categoryCode: filter.categoryCode });
  if (filter.state) query.andWhere('report.state = :state', { state: filter.state });
  if (filter.opdId) query.andWhere('report.opd_id = :opdId', { opdId: filter.opdId });
  if (filter.kelurahanCode) query.andWhere('report.kelurahan_code = :kelurahanCode', { kelurahanCode: filter.kelurahanCode });
  if (from) query.andWhere('report.submitted_on >= :from', { from });
  if (to) query.andWhere('report.submitted_on <= :to', { to });
  if (filter.overdue !== null && filter.overdue !== undefined) {
    const overdue = 'report.state IN (:...runningStates) AND report.due_at IS NOT NULL AND report.due_at < :now';
    query.andWhere(filter.overdue ? `(${overdue})` : `NOT (${overdue})`, { runningStates: RUNNING_STATES, now: now.toISOString() });
  }
}

/** Load one page of reports, newest first, after the cursor if given, with one SQL statement. */
export async function reportPage(
  db: DataSource,
  options: { visibility: Visibility; first: number; now: Date; after?: string | null; filter?: ReportFilter | null; where?: { sql: string; params: Record<string, unknown> } },
): Promise<ReportPage> {
  checkPageSize(options.first);
  const query = db.getRepository(ReportRow).createQueryBuilder('report');
  if (options.visibility) query.andWhere(options.visibility.sql, options.visibility.params);
  if (options.where) query.andWhere(options.where.sql, options.where.params);
  applyFilter(query, options.filter, options.now);
  if (options.after) {
    const [cursorAt, cursorId] = decodeCursor(options.after, 'after', 2);
    query.andWhere('(report.submitted_at < :cursorAt OR (report.submitted_at = :cursorAt AND report.id < :cursorId))', { cursorAt, cursorId });
  }
  const rows = await query
    .orderBy('report.submitted_at', 'DESC')
    .addOrderBy('report.id', 'DESC')
    .take(options.first + 1)
    .getMany();
  return pageOf(rows, options.first);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function pageOf(rows: ReportRow[], first: number): ReportPage {
  const page = rows.slice(0, first);
  return {
    nodes: page.map(toReport),
    endCursor: page.length > 0 ? encodeCursor([page[page.length - 1].submittedAt, page[page.length - 1].id]) : null,
    hasNextPage: rows.length > first,
  };
}

/**
 * First pages of reports for many values of one column at once (such as every kelurahan of a
 * list), newest first: a window query picks the ids, a second statement loads them.
 */
export async function firstPagesBy(
  db: DataSource,
  column: 'kelurahan_code' | 'opd_id',
  values: string[],
  options: { visibility: Visibility; first: number; state?: string | null },
): Promise<Map<string, ReportPage>> {
  const conditions = [`report.${column} IN (:...values)`];
  const params: Record<string, unknown> = { values, limit: options.first + 1 };
  if (options.visibility) {
    conditions.push(options.visibility.sql);
    Object.assign(params, options.visibility.params);
  }
  if (options.state) {
    conditions.push('report.state = :state');
    params.state = options.state;
  }
  const sql =
    `SELECT ranked.id AS id FROM (SELECT report.id AS id, ROW_NUMBER() OVER (PARTITION BY report.${column} ORDER BY report.submitted_at DESC, report.id DESC) AS position ` +
    `FROM rabeg_report report WHERE ${conditions.join(' AND ')}) ranked WHERE ranked.position <= :limit`;
  const [query, parameters] = db.driver.escapeQueryWithParameters(sql, params);
  const ids = ((await db.query(query, parameters)) as { id: string }[]).map((row) => row.id);
  const rows = ids.length === 0 ? [] : await db.getRepository(ReportRow).createQueryBuilder('report').where('report.id IN (:...ids)', { ids }).getMany();

  const byValue = new Map<string, ReportRow[]>(values.map((value) => [value, []]));
  for (const row of rows) byValue.get(column === 'kelurahan_code' ? row.kelurahanCode! : row.opdId!)?.push(row);
  const pages = new Map<string, ReportPage>();
  for (const [value, list] of byValue) {
    list.sort((a, b) => (a.submittedAt === b.submittedAt ? compareText(b.id, a.id) : compareText(b.submittedAt, a.submittedAt)));
    pages.set(value, pageOf(list, options.first));
  }
  return pages;
}
