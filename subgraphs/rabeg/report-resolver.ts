import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { inputError } from '../../plugins/errors';
import { toCategory } from './category-resolver';
import { findNearbyOpenReports } from './duplicates';
import { CITY_BOUNDS, isInsideCity } from './geo';
import type { RabegLoaders } from './loaders';
import { reportPage } from './pages';
import { canRead, canSeeReporter, isReporter, RUNNING_STATES, toReport, visibilityCondition } from './reports';
import { MAX_PAGE_SIZE } from './errors';
import { isCategoryCode, normalizeTrackingNumber } from './input-formats';
import { outsideField } from './validation';
import { Account, Kelurahan, NearbyReport, Opd, Report, ReportCategory, ReportEvent, ReportFilter, ReportPage, ReportState, ReportAction, TimelineActor, CloseReason } from './types';

type Context = RequestContext<RabegLoaders>;


@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page; the first page when null.' })
  after?: string | null;
}

@ArgsType()
class ReportsArgs extends PageArgs {
  @Field(() => ReportFilter, { nullable: true })
  filter?: ReportFilter | null;
}

/** Return the report with this tracking number if the caller may read it, else null. */
export async function readableReport(trackingNumber: string, context: Context): Promise<Report | null> {
  const normalized = normalizeTrackingNumber(trackingNumber);
  const row = normalized && (await context.loaders.reportByTrackingNumber.load(normalized));
  if (!row) return null;
  const report = toReport(row);
  return canRead(report, context.identity, context.auth) ? report : null;
}

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, {
    nullable: true,
    description: 'One report by tracking number, or null when none has it or the caller may not see it (the public sees reports from VERIFIED on that are not confidential).',
  })
  report(@Arg('trackingNumber') trackingNumber: string, @Ctx() context: Context): Promise<Report | null> {
    return readableReport(trackingNumber, context);
  }

  @Query(() => ReportPage, {
    description:
      'Reports the caller may see, newest first. The public sees reports from VERIFIED on that are not confidential; a signed-in citizen also their own; an officer also those dispatched to their OPD; coordinators and admins all.',
  })
  reports(@Args() { first, after, filter }: ReportsArgs, @Ctx() { db, identity, auth, clock }: Context): Promise<ReportPage> {
    return reportPage(db, { visibility: visibilityCondition(identity, auth), first, after, filter, now: clock.now() });
  }

  @Query(() => ReportPage, { description: 'Reports of the signed-in caller, in every state, newest first.' })
  myReports(@Args() { first, after }: PageArgs, @Ctx() { db, auth, clock }: Context): Promise<ReportPage> {
    const reporterId = auth.requireSignedIn();
    return reportPage(db, { visibility: null, first, after, now: clock.now(), where: { sql: 'report.reporter_id = :reporterId', params: { reporterId } } });
  }

  @Query(() => [NearbyReport], {
    description: 'Open public reports of a category within 50 metres of a point, nearest first. Call it before submitting, and offer to support a match instead. Public.',
  })
  async nearbyReports(
    @Arg('categoryCode') categoryCode: string,
    @Arg('latitude', () => Float) latitude: number,
    @Arg('longitude', () => Float) longitude: number,
    @Ctx() { db, loaders }: Context,
  ): Promise<NearbyReport[]> {
    if (!isCategoryCode(categoryCode) || !(await loaders.categoryByCode.load(categoryCode))) throw inputError('UNKNOWN_CATEGORY', 'categoryCode', { example: 'street-light' });
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || !isInsideCity(latitude, longitude)) {
      throw inputError('OUTSIDE_CITY', outsideField(latitude, 'latitude', 'longitude'), { ...CITY_BOUNDS });
    }
    const nearby = await findNearbyOpenReports(db, { categoryCode, latitude, longitude });
    return nearby.map(({ row, distanceMetres }) => ({ report: toReport(row), distanceMetres: Math.round(distanceMetres * 10) / 10 }));
  }

  @FieldResolver(() => ReportCategory)
  async category(@Root() report: Report, @Ctx() { loaders }: Context): Promise<ReportCategory> {
    return toCategory((await loaders.categoryByCode.load(report.categoryCode))!);
  }

  @FieldResolver(() => Kelurahan, { nullable: true, description: 'The kelurahan, when the reporter gave one.' })
  kelurahan(@Root() report: Report): Kelurahan | null {
    return report.kelurahanCode ? { code: report.kelurahanCode } : null;
  }

  @FieldResolver(() => Opd, { nullable: true, description: 'The OPD the report is dispatched to; null before dispatch.' })
  opd(@Root() report: Report): Opd | null {
    return report.opdId ? { id: report.opdId } : null;
  }

  @FieldResolver(() => Report, { nullable: true, description: 'The original report when this one was closed as its duplicate, if the caller may see it.' })
  async duplicateOf(@Root() report: Report, @Ctx() context: Context): Promise<Report | null> {
    if (!report.duplicateOfId) return null;
    const row = await context.loaders.reportById.load(report.duplicateOfId);
    if (!row) return null;
    const original = toReport(row);
    return canRead(original, context.identity, context.auth) ? original : null;
  }

  @FieldResolver(() => [ReportEvent], { description: 'Every step of the report, oldest first, with the role and OPD of who took it; never their name.' })
  async timeline(@Root() report: Report, @Ctx() { loaders }: Context): Promise<ReportEvent[]> {
    const rows = await loaders.eventsByReport.load(report.id);
    return rows.map((row) => ({
      sequence: row.sequence,
      action: row.action as ReportAction,
      fromState: row.fromState as ReportState | null,
      toState: row.toState as ReportState,
      actorRole: row.actorRole as TimelineActor,
      actorOpdId: row.actorOpdId,
      opdId: row.opdId,
      closeReason: row.closeReason as CloseReason | null,
      note: row.note,
      at: row.createdAt,
    }));
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description:
      'The reporting account, for the reporter, coordinators and admins, and for officers of its OPD unless the report is anonymous; null for everyone else, the public included. What the account shows is up to the accounts subgraph.',
  })
  reporter(@Root() report: Report, @Ctx() { identity, auth }: Context): Account | null {
    return canSeeReporter(report, identity, auth) ? { id: report.reporterId } : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the signed-in caller submitted this report.' })
  isMine(@Root() report: Report, @Ctx() { identity }: Context): boolean {
    return isReporter(identity, report);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the signed-in caller supports this report; false for anonymous callers.' })
  async supportedByMe(@Root() report: Report, @Ctx() { identity, auth, loaders }: Context): Promise<boolean> {
    if (!auth.isSignedIn) return false;
    return loaders.supportByAccountAndReport.load(`${identity.sub} ${report.id}`);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the deadline of the current step (dueAt) has passed.' })
  overdue(@Root() report: Report, @Ctx() { clock }: Context): boolean {
    return RUNNING_STATES.includes(report.state) && report.dueAt !== null && report.dueAt < clock.now().toISOString();
  }
}

@Resolver(() => ReportEvent)
export class ReportEventResolver {
  @FieldResolver(() => Opd, { nullable: true, description: 'OPD the actor works for: the officer\'s OPD, or a coordinator\'s own OPD when they belong to one; null for reporters, admins without an OPD and the system.' })
  actorOpd(@Root() event: ReportEvent): Opd | null {
    return event.actorOpdId ? { id: event.actorOpdId } : null;
  }

  @FieldResolver(() => Opd, { nullable: true, description: 'OPD the report was dispatched or rerouted to by this entry.' })
  opd(@Root() event: ReportEvent): Opd | null {
    return event.opdId ? { id: event.opdId } : null;
  }
}
