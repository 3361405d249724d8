import { ConfigError, readConfig } from '../config-spec';
import { loadPlatformConfig } from '../platform-config';

const spec = {
  PORT: { kind: 'int', min: 0, max: 65535, default: 4000, description: 'port' },
  MODE: { kind: 'enum', choices: ['a', 'b'], default: 'a', description: 'mode' },
  ON: { kind: 'boolean', description: 'switch' },
  URL: { kind: 'url', protocols: ['redis:'], description: 'redis' },
} as const;

test('defaults apply when unset or empty', () => {
  expect(readConfig(spec, { PORT: '' })).toEqual({ PORT: 4000, MODE: 'a', ON: undefined, URL: undefined });
});

test('values are parsed', () => {
  expect(readConfig(spec, { PORT: '80', MODE: 'b', ON: 'yes', URL: 'redis://127.0.0.1:6379' })).toEqual({
    PORT: 80,
    MODE: 'b',
    ON: true,
    URL: 'redis://127.0.0.1:6379',
  });
});

test('every bad variable is named with accepted values', () => {
  let error: ConfigError | undefined;
  try {
    readConfig(spec, { PORT: '70000', MODE: 'c', ON: 'maybe', URL: 'http://x' }, '');
  } catch (caught) {
    error = caught as ConfigError;
  }

  expect(error).toBeInstanceOf(ConfigError);
  expect(error!.problems).toEqual([
    'PORT is invalid (got "70000"): expected an integer from 0 to 65535',
    'MODE is invalid (got "c"): expected one of a, b',
    'ON is invalid (got "maybe"): expected one of true, 1, yes, on, false, 0, no, off',
    'URL is invalid: expected a URL starting with redis://',
  ]);
});

test('bad value is not echoed', () => {
  expect(() => readConfig(spec, { URL: 'redis-secret-password' })).toThrow(/^(?!.*secret-password)/s);
});

test('production turns introspection and playground off', () => {
  const config = loadPlatformConfig({ NODE_ENV: 'production' });

  expect(config.isProduction).toBe(true);
  expect(config.introspection).toBe(false);
  expect(config.playground).toBe(false);
});

test('production playground brings introspection', () => {
  const config = loadPlatformConfig({ NODE_ENV: 'production', PLAYGROUND: 'true' });

  expect(config.playground).toBe(true);
  expect(config.introspection).toBe(true);
});

test('introspection can be off with the playground on', () => {
  const config = loadPlatformConfig({ NODE_ENV: 'development', INTROSPECTION: 'false' });

  expect(config.playground).toBe(true);
  expect(config.introspection).toBe(false);
});

test('invalid NODE_ENV is rejected', () => {
  expect(() => loadPlatformConfig({ NODE_ENV: 'prod' })).toThrow('NODE_ENV is invalid (got "prod"): expected one of development, production, test');
});
