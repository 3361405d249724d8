import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorRegistry, PLATFORM_ERRORS, RagemError, renderMessage } from './errors';
import type { Logger } from './logger';
import type { Language } from './language';
import { currentRequestScope } from './request-scope';

/**
 * Codes that graphql-js and Apollo Server give to problems in the request itself. They are for
 * developers and pass through in English.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Facts of the request the formatter needs: from the argument, else from the request scope. */
export interface RequestFacts {
  language: Language;
  requestId: string;
}

/** Messages of Apollo Server request errors that carry no code. */
const UNCODED_REQUEST_ERRORS = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

function findRagemError(error: unknown): RagemError | undefined {
  let current = error as { originalError?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof RagemError) return current;
    current = current.originalError as { originalError?: unknown } | undefined;
  }
  return undefined;
}

/** Drop the extensions that carry server internals: stack traces and wrapped exceptions. */
function withoutInternals(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * Format an error a subgraph returned: keep its code, message and path, drop internals, and mask
 * an unexpected subgraph failure the way this process masks its own.
 */
function formatDownstream(
  formatted: GraphQLFormattedError,
  scope: { language: 'id' | 'en'; requestId: string; isProduction: boolean },
): GraphQLFormattedError {
  const clean = withoutInternals(formatted);
  const code = clean.extensions?.code;
  if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return clean;
  // A subgraph of this platform already masked it and names the request id. Another
  // implementation may send its raw message, so that is kept only outside production.
  const extensions: Record<string, unknown> = { ...clean.extensions, code: 'INTERNAL_SERVER_ERROR', requestId: clean.extensions?.requestId ?? scope.requestId };
  if (!scope.isProduction && extensions.detail === undefined) extensions.detail = clean.message;
  return {
    ...clean,
    message: renderMessage(PLATFORM_ERRORS.INTERNAL_SERVER_ERROR.messages[scope.language], { requestId: String(extensions.requestId) }),
    extensions,
  };
}

/**
 * Build Apollo Server's formatError. Registry errors get their message in the request's
 * language, and request errors pass through. Anything else is logged and masked as an internal
 * error that carries the request id; outside production it also keeps the cause.
 */
export function createErrorFormatter(options: {
  registry: ErrorRegistry;
  logger: Logger;
  isProduction: boolean;
  /** Errors to return as they are, such as those a subgraph already formatted. */
  passThrough?: (formatted: GraphQLFormattedError) => boolean;
}): (formatted: GraphQLFormattedError, error: unknown, requestFacts?: RequestFacts) => GraphQLFormattedError {
  const registry: ErrorRegistry = { ...PLATFORM_ERRORS, ...options.registry };

  return (formatted, error, requestFacts = currentRequestScope()) => {
    const language = requestFacts?.language ?? 'id';
    const requestId = requestFacts?.requestId ?? 'unknown';
    const ragemError = findRagemError(error);

    if (ragemError) {
      const definition = registry[ragemError.code];
      if (!definition) {
        options.logger.error({ code: ragemError.code, requestId }, 'error code missing from the registry');
      }
      const template = definition?.messages[language] ?? ragemError.code;
      const extensions: Record<string, unknown> = { code: ragemError.code };
      if (ragemError.field) extensions.field = ragemError.field;
      return {
        message: renderMessage(template, { requestId, ...ragemError.params }),
        locations: formatted.locations,
        path: formatted.path,
        extensions,
      };
    }

    const code = formatted.extensions?.code;
    if (options.passThrough?.(formatted)) return formatDownstream(formatted, { language, requestId, isProduction: options.isProduction });
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return withoutInternals(formatted);
    // Apollo Server 5 gives these problems of the request itself an HTTP 400 status but no code.
    if ((code === undefined || code === 'INTERNAL_SERVER_ERROR') && !formatted.path && UNCODED_REQUEST_ERRORS.has(formatted.message)) {
      return withoutInternals({ ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } });
    }

    const cause = (error as { originalError?: unknown })?.originalError ?? error ?? formatted;
    options.logger.error({ err: cause, requestId, path: formatted.path }, 'unexpected error in a resolver');
    const extensions: Record<string, unknown> = { code: 'INTERNAL_SERVER_ERROR', requestId };
    if (!options.isProduction) extensions.detail = formatted.message;
    return {
      message: renderMessage(PLATFORM_ERRORS.INTERNAL_SERVER_ERROR.messages[language], { requestId }),
      locations: formatted.locations,
      path: formatted.path,
      extensions,
    };
  };
}

/**
 * Apollo Server plugin that formats the errors of each response with the language and request
 * id of its context. It replaces formatError where no request scope is kept, as in the
 * gateway, which avoids AsyncLocalStorage on its hot path.
 */
export function formatErrorsPlugin<TContext extends BaseContext & RequestFacts>(
  format: ReturnType<typeof createErrorFormatter>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const facts = { language: contextValue.language, requestId: contextValue.requestId };
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => format(error, undefined, facts));
        },
      };
    },
  };
}
