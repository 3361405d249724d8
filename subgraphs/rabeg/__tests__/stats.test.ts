import { randomUUID } from 'node:crypto';
import { median } from '../stats';
import {
  actOk,
  ANONYMOUS,
  Caller,
  citizen,
  COORDINATOR,
  DISHUB,
  DPUPR,
  officer,
  RabegHarness,
  setWib,
  sqlStatementsOf,
  startRabeg,
  submitReport,
} from './helpers';

const REPORTER = citizen('warga-stats');
const DINSOS = officer('dinsos');
const FIELDS = 'received resolved open overdueNow medianWorkingDaysToFirstResponse medianWorkingDaysToResolution provisional closedByReason { reason count }';

let rabeg: RabegHarness;

/** List the six close reasons in schema order, with the given counts and 0 for the rest. */
function closed(counts: Record<string, number> = {}) {
  return ['FIXED', 'NO_REPLY', 'DUPLICATE', 'NOT_CITY_RESPONSIBILITY', 'UNABLE_TO_FIX', 'INVALID'].map((reason) => ({ reason, count: counts[reason] ?? 0 }));
}

/** Steps of one report: a local (WIB) time, the caller and the mutation with its arguments. */
type Step = [string, Caller, string, Record<string, string>?];

/** Submit a report at a local time and take it through `steps`, each at its own time. */
async function build(submittedAt: string, overrides: Record<string, unknown>, steps: Step[]): Promise<string> {
  setWib(rabeg.clock, submittedAt);
  const { trackingNumber } = await submitReport(rabeg, REPORTER, overrides);
  for (const [time, caller, mutation, args] of steps) {
    setWib(rabeg.clock, time);
    await actOk(rabeg, caller, mutation, trackingNumber, args);
  }
  return trackingNumber;
}

const ROAD = { categoryCode: 'road-damage', title: 'Jalan berlubang' };
const SOCIAL = { categoryCode: 'social-assistance', title: 'Bantuan belum cair' };

/*
 * Reports of August 2026, built through the API on a manual clock. Holidays in August 2026 are
 * Monday the 17th and Tuesday the 25th. Figures are read at Tuesday 1 September, 10:00 WIB.
 * Working days (wd) count the working days after the first date up to and including the second.
 *
 *   A dishub  CLOSED FIXED     submitted Mon 10th; dispatch 10th, first response 11th (1 wd); resolved 18th (5 wd from submission)
 *   B dishub  RESOLVED         submitted Fri 14th; dispatch 14th, first response 19th (2 wd); resolved 26th (6 wd)
 *   C dishub  CLOSED NO_REPLY  submitted Mon 3rd; dispatch 3rd, first response 3rd (0 wd); resolved 4th (1 wd); job closes it on 19th
 *   D dishub  IN_PROGRESS      submitted Thu 20th; dispatch 20th, first response 24th (2 wd); completion due end of 28th: overdue
 *   E dishub  DISPATCHED       submitted Mon 31st 10:00; first response due 3 September: not overdue
 *   F dpupr   CLOSED UNABLE_TO_FIX  submitted Wed 5th; first response 12th (5 wd); resolved 14th, fix rejected, closed by the officer
 *   G none    SUBMITTED        submitted Mon 24th; verification due end of 28th: overdue
 *   H none    CLOSED INVALID   submitted Thu 6th, closed while SUBMITTED
 *   I none    CLOSED DUPLICATE submitted Wed 12th, verified, closed as duplicate of M
 *   J dinsos  CLOSED NOT_CITY_RESPONSIBILITY  submitted Fri 7th; first response 7th (0 wd)
 *   M none    VERIFIED         submitted Sat 1st 00:10 WIB (31 July in UTC); verification due end of 5th: overdue
 *   N dpupr   DISPATCHED       submitted Mon 31st 23:50 WIB; sent to dishub, rerouted to dpupr; first response due 3 September
 *   K dishub  CLOSED FIXED     submitted Fri 31 July 23:30 WIB: outside the range
 *   L dishub  DISPATCHED       submitted Tue 1 September 00:30 WIB (31 August in UTC): outside the range
 */
beforeAll(async () => {
  rabeg = await startRabeg();
  const verifyAndDispatch = (time: string, opdId?: string): Step[] => [
    [time, COORDINATOR, 'verifyReport'],
    [time, COORDINATOR, 'dispatchReport', opdId ? { opdId } : {}],
  ];

  await build('2026-08-03 08:00', {}, [
    ...verifyAndDispatch('2026-08-03 09:00'),
    ['2026-08-03 13:00', DISHUB, 'startReportWork'],
    ['2026-08-04 10:00', DISHUB, 'resolveReport', { note: 'Lampu diganti' }],
  ]);
  // C's tenth working day after 4 August, with the holiday on the 17th, is the 19th.
  setWib(rabeg.clock, '2026-08-19 08:00');
  expect(await rabeg.subgraph.runJob('close-unanswered-reports')).toEqual({ closed: 1, skipped: 0 });

  await build('2026-08-10 09:00', {}, [
    ...verifyAndDispatch('2026-08-10 10:00'),
    ['2026-08-11 08:00', DISHUB, 'startReportWork'],
    ['2026-08-18 15:00', DISHUB, 'resolveReport', { note: 'Lampu diganti' }],
    ['2026-08-18 16:00', REPORTER, 'confirmReportFix'],
  ]);
  await build('2026-08-14 16:00', {}, [
    ...verifyAndDispatch('2026-08-14 17:00'),
    ['2026-08-19 09:00', DISHUB, 'startReportWork'],
    ['2026-08-26 10:00', DISHUB, 'resolveReport', { note: 'Lampu diganti' }],
  ]);
  await build('2026-08-20 10:00', {}, [...verifyAndDispatch('2026-08-20 11:00'), ['2026-08-24 09:00', DISHUB, 'startReportWork']]);
  await build('2026-08-31 10:00', {}, verifyAndDispatch('2026-08-31 11:00'));
  await build('2026-08-05 09:00', ROAD, [
    ...verifyAndDispatch('2026-08-05 10:00'),
    ['2026-08-12 09:00', DPUPR, 'startReportWork'],
    ['2026-08-14 10:00', DPUPR, 'resolveReport', { note: 'Jalan ditambal' }],
    ['2026-08-14 12:00', REPORTER, 'rejectReportFix', { note: 'Lubang masih ada' }],
    ['2026-08-18 10:00', DPUPR, 'closeReport', { reason: 'UNABLE_TO_FIX', note: 'Perlu anggaran tahun depan' }],
  ]);
  await build('2026-08-24 09:00', {}, []);
  await build('2026-08-06 09:00', {}, [['2026-08-06 10:00', COORDINATOR, 'closeReport', { reason: 'INVALID', note: 'Bukan laporan nyata' }]]);
  const m = await build('2026-08-01 00:10', {}, [['2026-08-03 08:00', COORDINATOR, 'verifyReport']]);
  await build('2026-08-12 09:00', {}, [
    ['2026-08-12 10:00', COORDINATOR, 'verifyReport'],
    ['2026-08-12 11:00', COORDINATOR, 'closeReport', { reason: 'DUPLICATE', note: 'Sama', duplicateOf: m }],
  ]);
  await build('2026-08-07 09:00', SOCIAL, [
    ...verifyAndDispatch('2026-08-07 10:00'),
    ['2026-08-07 11:00', DINSOS, 'startReportWork'],
    ['2026-08-07 14:00', COORDINATOR, 'closeReport', { reason: 'NOT_CITY_RESPONSIBILITY', note: 'Urusan Kementerian Sosial' }],
  ]);
  await build('2026-08-31 23:50', ROAD, [...verifyAndDispatch('2026-08-31 23:55', 'dishub'), ['2026-08-31 23:58', COORDINATOR, 'dispatchReport', { opdId: 'dpupr' }]]);
  await build('2026-07-31 23:30', {}, [
    ...verifyAndDispatch('2026-07-31 23:40'),
    ['2026-08-03 08:00', DISHUB, 'startReportWork'],
    ['2026-08-03 09:00', DISHUB, 'resolveReport', { note: 'Lampu diganti' }],
    ['2026-08-03 10:00', REPORTER, 'confirmReportFix'],
  ]);
  await build('2026-09-01 00:30', {}, verifyAndDispatch('2026-09-01 00:40'));

  setWib(rabeg.clock, '2026-09-01 10:00');
});

afterAll(async () => {
  await rabeg?.close();
});

async function cityStats(from: string, to: string): Promise<Record<string, unknown>> {
  return (await rabeg.ok<{ rabegStats: Record<string, unknown> }>(`query($from: String!, $to: String!) { rabegStats(from: $from, to: $to) { from to opd { id } ${FIELDS} } }`, { from, to })).rabegStats;
}

async function opdStats(ids: string[], from: string, to: string): Promise<Record<string, unknown>[]> {
  const query = `query($r: [_Any!]!, $from: String!, $to: String!) { _entities(representations: $r) { ... on Opd { id rabegStats(from: $from, to: $to) { opd { id } ${FIELDS} } } } }`;
  const read = await rabeg.ok<{ _entities: { rabegStats: Record<string, unknown> }[] }>(query, { r: ids.map((id) => ({ __typename: 'Opd', id })), from, to });
  return read._entities.map((entity) => entity.rabegStats);
}

describe('city-wide figures for August 2026', () => {
  test('match the values worked out by hand', async () => {
    expect(await cityStats('2026-08-01', '2026-08-31')).toEqual({
      from: '2026-08-01',
      to: '2026-08-31',
      opd: null,
      // A to J, M and N; K and L fall outside by their local date.
      received: 12,
      // A (FIXED), B (RESOLVED) and C (NO_REPLY); F was resolved once but closed as UNABLE_TO_FIX.
      resolved: 3,
      // B, D, E, M and N; G is SUBMITTED, which is not open.
      open: 5,
      closedByReason: closed({ FIXED: 1, NO_REPLY: 1, DUPLICATE: 1, NOT_CITY_RESPONSIBILITY: 1, UNABLE_TO_FIX: 1, INVALID: 1 }),
      // D, G and M.
      overdueNow: 3,
      // A 1, B 2, C 0, D 2, F 5, J 0: sorted 0 0 1 2 2 5, so (1 + 2) / 2.
      medianWorkingDaysToFirstResponse: 1.5,
      // A 5, B 6, C 1: sorted 1 5 6. F's 7 working days do not count, because its fix did not stand.
      medianWorkingDaysToResolution: 5,
      provisional: false,
    });
  });

  test('range edges use the local WIB date', async () => {
    // M was submitted at 00:10 WIB on 1 August, which is 31 July in UTC.
    expect(await cityStats('2026-08-01', '2026-08-01')).toMatchObject({ received: 1, open: 1, overdueNow: 1 });
    // K, at 23:30 WIB on 31 July.
    expect(await cityStats('2026-07-31', '2026-07-31')).toMatchObject({ received: 1, resolved: 1, closedByReason: closed({ FIXED: 1 }) });
    // L, at 00:30 WIB on 1 September, which is 31 August in UTC.
    expect(await cityStats('2026-09-01', '2026-09-01')).toMatchObject({ received: 1, open: 1, overdueNow: 0 });
  });

  test('empty range gives zeros and no medians', async () => {
    expect(await cityStats('2026-10-01', '2026-10-31')).toMatchObject({
      received: 0,
      resolved: 0,
      open: 0,
      overdueNow: 0,
      closedByReason: closed(),
      medianWorkingDaysToFirstResponse: null,
      medianWorkingDaysToResolution: null,
      provisional: false,
    });
  });

  test('overdueNow follows the clock', async () => {
    // D's completion and G's verification are due at the end of 28 August WIB (17:00 UTC); M's since 5 August.
    try {
      setWib(rabeg.clock, '2026-08-28 23:59');
      expect((await cityStats('2026-08-01', '2026-08-31')).overdueNow).toBe(1);
      rabeg.clock.set(new Date('2026-08-28T17:00:00.000Z'));
      expect((await cityStats('2026-08-01', '2026-08-31')).overdueNow).toBe(1);
      rabeg.clock.set(new Date('2026-08-28T17:00:00.001Z'));
      expect((await cityStats('2026-08-01', '2026-08-31')).overdueNow).toBe(3);
    } finally {
      setWib(rabeg.clock, '2026-09-01 10:00');
    }
  });
});

describe('OPD figures for August 2026', () => {
  test('count the reports now dispatched to each OPD', async () => {
    const [dishub, dpupr, dinsos, dlh] = await opdStats(['dishub', 'dpupr', 'dinsos', 'dlh'], '2026-08-01', '2026-08-31');

    expect(dishub).toEqual({
      opd: { id: 'dishub' },
      // A to E; N was rerouted away and counts for dpupr only.
      received: 5,
      resolved: 3,
      // B, D and E.
      open: 3,
      closedByReason: closed({ FIXED: 1, NO_REPLY: 1 }),
      // D.
      overdueNow: 1,
      // A 1, B 2, C 0, D 2: sorted 0 1 2 2, so (1 + 2) / 2.
      medianWorkingDaysToFirstResponse: 1.5,
      // A 5, B 6, C 1.
      medianWorkingDaysToResolution: 5,
      provisional: false,
    });
    // F and N: F's first response took 5 working days (6, 7, 10, 11 and 12 August).
    expect(dpupr).toEqual({
      opd: { id: 'dpupr' },
      received: 2,
      resolved: 0,
      open: 1,
      closedByReason: closed({ UNABLE_TO_FIX: 1 }),
      overdueNow: 0,
      medianWorkingDaysToFirstResponse: 5,
      medianWorkingDaysToResolution: null,
      provisional: false,
    });
    // J.
    expect(dinsos).toMatchObject({ received: 1, open: 0, closedByReason: closed({ NOT_CITY_RESPONSIBILITY: 1 }), medianWorkingDaysToFirstResponse: 0 });
    expect(dlh).toMatchObject({ received: 0, closedByReason: closed(), medianWorkingDaysToFirstResponse: null, medianWorkingDaysToResolution: null });
  });

  test('cost the same SQL statements for 1 or 4 OPDs', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Opd { rabegStats(from: "2026-08-01", to: "2026-08-31") { received } } } }`;
    const statementsFor = async (ids: string[]) => {
      const requestId = `stats-${randomUUID()}`;
      const result = await rabeg.post(query, { r: ids.map((id) => ({ __typename: 'Opd', id })) }, ANONYMOUS, { requestId });
      expect(result.errors).toBeUndefined();
      return sqlStatementsOf(rabeg, requestId);
    };

    const forOne = await statementsFor(['dishub']);
    const forFour = await statementsFor(['dishub', 'dpupr', 'dinsos', 'dlh']);

    expect(forOne).toBe(1);
    expect(forFour).toBe(1);
  });
});

describe('date range checks', () => {
  test.each([
    ['impossible from', '2026-02-30', '2026-03-31', 'INVALID_DATE', 'from', 'Tanggal pada from harus tanggal yang valid dengan format TTTT-BB-HH, misalnya 2026-12-01.', 'The date in from must be a valid YYYY-MM-DD date, for example 2026-12-01.'],
    ['malformed to', '2026-08-01', '31-08-2026', 'INVALID_DATE', 'to', 'Tanggal pada to harus tanggal yang valid dengan format TTTT-BB-HH, misalnya 2026-12-01.', 'The date in to must be a valid YYYY-MM-DD date, for example 2026-12-01.'],
    ['end before start', '2026-08-31', '2026-08-01', 'INVALID_DATE_RANGE', 'to', 'Rentang tanggal tidak valid: tanggal pada to tidak boleh sebelum tanggal awal.', 'The date range is invalid: the date in to must not come before the start date.'],
    // 1 January 2026 to 2 January 2028 spans 732 days, one more than allowed.
    ['732 days', '2026-01-01', '2028-01-02', 'DATE_RANGE_TOO_LONG', 'to', 'Rentang tanggal terlalu panjang: paling banyak 731 hari (periksa to).', 'The date range is too long: at most 731 days (check to).'],
  ])('%s is rejected', async (_name, from, to, code, field, indonesian, english) => {
    const query = 'query($from: String!, $to: String!) { rabegStats(from: $from, to: $to) { received } }';

    const resultId = await rabeg.post(query, { from, to });
    const resultEn = await rabeg.post(query, { from, to }, ANONYMOUS, { language: 'en' });

    expect(resultId.errors?.[0].extensions).toEqual({ code, field });
    expect(resultId.errors?.[0].message).toBe(indonesian);
    expect(resultEn.errors?.[0].message).toBe(english);
  });

  test('731 days are accepted', async () => {
    // 1 January 2026 to 1 January 2028, both included.
    expect(await cityStats('2026-01-01', '2028-01-01')).toMatchObject({ received: 14 });
  });
});

describe('year without holiday data', () => {
  test('2031 figures are provisional and the calendar warns once', async () => {
    // Monday 3 March 2031: dispatched at once, first response on Tuesday.
    await build('2031-03-03 09:00', {}, [
      ['2031-03-03 10:00', COORDINATOR, 'verifyReport'],
      ['2031-03-03 10:00', COORDINATOR, 'dispatchReport'],
      ['2031-03-04 09:00', DISHUB, 'startReportWork'],
    ]);
    setWib(rabeg.clock, '2031-03-31 10:00');

    const figures = await cityStats('2031-03-01', '2031-03-31');
    await cityStats('2031-03-01', '2031-03-31');

    expect(figures).toMatchObject({ received: 1, medianWorkingDaysToFirstResponse: 1, provisional: true });
    const read = await rabeg.ok<{ reports: { nodes: { dueProvisional: boolean }[] } }>('{ reports(first: 1, filter: { from: "2031-03-01" }) { nodes { dueProvisional } } }', {}, COORDINATOR);
    expect(read.reports.nodes).toEqual([{ dueProvisional: true }]);
    const warnings = rabeg.logLines.map((line) => JSON.parse(line)).filter((entry) => entry.year === 2031 && entry.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toContain('no holiday decree data for this year');
  });
});

describe('median', () => {
  test.each([
    ['empty list', [], null],
    ['one value', [3], 3],
    ['two values', [1, 2], 1.5],
    ['odd count, unsorted', [5, 1, 3], 3],
    ['even count, unsorted', [4, 1, 3, 2], 2.5],
    ['repeated values', [0, 0, 1, 2, 2, 5], 1.5],
    // A plain sort() would order 10 before 9 as text.
    ['numbers sorted by value', [10, 9, 1], 9],
  ])('%s', (_name, values, expected) => {
    expect(median(values)).toBe(expected);
  });

  test('leaves its input unchanged', () => {
    const values = [3, 1, 2];

    median(values);

    expect(values).toEqual([3, 1, 2]);
  });
});
