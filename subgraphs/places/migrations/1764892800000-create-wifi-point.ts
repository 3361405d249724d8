import { MigrationInterface, QueryRunner, Table, TableCheck, TableIndex } from 'typeorm';

export class CreateWifiPoint1764892800000 implements MigrationInterface {
  name = 'CreateWifiPoint1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'wifi_point',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '150' },
          { name: 'address', type: 'varchar', length: '255', isNullable: true },
          { name: 'latitude', type: 'double precision', isNullable: true },
          { name: 'longitude', type: 'double precision', isNullable: true },
          { name: 'kelurahan_code', type: 'varchar', length: '13', isNullable: true },
          { name: 'source', type: 'varchar', length: '255' },
        ],
        // Written out rather than imported from the entity, so this migration stays as it ran.
        checks: [
          new TableCheck({ name: 'chk_wifi_point_latitude', expression: '"latitude" BETWEEN -90 AND 90' }),
          new TableCheck({ name: 'chk_wifi_point_longitude', expression: '"longitude" BETWEEN -180 AND 180' }),
          new TableCheck({ name: 'chk_wifi_point_coordinates', expression: '("latitude" IS NULL) = ("longitude" IS NULL)' }),
        ],
      }),
    );
    await queryRunner.createIndex('wifi_point', new TableIndex({ name: 'idx_wifi_point_kelurahan_code', columnNames: ['kelurahan_code'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('wifi_point');
  }
}
