import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { inputError } from '../../plugins/errors';
import { toSlot } from './catalogue-resolver';
import { SlotRow } from './entities';
import type { SmartdukcapilLoaders } from './loaders';
import { OFFICER_PERMISSION } from './permissions';
import { Slot } from './types';
import { parseSlotStart, validateCapacity } from './validation';

type Context = RequestContext<SmartdukcapilLoaders>;

@Resolver(() => Slot)
export class SlotResolver {
  @Mutation(() => Slot, { description: `Open a slot at a service point. Needs the ${OFFICER_PERMISSION} permission.` })
  async openSlot(
    @Arg('servicePointId', () => ID) servicePointId: string,
    @Arg('startsAt', { description: 'Start as an ISO 8601 date and time with a time zone, such as 2030-01-15T08:00:00+07:00.' }) startsAt: string,
    @Arg('capacity', () => Int, { description: 'Number of bookings the slot takes.' }) capacity: number,
    @Ctx() { auth, db, clock, loaders, logger, requestId }: Context,
  ): Promise<Slot> {
    auth.requirePermission(OFFICER_PERMISSION);
    const officerId = auth.requireSignedIn();
    if (!(await loaders.servicePointById.load(servicePointId))) throw inputError('SERVICE_POINT_NOT_FOUND', 'servicePointId');
    const now = clock.now();
    const start = parseSlotStart(startsAt, now);
    validateCapacity(capacity);

    const row: SlotRow = {
      id: randomUUID(),
      servicePointId,
      startsAt: start,
      capacity,
      booked: 0,
      openedBy: officerId,
      createdAt: now.toISOString(),
    };
    await db.getRepository(SlotRow).insert(row);
    logger.info({ requestId, slotId: row.id, servicePointId, capacity, officerId }, 'slot opened');
    return toSlot(row);
  }
}
