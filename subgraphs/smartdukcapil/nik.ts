/**
 * Checks of the NIK (Nomor Induk Kependudukan) and the KK (Kartu Keluarga) number. Pure functions
 * with no I/O, so they are unit-tested on their own.
 *
 * A NIK has 16 digits: 1-2 province, 3-4 regency or city, 5-6 kecamatan, 7-12 birth date as
 * DDMMYY with 40 added to the day for women, and 13-16 a serial number that is never 0000.
 */

/** Province codes of Kemendagri, the 38 provinces as of 2022. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21',
  '31', '32', '33', '34', '35', '36',
  '51', '52', '53',
  '61', '62', '63', '64', '65',
  '71', '72', '73', '74', '75', '76',
  '81', '82',
  '91', '92', '93', '94', '95', '96',
]);

export type Sex = 'MALE' | 'FEMALE';

export type NikErrorCode =
  | 'NIK_MALFORMED'
  | 'NIK_UNKNOWN_PROVINCE'
  | 'NIK_INVALID_DATE'
  | 'NIK_ZERO_SERIAL'
  | 'NIK_BIRTH_DATE_MISMATCH'
  | 'NIK_SEX_MISMATCH';

export type KkErrorCode = 'KK_MALFORMED' | 'KK_UNKNOWN_PROVINCE';

const SIXTEEN_DIGITS = /^\d{16}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Offset added to the day of birth in the NIK of a woman. */
const FEMALE_DAY_OFFSET = 40;

/** Checks whether day/month/year is a real calendar date. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Parses a YYYY-MM-DD string into its parts, or returns null when it is not a real date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

/**
 * Checks a NIK against the applicant's stated birth date (YYYY-MM-DD, already validated) and sex.
 * Returns the code of the first failed check, or null when the NIK passes. The checks do not
 * require the kecamatan digits to name a kecamatan that exists today, because codes change when
 * regions split.
 */
export function checkNik(nik: string, birthDate: string, sex: Sex): NikErrorCode | null {
  if (!SIXTEEN_DIGITS.test(nik)) return 'NIK_MALFORMED';
  if (!PROVINCE_CODES.has(nik.slice(0, 2))) return 'NIK_UNKNOWN_PROVINCE';

  const encodedDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const twoDigitYear = Number(nik.slice(10, 12));
  const isFemale = encodedDay > FEMALE_DAY_OFFSET;
  const day = isFemale ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
  // The NIK does not store the century, so the date is real when it exists in 19YY or 20YY.
  const isRealDate = isCalendarDate(1900 + twoDigitYear, month, day) || isCalendarDate(2000 + twoDigitYear, month, day);
  if (!isRealDate) return 'NIK_INVALID_DATE';

  if (nik.slice(12) === '0000') return 'NIK_ZERO_SERIAL';

  const stated = parseIsoDate(birthDate);
  if (!stated || stated.day !== day || stated.month !== month || stated.year % 100 !== twoDigitYear) {
    return 'NIK_BIRTH_DATE_MISMATCH';
  }
  if ((sex === 'FEMALE') !== isFemale) return 'NIK_SEX_MISMATCH';
  return null;
}

/** Checks a KK number: 16 digits whose first two are a known province code. */
export function checkKkNumber(kkNumber: string): KkErrorCode | null {
  if (!SIXTEEN_DIGITS.test(kkNumber)) return 'KK_MALFORMED';
  if (!PROVINCE_CODES.has(kkNumber.slice(0, 2))) return 'KK_UNKNOWN_PROVINCE';
  return null;
}
