import { createHash } from 'node:crypto';
import type { Cache } from '../../plugins/cache';
import { RagemError } from '../../plugins/errors';

/** Length of a counting window, in seconds; a window starts at its first failed attempt. */
export const LOGIN_WINDOW_SECONDS = 60;
/** Failed attempts per identifier within a window after which login is rejected. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts per client address within a window after which login is rejected. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * Counters of failed logins in the subgraph's cache, per identifier and per client address.
 * The identifier is hashed into the key, so the cache contains no email addresses or phone numbers.
 *
 * NOTE: the counters are read before the password check and raised after it, so concurrent
 * attempts that all pass the read can exceed the limit by the number in flight.
 */
export class LoginRateLimit {
  private readonly accountKey: string;
  private readonly addressKey: string;

  constructor(
    private readonly cache: Cache,
    identifier: string,
    address: string,
  ) {
    const identifierHash = createHash('sha256').update(identifier, 'utf8').digest('hex').slice(0, 32);
    this.accountKey = `login:account:${identifierHash}`;
    this.addressKey = `login:addr:${address}`;
  }

  /** Throw LOGIN_RATE_LIMITED when either counter has reached its limit in the current window. */
  async check(): Promise<void> {
    const [accountFailures, addressFailures] = await Promise.all([this.cache.get(this.accountKey), this.cache.get(this.addressKey)]);
    if (Number(accountFailures ?? 0) >= MAX_FAILURES_PER_ACCOUNT || Number(addressFailures ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
      throw new RagemError('LOGIN_RATE_LIMITED', { seconds: LOGIN_WINDOW_SECONDS });
    }
  }

  /** Count one failed attempt against both the identifier and the address. */
  async recordFailure(): Promise<void> {
    await Promise.all([
      this.cache.increment(this.accountKey, LOGIN_WINDOW_SECONDS),
      this.cache.increment(this.addressKey, LOGIN_WINDOW_SECONDS),
    ]);
  }

  /** Clear the identifier's counter after a successful login; the address counter stays. */
  async recordSuccess(): Promise<void> {
    await this.cache.delete(this.accountKey);
  }
}
