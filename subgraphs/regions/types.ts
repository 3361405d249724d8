import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A kecamatan (district) of Kota Serang.' })
export class Kecamatan {
  @Field(() => ID, { description: 'Kemendagri code, such as 36.73.01.' })
  code: string;

  @Field({ description: 'Official name, such as Kasemen.' })
  name: string;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A kelurahan (urban village) of Kota Serang.' })
export class Kelurahan {
  @Field(() => ID, { description: 'Kemendagri code, such as 36.73.01.1011.' })
  code: string;

  @Field({ description: 'Official name. Not unique: two kelurahan are named Sukawana.' })
  name: string;

  /** Code of the kecamatan, resolved into `kecamatan` by a loader; not part of the schema. */
  kecamatanCode: string;
}
