import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { inputError } from '../../plugins/errors';
import { OpdRow } from './entities';
import { isValidOpdId, MAX_OPD_ID_LENGTH } from './ids';
import { OpdKind } from './kinds';
import type { AgenciesLoaders } from './loaders';
import { directoryNote, OPD_DIRECTORY_IS_COMPLETE } from './opd-data';
import { Opd, OpdDirectory } from './types';

type Context = RequestContext<AgenciesLoaders>;

export function toOpd(row: OpdRow): Opd {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind,
    website: row.website,
    contact: row.contact,
    address: row.address,
    serviceAreas: row.serviceAreas,
  };
}

@Resolver(() => Opd)
export class OpdResolver {
  @Query(() => [Opd], {
    description: 'OPD in the directory, ordered by name and then id, and only those of the given kind when kind is set. The directory is partial.',
  })
  async opdList(
    @Arg('kind', () => OpdKind, { nullable: true }) kind: OpdKind | null | undefined,
    @Ctx() { db }: Context,
  ): Promise<Opd[]> {
    const rows = await db.getRepository(OpdRow).find({
      where: kind ? { kind } : {},
      order: { name: 'ASC', id: 'ASC' },
    });
    return rows.map(toOpd);
  }

  @Query(() => Opd, { nullable: true, description: 'One OPD by id, or null when the directory has no OPD with that id.' })
  async opd(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Opd | null> {
    if (!isValidOpdId(id)) {
      throw inputError('INVALID_OPD_ID', 'id', { max: MAX_OPD_ID_LENGTH, example: 'dishub' });
    }
    const row = await loaders.opdById.load(id);
    return row && toOpd(row);
  }

  @Query(() => OpdDirectory, { description: 'Coverage of the OPD directory, which is partial for now.' })
  async opdDirectory(@Ctx() { db, language }: Context): Promise<OpdDirectory> {
    const agencyCount = await db.getRepository(OpdRow).count();
    return {
      agencyCount,
      isComplete: OPD_DIRECTORY_IS_COMPLETE,
      note: directoryNote(agencyCount, language),
    };
  }
}
