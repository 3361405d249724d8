import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';

export interface QueryLimits {
  /** Deepest field nesting allowed, not counting introspection fields. */
  maxDepth: number;
  /**
   * Highest estimated cost: every field costs 1, times the assumed length of each list above it,
   * so nested lists grow the cost the way they grow the response.
   */
  maxCost: number;
  /** Length assumed for a list whose real length is unknown before execution. */
  assumedListLength: number;
}

/** Default limits for client operations at the gateway; QUERY_MAX_DEPTH and QUERY_MAX_COST change them. */
export const GATEWAY_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 50000, assumedListLength: 10 };

/**
 * Limits for operations a subgraph receives. The gateway already checked the client operation,
 * so these only stop abuse of a subgraph reached directly; `_entities` lists count as one item.
 */
export const SUBGRAPH_QUERY_LIMITS: QueryLimits = { maxDepth: 16, maxCost: 200000, assumedListLength: 10 };

interface Measure {
  depth: number;
  cost: number;
}

/**
 * Build a validation rule that rejects an operation nested deeper than `maxDepth` or with an
 * estimated cost above `maxCost`, before any resolver runs. Fragments are expanded; a fragment
 * cycle is left to graphql-js's own NoFragmentCycles rule.
 */
export function queryLimitsRule(limits: QueryLimits): (context: ValidationContext) => ASTVisitor {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }

    const measure = (
      selectionSet: SelectionSetNode,
      parentType: GraphQLCompositeType | undefined,
      multiplier: number,
      visiting: Set<string>,
    ): Measure => {
      let depth = 0;
      let cost = 0;
      for (const selection of selectionSet.selections) {
        let inner: Measure = { depth: 0, cost: 0 };
        if (selection.kind === Kind.FIELD) {
          inner = measureField(selection, parentType, multiplier, visiting);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const typeName = selection.typeCondition?.name.value;
          const type = typeName ? context.getSchema().getType(typeName) : parentType;
          inner = measure(selection.selectionSet, isCompositeType(type) ? type : undefined, multiplier, visiting);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || visiting.has(fragment.name.value)) continue;
          const type = context.getSchema().getType(fragment.typeCondition.name.value);
          visiting.add(fragment.name.value);
          inner = measure(fragment.selectionSet, isCompositeType(type) ? type : undefined, multiplier, visiting);
          visiting.delete(fragment.name.value);
        }
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
        if (cost > limits.maxCost) break;
      }
      return { depth, cost };
    };

    const measureField = (
      field: FieldNode,
      parentType: GraphQLCompositeType | undefined,
      multiplier: number,
      visiting: Set<string>,
    ): Measure => {
      // Introspection is bounded by the schema's size and needed by tools, so it is not counted.
      if (field.name.value.startsWith('__')) return { depth: 0, cost: 0 };
      const definition = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields()[field.name.value] : undefined;
      const cost = multiplier;
      if (!field.selectionSet) return { depth: 1, cost };
      const nullable = definition ? getNullableType(definition.type) : undefined;
      const listed = nullable !== undefined && isListType(nullable) && field.name.value !== '_entities';
      const childType = definition ? getNamedType(definition.type) : undefined;
      const inner = measure(field.selectionSet, isCompositeType(childType) ? childType : undefined, listed ? multiplier * limits.assumedListLength : multiplier, visiting);
      return { depth: inner.depth + 1, cost: cost + inner.cost };
    };

    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        const rootType = context.getSchema().getRootType(operation.operation) ?? undefined;
        const { depth, cost } = measure(operation.selectionSet, rootType, 1, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`The operation nests fields ${depth} levels deep; at most ${limits.maxDepth} are allowed. Split it into smaller operations.`, {
              nodes: [operation],
              extensions: { reason: 'QUERY_TOO_DEEP', maxDepth: limits.maxDepth },
            }),
          );
        }
        if (cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(
              `The operation's estimated cost exceeds ${limits.maxCost} (each field counts once per item of every list above it, lists counted as ${limits.assumedListLength} items). Request fewer fields or aliases.`,
              { nodes: [operation], extensions: { reason: 'QUERY_TOO_COMPLEX', maxCost: limits.maxCost } },
            ),
          );
        }
        return false;
      },
    };
  };
}
