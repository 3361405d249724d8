import pino, { Logger } from 'pino';

export type { Logger };

/**
 * Keys redacted wherever they appear in a log line's fields, at the top or one level deep. Code
 * should not log personal data or secrets at all, and this list is the one place that catches
 * the mistakes.
 */
export const REDACTED_KEYS = [
  'nik',
  'kk',
  'phone',
  'email',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'reporterName',
  'displayName',
  'variables',
];

const REDACT_PATHS = [
  ...REDACTED_KEYS,
  ...REDACTED_KEYS.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["x-ragem-identity"]',
];

/**
 * Serialize an error for the log without the values it carries: typeorm's QueryFailedError keeps
 * the statement's parameters (which may be names, e-mail addresses or password hashes) in
 * `parameters` and in its driver error.
 */
function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== 'object') return serialized;
  delete serialized.parameters;
  const driverError = serialized.driverError as Record<string, unknown> | undefined;
  if (driverError && typeof driverError === 'object') {
    serialized.driverError = { code: driverError.code, message: driverError.message };
  }
  return serialized;
}

/** Create the process logger: JSON lines on standard output, personal data redacted. */
export function createLogger(options: { level: string; name?: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      name: options.name,
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
    },
    options.destination,
  );
}
