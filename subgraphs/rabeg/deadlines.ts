import type { WorkingDayCalendar } from '../../plugins/working-days';

/** Working days a RESOLVED report waits for its reporter before closing as NO_REPLY. */
export const NO_REPLY_WORKING_DAYS = 10;

export interface Deadline {
  /** ISO 8601 instant in UTC. */
  at: string;
  provisional: boolean;
}

/** End of the `days`-th working day after the local date of `from`: "within N working days". */
export function workingDaysDeadline(calendar: WorkingDayCalendar, from: Date, days: number): Deadline {
  const date = calendar.addWorkingDays(calendar.localDate(from), days);
  return { at: calendar.endOfDay(date.value).toISOString(), provisional: date.provisional };
}

/** `hours` clock hours after `from`, such as Rabeg's 3x24 hours for a first response. */
export function clockHoursDeadline(from: Date, hours: number): Deadline {
  return { at: new Date(from.getTime() + hours * 3_600_000).toISOString(), provisional: false };
}

/**
 * When a report resolved at `resolvedAt` closes as NO_REPLY: the start of the tenth working day
 * after the day it was resolved, so the periodic job closes it on working day 10 and never on 9.
 */
export function noReplyCloseAt(calendar: WorkingDayCalendar, resolvedAt: Date): Deadline {
  const date = calendar.addWorkingDays(calendar.localDate(resolvedAt), NO_REPLY_WORKING_DAYS);
  return { at: calendar.startOfDay(date.value).toISOString(), provisional: date.provisional };
}
