import { inputError } from '../../plugins/errors';

/*
 * Formats of the keys a caller sends. A value that cannot be a key is handled without a query,
 * so bytes that PostgreSQL rejects in text (NUL) never reach the database.
 */
export const CATEGORY_CODE_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
export const KELURAHAN_CODE_PATTERN = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
export const OPD_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MAX_OPD_ID_LENGTH = 64;
const REPORT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACKING_NUMBER_PATTERN = /^[A-Z0-9-]{1,20}$/;
/** Control characters other than tab and line feed. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F]/;

export function isCategoryCode(value: string): boolean {
  return CATEGORY_CODE_PATTERN.test(value);
}

export function isOpdId(value: string): boolean {
  return value.length <= MAX_OPD_ID_LENGTH && OPD_ID_PATTERN.test(value);
}

export function isKelurahanCode(value: string): boolean {
  return KELURAHAN_CODE_PATTERN.test(value);
}

export function isReportId(value: string): boolean {
  return REPORT_ID_PATTERN.test(value);
}

/** Convert a tracking number as typed (spaces around it, lower case) to its stored form, or null when it cannot be one. */
export function normalizeTrackingNumber(value: string): string | null {
  const normalized = value.trim().toUpperCase();
  return TRACKING_NUMBER_PATTERN.test(normalized) ? normalized : null;
}

/** Throw INVALID_CHARACTERS when a text contains control characters other than tab and line feed. */
export function checkCharacters(text: string, field: string): void {
  if (CONTROL_CHARACTERS.test(text)) throw inputError('INVALID_CHARACTERS', field);
}
