import { MigrationInterface, QueryRunner, Table, TableCheck, TableIndex } from 'typeorm';

export class CreateAccounts1765670400000 implements MigrationInterface {
  name = 'CreateAccounts1765670400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'account',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'display_name', type: 'varchar', length: '100' },
          { name: 'email', type: 'varchar', length: '254', isNullable: true },
          { name: 'phone', type: 'varchar', length: '16', isNullable: true },
          { name: 'password_hash', type: 'varchar', length: '200' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'opd_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
        // Written out rather than imported from the entity, so this migration stays as it ran.
        checks: [new TableCheck({ name: 'chk_account_role', expression: `"role" IN ('CITIZEN', 'OFFICER', 'ADMIN')` })],
      }),
    );
    await queryRunner.createIndex('account', new TableIndex({ name: 'uq_account_email', columnNames: ['email'], isUnique: true }));
    await queryRunner.createIndex('account', new TableIndex({ name: 'uq_account_phone', columnNames: ['phone'], isUnique: true }));

    await queryRunner.createTable(
      new Table({
        name: 'refresh_token',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'account_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'expires_at', type: 'varchar', length: '24' },
          { name: 'revoked_at', type: 'varchar', length: '24', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '24' },
        ],
      }),
    );
    await queryRunner.createIndex('refresh_token', new TableIndex({ name: 'idx_refresh_token_account_id', columnNames: ['account_id'] }));
    await queryRunner.createIndex('refresh_token', new TableIndex({ name: 'uq_refresh_token_token_hash', columnNames: ['token_hash'], isUnique: true }));

    await queryRunner.createTable(
      new Table({
        name: 'permission_grant',
        columns: [
          { name: 'account_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'permission', type: 'varchar', length: '100', isPrimary: true },
          { name: 'granted_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'granted_at', type: 'varchar', length: '24' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('permission_grant');
    await queryRunner.dropTable('refresh_token');
    await queryRunner.dropTable('account');
  }
}
