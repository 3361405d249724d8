import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Sex, { name: 'Sex', description: 'Sex as written in the NIK.' });

export enum ApplicationState {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  IN_PROCESS = 'IN_PROCESS',
  READY_FOR_PICKUP = 'READY_FOR_PICKUP',
  REJECTED = 'REJECTED',
}
registerEnumType(ApplicationState, {
  name: 'ApplicationState',
  description: 'State of an application. It moves SUBMITTED, VERIFIED, IN_PROCESS, READY_FOR_PICKUP; any state before READY_FOR_PICKUP may move to REJECTED.',
});

/**
 * Stub of the regions subgraph's Kecamatan entity with only its key. It lets this subgraph add
 * `servicePoints` to Kecamatan and reference it from ServicePoint. It carries no descriptions, so
 * the supergraph keeps those of regions.
 */
@Directive('@key(fields: "code")')
@ObjectType()
export class Kecamatan {
  @Field(() => ID)
  code: string;
}

@ObjectType({ description: 'A civil registry service of Disdukcapil Kota Serang.' })
export class DukcapilService {
  @Field(() => ID, { description: 'Stable slug, such as ktp-el.' })
  code: string;

  @Field({ description: 'Name of the service, such as Akta Kelahiran.' })
  name: string;

  @Field(() => [String], { description: 'Documents to bring, in Indonesian. Indicative: officers may ask for more.' })
  requirements: string[];

  @Field(() => Int, { description: 'Indicative processing time in working days once the application is complete; not a guarantee.' })
  processingDays: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An office where citizens are served: the Disdukcapil office or a kecamatan office.' })
export class ServicePoint {
  @Field(() => ID, { description: 'Stable slug, such as kecamatan-kasemen.' })
  id: string;

  @Field({ description: 'Name of the office, such as Kantor Kecamatan Kasemen.' })
  name: string;

  /** Kemendagri code of its kecamatan, which the `kecamatan` field resolver turns into a reference. Not a schema field. */
  kecamatanCode: string | null;
}

@ObjectType({ description: 'A time at a service point with a fixed number of bookings.' })
export class Slot {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Start, as an ISO 8601 time in UTC.' })
  startsAt: string;

  @Field(() => Int, { description: 'Number of bookings the slot takes.' })
  capacity: number;

  @Field(() => Int, { description: 'Bookings taken so far, never above capacity.' })
  booked: number;

  /** Id of the service point, resolved into `servicePoint`. Not a schema field. */
  servicePointId: string;
}

@ObjectType({ description: 'One state change of an application.' })
export class ApplicationEvent {
  @Field(() => ApplicationState, { description: 'State the application entered.' })
  state: ApplicationState;

  @Field(() => String, { nullable: true, description: "Officer's note, or null when none was given." })
  note: string | null;

  @Field({ description: 'Time of the change, as an ISO 8601 time in UTC.' })
  at: string;
}

@ObjectType({
  description:
    'A citizen\'s application for a service. Only its applicant and holders of smartdukcapil:officer can read it; nik, kkNumber, birthDate, sex and documentUrls are personal data.',
})
export class Application {
  @Field({ description: 'Tracking number to quote at the service point, such as DKC-20300115-7KQ2MX.' })
  trackingNumber: string;

  @Field(() => ApplicationState)
  state: ApplicationState;

  @Field(() => String, { nullable: true, description: 'Reason given by the officer when the state is REJECTED, else null.' })
  rejectionReason: string | null;

  @Field({ description: 'Time of submission, as an ISO 8601 time in UTC.' })
  submittedAt: string;

  @Field({ description: 'Time of the last state change, as an ISO 8601 time in UTC.' })
  updatedAt: string;

  /** Fields resolved by ApplicationResolver; not schema fields themselves. */
  id: string;
  serviceCode: string;
  slotId: string;
  applicantId: string;
  nik: string;
  kkNumber: string;
  birthDate: string;
  sex: Sex;
  documentUrls: string[];
}

@ObjectType({ description: 'One page of applications.' })
export class ApplicationPage {
  @Field(() => [Application])
  items: Application[];

  @Field(() => String, { nullable: true, description: 'Cursor to pass as after for the next page, or null when the page is empty.' })
  endCursor: string | null;

  @Field({ description: 'Whether more applications follow this page.' })
  hasNextPage: boolean;
}

@InputType({ description: 'An application for a service, booked into a slot.' })
export class SubmitApplicationInput {
  @Field({ description: 'Code from dukcapilServices, such as ktp-el.' })
  serviceCode: string;

  @Field({ description: 'NIK of the applicant: 16 digits.' })
  nik: string;

  @Field({ description: 'Number of the Kartu Keluarga: 16 digits.' })
  kkNumber: string;

  @Field({ description: 'Birth date as YYYY-MM-DD; it must match the NIK.' })
  birthDate: string;

  @Field(() => Sex, { description: 'Sex; it must match the NIK.' })
  sex: Sex;

  @Field(() => [String], { description: 'https links to scanned documents, at most 10.' })
  documentUrls: string[];

  @Field(() => ID, { description: 'Slot from slots to visit the service point.' })
  slotId: string;
}

@InputType({ description: 'A state change of an application, made by an officer.' })
export class ChangeApplicationStateInput {
  @Field()
  trackingNumber: string;

  @Field(() => ApplicationState, { description: 'State to move to.' })
  state: ApplicationState;

  @Field(() => String, { nullable: true, description: 'Note for the applicant and other officers, at most 500 characters.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when state is REJECTED, at most 500 characters.' })
  rejectionReason?: string | null;
}
