import { createHash } from 'node:crypto';
import type { Cache } from '../../plugins/cache';
import { RagemError } from '../../plugins/errors';

/** Length of a counting window, in seconds; a window starts at its first failed attempt. */
export const LOGIN_WINDOW_SECONDS = 60;
/** Login attempts per account within a window after which login is rejected; a success resets it. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts per client address within a window after which login is rejected. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * Counters of login attempts in the subgraph's cache. Per account every attempt is counted
 * atomically before its password is checked, so parallel guesses cannot pass the limit together.
 * A successful login resets the count. The account is keyed by its id when the identifier names
 * one, so email and phone share one count, and by a hash of the identifier otherwise, so the
 * cache contains no email addresses or phone numbers. Per client address only failures count, since
 * many citizens may share one address behind a mobile carrier's NAT.
 */
export class LoginRateLimit {
  private readonly accountKey: string;
  private readonly addressKey: string;

  constructor(
    private readonly cache: Cache,
    subject: { accountId: string } | { identifier: string },
    address: string,
  ) {
    this.accountKey =
      'accountId' in subject
        ? `login:account:${subject.accountId}`
        : `login:identifier:${createHash('sha256').update(subject.identifier, 'utf8').digest('hex').slice(0, 32)}`;
    this.addressKey = `login:addr:${address}`;
  }

  /**
   * Count this attempt; throw LOGIN_RATE_LIMITED when the account has used its attempts of the
   * current window or the address has reached its failures.
   */
  async begin(): Promise<void> {
    const [attempts, addressFailures] = await Promise.all([
      this.cache.increment(this.accountKey, LOGIN_WINDOW_SECONDS),
      this.cache.get(this.addressKey),
    ]);
    if (attempts > MAX_FAILURES_PER_ACCOUNT || Number(addressFailures ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
      throw new RagemError('LOGIN_RATE_LIMITED', { seconds: LOGIN_WINDOW_SECONDS });
    }
  }

  /** Count one failed attempt against the address; the account's attempt is already counted. */
  async recordFailure(): Promise<void> {
    await this.cache.increment(this.addressKey, LOGIN_WINDOW_SECONDS);
  }

  /** Reset the account's count after a successful login; the address counter stays. */
  async recordSuccess(): Promise<void> {
    await this.cache.delete(this.accountKey);
  }
}
