import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner, Table } from 'typeorm';
import { MemoryCache } from '../plugins/cache';
import { systemClock } from '../plugins/clock';
import { AnyPlugin, CONTRACT_VERSION, definePlugin } from '../plugins/contract';
import { checkPluginDeclaration, checkUniqueNames } from '../plugins/plugin-checks';
import { startSubgraph } from '../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from './support/database';
import { createCapturingLogger } from './support/logs';
import { TEST_IDENTITY_SECRET } from './support/identity';

@Directive('@key(fields: "id")')
@ObjectType()
class Widget {
  @Field(() => ID)
  id: string;
}

@Resolver(() => Widget)
class WidgetResolver {
  @Query(() => [Widget])
  widgets(): Widget[] {
    return [];
  }
}

@Entity({ name: 'widget' })
class WidgetRow {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id: string;

  @Column({ type: 'varchar', length: 50 })
  label: string;
}

/** Creates the widget table without its label column, so the entity and the table differ. */
class IncompleteWidgets1700000000000 implements MigrationInterface {
  name = 'IncompleteWidgets1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(new Table({ name: 'widget', columns: [{ name: 'id', type: 'varchar', length: '20', isPrimary: true }] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('widget');
  }
}

function widgetPlugin(overrides: Partial<AnyPlugin> = {}): AnyPlugin {
  return {
    ...definePlugin({
      name: 'widgets',
      contractVersion: CONTRACT_VERSION,
      owner: 'diskominfo',
      description: 'A fixture plugin for host tests.',
      schema: { resolvers: [WidgetResolver], references: { Widget: (reference) => reference } },
      database: { entities: [WidgetRow], migrations: [IncompleteWidgets1700000000000] },
      errors: {},
      createLoaders: () => ({}),
    }),
    ...overrides,
  } as AnyPlugin;
}

let database: TestDatabase;

beforeEach(async () => {
  database = await createTestDatabase();
});

afterEach(async () => {
  await database.drop();
});

function start(plugin: AnyPlugin) {
  return startSubgraph(
    plugin,
    { identitySecret: TEST_IDENTITY_SECRET, logger: createCapturingLogger().logger, cache: new MemoryCache(), clock: systemClock, dataDir: database.dataDir, databaseUrl: database.databaseUrl, isProduction: false, introspection: true },
    { port: 0, host: '127.0.0.1' },
  );
}

test('missing migration stops the plugin', async () => {
  await expect(start(widgetPlugin())).rejects.toThrow(/Subgraph plugin "widgets" cannot start: preparing its database failed: .*Add a migration to subgraphs\/widgets\/migrations\//s);
});

test('entity without reference resolver is rejected', async () => {
  const plugin = widgetPlugin({ schema: { resolvers: [WidgetResolver], references: {} } });

  await expect(start(plugin)).rejects.toThrow('Subgraph plugin "widgets" cannot start: building its schema failed: entity Widget has @key but no schema.references.Widget');
});

test('reference for an unknown type is rejected', async () => {
  const plugin = widgetPlugin({ schema: { resolvers: [WidgetResolver], references: { Widget: (ref: unknown) => ref, Gadget: (ref: unknown) => ref } } });

  await expect(start(plugin)).rejects.toThrow('schema.references.Gadget names no type with @key');
});

test('duplicate plugin names are rejected', () => {
  expect(() => checkUniqueNames([widgetPlugin(), widgetPlugin()])).toThrow(
    'Subgraph plugin "widgets" cannot start: another plugin already declares this name',
  );
});

test('name differing from the folder is rejected', () => {
  expect(() => checkPluginDeclaration(widgetPlugin(), 'gadgets')).toThrow(
    'Subgraph plugin "gadgets" cannot start: its name is "widgets" but its folder and rover.yaml entry are "gadgets"',
  );
});

test('other contract version is rejected', () => {
  expect(() => checkPluginDeclaration(widgetPlugin({ contractVersion: 99 }), 'widgets')).toThrow(
    `contractVersion is 99; this host implements contract version ${CONTRACT_VERSION}`,
  );
});

test('malformed error codes are rejected', () => {
  const plugin = widgetPlugin({ errors: { badCode: { description: 'x', messages: { id: 'a', en: '' } } } });

  expect(() => checkPluginDeclaration(plugin, 'widgets')).toThrow(/"badCode" must be SCREAMING_SNAKE_CASE.*needs a message in "en"/);
});

test('entities without migrations are rejected', () => {
  const plugin = widgetPlugin({ database: { entities: [WidgetRow], migrations: [] } });

  expect(() => checkPluginDeclaration(plugin, 'widgets')).toThrow('it declares entities but no migrations');
});

test('permissions must carry the plugin name', () => {
  const plugin = widgetPlugin({ permissions: { 'rabeg:coordinate': { id: 'Koordinasi', en: 'Coordinate' }, 'widgets:Edit': { id: 'Ubah', en: '' } } });

  expect(() => checkPluginDeclaration(plugin, 'widgets')).toThrow(
    /permission "rabeg:coordinate" must be named "widgets:<action>".*permission "widgets:Edit" must be named.*permission "widgets:Edit" needs a description in "id" and "en"/,
  );
});

test('well-formed permissions are accepted', () => {
  const plugin = widgetPlugin({ permissions: { 'widgets:approve-request': { id: 'Menyetujui permohonan', en: 'Approve requests' } } });

  expect(() => checkPluginDeclaration(plugin, 'widgets')).not.toThrow();
});
