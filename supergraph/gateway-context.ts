import type { Language } from '../plugins/language';
import type { Logger } from '../plugins/logger';

/** Apollo Server context of one gateway request. */
export interface GatewayContext {
  requestId: string;
  language: Language;
  /** Further headers to send with every subgraph request of this operation. */
  subgraphHeaders?: Record<string, string>;
  logger: Logger;
}
