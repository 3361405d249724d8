import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './logger';
import { findProjectRoot } from './project';

/** Kota Serang keeps Western Indonesian Time (WIB), UTC+7 all year, with no daylight saving. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * National holidays on the same date every year (New Year, Labour Day, Pancasila Day,
 * Independence Day, Christmas), as MM-DD. A year without decree data still excludes them; the
 * holidays that move with the lunar calendars and the cuti bersama stay unknown there.
 */
const FIXED_HOLIDAYS = ['01-01', '05-01', '06-01', '08-17', '12-25'];

/** Maximum span one call counts through, so a mistaken date cannot loop for long. */
const MAX_SPAN_DAYS = 20 * 366;

export type NonWorkingDayKind = 'NATIONAL_HOLIDAY' | 'CUTI_BERSAMA';

export interface NonWorkingDay {
  /** Date as YYYY-MM-DD. */
  date: string;
  kind: NonWorkingDayKind;
  /** Name as the decree words it, in Indonesian. */
  name: string;
}

/** One year's national holidays and collective leave days, from that year's joint ministerial decree (SKB). */
export interface HolidayYear {
  year: number;
  /** The decree and its amendments, by number. */
  decree: string;
  /** A public page stating the decree and its dates. */
  source: string;
  days: NonWorkingDay[];
}

/** A count or a date, with whether a year without decree data went into it. */
export interface CalendarResult<T> {
  value: T;
  /** True when a year without decree data was counted by weekends only. */
  provisional: boolean;
}

/** Folder of the yearly holiday files, one `<year>.json` each. */
export function holidayDataDir(): string {
  return path.join(findProjectRoot(), 'plugins', 'calendar', 'holidays');
}

/** Read every yearly holiday file of `dir`, checking each entry. */
export function readHolidayYears(dir = holidayDataDir()): HolidayYear[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}\.json$/.test(file))
    .sort()
    .map((file) => {
      let year: HolidayYear;
      try {
        year = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as HolidayYear;
      } catch (error) {
        throw new Error(`Holiday data ${file} is not valid JSON: ${(error as Error).message}`);
      }
      checkHolidayYear(year, file);
      return year;
    });
}

function checkHolidayYear(year: HolidayYear, origin: string): void {
  if (!Number.isInteger(year.year) || typeof year.decree !== 'string' || !year.decree || !Array.isArray(year.days)) {
    throw new Error(`Holiday data ${origin} needs a year, a decree and a list of days`);
  }
  for (const day of year.days) {
    if (!isCalendarDate(day.date) || !day.date.startsWith(`${year.year}-`)) {
      throw new Error(`Holiday data ${origin} has a date outside ${year.year} or not YYYY-MM-DD: ${String(day.date)}`);
    }
    if (day.kind !== 'NATIONAL_HOLIDAY' && day.kind !== 'CUTI_BERSAMA') {
      throw new Error(`Holiday data ${origin} has an unknown kind for ${day.date}: ${String(day.kind)}`);
    }
  }
}

/** Check that `value` is a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * Working days of Kota Serang's offices: Monday to Friday, less the national holidays and cuti
 * bersama of each year's SKB. Dates are local (WIB). A year with no decree data counts weekends
 * and the fixed-date national holidays only. Results that touch such a year are marked
 * provisional, and its first use logs a warning.
 */
export class WorkingDayCalendar {
  private readonly days = new Map<string, NonWorkingDay>();
  private readonly years = new Map<number, HolidayYear>();
  private readonly warnedYears = new Set<number>();

  constructor(
    years: HolidayYear[],
    private readonly logger?: Logger,
  ) {
    for (const year of years) {
      checkHolidayYear(year, `for ${year.year}`);
      this.years.set(year.year, year);
      for (const day of year.days) this.days.set(day.date, day);
    }
  }

  /** The calendar of the yearly files in plugins/calendar/holidays. */
  static load(logger?: Logger): WorkingDayCalendar {
    return new WorkingDayCalendar(readHolidayYears(), logger);
  }

  /**
   * Return a copy with more non-working days, such as a holiday the government adds during the
   * year. The decree data stays as it was, so a year without it stays provisional.
   */
  withDays(extra: NonWorkingDay[]): WorkingDayCalendar {
    for (const day of extra) {
      checkHolidayYear({ year: Number(day.date.slice(0, 4)), decree: 'added by hand', source: '', days: [day] }, 'added by hand');
    }
    const copy = new WorkingDayCalendar([...this.years.values()], this.logger);
    for (const day of [...this.days.values(), ...extra]) copy.days.set(day.date, day);
    return copy;
  }

  /** Return the decree data of a year, or undefined when the year has none. */
  decreeOf(year: number): HolidayYear | undefined {
    return this.years.get(year);
  }

  /** Years that have decree data, ascending. */
  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Return the local (WIB) date of an instant, as YYYY-MM-DD. */
  localDate(instant: Date): string {
    return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
  }

  /** Return the instant a local (WIB) date begins. */
  startOfDay(date: string): Date {
    return new Date(Date.parse(`${date}T00:00:00Z`) - WIB_OFFSET_MS);
  }

  /** Return the instant after a local (WIB) date ends, which is the start of the next day. */
  endOfDay(date: string): Date {
    return this.startOfDay(shiftDate(date, 1));
  }

  /** Return the holiday or cuti bersama on a date, if any. */
  nonWorkingDay(date: string): NonWorkingDay | undefined {
    return this.days.get(date);
  }

  /** Tell whether offices work on a local date. */
  isWorkingDay(date: string): CalendarResult<boolean> {
    const provisional = this.isProvisionalYear(Number(date.slice(0, 4)));
    const holiday = this.days.has(date) || (provisional && FIXED_HOLIDAYS.includes(date.slice(5)));
    return { value: !isWeekend(date) && !holiday, provisional };
  }

  /** Return the `count`-th working day after the local date `date`, not counting the date itself. */
  addWorkingDays(date: string, count: number): CalendarResult<string> {
    if (!Number.isInteger(count) || count < 0 || count > MAX_SPAN_DAYS) throw new RangeError(`count must be 0 to ${MAX_SPAN_DAYS}, got ${count}`);
    let provisional = false;
    let current = date;
    for (let found = 0; found < count; ) {
      current = shiftDate(current, 1);
      const working = this.isWorkingDay(current);
      provisional ||= working.provisional;
      if (working.value) found += 1;
    }
    return { value: current, provisional };
  }

  /**
   * Working days from one instant to a later one: the working days after the local date of `from`
   * up to and including the local date of `to`. Zero on the same day, or when `to` is earlier.
   */
  workingDaysBetween(from: Date, to: Date): CalendarResult<number> {
    const start = this.localDate(from);
    const end = this.localDate(to);
    let provisional = false;
    let count = 0;
    let current = start;
    for (let step = 0; current < end && step < MAX_SPAN_DAYS; step += 1) {
      current = shiftDate(current, 1);
      const working = this.isWorkingDay(current);
      provisional ||= working.provisional;
      if (working.value) count += 1;
    }
    return { value: count, provisional };
  }

  private isProvisionalYear(year: number): boolean {
    if (this.years.has(year)) return false;
    if (!this.warnedYears.has(year)) {
      this.warnedYears.add(year);
      this.logger?.warn(
        { year, knownYears: this.knownYears() },
        'no holiday decree data for this year: counting weekends and fixed-date holidays only, results are provisional; add plugins/calendar/holidays/<year>.json',
      );
    }
    return true;
  }
}
