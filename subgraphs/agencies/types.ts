import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { OpdKind } from './kinds';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An OPD (Organisasi Perangkat Daerah), an agency of the Kota Serang government. ' +
    'The directory is partial, and opdDirectory states its coverage.',
})
export class Opd {
  @Field(() => ID, { description: 'Stable slug such as dishub. Other subgraphs store it as their OPD reference.' })
  id: string;

  @Field({ description: 'Full official name, such as Dinas Perhubungan.' })
  name: string;

  @Field({ description: 'Short name in common use, such as Dishub.' })
  acronym: string;

  @Field(() => OpdKind)
  kind: OpdKind;

  @Field(() => String, { nullable: true, description: 'Official website URL, or null until it is checked against a public source.' })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'Public contact, such as a phone number, or null until it is checked against a public source.' })
  contact: string | null;

  @Field(() => String, { nullable: true, description: 'Office address, or null until it is checked against a public source.' })
  address: string | null;

  @Field(() => [String], { description: 'Public-service areas it handles, as short Indonesian phrases such as "parkir".' })
  serviceAreas: string[];
}

@ObjectType({ description: 'Coverage of the OPD directory.' })
export class OpdDirectory {
  @Field(() => Int, { description: 'Number of OPD stored in the directory.' })
  agencyCount: number;

  @Field({ description: 'Whether the directory lists every OPD of Kota Serang. False while it lists fewer than the city\'s 32-33 OPD (an estimate).' })
  isComplete: boolean;

  @Field({ description: 'Explanation of the coverage, in the language of the request (Indonesian unless Accept-Language prefers English).' })
  note: string;
}
