import { MigrationInterface, QueryRunner, Table, TableCheck, TableIndex } from 'typeorm';

export class CreateSmartdukcapil1796428800000 implements MigrationInterface {
  name = 'CreateSmartdukcapil1796428800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'dukcapil_service',
        columns: [
          { name: 'code', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'requirements', type: 'text' },
          { name: 'processing_days', type: 'integer' },
          { name: 'sort_order', type: 'integer' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'dukcapil_service_point',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '150' },
          { name: 'kecamatan_code', type: 'varchar', length: '8', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'dukcapil_service_point',
      new TableIndex({ name: 'idx_dukcapil_service_point_kecamatan_code', columnNames: ['kecamatan_code'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'dukcapil_slot',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'service_point_id', type: 'varchar', length: '64' },
          { name: 'starts_at', type: 'varchar', length: '24' },
          { name: 'capacity', type: 'integer' },
          { name: 'booked', type: 'integer' },
          { name: 'opened_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '24' },
        ],
        // Written out rather than imported from the entity, so this migration stays as it ran.
        checks: [new TableCheck({ name: 'chk_dukcapil_slot_booked', expression: '"booked" >= 0 AND "booked" <= "capacity"' })],
      }),
    );
    await queryRunner.createIndex('dukcapil_slot', new TableIndex({ name: 'idx_dukcapil_slot_service_point_id', columnNames: ['service_point_id'] }));

    await queryRunner.createTable(
      new Table({
        name: 'dukcapil_application',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tracking_number', type: 'varchar', length: '24' },
          { name: 'service_code', type: 'varchar', length: '40' },
          { name: 'applicant_id', type: 'varchar', length: '64' },
          { name: 'nik', type: 'varchar', length: '16' },
          { name: 'kk_number', type: 'varchar', length: '16' },
          { name: 'birth_date', type: 'varchar', length: '10' },
          { name: 'sex', type: 'varchar', length: '6' },
          { name: 'document_urls', type: 'text' },
          { name: 'slot_id', type: 'varchar', length: '36' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'rejection_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'submitted_at', type: 'varchar', length: '24' },
          { name: 'updated_at', type: 'varchar', length: '24' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'dukcapil_application',
      new TableIndex({ name: 'uq_dukcapil_application_tracking_number', columnNames: ['tracking_number'], isUnique: true }),
    );
    await queryRunner.createIndex('dukcapil_application', new TableIndex({ name: 'idx_dukcapil_application_applicant_id', columnNames: ['applicant_id'] }));
    await queryRunner.createIndex('dukcapil_application', new TableIndex({ name: 'idx_dukcapil_application_state', columnNames: ['state', 'submitted_at'] }));

    await queryRunner.createTable(
      new Table({
        name: 'dukcapil_application_event',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'application_id', type: 'varchar', length: '36' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
          { name: 'actor_id', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '24' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'dukcapil_application_event',
      new TableIndex({ name: 'idx_dukcapil_application_event_application_id', columnNames: ['application_id', 'created_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dukcapil_application_event');
    await queryRunner.dropTable('dukcapil_application');
    await queryRunner.dropTable('dukcapil_slot');
    await queryRunner.dropTable('dukcapil_service_point');
    await queryRunner.dropTable('dukcapil_service');
  }
}
