import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { PluginServices } from '../../plugins/contract';
import { loaderByKey, loaderOfGroups } from '../../plugins/dataloaders';
import { CategoryRow, ReportEventRow, ReportRow, SupportRow } from './entities';
import { firstPagesBy, Visibility } from './pages';
import { computeStats, DateRange, loadStatsRows } from './stats';
import type { RabegStats, ReportPage } from './types';

export type RabegLoaders = ReturnType<typeof createRabegLoaders>;

/** A first page of one kelurahan's or one OPD's reports, batched by page arguments. */
export interface PageKey {
  value: string;
  first: number;
  state: string | null;
  visibility: Visibility;
}

/** Figures of one OPD for a range, batched by range. */
export interface StatsKey {
  opdId: string;
  range: DateRange;
}

/**
 * Batch keys that differ only in their value (a kelurahan code, an OPD id): each group of keys
 * with the same `sharedOf` is loaded with one call.
 */
function groupedLoader<TKey, TResult>(
  valueOf: (key: TKey) => string,
  sharedOf: (key: TKey) => string,
  load: (values: string[], sample: TKey) => Promise<Map<string, TResult>>,
) {
  const cacheKey = (key: TKey) => `${sharedOf(key)}\u0000${valueOf(key)}`;
  return new DataLoader<TKey, TResult, string>(
    async (keys) => {
      const groups = new Map<string, TKey[]>();
      for (const key of keys) groups.set(sharedOf(key), [...(groups.get(sharedOf(key)) ?? []), key]);
      const results = new Map<string, TResult>();
      for (const [shared, members] of groups) {
        const loaded = await load([...new Set(members.map(valueOf))], members[0]);
        for (const [value, result] of loaded) results.set(`${shared}\u0000${value}`, result);
      }
      return keys.map((key) => results.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey },
  );
}

const pageShared = (key: PageKey) => JSON.stringify([key.first, key.state, key.visibility]);

/** Creates the DataLoaders of one request. Each batch costs one or two SQL statements. */
export function createRabegLoaders({ db, calendar, clock }: PluginServices) {
  const categories = db.getRepository(CategoryRow);
  const reports = db.getRepository(ReportRow);
  const events = db.getRepository(ReportEventRow);
  const supports = db.getRepository(SupportRow);

  return {
    categoryByCode: loaderByKey<CategoryRow>((codes) => categories.findBy({ code: In(codes) }), 'code'),
    reportById: loaderByKey<ReportRow>((ids) => reports.findBy({ id: In(ids) }), 'id'),
    reportByTrackingNumber: loaderByKey<ReportRow>((numbers) => reports.findBy({ trackingNumber: In(numbers) }), 'trackingNumber'),
    /** Timeline of each report id, oldest first. */
    eventsByReport: loaderOfGroups<ReportEventRow>((ids) => events.find({ where: { reportId: In(ids) }, order: { reportId: 'ASC', sequence: 'ASC' } }), 'reportId'),
    /** Supports of each report id by one account; the key is `<accountId> <reportId>`. */
    supportByAccountAndReport: new DataLoader<string, boolean>(async (keys) => {
      const byAccount = new Map<string, string[]>();
      for (const key of keys) {
        const [accountId, reportId] = key.split(' ');
        byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), reportId]);
      }
      const found = new Set<string>();
      for (const [accountId, reportIds] of byAccount) {
        const rows = await supports.findBy({ accountId, reportId: In(reportIds) });
        for (const row of rows) found.add(`${row.accountId} ${row.reportId}`);
      }
      return keys.map((key) => found.has(key));
    }),
    reportsByKelurahan: groupedLoader<PageKey, ReportPage>(
      (key) => key.value,
      pageShared,
      (values, sample) => firstPagesBy(db, 'kelurahan_code', values, sample),
    ),
    reportsByOpd: groupedLoader<PageKey, ReportPage>(
      (key) => key.value,
      pageShared,
      (values, sample) => firstPagesBy(db, 'opd_id', values, sample),
    ),
    statsByOpd: groupedLoader<StatsKey, RabegStats>(
      (key) => key.opdId,
      (key) => `${key.range.from} ${key.range.to}`,
      async (opdIds, sample) => {
        const rows = await loadStatsRows(db, sample.range, opdIds);
        const byOpd = new Map<string, typeof rows>(opdIds.map((opdId) => [opdId, []]));
        for (const row of rows) byOpd.get(row.opdId!)?.push(row);
        const now = clock.now();
        return new Map(opdIds.map((opdId) => [opdId, computeStats(byOpd.get(opdId)!, sample.range, opdId, calendar, now)]));
      },
    ),
  };
}
