import fs from 'node:fs';
import path from 'node:path';

interface HolidayDay {
  date: string;
  kind: string;
  name: string;
}

interface HolidayFile {
  year: number;
  decree: string;
  source: string;
  days: HolidayDay[];
}

const HOLIDAY_DIR = path.join(__dirname, '..', 'calendar', 'holidays');
const KINDS = ['NATIONAL_HOLIDAY', 'CUTI_BERSAMA'];

const fileNames = fs
  .readdirSync(HOLIDAY_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();

function readHolidayFile(file: string): HolidayFile {
  return JSON.parse(fs.readFileSync(path.join(HOLIDAY_DIR, file), 'utf8')) as HolidayFile;
}

/** Return true when `value` is YYYY-MM-DD and names a day that exists, so 2025-02-29 fails. */
function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === value;
}

function kindOnDate(date: string): string | undefined {
  const file = readHolidayFile(`${date.slice(0, 4)}.json`);
  return file.days.find((day) => day.date === date)?.kind;
}

test('holiday folder contains decreed years', () => {
  expect(fileNames).toEqual(expect.arrayContaining(['2024.json', '2025.json', '2026.json']));
  for (const file of fileNames) {
    expect(file).toMatch(/^\d{4}\.json$/);
  }
});

describe.each(fileNames)('holiday file %s', (file) => {
  const data = readHolidayFile(file);
  const year = Number(file.slice(0, 4));

  test('year matches file name', () => {
    expect(data.year).toBe(year);
  });

  test('decree and source are set', () => {
    expect(typeof data.decree).toBe('string');
    expect(data.decree.trim()).not.toBe('');
    expect(data.source).toMatch(/^https:\/\/\S+$/);
  });

  test('every date is real and in the year', () => {
    expect(data.days.length).toBeGreaterThan(0);
    for (const day of data.days) {
      expect(isRealDate(day.date)).toBe(true);
      expect(day.date.startsWith(`${year}-`)).toBe(true);
    }
  });

  test('dates ascend without repeats', () => {
    const dates = data.days.map((day) => day.date);
    for (let i = 1; i < dates.length; i++) {
      expect(dates[i] > dates[i - 1]).toBe(true);
    }
  });

  test('every day has a known kind and a name', () => {
    for (const day of data.days) {
      expect(KINDS).toContain(day.kind);
      expect(typeof day.name).toBe('string');
      expect(day.name.trim()).not.toBe('');
    }
  });

  // Keputusan Presiden Nomor 8 Tahun 2024 lists these fixed-date holidays, with 25 December as Kelahiran Yesus Kristus.
  test.each(['01-01', '05-01', '06-01', '08-17', '12-25'])('%s is a national holiday', (monthDay) => {
    expect(data.days.find((day) => day.date === `${year}-${monthDay}`)?.kind).toBe('NATIONAL_HOLIDAY');
  });
});

// Day counts as announced with each decree, plus the day the 2025 amendment added.
test.each([
  [2024, 17, 10],
  [2025, 17, 11],
  [2026, 17, 8],
])('%i has %i holidays and %i cuti bersama', (year, holidays, leaveDays) => {
  const days = readHolidayFile(`${year}.json`).days;
  expect(days.filter((day) => day.kind === 'NATIONAL_HOLIDAY')).toHaveLength(holidays);
  expect(days.filter((day) => day.kind === 'CUTI_BERSAMA')).toHaveLength(leaveDays);
});

test.each([
  // Idul Fitri is two national holidays each year.
  ['2024-04-10', 'NATIONAL_HOLIDAY'],
  ['2024-04-11', 'NATIONAL_HOLIDAY'],
  ['2025-03-31', 'NATIONAL_HOLIDAY'],
  ['2025-04-01', 'NATIONAL_HOLIDAY'],
  ['2026-03-21', 'NATIONAL_HOLIDAY'],
  ['2026-03-22', 'NATIONAL_HOLIDAY'],
  // Cuti bersama around Idul Fitri.
  ['2024-04-08', 'CUTI_BERSAMA'],
  ['2024-04-15', 'CUTI_BERSAMA'],
  ['2025-04-07', 'CUTI_BERSAMA'],
  ['2026-03-20', 'CUTI_BERSAMA'],
  ['2026-03-24', 'CUTI_BERSAMA'],
  // Added by the amending decree Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025.
  ['2025-08-18', 'CUTI_BERSAMA'],
  // Religious holidays whose dates move each year.
  ['2024-02-10', 'NATIONAL_HOLIDAY'],
  ['2025-03-29', 'NATIONAL_HOLIDAY'],
  ['2025-06-06', 'NATIONAL_HOLIDAY'],
  ['2026-05-27', 'NATIONAL_HOLIDAY'],
  ['2026-08-25', 'NATIONAL_HOLIDAY'],
])('%s is %s', (date, kind) => {
  expect(kindOnDate(date)).toBe(kind);
});

test.each(['2024-12-31', '2025-08-19', '2026-03-25'])('%s is a working day', (date) => {
  expect(kindOnDate(date)).toBeUndefined();
});
