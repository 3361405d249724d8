import { RagemError } from '../../../plugins/errors';
import { checkCharacters, isCategoryCode, isKelurahanCode, isOpdId, isReportId, normalizeTrackingNumber } from '../input-formats';
import { cleanText } from '../validation';

test('tracking number normalised or rejected', () => {
  expect(normalizeTrackingNumber('  rbg-261207-7k3qm ')).toBe('RBG-261207-7K3QM');
  expect(normalizeTrackingNumber('RBG-\u0000')).toBeNull();
  expect(normalizeTrackingNumber('R'.repeat(21))).toBeNull();
  expect(normalizeTrackingNumber('')).toBeNull();
});

test('key formats accept real keys only', () => {
  expect(isCategoryCode('street-light')).toBe(true);
  expect(isCategoryCode('street-light\u0000')).toBe(false);
  expect(isOpdId('dinkop-ukm-perindag')).toBe(true);
  expect(isOpdId('Dishub')).toBe(false);
  expect(isKelurahanCode('36.73.01.1011')).toBe(true);
  expect(isKelurahanCode('36.73.01.1011\u0000')).toBe(false);
  expect(isReportId('0b8f6a3e-52a1-4c1e-9d7a-3f0e2b1c4d5e')).toBe(true);
  expect(isReportId('x\u0000')).toBe(false);
});

test('control characters get INVALID_CHARACTERS', () => {
  expect(() => checkCharacters('Lampu\tmati\nsejak malam', 'input.title')).not.toThrow();

  let raised: unknown;
  try {
    cleanText('Lampu\u0000 mati', 'input.title', { min: 1, max: 120 });
  } catch (error) {
    raised = error;
  }
  expect(raised).toBeInstanceOf(RagemError);
  expect((raised as RagemError).code).toBe('INVALID_CHARACTERS');
  expect((raised as RagemError).field).toBe('input.title');
});

test('text length counts emoji once', () => {
  expect(cleanText('💡'.repeat(120), 'input.title', { min: 5, max: 120 })).toBe('💡'.repeat(120));
  expect(() => cleanText('💡'.repeat(121), 'input.title', { min: 5, max: 120 })).toThrow(RagemError);
});
