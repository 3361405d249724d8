import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import type { RabegLoaders } from './loaders';
import { PageArgs } from './report-resolver';
import { visibilityCondition } from './reports';
import { checkRange, computeStats, loadStatsRows } from './stats';
import { Kelurahan, Opd, RabegStats, ReportPage, ReportState } from './types';
import { checkPageSize, reportPage } from './pages';
import { isKelurahanCode, isOpdId } from './input-formats';

type Context = RequestContext<RabegLoaders>;

/** Page of a kelurahan or OPD key that no report can have. */
const EMPTY_PAGE: ReportPage = { nodes: [], endCursor: null, hasNextPage: false };

@ArgsType()
class OpdReportsArgs extends PageArgs {
  @Field(() => ReportState, { nullable: true, description: 'Only reports in this state.' })
  state?: ReportState | null;
}

@Resolver(() => RabegStats)
export class StatsResolver {
  @Query(() => RabegStats, { description: 'City-wide public figures of the reports submitted between two local dates (YYYY-MM-DD, inclusive, at most 731 days). Public.' })
  async rabegStats(@Arg('from') from: string, @Arg('to') to: string, @Ctx() { db, calendar, clock }: Context): Promise<RabegStats> {
    const range = checkRange(from, to);
    return computeStats(await loadStatsRows(db, range, null), range, null, calendar, clock.now());
  }

  @FieldResolver(() => Opd, { nullable: true, description: 'The OPD of the figures; null for city-wide figures.' })
  opd(@Root() stats: RabegStats): Opd | null {
    return stats.opdId ? { id: stats.opdId } : null;
  }
}

@Resolver(() => Opd)
export class OpdReportsResolver {
  @FieldResolver(() => ReportPage, { nullable: true, description: 'Reports dispatched to this OPD that the caller may see, newest first; null when the rabeg subgraph cannot be reached.' })
  reports(@Root() opd: Opd, @Args() { first, after, state }: OpdReportsArgs, @Ctx() { db, loaders, identity, auth, clock }: Context): Promise<ReportPage> {
    const visibility = visibilityCondition(identity, auth);
    checkPageSize(first);
    if (!isOpdId(opd.id)) return Promise.resolve(EMPTY_PAGE);
    if (after) {
      return reportPage(db, { visibility, first, after, now: clock.now(), filter: { state }, where: { sql: 'report.opd_id = :pageOpd', params: { pageOpd: opd.id } } });
    }
    return loaders.reportsByOpd.load({ value: opd.id, first, state: state ?? null, visibility });
  }

  @FieldResolver(() => RabegStats, {
    nullable: true,
    description: 'Public figures of Rabeg reports dispatched to this OPD among those submitted between two local dates (YYYY-MM-DD, inclusive, at most 731 days); null when the rabeg subgraph cannot be reached.',
  })
  rabegStats(@Root() opd: Opd, @Arg('from') from: string, @Arg('to') to: string, @Ctx() { loaders, calendar, clock }: Context): Promise<RabegStats> {
    const range = checkRange(from, to);
    // An id that no OPD can have gets the figures of no reports, without a query.
    if (!isOpdId(opd.id)) return Promise.resolve(computeStats([], range, opd.id, calendar, clock.now()));
    return loaders.statsByOpd.load({ opdId: opd.id, range });
  }
}

@Resolver(() => Kelurahan)
export class KelurahanReportsResolver {
  @FieldResolver(() => ReportPage, { nullable: true, description: 'Rabeg reports in this kelurahan that the caller may see, newest first; null when the rabeg subgraph cannot be reached.' })
  reports(@Root() kelurahan: Kelurahan, @Args() { first, after }: PageArgs, @Ctx() { db, loaders, identity, auth, clock }: Context): Promise<ReportPage> {
    const visibility = visibilityCondition(identity, auth);
    checkPageSize(first);
    if (!isKelurahanCode(kelurahan.code)) return Promise.resolve(EMPTY_PAGE);
    if (after) {
      return reportPage(db, { visibility, first, after, now: clock.now(), where: { sql: 'report.kelurahan_code = :pageKelurahan', params: { pageKelurahan: kelurahan.code } } });
    }
    return loaders.reportsByKelurahan.load({ value: kelurahan.code, first, state: null, visibility });
  }
}

