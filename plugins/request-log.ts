import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** Fields of the one log line written per GraphQL request. */
export interface RequestLogFields {
  operationName?: string;
  errorCodes?: string[];
}

/**
 * Apollo Server plugin that records the operation name and error codes of a request into the
 * `logFields` object of its context, for the HTTP layer to log once the response is written.
 * Apollo Server copies the context shallowly per request, so the object itself is shared.
 */
export function requestLogPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          const fields: RequestLogFields = { operationName: requestContext.operationName ?? requestContext.request.operationName ?? undefined };
          const errors = requestContext.response.body.kind === 'single' ? requestContext.response.body.singleResult.errors : undefined;
          if (errors?.length) {
            fields.errorCodes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')))];
          }
          const holder = (requestContext.contextValue as { logFields?: RequestLogFields }).logFields;
          if (holder) Object.assign(holder, fields);
        },
      };
    },
  };
}

/** Return the fields recorded for the request of this context, if it reached GraphQL execution. */
export function recordedLogFields(context: { logFields?: RequestLogFields } | undefined): RequestLogFields {
  return context?.logFields ?? {};
}
