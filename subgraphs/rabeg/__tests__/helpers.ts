import { request } from 'undici';
import { ManualClock } from '../../../plugins/clock';
import type { CallerIdentity } from '../../../plugins/identity';
import type { RunningSubgraph } from '../../../plugins/subgraph-host';
import type { WorkingDayCalendar } from '../../../plugins/working-days';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { signedIdentityHeaders } from '../../../test/support/identity';
import { createCapturingLogger } from '../../../test/support/logs';
import { startTestSubgraph } from '../../../test/support/subgraphs';
import { ReportEventRow, ReportRow } from '../entities';

/*
 * Shared setup of the rabeg subgraph tests: a subgraph on a fresh database (PostgreSQL when
 * DATABASE_URL is set, else SQLite), signed callers, and shortcuts that drive a report through
 * its lifecycle with the public mutations.
 */

export interface GraphqlError {
  message: string;
  extensions: Record<string, unknown>;
}

export interface GraphqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: GraphqlError[];
}

/** A caller as the gateway would sign it; an empty object is an anonymous caller. */
export type Caller = Partial<CallerIdentity>;

export const ANONYMOUS: Caller = {};
export const COORDINATOR: Caller = { sub: 'coordinator-1', role: 'OFFICER', opd: 'diskominfo', perms: ['rabeg:coordinate'] };
export const ADMIN: Caller = { sub: 'admin-1', role: 'ADMIN' };
export const DISHUB: Caller = officer('dishub');
export const DPUPR: Caller = officer('dpupr');

export function citizen(sub: string): Caller {
  return { sub, role: 'CITIZEN' };
}

export function officer(opd: string, sub = `officer-${opd}`): Caller {
  return { sub, role: 'OFFICER', opd };
}

/** Kelurahan Terondol, Kecamatan Serang. */
export const TERONDOL = '36.73.01.1011';
/** Kelurahan Cimuncang, Kecamatan Serang. */
export const CIMUNCANG = '36.73.01.1006';
/** Kelurahan Kasemen, Kecamatan Kasemen. */
export const KASEMEN = '36.73.02.1001';
/** A point in Kecamatan Serang. */
export const CITY_POINT = { latitude: -6.12, longitude: 106.15 };

export const SUBMIT = `mutation($input: SubmitReportInput!) {
  submitReport(input: $input) { replayed report { id trackingNumber state } possibleDuplicates { distanceMetres report { trackingNumber } } }
}`;

/** Build a valid street-light report input (category OPD dishub), with `overrides` replacing or adding fields. */
export function streetLight(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    categoryCode: 'street-light',
    title: 'Lampu jalan mati',
    description: 'Lampu di simpang jalan mati sejak tiga malam.',
    kelurahanCode: TERONDOL,
    ...CITY_POINT,
    ...overrides,
  };
}

export interface RabegHarness {
  subgraph: RunningSubgraph;
  clock: ManualClock;
  logLines: string[];
  /** Post a GraphQL request to the subgraph directly, signed as `caller`. */
  post<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, caller?: Caller, options?: RequestOptions): Promise<GraphqlResult<T>>;
  /** Like `post`, but throws on errors and returns the data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<T>;
  close(): Promise<void>;
}

export interface RequestOptions {
  language?: 'id' | 'en';
  requestId?: string;
}

/**
 * Start the rabeg subgraph on a fresh database with a manual clock (default Monday 8 June 2026,
 * 09:00 WIB). `env` adds settings such as RABEG_MAX_REPORTS_PER_HOUR to the process environment.
 */
export async function startRabeg(options: { clock?: ManualClock; calendar?: WorkingDayCalendar; env?: Record<string, string> } = {}): Promise<RabegHarness> {
  const database: TestDatabase = await createTestDatabase();
  const capture = createCapturingLogger();
  const clock = options.clock ?? new ManualClock(new Date('2026-06-08T02:00:00.000Z'));
  const env = options.env ? { ...process.env, ...options.env } : undefined;
  const subgraph = await startTestSubgraph('rabeg', { database, logger: capture.logger, clock, calendar: options.calendar, env });

  async function post<T>(query: string, variables: Record<string, unknown> = {}, caller: Caller = ANONYMOUS, requestOptions: RequestOptions = {}): Promise<GraphqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...signedIdentityHeaders(caller) };
    if (requestOptions.language) headers['accept-language'] = requestOptions.language;
    if (requestOptions.requestId) headers['x-request-id'] = requestOptions.requestId;
    const response = await request(subgraph.graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return (await response.body.json()) as GraphqlResult<T>;
  }

  async function ok<T>(query: string, variables: Record<string, unknown> = {}, caller: Caller = ANONYMOUS): Promise<T> {
    const result = await post<T>(query, variables, caller);
    if (result.errors) throw new Error(`request failed: ${JSON.stringify(result.errors)}\n${query}`);
    return result.data as T;
  }

  return {
    subgraph,
    clock,
    logLines: capture.lines,
    post,
    ok,
    async close() {
      await subgraph.close();
      await database.drop();
    },
  };
}

/** Set a manual clock to a local (WIB, UTC+7) time written as `YYYY-MM-DD HH:MM`. */
export function setWib(clock: ManualClock, local: string): void {
  clock.set(wib(local));
}

/** Convert a local (WIB) time written as `YYYY-MM-DD HH:MM` to its instant. */
export function wib(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+07:00`);
}

/** Submit a report as `reporter` and return its id and tracking number. */
export async function submitReport(rabeg: RabegHarness, reporter: Caller, overrides: Record<string, unknown> = {}): Promise<{ id: string; trackingNumber: string }> {
  const data = await rabeg.ok<{ submitReport: { report: { id: string; trackingNumber: string } } }>(SUBMIT, { input: streetLight(overrides) }, reporter);
  return data.submitReport.report;
}

/**
 * Call a lifecycle mutation on a report and return the result. `args` are written into the
 * query as literals: strings quoted, `reason` as a bare enum value.
 */
export function act(rabeg: RabegHarness, caller: Caller, mutation: string, trackingNumber: string, args: Record<string, string> = {}, options: RequestOptions = {}) {
  const literals = Object.entries(args).map(([name, value]) => `, ${name}: ${name === 'reason' ? value : JSON.stringify(value)}`);
  const query = `mutation($t: String!) { ${mutation}(trackingNumber: $t${literals.join('')}) { state closeReason opd { id } } }`;
  return rabeg.post<Record<string, { state: string; closeReason: string | null; opd: { id: string } | null }>>(query, { t: trackingNumber }, caller, options);
}

/** Like `act`, but throws on errors and returns the new state. */
export async function actOk(rabeg: RabegHarness, caller: Caller, mutation: string, trackingNumber: string, args: Record<string, string> = {}): Promise<string> {
  const result = await act(rabeg, caller, mutation, trackingNumber, args);
  if (result.errors) throw new Error(`${mutation} on ${trackingNumber} failed: ${JSON.stringify(result.errors)}`);
  return result.data![mutation].state;
}

export type State = 'SUBMITTED' | 'VERIFIED' | 'DISPATCHED' | 'IN_PROGRESS' | 'RESOLVED' | 'CLOSED';
export const STATES: State[] = ['SUBMITTED', 'VERIFIED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];

/**
 * Submit a street-light report as `reporter` and take it to `state` by the usual path: verified
 * and dispatched to dishub by the coordinator, worked on and resolved by a dishub officer, and
 * for CLOSED confirmed as FIXED by the reporter.
 */
export async function reportIn(rabeg: RabegHarness, state: State, reporter: Caller, overrides: Record<string, unknown> = {}): Promise<{ id: string; trackingNumber: string }> {
  const report = await submitReport(rabeg, reporter, overrides);
  const steps: [Caller, string, Record<string, string>][] = [
    [COORDINATOR, 'verifyReport', {}],
    [COORDINATOR, 'dispatchReport', {}],
    [DISHUB, 'startReportWork', {}],
    [DISHUB, 'resolveReport', { note: 'Lampu diganti' }],
    [reporter, 'confirmReportFix', {}],
  ];
  for (const [caller, mutation, args] of steps.slice(0, STATES.indexOf(state))) {
    await actOk(rabeg, caller, mutation, report.trackingNumber, args);
  }
  return report;
}

/** Load the stored report row. */
export function reportRow(rabeg: RabegHarness, trackingNumber: string): Promise<ReportRow> {
  return rabeg.subgraph.db.getRepository(ReportRow).findOneByOrFail({ trackingNumber });
}

/** Load the stored timeline entries of a report, oldest first. */
export function timelineRows(rabeg: RabegHarness, reportId: string): Promise<ReportEventRow[]> {
  return rabeg.subgraph.db.getRepository(ReportEventRow).find({ where: { reportId }, order: { sequence: 'ASC' } });
}

/** Count the rows of a rabeg table with plain SQL. */
export async function countRows(rabeg: RabegHarness, table: 'rabeg_report' | 'rabeg_report_event' | 'rabeg_support'): Promise<number> {
  const rows = (await rabeg.subgraph.db.query(`SELECT COUNT(*) AS count FROM ${table}`)) as { count: string | number }[];
  return Number(rows[0].count);
}

/**
 * Read `sqlStatements` from the host's 'graphql request' log line for `requestId`. The host
 * writes the line right after the response, so this waits for it over a bounded number of
 * event-loop turns instead of a fixed delay.
 */
export async function sqlStatementsOf(rabeg: RabegHarness, requestId: string): Promise<number> {
  for (let turn = 0; turn < 1000; turn += 1) {
    for (const line of rabeg.logLines) {
      const entry = JSON.parse(line) as { msg?: string; requestId?: string; sqlStatements?: number };
      if (entry.msg === 'graphql request' && entry.requestId === requestId) return entry.sqlStatements!;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`no 'graphql request' log line for request ${requestId}`);
}
