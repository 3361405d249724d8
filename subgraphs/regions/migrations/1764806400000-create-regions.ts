import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class CreateRegions1764806400000 implements MigrationInterface {
  name = 'CreateRegions1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'kecamatan',
        columns: [
          { name: 'code', type: 'varchar', length: '8', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'city_code', type: 'varchar', length: '5' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'kelurahan',
        columns: [
          { name: 'code', type: 'varchar', length: '13', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'kecamatan_code', type: 'varchar', length: '8' },
          { name: 'search_key', type: 'varchar', length: '100' },
        ],
      }),
    );
    await queryRunner.createIndex('kelurahan', new TableIndex({ name: 'idx_kelurahan_kecamatan_code', columnNames: ['kecamatan_code'] }));
    await queryRunner.createIndex('kelurahan', new TableIndex({ name: 'idx_kelurahan_search_key', columnNames: ['search_key'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('kelurahan');
    await queryRunner.dropTable('kecamatan');
  }
}
