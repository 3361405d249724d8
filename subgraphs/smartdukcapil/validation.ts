import { inputError } from '../../plugins/errors';
import { MAX_DOCUMENT_URL_LENGTH, MAX_DOCUMENT_URLS, MAX_NOTE_LENGTH, MAX_SLOT_CAPACITY } from './errors';
import { checkKkNumber, checkNik, parseIsoDate } from './nik';
import type { SubmitApplicationInput } from './types';

/** ISO 8601 date and time with seconds optional and a Z or ±hh:mm zone, such as 2030-01-15T08:00:00+07:00. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks the personal data and documents of an application and throws the input error of the
 * first failure. Messages name the field only, never the NIK or KK number.
 */
export function validateApplicationInput(input: SubmitApplicationInput, today: string): void {
  const birthDate = parseIsoDate(input.birthDate);
  if (!birthDate || input.birthDate > today) throw inputError('INVALID_BIRTH_DATE', 'input.birthDate');

  const nikError = checkNik(input.nik, input.birthDate, input.sex);
  if (nikError) {
    const other = nikError === 'NIK_SEX_MISMATCH' ? 'input.sex' : 'input.birthDate';
    throw inputError(nikError, 'input.nik', { other });
  }

  const kkError = checkKkNumber(input.kkNumber);
  if (kkError) throw inputError(kkError, 'input.kkNumber');

  if (input.documentUrls.length > MAX_DOCUMENT_URLS) throw inputError('TOO_MANY_DOCUMENTS', 'input.documentUrls', { max: MAX_DOCUMENT_URLS });
  input.documentUrls.forEach((url, index) => {
    if (!isHttpsUrl(url)) throw inputError('INVALID_DOCUMENT_URL', `input.documentUrls[${index}]`, { max: MAX_DOCUMENT_URL_LENGTH });
  });
}

function isHttpsUrl(value: string): boolean {
  if (value.length > MAX_DOCUMENT_URL_LENGTH) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Parses a slot start into an ISO 8601 UTC string, or throws INVALID_SLOT_START unless it lies after `now`. */
export function parseSlotStart(value: string, now: Date): string {
  const time = ISO_DATE_TIME.test(value) ? new Date(value) : null;
  if (!time || Number.isNaN(time.getTime()) || time <= now) throw inputError('INVALID_SLOT_START', 'startsAt');
  return time.toISOString();
}

export function validateCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_SLOT_CAPACITY) {
    throw inputError('INVALID_SLOT_CAPACITY', 'capacity', { max: MAX_SLOT_CAPACITY });
  }
}

/** Trims an optional note and returns null when it is empty; throws INVALID_NOTE when too long. */
export function normalizeNote(value: string | null | undefined, field: string): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > MAX_NOTE_LENGTH) throw inputError('INVALID_NOTE', field, { max: MAX_NOTE_LENGTH });
  return trimmed.length > 0 ? trimmed : null;
}
