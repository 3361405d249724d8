import Redis from 'ioredis';

/** String key-value store with expiry, shared by every request of a subgraph. */
export interface Cache {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Add 1 to a counter, starting its expiry at the first increment; returns the new value. */
  increment(key: string, ttlSeconds: number): Promise<number>;
  /** Return a view of this cache whose keys all start with `prefix`. */
  scoped(prefix: string): Cache;
  close(): Promise<void>;
}

interface MemoryEntry {
  value: string;
  expiresAt: number;
}

/**
 * In-process cache for the embedded mode. Bounded: past `maxEntries` the oldest entries are
 * dropped, so a flood of distinct keys cannot exhaust memory.
 */
export class MemoryCache implements Cache {
  private readonly entries: Map<string, MemoryEntry>;

  constructor(
    private readonly maxEntries = 10000,
    private readonly now: () => number = Date.now,
    entries?: Map<string, MemoryEntry>,
    private readonly prefix = '',
  ) {
    this.entries = entries ?? new Map();
  }

  async get(key: string): Promise<string | null> {
    const entry = this.entries.get(this.prefix + key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(this.prefix + key);
      return null;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.store(this.prefix + key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(this.prefix + key);
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    const current = await this.get(key);
    const fullKey = this.prefix + key;
    if (current === null) {
      this.store(fullKey, { value: '1', expiresAt: this.now() + ttlSeconds * 1000 });
      return 1;
    }
    const entry = this.entries.get(fullKey)!;
    entry.value = String(Number(entry.value) + 1);
    return Number(entry.value);
  }

  scoped(prefix: string): Cache {
    return new MemoryCache(this.maxEntries, this.now, this.entries, this.prefix + prefix);
  }

  async close(): Promise<void> {
    if (this.prefix === '') this.entries.clear();
  }

  private store(key: string, entry: MemoryEntry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

/** Cache in Redis, shared by every process of a deployment. */
export class RedisCache implements Cache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly owner = true,
  ) {}

  static connect(url: string, prefix: string): RedisCache {
    const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    return new RedisCache(redis, prefix);
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(this.prefix + key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, value, 'EX', ttlSeconds);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    // One round trip; the expiry is set only when the counter is new, so a window is fixed.
    const [[, count]] = (await this.redis
      .multi()
      .incr(this.prefix + key)
      .expire(this.prefix + key, ttlSeconds, 'NX')
      .exec()) as [[Error | null, number], unknown];
    return count;
  }

  scoped(prefix: string): Cache {
    return new RedisCache(this.redis, this.prefix + prefix, false);
  }

  async close(): Promise<void> {
    if (this.owner) await this.redis.quit();
  }
}

/** Create the process cache: Redis when a URL is given, otherwise in memory. */
export function createCache(options: { redisUrl?: string; keyPrefix: string }): Cache {
  return options.redisUrl ? RedisCache.connect(options.redisUrl, options.keyPrefix) : new MemoryCache();
}
