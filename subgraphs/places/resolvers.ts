import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { inputError } from '../../plugins/errors';
import { WifiPointRow } from './entities';
import { isValidPlaceId, MAX_PLACE_ID_LENGTH } from './ids';
import type { PlacesLoaders } from './loaders';
import { Kelurahan, WifiPoint } from './types';

type Context = RequestContext<PlacesLoaders>;

export function toWifiPoint(row: WifiPointRow): WifiPoint {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    source: row.source,
    kelurahanCode: row.kelurahanCode,
  };
}

@Resolver(() => WifiPoint)
export class WifiPointResolver {
  @Query(() => [WifiPoint], { description: 'Stored free public WiFi points, ordered by name and then id.' })
  async wifiPoints(@Ctx() { db }: Context): Promise<WifiPoint[]> {
    const rows = await db.getRepository(WifiPointRow).find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map(toWifiPoint);
  }

  @Query(() => WifiPoint, { nullable: true, description: 'One WiFi point by id, or null when no point has that id.' })
  async wifiPoint(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<WifiPoint | null> {
    if (!isValidPlaceId(id)) {
      throw inputError('INVALID_PLACE_ID', 'id', { max: MAX_PLACE_ID_LENGTH, example: 'gedung-juang-45' });
    }
    const row = await loaders.wifiPointById.load(id);
    return row && toWifiPoint(row);
  }

  @FieldResolver(() => Kelurahan, { nullable: true, description: 'The kelurahan the point is in, or null when no source gives it.' })
  kelurahan(@Root() point: WifiPoint): Kelurahan | null {
    return point.kelurahanCode ? { code: point.kelurahanCode } : null;
  }
}

@Resolver(() => Kelurahan)
export class KelurahanWifiResolver {
  @FieldResolver(() => [WifiPoint], {
    nullable: true,
    description: 'Free public WiFi points stored for this kelurahan, ordered by name and then id. Points without a known kelurahan are not listed.',
  })
  async wifiPoints(@Root() kelurahan: Kelurahan, @Ctx() { loaders }: Context): Promise<WifiPoint[]> {
    const rows = await loaders.wifiPointsByKelurahan.load(kelurahan.code);
    return rows.map(toWifiPoint);
  }
}
