import { checkKkNumber, checkNik, NikErrorCode, parseIsoDate, PROVINCE_CODES, Sex } from '../nik';

/** NIK of a man born 17 May 1990 in Kecamatan Serang, Kota Serang (36.73.01), serial 0001. */
const MALE_NIK = '3673011705900001';
/** The same birth date for a woman: 40 is added to the day, so 17 becomes 57. */
const FEMALE_NIK = '3673015705900002';

test('province list has the 38 codes', () => {
  expect(PROVINCE_CODES.size).toBe(38);
});

test.each<[string, string, string, Sex]>([
  ['male', MALE_NIK, '1990-05-17', 'MALE'],
  ['female', FEMALE_NIK, '1990-05-17', 'FEMALE'],
  ['female born on day 31', '3673017112850003', '1985-12-31', 'FEMALE'],
  ['29 February 2000', '3673012902000001', '2000-02-29', 'MALE'],
  ['born in 2010', '3201010101100123', '2010-01-01', 'MALE'],
  ['Papua Barat Daya province 96', '9601011705900001', '1990-05-17', 'MALE'],
])('valid NIK: %s', (_case, nik, birthDate, sex) => {
  expect(checkNik(nik, birthDate, sex)).toBeNull();
});

test.each<[string, string, string, Sex, NikErrorCode]>([
  ['15 digits', '367301170590001', '1990-05-17', 'MALE', 'NIK_MALFORMED'],
  ['17 digits', '36730117059000011', '1990-05-17', 'MALE', 'NIK_MALFORMED'],
  ['a letter', '367301170590000A', '1990-05-17', 'MALE', 'NIK_MALFORMED'],
  ['spaces', '3673 0117 0590 0001', '1990-05-17', 'MALE', 'NIK_MALFORMED'],
  ['province 99', '9973011705900001', '1990-05-17', 'MALE', 'NIK_UNKNOWN_PROVINCE'],
  ['province 20', '2073011705900001', '1990-05-17', 'MALE', 'NIK_UNKNOWN_PROVINCE'],
  ['province 00', '0073011705900001', '1990-05-17', 'MALE', 'NIK_UNKNOWN_PROVINCE'],
  ['day 00', '3673010005900001', '1990-05-17', 'MALE', 'NIK_INVALID_DATE'],
  ['day 32', '3673013205900001', '1990-05-17', 'MALE', 'NIK_INVALID_DATE'],
  ['day 40', '3673014005900001', '1990-05-17', 'MALE', 'NIK_INVALID_DATE'],
  ['female day 72', '3673017205900001', '1990-05-17', 'FEMALE', 'NIK_INVALID_DATE'],
  ['month 13', '3673011713900001', '1990-05-17', 'MALE', 'NIK_INVALID_DATE'],
  ['30 February', '3673013002900001', '1990-05-17', 'MALE', 'NIK_INVALID_DATE'],
  ['serial 0000', '3673011705900000', '1990-05-17', 'MALE', 'NIK_ZERO_SERIAL'],
  ['other day', MALE_NIK, '1990-05-18', 'MALE', 'NIK_BIRTH_DATE_MISMATCH'],
  ['other month', MALE_NIK, '1990-06-17', 'MALE', 'NIK_BIRTH_DATE_MISMATCH'],
  ['other year', MALE_NIK, '1991-05-17', 'MALE', 'NIK_BIRTH_DATE_MISMATCH'],
  ['male NIK for a woman', MALE_NIK, '1990-05-17', 'FEMALE', 'NIK_SEX_MISMATCH'],
  ['female NIK for a man', FEMALE_NIK, '1990-05-17', 'MALE', 'NIK_SEX_MISMATCH'],
])('invalid NIK: %s', (_case, nik, birthDate, sex, code) => {
  expect(checkNik(nik, birthDate, sex)).toBe(code);
});

test.each([
  ['valid', '3673010101200001', null],
  ['15 digits', '367301010120000', 'KK_MALFORMED'],
  ['a letter', '36730101012000X1', 'KK_MALFORMED'],
  ['province 99', '9973010101200001', 'KK_UNKNOWN_PROVINCE'],
])('KK number: %s', (_case, kkNumber, code) => {
  expect(checkKkNumber(kkNumber)).toBe(code);
});

test('parseIsoDate rejects impossible dates', () => {
  expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  expect(parseIsoDate('2023-02-29')).toBeNull();
  expect(parseIsoDate('1990-5-17')).toBeNull();
});
