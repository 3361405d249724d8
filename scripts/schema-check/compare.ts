import { buildSubgraph, Supergraph } from '@apollo/federation-internals';
import { Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { GraphQLSchema } from 'graphql';

/** One schema change worth reporting, with where it happened. */
export interface ReportedChange {
  /** `supergraph` or the subgraph's name. */
  scope: string;
  /** Schema coordinate, such as `Query.kelurahanSearch`. */
  coordinate: string;
  /** graphql-inspector's change type, such as FIELD_REMOVED. */
  change: string;
  level: 'BREAKING' | 'DANGEROUS';
  reason: string;
}

/** Build the client-facing API schema of a supergraph: join and link directives and @inaccessible elements removed. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** Build the schema of a subgraph SDL, with the federation definitions it links. */
export function subgraphSchemaOf(name: string, sdl: string): GraphQLSchema {
  return buildSubgraph(name, `http://${name}.invalid/graphql`, sdl).schema.toGraphQLJSSchema();
}

function toReported(scope: string, change: Change): ReportedChange | undefined {
  const level = change.criticality.level;
  if (level === CriticalityLevel.NonBreaking) return undefined;
  return {
    scope,
    coordinate: change.path ?? '(schema)',
    change: change.type,
    level: level === CriticalityLevel.Breaking ? 'BREAKING' : 'DANGEROUS',
    reason: change.criticality.reason ? `${change.message} ${change.criticality.reason}` : change.message,
  };
}

/** List the breaking and dangerous changes from `before` to `after`, named by `scope`. */
export async function compareSchemas(scope: string, before: GraphQLSchema, after: GraphQLSchema): Promise<ReportedChange[]> {
  const changes = await diff(before, after);
  return changes.map((change) => toReported(scope, change)).filter((change): change is ReportedChange => change !== undefined);
}
