import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { DocumentNode, FieldNode, Kind, OperationDefinitionNode, parse, SelectionSetNode } from 'graphql';
import { Agent, Dispatcher, request } from 'undici';
import { PLATFORM_ERRORS, renderMessage } from '../plugins/errors';
import type { GatewayContext } from './gateway-context';
import type { SubgraphStatusBoard } from './subgraph-status';

/** Most errors with a path reported for one failed subgraph request; more would bloat the response. */
const MAX_PATH_ERRORS = 50;

export interface UndiciDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  dispatcher: Dispatcher;
  status: SubgraphStatusBoard;
}

/** Create the keep-alive connection pool shared by every data source of a gateway. */
export function createSubgraphAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 128, pipelining: 1 });
}

/** List the top-level response keys a subgraph operation requests; for an entity fetch, those inside `_entities`. */
function requestedKeys(document: DocumentNode): { entityFetch: boolean; keys: string[] } {
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const fields = fieldsOf(operation?.selectionSet);
  const entities = fields.find((field) => field.name.value === '_entities');
  if (entities) {
    return { entityFetch: true, keys: responseKeys(fieldsOf(entities.selectionSet)) };
  }
  return { entityFetch: false, keys: responseKeys(fields) };
}

function fieldsOf(selectionSet: SelectionSetNode | undefined): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet));
  }
  return fields;
}

function responseKeys(fields: FieldNode[]): string[] {
  const keys = fields.map((field) => field.alias?.value ?? field.name.value).filter((key) => key !== '__typename');
  return [...new Set(keys)];
}

/**
 * The gateway's connection to one subgraph: a lean GraphQLDataSource over undici's keep-alive
 * pool in place of @apollo/gateway's default fetcher stack. It forwards the request id and
 * Accept-Language, and turns a refused connection or a timeout into one error per missing field
 * with that field's path, which a stock RemoteGraphQLDataSource reports without a path.
 */
export class UndiciDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly keysByQuery = new Map<string, { entityFetch: boolean; keys: string[] }>();

  constructor(private readonly options: UndiciDataSourceOptions) {}

  get url(): string {
    return this.options.url;
  }

  async process(processOptions: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request: graphqlRequest } = processOptions;
    const context = processOptions.context as Partial<GatewayContext>;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (context.requestId) headers['x-request-id'] = context.requestId;
    if (context.acceptLanguage) headers['accept-language'] = context.acceptLanguage;
    for (const [name, value] of Object.entries(context.subgraphHeaders ?? {})) headers[name] = value;

    const body = JSON.stringify({
      query: graphqlRequest.query,
      variables: graphqlRequest.variables,
      operationName: graphqlRequest.operationName,
    });

    try {
      const response = await request(this.options.url, {
        method: 'POST',
        headers,
        body,
        dispatcher: this.options.dispatcher,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const text = await response.body.text();
      const parsed = parseJson(text);
      if (parsed && (parsed.data !== undefined || Array.isArray(parsed.errors))) {
        this.options.status.markUp(this.options.name);
        return parsed as GatewayGraphQLResponse;
      }
      throw new Error(`HTTP ${response.statusCode} without a GraphQL response body`);
    } catch (error) {
      const reason = describeFailure(error, this.options.timeoutMs);
      this.options.status.markDown(this.options.name, reason);
      context.logger?.warn({ subgraph: this.options.name, requestId: context.requestId, reason }, 'subgraph request failed');
      return this.failureResponse(graphqlRequest.query ?? '', processOptions, context, reason);
    }
  }

  /** A response that reports the failure on each field this request would have filled. */
  private failureResponse(
    query: string,
    processOptions: GraphQLDataSourceProcessOptions<GatewayContext>,
    context: Partial<GatewayContext>,
    reason: string,
  ): GatewayGraphQLResponse {
    let requested = this.keysByQuery.get(query);
    if (!requested) {
      const document = 'document' in processOptions && processOptions.document ? processOptions.document : parse(query);
      requested = requestedKeys(document);
      if (this.keysByQuery.size < 1000) this.keysByQuery.set(query, requested);
    }

    const language = context.language ?? 'id';
    const message = renderMessage(PLATFORM_ERRORS.SUBGRAPH_UNAVAILABLE.messages[language], { subgraph: this.options.name });
    const extensions = { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.options.name, reason };
    const paths: (string | number)[][] = [];
    if (requested.entityFetch) {
      const representations = (processOptions.request.variables?.representations as unknown[] | undefined) ?? [];
      for (let index = 0; index < representations.length && paths.length < MAX_PATH_ERRORS; index += 1) {
        for (const key of requested.keys) paths.push(['_entities', index, key]);
      }
    } else {
      for (const key of requested.keys) paths.push([key]);
    }
    const errors = paths.slice(0, MAX_PATH_ERRORS).map((path) => ({ message, path, extensions }));
    if (errors.length === 0) errors.push({ message, path: [], extensions });
    return { errors } as unknown as GatewayGraphQLResponse;
  }
}

function parseJson(text: string): { data?: unknown; errors?: unknown } | undefined {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Describe why a subgraph request failed, briefly and without data from the request. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const code = (error as { code?: string })?.code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return `timed out after ${timeoutMs} ms`;
  }
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return 'connection closed by the subgraph';
  return code ? `request failed (${code})` : `request failed: ${(error as Error)?.message ?? String(error)}`;
}
