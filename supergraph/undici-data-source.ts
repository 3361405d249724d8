import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { DocumentNode, FieldNode, Kind, OperationDefinitionNode, parse, SelectionSetNode } from 'graphql';
import { Agent, Dispatcher, request } from 'undici';
import { PLATFORM_ERRORS, renderMessage } from '../plugins/errors';
import { dedupeRepresentations, expandEntities } from './entity-dedup';
import type { GatewayContext } from './gateway-context';
import type { SubgraphStatusBoard } from './subgraph-status';

/**
 * Most errors with a path reported for one failed subgraph request. Past it the remaining fields
 * share one error without a path, so a list of thousands of entities cannot bloat the response.
 */
const MAX_PATH_ERRORS = 1000;

/** Largest subgraph response body accepted, in bytes. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface UndiciDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  dispatcher: Dispatcher;
  status: SubgraphStatusBoard;
}

/** Create the keep-alive connection pool shared by every data source of a gateway. */
export function createSubgraphAgent(): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 128, pipelining: 1, maxResponseSize: MAX_RESPONSE_BYTES });
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
  private readonly inFlight = new Map<string, Promise<SubgraphReply>>();

  constructor(private readonly options: UndiciDataSourceOptions) {}

  get url(): string {
    return this.options.url;
  }

  async process(processOptions: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request: graphqlRequest } = processOptions;
    const context = processOptions.context as Partial<GatewayContext>;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (context.requestId) headers['x-request-id'] = context.requestId;
    // The language the gateway chose, so gateway and subgraph messages always agree.
    if (context.language) headers['accept-language'] = context.language;
    for (const [name, value] of Object.entries(context.subgraphHeaders ?? {})) headers[name] = value;

    let variables = graphqlRequest.variables;
    const representations = variables?.representations;
    const deduped = Array.isArray(representations) ? dedupeRepresentations(representations) : undefined;
    if (deduped) variables = { ...variables, representations: deduped.unique };
    const query = graphqlRequest.query ?? '';
    const body = JSON.stringify({ query, variables, operationName: graphqlRequest.operationName });

    try {
      const { statusCode, text } = await this.sendShared(body, headers, isReadOnly(query), context.shareKey);
      const parsed = parseJson(text);
      const problem = checkResponse(parsed, variables?.representations);
      if (problem) throw new InvalidResponseError(`HTTP ${statusCode}: ${problem}`);
      this.options.status.markUp(this.options.name);
      if (deduped) expandEntities(parsed as Parameters<typeof expandEntities>[0], deduped.positions);
      return parsed as GatewayGraphQLResponse;
    } catch (error) {
      const reason = describeFailure(error, this.options.timeoutMs);
      this.options.status.markDown(this.options.name, reason);
      context.logger?.warn({ subgraph: this.options.name, requestId: context.requestId, reason }, 'subgraph request failed');
      return this.failureResponse(query, processOptions, context, reason);
    }
  }

  /**
   * Send a request, sharing one in-flight request among identical read-only ones: same body,
   * language and caller (the share key). Each caller parses the text itself, so no two
   * operations share mutable objects. The subgraph logs only the first caller's request id.
   */
  private sendShared(body: string, headers: Record<string, string>, readOnly: boolean, shareKey?: string): Promise<SubgraphReply> {
    if (!readOnly) return this.send(body, headers);
    const key = `${headers['accept-language'] ?? ''}\n${shareKey ?? sharedHeadersKey(headers)}\n${body}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const sent = this.send(body, headers).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, sent);
    return sent;
  }

  private async send(body: string, headers: Record<string, string>): Promise<SubgraphReply> {
    const response = await request(this.options.url, {
      method: 'POST',
      headers,
      body,
      dispatcher: this.options.dispatcher,
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
      // bodyTimeout restarts with every chunk, so a body sent byte by byte needs a deadline too.
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    return { statusCode: response.statusCode, text: await response.body.text() };
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
      for (let index = 0; index < representations.length && paths.length <= MAX_PATH_ERRORS; index += 1) {
        for (const key of requested.keys) paths.push(['_entities', index, key]);
      }
    } else {
      for (const key of requested.keys) paths.push([key]);
    }
    const errors: { message: string; path?: (string | number)[]; extensions: typeof extensions }[] = paths
      .slice(0, MAX_PATH_ERRORS)
      .map((path) => ({ message, path, extensions }));
    if (errors.length === 0 || paths.length > MAX_PATH_ERRORS) errors.push({ message, extensions });
    return { errors } as unknown as GatewayGraphQLResponse;
  }
}

class InvalidResponseError extends Error {}

interface SubgraphReply {
  statusCode: number;
  text: string;
}

/** Key of every header but the request id and the signed identity, which differ per request. */
function sharedHeadersKey(headers: Record<string, string>): string {
  const { 'x-request-id': _requestId, 'x-ragem-identity': _identity, 'x-ragem-identity-sig': _signature, ...shared } = headers;
  return JSON.stringify(shared);
}

/** Tell whether a subgraph operation only reads: the gateway sends mutations with the `mutation` keyword. */
function isReadOnly(query: string): boolean {
  return !/^\s*(mutation|subscription)\b/.test(query);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Return why a subgraph response is not a usable GraphQL response, or undefined when it is. The
 * gateway trusts what passes, so a malformed one is treated like an unreachable subgraph.
 */
function checkResponse(body: unknown, representations: unknown): string | undefined {
  if (!isRecord(body)) return 'the body is not a JSON object';
  const { data, errors } = body;
  if (errors !== undefined && !(Array.isArray(errors) && errors.every((error) => isRecord(error) && typeof error.message === 'string'))) {
    return 'errors is not a list of errors with a message';
  }
  if (errors !== undefined && errors.some((error) => (error as { path?: unknown }).path !== undefined && !Array.isArray((error as { path?: unknown }).path))) {
    return 'an error path is not a list';
  }
  if (data === undefined || data === null) return errors?.length ? undefined : 'it has neither data nor errors';
  if (!isRecord(data)) return 'data is not an object';
  if (Array.isArray(representations) && data._entities !== null) {
    if (!Array.isArray(data._entities) || data._entities.length !== representations.length) {
      return `_entities is not a list of ${representations.length} entities`;
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Describe why a subgraph request failed, briefly and without data from the request. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof InvalidResponseError) return `invalid response (${error.message})`;
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const code = (error as { code?: string })?.code;
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return `response larger than ${MAX_RESPONSE_BYTES} bytes`;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return `timed out after ${timeoutMs} ms`;
  }
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return 'connection closed by the subgraph';
  return code ? `request failed (${code})` : `request failed: ${(error as Error)?.message ?? String(error)}`;
}
