import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/*
 * Times are stored as ISO 8601 strings in UTC (Date.toISOString(), always 24 characters), which
 * sort and compare the same way on SQLite and PostgreSQL. The host compares only constraint and
 * index names with the tables, so keep the CHECK expression equal to the migration's by hand.
 */

@Entity({ name: 'account' })
@Index('uq_account_email', ['email'], { unique: true })
@Index('uq_account_phone', ['phone'], { unique: true })
@Check('chk_account_role', `"role" IN ('CITIZEN', 'OFFICER', 'ADMIN')`)
export class AccountRow {
  /** Random UUID. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  /** Lower-cased email address, or null when the account signs in by phone. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** E.164 phone number such as +6281234567890, or null when the account signs in by email. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone: string | null;

  /** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  /** CITIZEN, OFFICER or ADMIN. */
  @Column({ type: 'varchar', length: 16 })
  role: string;

  /** OPD id in the agencies subgraph, such as dishub; set for officers only. */
  @Column({ name: 'opd_id', type: 'varchar', length: 64, nullable: true })
  opdId: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}

@Entity({ name: 'refresh_token' })
@Index('idx_refresh_token_account_id', ['accountId'])
@Index('uq_refresh_token_token_hash', ['tokenHash'], { unique: true })
export class RefreshTokenRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  /** SHA-256 of the token, in lowercase hex; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 24 })
  expiresAt: string;

  /** When a logout or a refresh revoked it; null while it is usable. */
  @Column({ name: 'revoked_at', type: 'varchar', length: 24, nullable: true })
  revokedAt: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}

@Entity({ name: 'permission_grant' })
export class PermissionGrantRow {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  /** Permission such as `rabeg:coordinate`. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  permission: string;

  /** Account id of the admin who granted it, or null for a grant made by the seed or a script. */
  @Column({ name: 'granted_by', type: 'varchar', length: 36, nullable: true })
  grantedBy: string | null;

  @Column({ name: 'granted_at', type: 'varchar', length: 24 })
  grantedAt: string;
}
