import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';

/**
 * Stub of the regions subgraph's Kelurahan entity with only its key. It lets this subgraph add
 * `wifiPoints` to Kelurahan and reference it from WifiPoint. The regions subgraph resolves the
 * other fields. It carries no descriptions, so the supergraph keeps those of regions.
 */
@Directive('@key(fields: "code")')
@ObjectType()
export class Kelurahan {
  @Field(() => ID)
  code: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A free public WiFi point in Kota Serang.' })
export class WifiPoint {
  @Field(() => ID, { description: 'Stable slug, such as gedung-juang-45.' })
  id: string;

  @Field({ description: 'Name of the place, such as Gedung Juang 45.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Street address, or null when no source gives it.' })
  address: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude in degrees, or null when no source gives it.' })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude in degrees, or null when no source gives it.' })
  longitude: number | null;

  @Field({ description: 'Source of the facts about this point, such as a study or a survey.' })
  source: string;

  /** Kemendagri code of its kelurahan, which the `kelurahan` field resolver turns into a reference. Not a schema field. */
  kelurahanCode: string | null;
}
