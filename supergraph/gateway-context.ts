import type { Language } from '../plugins/language';
import type { Logger } from '../plugins/logger';
import type { RequestLogFields } from '../plugins/request-log';

/** Apollo Server context of one gateway request. */
export interface GatewayContext {
  requestId: string;
  language: Language;
  /** Further headers to send with every subgraph request of this operation: the signed identity. */
  subgraphHeaders?: Record<string, string>;
  /**
   * Identity facts that decide whether two requests may share one subgraph request. Without it,
   * requests are shared only when every header but the request id is equal.
   */
  shareKey?: string;
  logger: Logger;
  /** Fields for the request's log line, filled during the request. */
  logFields: RequestLogFields;
}
