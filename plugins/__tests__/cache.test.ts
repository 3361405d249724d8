import { randomUUID } from 'node:crypto';
import { Cache, MemoryCache, RedisCache } from '../cache';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each([
  ['memory', () => new MemoryCache()],
  ['redis', () => RedisCache.connect(redisUrl, `ragem-test-${randomUUID()}:`)],
])('%s cache', (_kind, create: () => Cache) => {
  let cache: Cache;

  beforeEach(() => {
    cache = create();
  });

  afterEach(async () => {
    await cache.close();
  });

  test('stores and deletes values', async () => {
    await cache.set('key', 'value', 60);
    expect(await cache.get('key')).toBe('value');

    await cache.delete('key');
    expect(await cache.get('key')).toBeNull();
  });

  test('scopes keys by prefix', async () => {
    const places = cache.scoped('places:');
    const regions = cache.scoped('regions:');
    await places.set('key', 'p', 60);

    expect(await regions.get('key')).toBeNull();
    expect(await places.get('key')).toBe('p');
  });

  test('counts increments', async () => {
    expect(await cache.increment('counter', 60)).toBe(1);
    expect(await cache.increment('counter', 60)).toBe(2);
    expect(await cache.increment('counter', 60)).toBe(3);
  });
});

test('memory cache expires entries', async () => {
  let now = 1_000_000;
  const cache = new MemoryCache(100, () => now);
  await cache.set('key', 'value', 10);

  now += 9_999;
  expect(await cache.get('key')).toBe('value');
  now += 2;
  expect(await cache.get('key')).toBeNull();
});

test('memory cache drops oldest past its bound', async () => {
  const cache = new MemoryCache(2);
  await cache.set('a', '1', 60);
  await cache.set('b', '2', 60);
  await cache.set('c', '3', 60);

  expect(await cache.get('a')).toBeNull();
  expect(await cache.get('c')).toBe('3');
});

test('redis cache expires entries', async () => {
  const cache = RedisCache.connect(redisUrl, `ragem-test-${randomUUID()}:`);
  try {
    await cache.set('key', 'value', 1);
    expect(await cache.get('key')).toBe('value');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await cache.get('key')).toBeNull();
  } finally {
    await cache.close();
  }
});
