import { AsyncLocalStorage } from 'node:async_hooks';
import type { Language } from './language';

/** Facts about the request being served, readable from code that has no GraphQL context. */
export interface RequestScope {
  requestId: string;
  language: Language;
  /** SQL statements run for this request so far. */
  sqlStatements: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequestScope(): RequestScope | undefined {
  return requestScope.getStore();
}
