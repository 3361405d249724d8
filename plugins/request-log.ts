import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentRequestScope } from './request-scope';

/** Fields of the one log line written per GraphQL request. */
export interface RequestLogFields {
  operationName?: string;
  errorCodes?: string[];
}

const logFields = new WeakMap<object, RequestLogFields>();

/**
 * Apollo Server plugin that records the operation name and error codes of a request into its
 * scope, for the HTTP layer to log once the response is written.
 */
export function requestLogPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const scope = currentRequestScope();
          if (!scope) return;
          const fields: RequestLogFields = { operationName: requestContext.operationName ?? requestContext.request.operationName ?? undefined };
          const errors = requestContext.response.body.kind === 'single' ? requestContext.response.body.singleResult.errors : undefined;
          if (errors?.length) {
            fields.errorCodes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')))];
          }
          logFields.set(scope, fields);
        },
      };
    },
  };
}

/** Return the fields recorded for the current request, if it reached GraphQL execution. */
export function recordedLogFields(): RequestLogFields {
  const scope = currentRequestScope();
  return (scope && logFields.get(scope)) ?? {};
}
