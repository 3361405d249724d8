import type { SubgraphNames } from './names';

/**
 * Return the files of a new subgraph plugin, by path inside its folder. The generated plugin is
 * small but complete: an entity with a key and a reference resolver, a query, a mutation guarded
 * by the plugin's own permission, a migration, a seed, error codes, a test and a README in English
 * and Indonesian. So `npm start` and `npm test` work right after the scaffold runs.
 */
export function subgraphFiles(n: SubgraphNames, owner: string, migrationTime: number): Record<string, string> {
  const migrationClass = `Create${n.pascal}Items${migrationTime}`;
  const migrationFile = `${migrationTime}-create-${n.name}-items`;
  const table = `${n.snake}_item`;
  const permission = `${n.name}:manage`;
  return {
    'entities.ts': `import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: '${table}' })
export class ${n.pascal}ItemRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** ISO 8601 time of creation. */
  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}
`,
    [`migrations/${migrationFile}.ts`]: `import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class ${migrationClass} implements MigrationInterface {
  name = '${migrationClass}';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: '${table}',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'created_at', type: 'varchar', length: '24' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('${table}');
  }
}
`,
    'types.ts': `import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An item of the ${n.name} subgraph. Replace it with this service\\'s own entity.' })
export class ${n.pascal}Item {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field({ description: 'ISO 8601 time of creation.' })
  createdAt: string;
}
`,
    'errors.ts': `import type { ErrorRegistry } from '../../plugins/errors';

/** Longest accepted item title, in characters. */
export const MAX_TITLE_LENGTH = 200;

export const ${n.upper}_ERRORS = {
  INVALID_ITEM_TITLE: {
    description: 'An item title is empty after trimming or longer than the limit.',
    messages: {
      id: 'Judul pada {field} harus berisi 1 sampai {max} karakter.',
      en: 'The title in {field} must have 1 to {max} characters.',
    },
  },
} satisfies ErrorRegistry;
`,
    'loaders.ts': `import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { PluginServices } from '../../plugins/contract';
import { ${n.pascal}ItemRow } from './entities';

export type ${n.pascal}Loaders = ReturnType<typeof create${n.pascal}Loaders>;

/** Per-request loaders: any number of items by id costs one SQL statement. */
export function create${n.pascal}Loaders({ db }: PluginServices) {
  const items = db.getRepository(${n.pascal}ItemRow);
  return {
    itemById: new DataLoader<string, ${n.pascal}ItemRow | null>(async (ids) => {
      const rows = await items.findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
`,
    'resolvers.ts': `import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../plugins/contract';
import { inputError } from '../../plugins/errors';
import { ${n.pascal}ItemRow } from './entities';
import { MAX_TITLE_LENGTH } from './errors';
import type { ${n.pascal}Loaders } from './loaders';
import { ${n.pascal}Item } from './types';

type Context = RequestContext<${n.pascal}Loaders>;

/** Permission that allows creating items, declared by this plugin and granted by an admin. */
export const MANAGE_PERMISSION = '${permission}';

@Resolver(() => ${n.pascal}Item)
export class ${n.pascal}Resolver {
  @Query(() => [${n.pascal}Item], { description: 'Every item, newest first, at most 100.' })
  async ${n.camel}Items(@Ctx() { db }: Context): Promise<${n.pascal}Item[]> {
    return db.getRepository(${n.pascal}ItemRow).find({ order: { createdAt: 'DESC', id: 'ASC' }, take: 100 });
  }

  @Query(() => ${n.pascal}Item, { nullable: true, description: 'One item by id; null when none has it.' })
  async ${n.camel}Item(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<${n.pascal}Item | null> {
    return loaders.itemById.load(id);
  }

  @Mutation(() => ${n.pascal}Item, { description: \`Create an item. Needs the \${MANAGE_PERMISSION} permission.\` })
  async create${n.pascal}Item(@Arg('title') title: string, @Ctx() { auth, db, clock, logger, requestId }: Context): Promise<${n.pascal}Item> {
    auth.requirePermission(MANAGE_PERMISSION);
    const trimmed = title.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_TITLE_LENGTH) {
      throw inputError('INVALID_ITEM_TITLE', 'title', { max: MAX_TITLE_LENGTH });
    }
    const row = { id: randomUUID(), title: trimmed, createdAt: clock.now().toISOString() };
    await db.getRepository(${n.pascal}ItemRow).insert(row);
    logger.info({ requestId, itemId: row.id }, 'item created');
    return row;
  }
}
`,
    'seed.ts': `import type { PluginServices } from '../../plugins/contract';
import { ${n.pascal}ItemRow } from './entities';

/** Insert the example item; safe to rerun. */
export async function seed${n.pascal}({ db, clock }: PluginServices): Promise<void> {
  const items = db.getRepository(${n.pascal}ItemRow);
  if (await items.existsBy({ id: 'contoh' })) return;
  await items.insert({ id: 'contoh', title: 'Contoh layanan ${n.name}', createdAt: clock.now().toISOString() });
}
`,
    'index.ts': `import { CONTRACT_VERSION, definePlugin } from '../../plugins/contract';
import { ${n.pascal}ItemRow } from './entities';
import { ${n.upper}_ERRORS } from './errors';
import { create${n.pascal}Loaders, ${n.pascal}Loaders } from './loaders';
import { ${migrationClass} } from './migrations/${migrationFile}';
import { MANAGE_PERMISSION, ${n.pascal}Resolver } from './resolvers';
import { seed${n.pascal} } from './seed';

export default definePlugin({
  name: '${n.name}',
  contractVersion: CONTRACT_VERSION,
  owner: '${owner}',
  description: 'The ${n.name} service of ${owner}. Generated by npm run new-subgraph; describe the service here.',
  schema: {
    resolvers: [${n.pascal}Resolver],
    references: {
      ${n.pascal}Item: (reference, { loaders }) => (loaders as ${n.pascal}Loaders).itemById.load(String(reference.id)),
    },
  },
  database: {
    entities: [${n.pascal}ItemRow],
    migrations: [${migrationClass}],
    seed: seed${n.pascal},
  },
  errors: ${n.upper}_ERRORS,
  permissions: {
    [MANAGE_PERMISSION]: {
      id: 'Membuat dan mengubah data layanan ${n.name}.',
      en: 'Create and change the data of the ${n.name} service.',
    },
  },
  createLoaders: create${n.pascal}Loaders,
});
`,
    [`__tests__/${n.name}.test.ts`]: `import { request } from 'undici';
import type { RunningSubgraph } from '../../../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { signedIdentityHeaders } from '../../../test/support/identity';
import { startTestSubgraph } from '../../../test/support/subgraphs';

let database: TestDatabase;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  database = await createTestDatabase();
  subgraph = await startTestSubgraph('${n.name}', { database });
});

afterAll(async () => {
  await subgraph?.close();
  await database?.drop();
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await request(subgraph.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.body.json()) as { data?: Record<string, unknown>; errors?: { extensions: Record<string, unknown> }[] };
}

test('seeded item is listed', async () => {
  const result = await post('{ ${n.camel}Items { id title } }');

  expect(result.data?.${n.camel}Items).toEqual([{ id: 'contoh', title: 'Contoh layanan ${n.name}' }]);
});

test('create needs the manage permission', async () => {
  const anonymous = await post('mutation { create${n.pascal}Item(title: "Baru") { id } }');
  const citizen = await post('mutation { create${n.pascal}Item(title: "Baru") { id } }', signedIdentityHeaders({ sub: 'a1', role: 'CITIZEN' }));

  expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(citizen.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test('holder of the permission creates an item', async () => {
  const headers = signedIdentityHeaders({ sub: 'a2', role: 'OFFICER', opd: '${owner}', perms: ['${permission}'] });
  const created = await post('mutation { create${n.pascal}Item(title: " Baru ") { id title } }', headers);

  expect(created.errors).toBeUndefined();
  expect((created.data?.create${n.pascal}Item as { title: string }).title).toBe('Baru');
});

test('empty title is rejected', async () => {
  const headers = signedIdentityHeaders({ sub: 'a2', role: 'OFFICER', perms: ['${permission}'] });
  const result = await post('mutation { create${n.pascal}Item(title: "  ") { id } }', headers);

  expect(result.errors?.[0].extensions).toMatchObject({ code: 'INVALID_ITEM_TITLE', field: 'title' });
});
`,
    'README.md': `# ${n.name}

The ${n.name} service, owned by \`${owner}\`. [Bahasa Indonesia](README.id.md)

Generated by \`npm run new-subgraph\`: replace the example item with this service's own entities,
keep the migration, seed, error codes and tests in step, and run \`npm run compose\` after each
schema change.

## Schema

- Entity \`${n.pascal}Item\` with \`@key(fields: "id")\`: \`title\`, \`createdAt\`.
- \`${n.camel}Items\`, \`${n.camel}Item(id)\`, \`create${n.pascal}Item(title)\` (needs \`${permission}\`).

## Permissions

| permission | allows |
| --- | --- |
| \`${permission}\` | Create and change the data of the service. |

## Error codes

| code | when |
| --- | --- |
| \`INVALID_ITEM_TITLE\` | A title is empty or longer than 200 characters. |

## Settings

None.
`,
    'README.id.md': `# ${n.name}

Layanan ${n.name}, milik \`${owner}\`. [English](README.md)

Dibuat oleh \`npm run new-subgraph\`: ganti item contoh dengan entitas layanan ini sendiri, jaga
migrasi, data awal, kode galat, dan pengujian tetap selaras, dan jalankan \`npm run compose\`
setelah setiap perubahan skema.

## Skema

- Entitas \`${n.pascal}Item\` dengan \`@key(fields: "id")\`: \`title\`, \`createdAt\`.
- \`${n.camel}Items\`, \`${n.camel}Item(id)\`, \`create${n.pascal}Item(title)\` (memerlukan \`${permission}\`).

## Izin

| izin | mengizinkan |
| --- | --- |
| \`${permission}\` | Membuat dan mengubah data layanan. |

## Kode galat

| kode | kapan |
| --- | --- |
| \`INVALID_ITEM_TITLE\` | Judul kosong atau lebih dari 200 karakter. |

## Pengaturan

Tidak ada.
`,
  };
}
