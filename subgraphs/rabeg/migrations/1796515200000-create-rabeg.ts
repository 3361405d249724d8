import { MigrationInterface, QueryRunner, Table, TableCheck, TableIndex } from 'typeorm';

const varchar = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
const integer = (name: string) => ({ name, type: 'integer' });

export class CreateRabeg1796515200000 implements MigrationInterface {
  name = 'CreateRabeg1796515200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rabeg_category',
        columns: [
          { ...varchar('code', 40), isPrimary: true },
          varchar('name_id', 100),
          varchar('name_en', 100),
          varchar('group_code', 40),
          varchar('opd_id', 64, true),
          varchar('default_severity', 10),
          integer('verification_days'),
          integer('first_response_hours'),
          integer('completion_days'),
          integer('sort_order'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'rabeg_report',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('tracking_number', 20),
          varchar('category_code', 40),
          varchar('title', 120),
          { name: 'description', type: 'text' },
          { name: 'latitude', type: 'double precision', isNullable: true },
          { name: 'longitude', type: 'double precision', isNullable: true },
          varchar('kelurahan_code', 13, true),
          varchar('address', 300, true),
          { name: 'photo_urls', type: 'text' },
          varchar('severity', 10),
          integer('anonymous'),
          integer('confidential'),
          varchar('reporter_id', 64),
          varchar('client_key', 64, true),
          varchar('body_hash', 64),
          varchar('state', 12),
          varchar('close_reason', 24, true),
          varchar('duplicate_of_id', 36, true),
          varchar('opd_id', 64, true),
          integer('support_count'),
          integer('version'),
          varchar('submitted_at', 24),
          varchar('submitted_on', 10),
          varchar('verified_at', 24, true),
          varchar('dispatched_at', 24, true),
          varchar('first_response_at', 24, true),
          varchar('resolved_at', 24, true),
          varchar('closed_at', 24, true),
          varchar('due_at', 24, true),
          varchar('due_kind', 16, true),
          varchar('completion_due_at', 24, true),
          integer('due_provisional'),
          varchar('auto_close_at', 24, true),
          varchar('updated_at', 24),
        ],
        // Written out rather than imported from the entity, so this migration stays as it ran.
        checks: [
          new TableCheck({ name: 'chk_rabeg_report_coordinates', expression: '("latitude" IS NULL) = ("longitude" IS NULL)' }),
          new TableCheck({ name: 'chk_rabeg_report_support_count', expression: '"support_count" >= 0' }),
        ],
      }),
    );
    const reportIndexes: [string, string[], boolean?][] = [
      ['uq_rabeg_report_tracking_number', ['tracking_number'], true],
      ['uq_rabeg_report_client_key', ['reporter_id', 'client_key'], true],
      ['idx_rabeg_report_submitted_at', ['submitted_at', 'id']],
      ['idx_rabeg_report_opd_id', ['opd_id', 'submitted_at']],
      ['idx_rabeg_report_kelurahan_code', ['kelurahan_code', 'submitted_at']],
      ['idx_rabeg_report_reporter_id', ['reporter_id', 'submitted_at']],
      ['idx_rabeg_report_nearby', ['category_code', 'latitude', 'longitude']],
      ['idx_rabeg_report_state', ['state', 'auto_close_at']],
    ];
    for (const [name, columnNames, isUnique] of reportIndexes) {
      await queryRunner.createIndex('rabeg_report', new TableIndex({ name, columnNames, isUnique: isUnique ?? false }));
    }

    await queryRunner.createTable(
      new Table({
        name: 'rabeg_report_event',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('report_id', 36),
          integer('sequence'),
          varchar('action', 20),
          varchar('from_state', 12, true),
          varchar('to_state', 12),
          varchar('actor_role', 12),
          varchar('actor_opd_id', 64, true),
          varchar('actor_id', 64, true),
          varchar('opd_id', 64, true),
          varchar('close_reason', 24, true),
          { name: 'note', type: 'text', isNullable: true },
          varchar('created_at', 24),
        ],
      }),
    );
    await queryRunner.createIndex(
      'rabeg_report_event',
      new TableIndex({ name: 'idx_rabeg_report_event_report_id', columnNames: ['report_id', 'sequence'], isUnique: true }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'rabeg_support',
        columns: [
          { ...varchar('report_id', 36), isPrimary: true },
          { ...varchar('account_id', 64), isPrimary: true },
          varchar('created_at', 24),
        ],
      }),
    );
    await queryRunner.createIndex('rabeg_support', new TableIndex({ name: 'idx_rabeg_support_account_id', columnNames: ['account_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rabeg_support');
    await queryRunner.dropTable('rabeg_report_event');
    await queryRunner.dropTable('rabeg_report');
    await queryRunner.dropTable('rabeg_category');
  }
}
