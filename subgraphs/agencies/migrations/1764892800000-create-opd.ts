import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateOpd1764892800000 implements MigrationInterface {
  name = 'CreateOpd1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'opd',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '150' },
          { name: 'acronym', type: 'varchar', length: '50' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'website', type: 'varchar', length: '255', isNullable: true },
          { name: 'contact', type: 'varchar', length: '100', isNullable: true },
          { name: 'address', type: 'varchar', length: '255', isNullable: true },
          // typeorm's simple-json type: a JSON array as text.
          { name: 'service_areas', type: 'text' },
        ],
      }),
    );
    await queryRunner.createIndex('opd', new TableIndex({ name: 'idx_opd_kind', columnNames: ['kind'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('opd');
  }
}
