import type { ConfigValues } from '../../plugins/config-spec';

/** Settings of the rabeg subgraph, read from RABEG_* environment variables. */
export const RABEG_CONFIG = {
  MAX_REPORTS_PER_HOUR: {
    kind: 'int',
    description: 'New reports one account may submit within one clock hour; retries with the same clientKey do not count.',
    default: 10,
    min: 1,
    max: 1000,
  },
} as const;

export type RabegConfig = ConfigValues<typeof RABEG_CONFIG>;
