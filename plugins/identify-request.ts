import type { IncomingMessage } from 'node:http';
import { anonymousIdentity, CallerIdentity, IDENTITY_HEADER, IDENTITY_SIGNATURE_HEADER, verifyIdentity } from './identity';

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Establish who is calling a subgraph, before any resolver runs. Signed identity headers must
 * verify, in every mode. Without them a request is rejected in production, so subgraphs serve
 * only the gateway. Elsewhere it is treated as anonymous, so a developer can query a subgraph alone.
 */
export function identifyRequest(
  request: IncomingMessage,
  options: { secret: string; isProduction: boolean; nowSeconds: number; requestId: string },
): { identity: CallerIdentity } | { problem: string } {
  const payload = headerValue(request, IDENTITY_HEADER);
  const signed = headerValue(request, IDENTITY_SIGNATURE_HEADER);
  if (payload === undefined && signed === undefined) {
    if (options.isProduction) return { problem: 'no identity headers; in production subgraphs answer only the gateway' };
    return { identity: anonymousIdentity(request.socket.remoteAddress ?? 'unknown', options.requestId, options.nowSeconds) };
  }
  if (payload === undefined || signed === undefined) return { problem: 'only one of the two identity headers' };
  return verifyIdentity(payload, signed, options.secret, options.nowSeconds);
}
