import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { inputError, RagemError } from '../../plugins/errors';
import { runTransaction } from '../../plugins/transactions';
import { findNearbyOpenReports } from './duplicates';
import { ReportRow, SupportRow } from './entities';
import type { RabegConfig } from './config';
import type { RabegLoaders } from './loaders';
import { isPublic, isReporter, OPEN_STATES, toReport } from './reports';
import { isUniqueViolation, storeSubmission } from './submission';
import { isCategoryCode, normalizeTrackingNumber } from './input-formats';
import { Report, ReportState, Severity, SubmitReportInput, SubmitReportPayload } from './types';
import { cleanSubmission, submissionHash } from './validation';

type Context = RequestContext<RabegLoaders, RabegConfig>;

const HOUR_SECONDS = 3600;

@Resolver(() => Report)
export class SubmitResolver {
  @Mutation(() => SubmitReportPayload, {
    description:
      'Submit a report. Needs a signed-in caller. Returns the report with its tracking number at once, and open reports of the same category within 50 metres. Send a clientKey so a retry after a lost answer returns the same report.',
  })
  async submitReport(@Arg('input') input: SubmitReportInput, @Ctx() { auth, db, cache, config, clock, calendar, loaders, logger, requestId }: Context): Promise<SubmitReportPayload> {
    const reporterId = auth.requireSignedIn();
    const category = isCategoryCode(input.categoryCode) ? await loaders.categoryByCode.load(input.categoryCode) : null;
    if (!category) throw inputError('UNKNOWN_CATEGORY', 'input.categoryCode', { example: 'street-light' });
    const submission = cleanSubmission(input, category.defaultSeverity as Severity);

    const now = clock.now();
    const admit = async () => {
      // One counter per account and clock hour, shared by every process through the cache.
      const hour = Math.floor(now.getTime() / 1000 / HOUR_SECONDS);
      const count = await cache.increment(`submissions:${reporterId}:${hour}`, HOUR_SECONDS);
      if (count > config.MAX_REPORTS_PER_HOUR) {
        logger.warn({ requestId, limit: config.MAX_REPORTS_PER_HOUR }, 'report rejected: hourly limit of the account reached');
        throw new RagemError('TOO_MANY_REPORTS', { max: config.MAX_REPORTS_PER_HOUR });
      }
    };
    const { row, replayed } = await storeSubmission(db, { submission, bodyHash: submissionHash(submission, input.severity ?? null), reporterId, category, now, calendar }, admit);
    const nearby =
      row.latitude === null || row.longitude === null
        ? []
        : await findNearbyOpenReports(db, { categoryCode: row.categoryCode, latitude: Number(row.latitude), longitude: Number(row.longitude), excludeId: row.id });
    logger.info(
      { requestId, trackingNumber: row.trackingNumber, categoryCode: row.categoryCode, replayed, possibleDuplicates: nearby.length, anonymous: row.anonymous === 1, confidential: row.confidential === 1 },
      replayed ? 'report submission replayed' : 'report submitted',
    );
    return {
      report: toReport(row),
      possibleDuplicates: nearby.map(({ row: match, distanceMetres }) => ({ report: toReport(match), distanceMetres: Math.round(distanceMetres * 10) / 10 })),
      replayed,
    };
  }

  @Mutation(() => Report, { description: 'Support ("me too") an open public report, once per account. Needs a signed-in caller other than its reporter.' })
  async supportReport(@Arg('trackingNumber') trackingNumber: string, @Ctx() { auth, db, identity, clock, logger, requestId }: Context): Promise<Report> {
    const accountId = auth.requireSignedIn();
    const normalized = normalizeTrackingNumber(trackingNumber);
    const row = normalized ? await db.getRepository(ReportRow).findOneBy({ trackingNumber: normalized }) : null;
    const report = row && toReport(row);
    if (!row || !report || !isPublic(report)) throw inputError('REPORT_NOT_FOUND', 'trackingNumber');
    if (!OPEN_STATES.includes(report.state)) throw inputError('REPORT_NOT_OPEN', 'trackingNumber', { state: report.state });
    if (isReporter(identity, report)) throw inputError('OWN_REPORT', 'trackingNumber');
    if (await db.getRepository(SupportRow).existsBy({ reportId: row.id, accountId })) throw inputError('ALREADY_SUPPORTED', 'trackingNumber');

    try {
      await runTransaction(db, async (manager) => {
        // The count goes first: it locks the report's row, as closing a duplicate onto this report
        // does, and it only matches while the report is still open.
        const counted = await manager
          .createQueryBuilder()
          .update(ReportRow)
          .set({ supportCount: () => 'support_count + 1' })
          .where('id = :id AND state IN (:...open)', { id: row.id, open: OPEN_STATES })
          .execute();
        if (counted.affected !== 1) throw inputError('REPORT_NOT_OPEN', 'trackingNumber', { state: ReportState.CLOSED });
        await manager.getRepository(SupportRow).insert({ reportId: row.id, accountId, createdAt: clock.now().toISOString() });
      });
    } catch (error) {
      // A second support sent at the same moment loses on the primary key.
      if (isUniqueViolation(error)) throw inputError('ALREADY_SUPPORTED', 'trackingNumber');
      throw error;
    }
    logger.info({ requestId, trackingNumber: row.trackingNumber }, 'report supported');
    return toReport((await db.getRepository(ReportRow).findOneByOrFail({ id: row.id })));
  }
}

