import { createCapturingLogger } from '../../test/support/logs';

test('personal data keys are redacted', () => {
  const { logger, lines } = createCapturingLogger();
  logger.info({ email: 'warga@example.id', phone: '+6281234567890', nik: '3673010101900001', user: { email: 'a@b.id', reporterName: 'Siti' } }, 'event');

  const entry = JSON.parse(lines[0]);
  expect(entry.email).toBe('[redacted]');
  expect(entry.phone).toBe('[redacted]');
  expect(entry.nik).toBe('[redacted]');
  expect(entry.user.email).toBe('[redacted]');
  expect(entry.user.reporterName).toBe('[redacted]');
  expect(lines[0]).not.toContain('warga@example.id');
  expect(lines[0]).not.toContain('3673010101900001');
});

test('query parameters are dropped from errors', () => {
  const { logger, lines } = createCapturingLogger();
  const error = Object.assign(new Error('invalid byte sequence'), {
    query: 'INSERT INTO account VALUES ($1, $2)',
    parameters: ['Siti Aminah', 'siti@contoh.id'],
    driverError: { code: '22021', message: 'invalid byte sequence', parameters: ['siti@contoh.id'] },
  });
  logger.error({ err: error }, 'failed');

  expect(lines[0]).not.toContain('siti@contoh.id');
  expect(lines[0]).not.toContain('Siti Aminah');
  expect(JSON.parse(lines[0]).err.driverError).toEqual({ code: '22021', message: 'invalid byte sequence' });
});
