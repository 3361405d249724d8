import { inputError } from './errors';

/** Maximum length of one cursor value, enough for the ISO times and UUIDs that lists sort by. */
const MAX_POSITION_LENGTH = 64;

/**
 * Encode a list position, such as a submission time and an id, as an opaque base64url cursor.
 * Clients pass it back as `after` without reading it.
 */
export function encodeCursor(position: string[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * Decode a cursor of `size` strings made by encodeCursor, or throw INVALID_CURSOR on `field`. The
 * plugin's error registry must define INVALID_CURSOR.
 */
export function decodeCursor(cursor: string, field: string, size: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === size &&
    parsed.every((value) => typeof value === 'string' && value.length <= MAX_POSITION_LENGTH);
  if (!valid) throw inputError('INVALID_CURSOR', field);
  return parsed as string[];
}
