import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, isObjectType, parse } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { AnyPlugin } from './contract';

/** Federation 2 version every subgraph links; supported by @apollo/gateway 2.14, Apollo Router and Hive Gateway. */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.7';

const FEDERATION_IMPORTS = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@override',
  '@tag',
];

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** Subgraph SDL with federation directives, as written to schema/subgraphs/<name>.graphql. */
  sdl: string;
  /** Names of the types that carry @key. */
  entities: string[];
}

function entityTypeNames(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => type.astNode?.directives?.some((directive) => directive.name.value === 'key'))
    .map((type) => type.name);
}

/**
 * Build a Federation 2 subgraph schema from a plugin's type-graphql classes: print the
 * type-graphql schema with its directives, link the federation spec, and hand SDL plus
 * resolvers (with each entity's `__resolveReference`) to @apollo/subgraph.
 */
export async function buildFederatedSchema(plugin: AnyPlugin): Promise<FederatedSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: plugin.schema.resolvers as unknown as [Function, ...Function[]],
    orphanedTypes: plugin.schema.orphanedTypes as Function[] | undefined,
    skipCheck: true,
    validate: false,
  });

  const printed = printSchemaWithDirectives(typeGraphqlSchema);
  const imports = FEDERATION_IMPORTS.map((name) => `"${name}"`).join(', ');
  const linked = `extend schema @link(url: "${FEDERATION_LINK}", import: [${imports}])\n\n${printed}`;

  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  const entities = entityTypeNames(typeGraphqlSchema);
  const problems: string[] = [];
  for (const entity of entities) {
    if (!plugin.schema.references[entity]) {
      problems.push(`entity ${entity} has @key but no schema.references.${entity} (its __resolveReference)`);
    }
  }
  for (const [typeName, resolveReference] of Object.entries(plugin.schema.references)) {
    if (!entities.includes(typeName)) {
      problems.push(`schema.references.${typeName} names no type with @key; add @Directive('@key(fields: "...")') to it`);
      continue;
    }
    const typeResolvers = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...typeResolvers, __resolveReference: resolveReference } as never;
  }
  if (problems.length > 0) throw new Error(problems.join('; '));

  const schema = buildSubgraphSchema({ typeDefs: parse(linked), resolvers });
  return { schema, sdl: `${linked.trim()}\n`, entities };
}
