import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, isObjectType, Kind, parse } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { AnyPlugin } from './contract';
import { RagemError } from './errors';

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

/**
 * Key field names of each entity type this subgraph resolves: `@key(fields: "code")` gives
 * ["code"]. A reference-only stub, `@key(..., resolvable: false)`, is left out.
 */
function entityKeys(schema: GraphQLSchema): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap()).filter(isObjectType)) {
    const directive = type.astNode?.directives?.find((candidate) => candidate.name.value === 'key');
    if (!directive) continue;
    const resolvable = directive.arguments?.find((argument) => argument.name.value === 'resolvable')?.value;
    if (resolvable?.kind === Kind.BOOLEAN && !resolvable.value) continue;
    const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
    const names = fields?.kind === Kind.STRING ? fields.value.split(/\s+/).filter(Boolean) : [];
    // A compound key with nested selections is not checked field by field.
    keys.set(type.name, names.some((name) => /[{}]/.test(name)) ? [] : names);
  }
  return keys;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Check every representation before @apollo/subgraph resolves it. A value that is no object or
 * names no entity type of this subgraph is an input error. One whose key fields are missing or
 * not scalars resolves to null without reaching the plugin.
 */
function guardEntities(schema: GraphQLSchema, keys: Map<string, string[]>): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  const accepted = `objects whose __typename is one of ${[...keys.keys()].join(', ')}`;

  field.resolve = (source, args, context, info) => {
    const representations: unknown[] = Array.isArray(args.representations) ? args.representations : [];
    const usable: boolean[] = representations.map((representation) => {
      if (!isRecord(representation) || typeof representation.__typename !== 'string' || !keys.has(representation.__typename)) {
        throw new RagemError('BAD_USER_INPUT', { field: 'representations', accepted }, 'representations');
      }
      return keys.get(representation.__typename)!.every((key) => ['string', 'number'].includes(typeof representation[key]));
    });
    if (usable.every(Boolean)) return resolve(source, args, context, info);

    const resolved = resolve(source, { ...args, representations: representations.filter((_, index) => usable[index]) }, context, info) as unknown[];
    let next = 0;
    return representations.map((_, index) => (usable[index] ? resolved[next++] : null));
  };
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
  const keys = entityKeys(typeGraphqlSchema);
  const entities = [...keys.keys()];
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
  guardEntities(schema, keys);
  return { schema, sdl: `${linked.trim()}\n`, entities };
}
