import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { DukcapilServiceRow, ServicePointRow, SlotRow } from './entities';
import type { SmartdukcapilLoaders } from './loaders';
import { DukcapilService, Kecamatan, ServicePoint, Slot } from './types';
import { MoreThan } from 'typeorm';

type Context = RequestContext<SmartdukcapilLoaders>;

export function toDukcapilService(row: DukcapilServiceRow): DukcapilService {
  return { code: row.code, name: row.name, requirements: JSON.parse(row.requirements) as string[], processingDays: row.processingDays };
}

export function toServicePoint(row: ServicePointRow): ServicePoint {
  return { id: row.id, name: row.name, kecamatanCode: row.kecamatanCode };
}

export function toSlot(row: SlotRow): Slot {
  return { id: row.id, startsAt: row.startsAt, capacity: row.capacity, booked: row.booked, servicePointId: row.servicePointId };
}

@Resolver(() => DukcapilService)
export class CatalogueResolver {
  @Query(() => [DukcapilService], { description: 'The civil registry services citizens can apply for, in catalogue order.' })
  async dukcapilServices(@Ctx() { db }: Context): Promise<DukcapilService[]> {
    const rows = await db.getRepository(DukcapilServiceRow).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toDukcapilService);
  }
}

@Resolver(() => ServicePoint)
export class ServicePointResolver {
  @Query(() => [ServicePoint], { description: 'Offices where citizens are served, ordered by name and then id.' })
  async servicePoints(@Ctx() { db }: Context): Promise<ServicePoint[]> {
    const rows = await db.getRepository(ServicePointRow).find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toServicePoint);
  }

  @FieldResolver(() => Kecamatan, { nullable: true, description: 'The kecamatan the office serves, or null for the city-wide Disdukcapil office.' })
  kecamatan(@Root() point: ServicePoint): Kecamatan | null {
    return point.kecamatanCode ? { code: point.kecamatanCode } : null;
  }

  @FieldResolver(() => [Slot], { description: 'Slots of this office that have not started, earliest first, at most 100.' })
  async slots(@Root() point: ServicePoint, @Ctx() { db, clock }: Context): Promise<Slot[]> {
    const rows = await db.getRepository(SlotRow).find({
      where: { servicePointId: point.id, startsAt: MoreThan(clock.now().toISOString()) },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: 100,
    });
    return rows.map(toSlot);
  }
}

@Resolver(() => Slot)
export class SlotFieldResolver {
  @Query(() => Slot, { nullable: true, description: 'One slot by id, or null when no slot has that id.' })
  async slot(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Slot | null> {
    const row = await loaders.slotById.load(id);
    return row && toSlot(row);
  }

  @FieldResolver(() => ServicePoint)
  async servicePoint(@Root() slot: Slot, @Ctx() { loaders }: Context): Promise<ServicePoint> {
    const row = await loaders.servicePointById.load(slot.servicePointId);
    return toServicePoint(row!);
  }
}

@Resolver(() => Kecamatan)
export class KecamatanServicePointsResolver {
  @FieldResolver(() => [ServicePoint], {
    nullable: true,
    description: 'Disdukcapil service points in this kecamatan, ordered by name and then id. The city-wide office is not listed.',
  })
  async servicePoints(@Root() kecamatan: Kecamatan, @Ctx() { loaders }: Context): Promise<ServicePoint[]> {
    const rows = await loaders.servicePointsByKecamatan.load(kecamatan.code);
    return rows.map(toServicePoint);
  }
}
