import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Like } from 'typeorm';
import type { RequestContext } from '../../plugins/contract';
import { inputError } from '../../plugins/errors';
import { KECAMATAN_CODE_PATTERN, KELURAHAN_CODE_PATTERN, MAX_SEARCH_LENGTH, searchKeyOf } from './codes';
import { KecamatanRow, KelurahanRow } from './entities';
import type { RegionsLoaders } from './loaders';
import { Kecamatan, Kelurahan } from './types';

type Context = RequestContext<RegionsLoaders>;

/** Most kelurahan a search returns; the city has 67 in all. */
const SEARCH_LIMIT = 50;

export function toKecamatan(row: KecamatanRow): Kecamatan {
  return { code: row.code, name: row.name };
}

export function toKelurahan(row: KelurahanRow): Kelurahan {
  return { code: row.code, name: row.name, kecamatanCode: row.kecamatanCode };
}

function checkCode(code: string, pattern: RegExp, field: string, format: string, example: string): void {
  if (!pattern.test(code)) throw inputError('INVALID_REGION_CODE', field, { format, example });
}

@Resolver(() => Kecamatan)
export class KecamatanResolver {
  @Query(() => [Kecamatan], { description: 'The 6 kecamatan of Kota Serang, by code.' })
  async kecamatanList(@Ctx() { db }: Context): Promise<Kecamatan[]> {
    const rows = await db.getRepository(KecamatanRow).find({ order: { code: 'ASC' } });
    return rows.map(toKecamatan);
  }

  @Query(() => Kecamatan, { nullable: true, description: 'One kecamatan by Kemendagri code; null when no kecamatan has it.' })
  async kecamatan(@Arg('code', () => ID) code: string, @Ctx() { loaders }: Context): Promise<Kecamatan | null> {
    checkCode(code, KECAMATAN_CODE_PATTERN, 'code', 'NN.NN.NN', '36.73.02');
    const row = await loaders.kecamatanByCode.load(code);
    return row && toKecamatan(row);
  }

  @FieldResolver(() => [Kelurahan], { description: 'Its kelurahan, by code.' })
  async kelurahan(@Root() kecamatan: Kecamatan, @Ctx() { loaders }: Context): Promise<Kelurahan[]> {
    const rows = await loaders.kelurahanByKecamatan.load(kecamatan.code);
    return rows.map(toKelurahan);
  }
}

@Resolver(() => Kelurahan)
export class KelurahanResolver {
  @Query(() => Kelurahan, { nullable: true, description: 'One kelurahan by Kemendagri code; null when no kelurahan has it.' })
  async kelurahan(@Arg('code', () => ID) code: string, @Ctx() { loaders }: Context): Promise<Kelurahan | null> {
    checkCode(code, KELURAHAN_CODE_PATTERN, 'code', 'NN.NN.NN.NNNN', '36.73.01.1011');
    const row = await loaders.kelurahanByCode.load(code);
    return row && toKelurahan(row);
  }

  @Query(() => [Kelurahan], {
    description: `Kelurahan whose name contains the term, ignoring case, spaces and punctuation; at most ${SEARCH_LIMIT}.`,
  })
  async kelurahanSearch(@Arg('name') name: string, @Ctx() { db }: Context): Promise<Kelurahan[]> {
    const key = searchKeyOf(name);
    if (key.length === 0 || name.length > MAX_SEARCH_LENGTH) {
      throw inputError('INVALID_SEARCH_TERM', 'name', { max: MAX_SEARCH_LENGTH });
    }
    // The key holds only [a-z0-9], so it cannot carry LIKE wildcards.
    const rows = await db.getRepository(KelurahanRow).find({
      where: { searchKey: Like(`%${key}%`) },
      order: { code: 'ASC' },
      take: SEARCH_LIMIT,
    });
    return rows.map(toKelurahan);
  }

  @FieldResolver(() => Kecamatan, { description: 'The kecamatan it belongs to.' })
  async kecamatan(@Root() kelurahan: Kelurahan, @Ctx() { loaders }: Context): Promise<Kecamatan> {
    const row = await loaders.kecamatanByCode.load(kelurahan.kecamatanCode);
    if (!row) throw new Error(`kecamatan ${kelurahan.kecamatanCode} of kelurahan ${kelurahan.code} is missing`);
    return toKecamatan(row);
  }
}
