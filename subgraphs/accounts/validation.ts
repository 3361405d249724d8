import { inputError } from '../../plugins/errors';

export const MAX_DISPLAY_NAME_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const MAX_OPD_ID_LENGTH = 64;

/** Permission name `<subgraph>:<action>`, such as `rabeg:coordinate`. */
export const PERMISSION_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*:[a-z][a-z0-9-]*$/;
export const MAX_PERMISSION_LENGTH = 100;

/** OPD id as the agencies subgraph writes it, such as `dinkop-ukm-perindag`. */
const OPD_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A deliberately simple check: one "@", no spaces, and a dot in the domain. */
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
/** Printable ASCII without spaces: an address with invisible or look-alike characters is refused. */
const EMAIL_CHARACTERS = /^[\x21-\x7e]+$/;
/** Control, zero-width space and direction-changing characters, which no name needs and PostgreSQL may refuse; the joiners of emoji sequences stay allowed. */
const INVISIBLE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;

/** Subscriber part of an Indonesian number after the country code 62: 8 to 12 digits, not starting with 0 or 1. */
const SUBSCRIBER_PATTERN = /^[2-9]\d{7,11}$/;

/**
 * Passwords that meet the length, letter and digit rules but are among the first guesses of
 * an attacker. Compared in lower case.
 */
const COMMON_PASSWORDS = new Set([
  'password1',
  'password123',
  'passw0rd',
  'p4ssw0rd',
  'qwerty123',
  'qwerty12',
  'abc12345',
  'abcd1234',
  'a1234567',
  '1234567a',
  '12345678a',
  'asdf1234',
  'admin123',
  'admin1234',
  'iloveyou1',
  'welcome1',
  'indonesia1',
  'bismillah1',
  'bismillah123',
  'sayang123',
  'rahasia123',
  'serang123',
  'ragem123',
]);

/** Length in characters (code points), so a name in any script counts as a reader sees it. */
function characterCount(value: string): number {
  return [...value].length;
}

/** Trim a display name and check its length; throws INVALID_DISPLAY_NAME. */
export function normalizeDisplayName(value: string, field: string): string {
  const trimmed = value.trim();
  const length = characterCount(trimmed);
  if (length < 1 || length > MAX_DISPLAY_NAME_LENGTH || INVISIBLE_CHARACTERS.test(trimmed)) {
    throw inputError('INVALID_DISPLAY_NAME', field, { max: MAX_DISPLAY_NAME_LENGTH });
  }
  return trimmed;
}

/** Return the trimmed, lower-cased email, or null when it is not acceptable. */
export function parseEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_CHARACTERS.test(email) || !EMAIL_PATTERN.test(email)) return null;
  return email;
}

/** Trim and lower-case an email address; throws INVALID_EMAIL. */
export function normalizeEmail(value: string, field: string): string {
  const email = parseEmail(value);
  if (email === null) throw inputError('INVALID_EMAIL', field, { max: MAX_EMAIL_LENGTH });
  return email;
}

/**
 * Return an Indonesian phone number in E.164 (+62 and 8 to 12 digits), or null when it is not
 * one. Accepts 08…, 62… and +62…, with spaces and dashes anywhere.
 */
export function parsePhone(value: string): string | null {
  const compact = value.trim().replace(/[\s-]/g, '');
  let subscriber: string;
  if (compact.startsWith('+62')) subscriber = compact.slice(3);
  else if (compact.startsWith('62')) subscriber = compact.slice(2);
  else if (compact.startsWith('0')) subscriber = compact.slice(1);
  else return null;
  return SUBSCRIBER_PATTERN.test(subscriber) ? `+62${subscriber}` : null;
}

/** Normalize a phone number to E.164; throws INVALID_PHONE. */
export function normalizePhone(value: string, field: string): string {
  const phone = parsePhone(value);
  if (phone === null) throw inputError('INVALID_PHONE', field);
  return phone;
}

/** Check a new password; throws PASSWORD_TOO_LONG or PASSWORD_TOO_WEAK. */
export function checkNewPassword(password: string, field: string): void {
  const length = characterCount(password);
  if (length > MAX_PASSWORD_LENGTH) throw inputError('PASSWORD_TOO_LONG', field, { max: MAX_PASSWORD_LENGTH });
  const weak =
    length < MIN_PASSWORD_LENGTH ||
    !/\p{L}/u.test(password) ||
    !/\p{Nd}/u.test(password) ||
    COMMON_PASSWORDS.has(password.toLowerCase());
  if (weak) throw inputError('PASSWORD_TOO_WEAK', field, { min: MIN_PASSWORD_LENGTH });
}

/** Check a permission name; throws INVALID_PERMISSION. */
export function checkPermission(permission: string, field: string): void {
  if (permission.length > MAX_PERMISSION_LENGTH || !PERMISSION_PATTERN.test(permission)) {
    throw inputError('INVALID_PERMISSION', field, { example: 'rabeg:coordinate' });
  }
}

/** Check the format of an OPD id; throws INVALID_OPD_ID. Whether the OPD exists is not checked here. */
export function checkOpdId(opdId: string, field: string): void {
  if (opdId.length > MAX_OPD_ID_LENGTH || !OPD_ID_PATTERN.test(opdId)) {
    throw inputError('INVALID_OPD_ID', field, { max: MAX_OPD_ID_LENGTH });
  }
}

export interface NewAccountInput {
  displayName: string;
  email?: string | null;
  phone?: string | null;
  password: string;
}

export interface ValidatedAccount {
  displayName: string;
  email: string | null;
  phone: string | null;
  password: string;
}

/**
 * Validate and normalize a registration, field by field in schema order, so the first bad
 * field is the one reported. `prefix` is put before each field name, such as `input.`.
 */
export function validateNewAccount(input: NewAccountInput, prefix = ''): ValidatedAccount {
  const displayName = normalizeDisplayName(input.displayName, `${prefix}displayName`);
  const emailGiven = typeof input.email === 'string' && input.email.trim() !== '';
  const phoneGiven = typeof input.phone === 'string' && input.phone.trim() !== '';
  const email = emailGiven ? normalizeEmail(input.email!, `${prefix}email`) : null;
  const phone = phoneGiven ? normalizePhone(input.phone!, `${prefix}phone`) : null;
  if (email === null && phone === null) throw inputError('CONTACT_REQUIRED', `${prefix}email`);
  checkNewPassword(input.password, `${prefix}password`);
  return { displayName, email, phone, password: input.password };
}
