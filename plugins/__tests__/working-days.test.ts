import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCapturingLogger } from '../../test/support/logs';
import { isCalendarDate, readHolidayYears, WorkingDayCalendar } from '../working-days';

/*
 * Dates below come from plugins/calendar/holidays/2026.json: 17 August 2026 (Monday) is
 * Proklamasi Kemerdekaan, 15 May 2026 (Friday) is cuti bersama after Kenaikan Yesus Kristus, and
 * 18 to 24 March 2026 are Nyepi and Idulfitri holidays with their cuti bersama.
 */

function loadCalendar() {
  const capture = createCapturingLogger();
  return { calendar: WorkingDayCalendar.load(capture.logger), lines: capture.lines };
}

/** Warning lines about a year without decree data. */
function yearWarnings(lines: string[]): { year: number; knownYears: number[] }[] {
  return lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 'warn' && entry.msg.startsWith('no holiday decree data'));
}

describe('localDate', () => {
  const { calendar } = loadCalendar();

  test('switches at midnight WIB, 17:00 UTC', () => {
    expect(calendar.localDate(new Date('2026-12-07T16:59:59.999Z'))).toBe('2026-12-07');
    expect(calendar.localDate(new Date('2026-12-07T17:00:00.000Z'))).toBe('2026-12-08');
  });

  test('startOfDay and endOfDay bound a local day', () => {
    expect(calendar.startOfDay('2026-12-08').toISOString()).toBe('2026-12-07T17:00:00.000Z');
    expect(calendar.endOfDay('2026-12-08').toISOString()).toBe('2026-12-08T17:00:00.000Z');
    expect(calendar.endOfDay('2026-12-31').toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });
});

describe('isWorkingDay', () => {
  const { calendar } = loadCalendar();

  test.each([
    ['Saturday', '2026-06-06', false],
    ['Sunday', '2026-06-07', false],
    ['Monday', '2026-06-08', true],
    ['national holiday', '2026-08-17', false],
    ['cuti bersama', '2026-05-15', false],
    ['day after cuti bersama', '2026-05-18', true],
  ])('%s %s', (_name, date, working) => {
    expect(calendar.isWorkingDay(date)).toEqual({ value: working, provisional: false });
  });

  test('nonWorkingDay names the decree entry', () => {
    expect(calendar.nonWorkingDay('2026-08-17')).toEqual({ date: '2026-08-17', kind: 'NATIONAL_HOLIDAY', name: 'Proklamasi Kemerdekaan' });
    expect(calendar.nonWorkingDay('2026-05-15')?.kind).toBe('CUTI_BERSAMA');
    expect(calendar.nonWorkingDay('2026-06-08')).toBeUndefined();
  });
});

describe('addWorkingDays', () => {
  const { calendar } = loadCalendar();

  test.each([
    ['zero days', '2026-08-14', 0, '2026-08-14'],
    ['over a weekend and a holiday', '2026-08-14', 1, '2026-08-18'],
    ['over the Idulfitri week', '2026-03-17', 1, '2026-03-25'],
    ['over Christmas', '2026-12-23', 1, '2026-12-28'],
    ['ten days across 17 August', '2026-08-04', 10, '2026-08-19'],
  ])('%s', (_name, from, count, expected) => {
    expect(calendar.addWorkingDays(from, count)).toEqual({ value: expected, provisional: false });
  });

  test('rejects a negative or fractional count', () => {
    expect(() => calendar.addWorkingDays('2026-08-14', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-08-14', 1.5)).toThrow('count must be 0 to 7320, got 1.5');
  });
});

describe('workingDaysBetween', () => {
  const { calendar } = loadCalendar();
  const between = (from: string, to: string) => calendar.workingDaysBetween(new Date(from), new Date(to));

  test('same local day is zero', () => {
    expect(between('2026-08-14T01:00:00.000Z', '2026-08-14T10:00:00.000Z')).toEqual({ value: 0, provisional: false });
  });

  test('earlier end is zero', () => {
    expect(between('2026-08-19T02:00:00.000Z', '2026-08-14T02:00:00.000Z')).toEqual({ value: 0, provisional: false });
  });

  test('skips weekend and holiday', () => {
    // Friday 14 August 17:00 WIB to Wednesday 19 August 09:00 WIB: the 18th and the 19th.
    expect(between('2026-08-14T10:00:00.000Z', '2026-08-19T02:00:00.000Z')).toEqual({ value: 2, provisional: false });
  });

  test('counts local dates across WIB midnight', () => {
    // 23:30 WIB on Thursday 13 August to 00:30 WIB on Friday 14 August; both are 13 August in UTC.
    expect(between('2026-08-13T16:30:00.000Z', '2026-08-13T17:30:00.000Z')).toEqual({ value: 1, provisional: false });
  });
});

describe('withDays', () => {
  test('adds a holiday to a copy only', () => {
    const { calendar } = loadCalendar();

    const extended = calendar.withDays([{ date: '2026-12-10', kind: 'NATIONAL_HOLIDAY', name: 'Libur tambahan' }]);

    expect(extended.isWorkingDay('2026-12-10')).toEqual({ value: false, provisional: false });
    expect(extended.addWorkingDays('2026-12-09', 1).value).toBe('2026-12-11');
    expect(calendar.isWorkingDay('2026-12-10')).toEqual({ value: true, provisional: false });
    expect(calendar.addWorkingDays('2026-12-09', 1).value).toBe('2026-12-10');
  });

  test('keeps a year without decree data provisional', () => {
    const { calendar } = loadCalendar();

    const extended = calendar.withDays([{ date: '2031-01-01', kind: 'NATIONAL_HOLIDAY', name: 'Tahun Baru 2031 Masehi' }]);

    expect(extended.isWorkingDay('2031-01-01')).toEqual({ value: false, provisional: true });
    expect(extended.isWorkingDay('2031-01-02')).toEqual({ value: true, provisional: true });
    expect(extended.knownYears()).toEqual([2024, 2025, 2026]);
    expect(extended.decreeOf(2031)).toBeUndefined();
  });

  test('keeps days added by an earlier call', () => {
    const { calendar } = loadCalendar();

    const twice = calendar
      .withDays([{ date: '2031-01-01', kind: 'NATIONAL_HOLIDAY', name: 'Tahun Baru 2031 Masehi' }])
      .withDays([{ date: '2026-12-10', kind: 'NATIONAL_HOLIDAY', name: 'Libur tambahan' }]);

    expect(twice.isWorkingDay('2031-01-01').value).toBe(false);
    expect(twice.isWorkingDay('2026-12-10').value).toBe(false);
  });

  test('rejects a malformed day', () => {
    const { calendar } = loadCalendar();

    expect(() => calendar.withDays([{ date: '2026-02-30', kind: 'NATIONAL_HOLIDAY', name: 'Tidak ada' }])).toThrow('2026-02-30');
  });
});

describe('year without decree data', () => {
  test('is provisional and warns once', () => {
    const { calendar, lines } = loadCalendar();

    const first = calendar.isWorkingDay('2031-03-03');
    const added = calendar.addWorkingDays('2031-03-03', 10);
    const counted = calendar.workingDaysBetween(new Date('2031-03-03T02:00:00.000Z'), new Date('2031-03-10T02:00:00.000Z'));

    expect(first).toEqual({ value: true, provisional: true });
    // No fixed-date holiday in March, so weekends only: 4 to 7, 10 to 14 and 17 March 2031.
    expect(added).toEqual({ value: '2031-03-17', provisional: true });
    expect(counted).toEqual({ value: 5, provisional: true });
    expect(yearWarnings(lines)).toEqual([expect.objectContaining({ year: 2031, knownYears: [2024, 2025, 2026] })]);
  });

  test('each missing year warns once', () => {
    const { calendar, lines } = loadCalendar();

    calendar.isWorkingDay('2031-03-03');
    calendar.isWorkingDay('2032-03-03');
    calendar.isWorkingDay('2031-03-04');

    expect(yearWarnings(lines).map((warning) => warning.year)).toEqual([2031, 2032]);
  });

  test('counting into it from a known year is provisional', () => {
    const { calendar, lines } = loadCalendar();

    // 1 January 2027 is a Friday and a fixed-date holiday; without 2027 data the next working day is Monday 4 January.
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ value: '2027-01-04', provisional: true });
    expect(yearWarnings(lines).map((warning) => warning.year)).toEqual([2027]);
  });

  test('known year never warns', () => {
    const { calendar, lines } = loadCalendar();

    calendar.addWorkingDays('2026-01-02', 200);

    expect(yearWarnings(lines)).toEqual([]);
  });
});

describe('decree data', () => {
  test('knownYears and decreeOf read the yearly files', () => {
    const { calendar } = loadCalendar();

    expect(calendar.knownYears()).toEqual([2024, 2025, 2026]);
    expect(calendar.decreeOf(2026)?.decree).toContain('SKB');
    expect(calendar.decreeOf(2026)?.days).toHaveLength(25);
    expect(calendar.decreeOf(2031)).toBeUndefined();
  });

  test.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-8-17', false],
    ['17-08-2026', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  test.each([
    ['a date of another year', { year: 2030, decree: 'SKB uji', source: '', days: [{ date: '2031-01-01', kind: 'NATIONAL_HOLIDAY', name: 'x' }] }, 'Holiday data 2030.json has a date outside 2030'],
    ['an unknown kind', { year: 2030, decree: 'SKB uji', source: '', days: [{ date: '2030-01-01', kind: 'DAY_OFF', name: 'x' }] }, 'Holiday data 2030.json has an unknown kind for 2030-01-01: DAY_OFF'],
    ['no decree', { year: 2030, decree: '', source: '', days: [] }, 'Holiday data 2030.json needs a year, a decree and a list of days'],
  ])('readHolidayYears rejects %s', (_name, content, message) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-holidays-'));
    try {
      fs.writeFileSync(path.join(dir, '2030.json'), JSON.stringify(content));
      expect(() => readHolidayYears(dir)).toThrow(message);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('year without data still skips fixed-date holidays', () => {
  const calendar = WorkingDayCalendar.load();

  // 1 May 2031 (Labour Day) and 25 December 2031 (Christmas) are Thursdays.
  expect(calendar.isWorkingDay('2031-05-01')).toEqual({ value: false, provisional: true });
  expect(calendar.isWorkingDay('2031-05-02')).toEqual({ value: true, provisional: true });
  expect(calendar.isWorkingDay('2031-12-25')).toEqual({ value: false, provisional: true });
  expect(calendar.addWorkingDays('2031-04-30', 1)).toEqual({ value: '2031-05-02', provisional: true });
});
