import { ApolloServerPlugin, BaseContext, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

function clientError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400, headers: new HeaderMap() } } });
}

/**
 * Apollo Server plugin that rejects, with HTTP 400, an operation that names no operation of the
 * document or uses a root type the schema lacks. Left alone, @apollo/gateway meets these only
 * while planning and they surface as HTTP 500.
 */
export function operationGuardPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) {
            throw clientError(
              request.operationName
                ? `The document has no operation named "${request.operationName}".`
                : 'The document holds several operations; set operationName to the one to run.',
              'OPERATION_RESOLUTION_FAILURE',
            );
          }
          if (!schema.getRootType(operation.operation)) {
            throw clientError(`This schema has no ${operation.operation} type.`, 'BAD_REQUEST');
          }
        },
      };
    },
  };
}
