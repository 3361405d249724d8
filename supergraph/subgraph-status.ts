import { Dispatcher, request } from 'undici';

export type SubgraphState = 'up' | 'down' | 'unknown';

export interface SubgraphStatus {
  name: string;
  url: string;
  state: SubgraphState;
  lastError?: string;
  lastErrorAt?: string;
  lastSuccessAt?: string;
}

/** How long a readiness probe result is reused, so /ready polling does not load subgraphs. */
const PROBE_REUSE_MS = 2000;
const PROBE_TIMEOUT_MS = 1000;

/**
 * The state of each subgraph as observed by the gateway. Every subgraph request updates it, and
 * /ready sends a `{ __typename }` probe to subgraphs that no request reached recently.
 */
export class SubgraphStatusBoard {
  private readonly statuses = new Map<string, SubgraphStatus>();
  private readonly checkedAt = new Map<string, number>();

  constructor(
    subgraphs: { name: string; url: string }[],
    private readonly dispatcher: Dispatcher,
    /** Headers of a probe: a signed anonymous identity, which subgraphs require in production. */
    private readonly probeHeaders: () => Record<string, string> = () => ({}),
  ) {
    for (const { name, url } of subgraphs) this.statuses.set(name, { name, url, state: 'unknown' });
  }

  markUp(name: string): void {
    const status = this.statuses.get(name);
    if (!status) return;
    this.checkedAt.set(name, Date.now());
    if (status.state === 'up') return;
    status.state = 'up';
    status.lastSuccessAt = new Date().toISOString();
  }

  markDown(name: string, reason: string): void {
    const status = this.statuses.get(name);
    if (!status) return;
    this.checkedAt.set(name, Date.now());
    status.state = 'down';
    status.lastError = reason;
    status.lastErrorAt = new Date().toISOString();
  }

  /** Return every subgraph's status, first probing those not checked in the last few seconds. */
  async snapshot(): Promise<SubgraphStatus[]> {
    const now = Date.now();
    await Promise.all(
      [...this.statuses.values()]
        .filter((status) => now - (this.checkedAt.get(status.name) ?? 0) > PROBE_REUSE_MS)
        .map((status) => this.probe(status)),
    );
    return [...this.statuses.values()].map((status) => ({ ...status }));
  }

  private async probe(status: SubgraphStatus): Promise<void> {
    try {
      const response = await request(status.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.probeHeaders() },
        body: '{"query":"{ __typename }"}',
        dispatcher: this.dispatcher,
        headersTimeout: PROBE_TIMEOUT_MS,
        bodyTimeout: PROBE_TIMEOUT_MS,
      });
      await response.body.dump();
      if (response.statusCode === 200) this.markUp(status.name);
      else this.markDown(status.name, `probe answered HTTP ${response.statusCode}`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.markDown(status.name, code === 'ECONNREFUSED' ? 'connection refused' : `probe failed (${code ?? 'unknown error'})`);
    }
  }
}
