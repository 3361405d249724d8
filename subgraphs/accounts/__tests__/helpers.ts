import { decodeJwt } from 'jose';
import type { RunningSubgraph } from '../../../plugins/subgraph-host';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** Post one operation to a subgraph and return the whole response body, errors included. */
export async function graphql<T = Record<string, unknown>>(
  subgraph: RunningSubgraph,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(subgraph.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/** Post an operation that must succeed and return its data. */
export async function expectData<T = Record<string, any>>(
  subgraph: RunningSubgraph,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const result = await graphql<T>(subgraph, query, variables, headers);
  if (result.errors?.length) throw new Error(`expected no errors, got ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** Post an operation that must fail and return its first error. */
export async function expectError(
  subgraph: RunningSubgraph,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ message: string; code?: string; field?: string }> {
  const result = await graphql(subgraph, query, variables, headers);
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return { message: error.message, code: error.extensions?.code, field: error.extensions?.field };
}

export const LOGIN = `
  mutation Login($identifier: String!, $password: String!) {
    login(identifier: $identifier, password: $password) {
      accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt
      account { id displayName email phone role permissions opd { id } }
    }
  }`;

export const REGISTER = `
  mutation Register($input: RegisterInput!) {
    register(input: $input) { id displayName email phone role permissions createdAt }
  }`;

/** Claims of an access token, read without verifying it. */
export function claimsOf(accessToken: string): { sub: string; role: string; opd: string | null; perms: string[]; iat: number; exp: number } {
  return decodeJwt(accessToken) as never;
}
