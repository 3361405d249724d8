import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AccountRole {
  CITIZEN = 'CITIZEN',
  OFFICER = 'OFFICER',
  ADMIN = 'ADMIN',
}

registerEnumType(AccountRole, {
  name: 'AccountRole',
  description: 'Role of an account. An OFFICER works for one OPD; an ADMIN manages accounts and permissions.',
});

/**
 * Stub of the agencies subgraph's Opd entity with only its key, so Account.opd can reference it.
 * It carries no descriptions, so the supergraph keeps those of agencies.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Opd {
  @Field(() => ID)
  id: string;
}

/** Personal data of an account; resolved only for the account itself and for admins. */
export interface PersonalData {
  displayName: string;
  email: string | null;
  phone: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A RAGEM user account: a citizen, an officer of an OPD or an admin.' })
export class Account {
  @Field(() => ID, { description: 'Random UUID. Other subgraphs store it as their account reference.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Name shown in the app. Null unless the caller is this account or an admin.' })
  displayName: string | null;

  @Field(() => String, { nullable: true, description: 'Email address in lower case. Null when not set, or unless the caller is this account or an admin.' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number in E.164, such as +6281234567890. Null when not set, or unless the caller is this account or an admin.' })
  phone: string | null;

  @Field(() => AccountRole)
  role: AccountRole;

  @Field(() => Date, { description: 'When the account was created.' })
  createdAt: Date;

  /** OPD id of an officer, turned into `opd` by a field resolver; not a schema field. */
  opdId: string | null;

  /** Values of the personal fields, kept out of the default resolvers. */
  personal: PersonalData;

  /**
   * True when the request proved it owns this account (register, login or refresh), so the
   * personal fields are shown even though the caller's identity is still anonymous.
   */
  revealPersonal: boolean;
}

@ObjectType({ description: 'Tokens of a new session and its account.' })
export class AuthPayload {
  @Field({ description: 'JWT (EdDSA) to send as "Authorization: Bearer <token>"; valid for 15 minutes.' })
  accessToken: string;

  @Field(() => Date, { description: 'When the access token expires.' })
  accessTokenExpiresAt: Date;

  @Field({ description: 'Opaque token for refreshToken, valid for 30 days and usable once. Keep it secret.' })
  refreshToken: string;

  @Field(() => Date, { description: 'When the refresh token expires.' })
  refreshTokenExpiresAt: Date;

  @Field(() => Account)
  account: Account;
}

@ObjectType({ description: 'One page of accounts, oldest first.' })
export class AccountPage {
  @Field(() => [Account])
  nodes: Account[];

  @Field(() => String, { nullable: true, description: 'Cursor to pass as `after` for the next page; null when the page is empty.' })
  endCursor: string | null;

  @Field({ description: 'Whether more accounts follow this page.' })
  hasNextPage: boolean;

  @Field(() => Int, { description: 'Number of accounts in all pages.' })
  totalCount: number;
}

@InputType({ description: 'A new citizen account. Give an email address, a phone number or both.' })
export class RegisterInput {
  @Field({ description: 'Name shown in the app, 1 to 100 characters.' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Email address; stored in lower case.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Indonesian phone number, such as 0812-3456-7890, 6281234567890 or +6281234567890.' })
  phone?: string | null;

  @Field({ description: 'At least 8 and at most 128 characters, with a letter and a digit.' })
  password: string;
}
