import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { decodeCursor, encodeCursor } from '../../plugins/cursor';
import { inputError, RagemError } from '../../plugins/errors';
import { changeState, insertApplication, localDate, toApplication } from './applications';
import { toDukcapilService, toSlot } from './catalogue-resolver';
import { ApplicationRow } from './entities';
import { MAX_NOTE_LENGTH, MAX_PAGE_SIZE } from './errors';
import type { SmartdukcapilLoaders } from './loaders';
import { OFFICER_PERMISSION } from './permissions';
import {
  Application,
  ApplicationEvent,
  ApplicationPage,
  ApplicationState,
  ChangeApplicationStateInput,
  DukcapilService,
  Sex,
  Slot,
  SubmitApplicationInput,
} from './types';
import { normalizeNote, validateApplicationInput } from './validation';

type Context = RequestContext<SmartdukcapilLoaders>;

/** Maximum number of applications `myApplications` returns. */
const MY_APPLICATIONS_LIMIT = 100;

@ArgsType()
class ApplicationsArgs {
  @Field(() => ApplicationState, { nullable: true, description: 'Only applications in this state; all states when null.' })
  state?: ApplicationState | null;

  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page; the first page when null.' })
  after?: string | null;
}

/** Checks whether the caller is the applicant or an officer, the only callers who may read the application. */
function canRead(application: Pick<Application, 'applicantId'>, { identity, auth }: Context): boolean {
  return (identity.sub !== null && identity.sub === application.applicantId && auth.isSignedIn) || auth.hasPermission(OFFICER_PERMISSION);
}

/** Returns a personal field of the application, or throws FORBIDDEN unless the caller may read it. */
function personal<T>(application: Application, context: Context, value: T): T {
  if (!canRead(application, context)) throw new RagemError('FORBIDDEN');
  return value;
}

@Resolver(() => Application)
export class ApplicationResolver {
  @Mutation(() => Application, { description: 'Submit an application and book a place in a slot. Needs a signed-in caller.' })
  async submitApplication(@Arg('input') input: SubmitApplicationInput, @Ctx() { auth, db, clock, loaders, logger, requestId }: Context): Promise<Application> {
    const applicantId = auth.requireSignedIn();
    const now = clock.now();

    if (!(await loaders.serviceByCode.load(input.serviceCode))) throw inputError('UNKNOWN_SERVICE', 'input.serviceCode', { example: 'ktp-el' });
    validateApplicationInput(input, localDate(now));
    const slot = await loaders.slotById.load(input.slotId);
    if (!slot) throw inputError('SLOT_NOT_FOUND', 'input.slotId');
    if (slot.startsAt <= now.toISOString()) throw inputError('SLOT_STARTED', 'input.slotId');

    try {
      const row = await insertApplication(db, input, applicantId, now);
      logger.info({ requestId, trackingNumber: row.trackingNumber, serviceCode: row.serviceCode, slotId: row.slotId, applicantId }, 'application submitted');
      return toApplication(row);
    } catch (error) {
      if (error instanceof RagemError && error.code === 'SLOT_FULL') {
        logger.info({ requestId, slotId: input.slotId, applicantId }, 'application rejected: slot full');
      }
      throw error;
    }
  }

  @Mutation(() => Application, { description: `Move an application to another state, with a note. Needs the ${OFFICER_PERMISSION} permission.` })
  async changeApplicationState(@Arg('input') input: ChangeApplicationStateInput, @Ctx() { auth, db, clock, logger, requestId }: Context): Promise<Application> {
    auth.requirePermission(OFFICER_PERMISSION);
    const officerId = auth.requireSignedIn();

    const row = await db.getRepository(ApplicationRow).findOneBy({ trackingNumber: input.trackingNumber });
    if (!row) throw inputError('APPLICATION_NOT_FOUND', 'input.trackingNumber');
    const note = normalizeNote(input.note, 'input.note');
    const rejectionReason = normalizeNote(input.rejectionReason, 'input.rejectionReason');
    if (input.state === ApplicationState.REJECTED && !rejectionReason) {
      throw inputError('REJECTION_REASON_REQUIRED', 'input.rejectionReason', { max: MAX_NOTE_LENGTH });
    }

    const updated = await changeState(db, row, { to: input.state, note, rejectionReason, officerId, now: clock.now() });
    logger.info({ requestId, trackingNumber: row.trackingNumber, from: row.state, to: updated.state, officerId }, 'application state changed');
    return toApplication(updated);
  }

  @Query(() => [Application], { description: `Applications of the signed-in caller, newest first, at most ${MY_APPLICATIONS_LIMIT}.` })
  async myApplications(@Ctx() { auth, db }: Context): Promise<Application[]> {
    const applicantId = auth.requireSignedIn();
    const rows = await db.getRepository(ApplicationRow).find({
      where: { applicantId },
      order: { submittedAt: 'DESC', id: 'DESC' },
      take: MY_APPLICATIONS_LIMIT,
    });
    return rows.map(toApplication);
  }

  @Query(() => Application, {
    nullable: true,
    description: `One application by tracking number, for its applicant or a holder of ${OFFICER_PERMISSION}. Null when no application has that number or the caller is neither, so numbers cannot be probed.`,
  })
  async application(@Arg('trackingNumber') trackingNumber: string, @Ctx() context: Context): Promise<Application | null> {
    context.auth.requireSignedIn();
    const row = await context.db.getRepository(ApplicationRow).findOneBy({ trackingNumber });
    if (!row || !canRead(row, context)) return null;
    return toApplication(row);
  }

  @Query(() => ApplicationPage, { description: `Applications in submission order, oldest first. Needs the ${OFFICER_PERMISSION} permission.` })
  async applications(@Args() { state, first, after }: ApplicationsArgs, @Ctx() { auth, db }: Context): Promise<ApplicationPage> {
    auth.requirePermission(OFFICER_PERMISSION);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw inputError('INVALID_PAGE_SIZE', 'first', { max: MAX_PAGE_SIZE });

    const query = db.getRepository(ApplicationRow).createQueryBuilder('application');
    if (state) query.andWhere('application.state = :state', { state });
    if (after) {
      const [submittedAt, id] = decodeCursor(after, 'after', 2);
      const cursor = { submittedAt, id };
      query.andWhere('(application.submittedAt > :submittedAt OR (application.submittedAt = :submittedAt AND application.id > :id))', cursor);
    }
    const rows = await query
      .orderBy('application.submittedAt', 'ASC')
      .addOrderBy('application.id', 'ASC')
      .take(first + 1)
      .getMany();

    const page = rows.slice(0, first);
    return {
      items: page.map(toApplication),
      endCursor: page.length > 0 ? encodeCursor([page[page.length - 1].submittedAt, page[page.length - 1].id]) : null,
      hasNextPage: rows.length > first,
    };
  }

  @FieldResolver(() => DukcapilService)
  async service(@Root() application: Application, @Ctx() { loaders }: Context): Promise<DukcapilService> {
    return toDukcapilService((await loaders.serviceByCode.load(application.serviceCode))!);
  }

  @FieldResolver(() => Slot)
  async slot(@Root() application: Application, @Ctx() { loaders }: Context): Promise<Slot> {
    return toSlot((await loaders.slotById.load(application.slotId))!);
  }

  @FieldResolver(() => [ApplicationEvent], { description: 'State changes, oldest first.' })
  async history(@Root() application: Application, @Ctx() context: Context): Promise<ApplicationEvent[]> {
    const rows = personal(application, context, await context.loaders.eventsByApplication.load(application.id));
    return rows.map((row) => ({ state: row.state as ApplicationState, note: row.note, at: row.createdAt }));
  }

  @FieldResolver(() => String, { description: 'NIK of the applicant. Personal data: only the applicant and officers can read it.' })
  nik(@Root() application: Application, @Ctx() context: Context): string {
    return personal(application, context, application.nik);
  }

  @FieldResolver(() => String, { description: 'Kartu Keluarga number. Personal data: only the applicant and officers can read it.' })
  kkNumber(@Root() application: Application, @Ctx() context: Context): string {
    return personal(application, context, application.kkNumber);
  }

  @FieldResolver(() => String, { description: 'Birth date as YYYY-MM-DD. Personal data: only the applicant and officers can read it.' })
  birthDate(@Root() application: Application, @Ctx() context: Context): string {
    return personal(application, context, application.birthDate);
  }

  @FieldResolver(() => Sex, { description: 'Sex. Personal data: only the applicant and officers can read it.' })
  sex(@Root() application: Application, @Ctx() context: Context): Sex {
    return personal(application, context, application.sex);
  }

  @FieldResolver(() => [String], { description: 'Links to scanned documents. Personal data: only the applicant and officers can read them.' })
  documentUrls(@Root() application: Application, @Ctx() context: Context): string[] {
    return personal(application, context, application.documentUrls);
  }
}
