import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../plugins/clock';
import type { PluginServices } from '../../plugins/contract';
import type { CallerIdentity } from '../../plugins/identity';
import { closeUnansweredReports } from '../../subgraphs/rabeg/jobs';
import { signedIdentityHeaders } from '../support/identity';
import { startTestPlatform, TestPlatform } from '../support/platform';
import { errorCodes, HttpResult, postGraphQL, send, STACK_FRAME } from './support/http';

/*
 * Hostile use of the rabeg subgraph (Rabeg citizen reports): bad input, privacy, authorization,
 * races, limits and outages, through the gateway and against the subgraph directly.
 *
 * The rabeg subgraph runs on a manual clock that moves one hour before each test, so every test
 * starts with a fresh hourly submission limit for each account. Access tokens and identity
 * headers use the real clock.
 */


const onPostgres = Boolean(process.env.DATABASE_URL);
const PASSWORD = 'Demo-ragem-2026';
const TERONDOL = '36.73.01.1011';
const CITY_POINT = { latitude: -6.12, longitude: 106.15 };
/** A point far from CITY_POINT, where only the privacy fixtures are located. */
const SECRET_POINT = { latitude: -6.17, longitude: 106.21 };
const KB100 = 'x'.repeat(100_000);
/** New reports one account may submit within one clock hour, the subgraph's default. */
const HOURLY_LIMIT = 10;

/** Identifying values of the reporter account that no stranger may ever see. */
const MARKERS = { name: 'Pelapor Penanda Zq9', email: 'penanda.zq9@contoh.id', phone: '+6281277700931', phoneDigits: '81277700931' };

const clock = new ManualClock(new Date('2026-06-08T02:00:00.000Z'));
let platform: TestPlatform;

/** Access tokens by role. `reporter` is the marker account and `neighbour` another citizen. */
const tokens: Record<'citizen' | 'admin' | 'dishub' | 'dpupr' | 'coordinator' | 'reporter' | 'neighbour', string> = {} as never;
let reporterId: string;
/** Citizens registered for the support and submission races. */
const supporters: { id: string; token: string }[] = [];

beforeAll(async () => {
  // The test environment raises the hourly limit to 1000, so this file sets the default of 10 again.
  platform = await startTestPlatform({ subgraphClocks: { rabeg: clock }, runJobs: false, env: { RABEG_MAX_REPORTS_PER_HOUR: String(HOURLY_LIMIT) } });
  const demo = { citizen: 'warga', admin: 'admin', dishub: 'dishub', dpupr: 'dpupr', coordinator: 'koordinator' } as const;
  for (const [role, user] of Object.entries(demo)) tokens[role as keyof typeof demo] = await login(platform, `${user}@demo.ragem.id`);

  const reporter = await register(platform, MARKERS.name, MARKERS.email, MARKERS.phone);
  reporterId = reporter.id;
  tokens.reporter = reporter.token;
  tokens.neighbour = (await register(platform, 'Tetangga Uji', 'tetangga.uji@contoh.id', '+6281277700932')).token;
  for (let index = 0; index < 12; index += 1) {
    supporters.push(await register(platform, `Pendukung ${index}`, `pendukung.${index}@contoh.id`, `+62812777010${String(index).padStart(2, '0')}`));
  }
});

afterAll(async () => {
  await platform?.stop();
});

beforeEach(() => {
  clock.advance(3_600_000);
});

// ---------------------------------------------------------------------------------------------
// Helpers

async function gqlOn(target: TestPlatform, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  return postGraphQL(target.gatewayUrl, { query, variables }, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
}

function gql(query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  return gqlOn(platform, query, variables, token, headers);
}

/** Return the data of a request that must succeed, or throw with its errors. */
async function okOn(target: TestPlatform, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const result = await gqlOn(target, query, variables, token);
  if (result.status !== 200 || result.body?.errors) throw new Error(`request failed (${result.status}): ${result.text.slice(0, 2000)}\n${query}`);
  return result.body!.data;
}

function ok(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  return okOn(platform, query, variables, token);
}

async function login(target: TestPlatform, identifier: string, password = PASSWORD): Promise<string> {
  const data = await okOn(target, 'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { accessToken } }', { i: identifier, p: password });
  return data.login.accessToken;
}

async function register(target: TestPlatform, displayName: string, email: string, phone: string): Promise<{ id: string; token: string }> {
  const password = 'Kata-sandi-uji-2026';
  const data = await okOn(target, 'mutation($input: RegisterInput!) { register(input: $input) { id } }', { input: { displayName, email, phone, password } });
  return { id: data.register.id, token: await login(target, email, password) };
}

function rabegUrl(): string {
  return rabeg().graphqlUrl;
}

/** POST to the rabeg subgraph directly, signed as `caller` (anonymous when empty). */
function direct(query: string, variables: Record<string, unknown> = {}, caller: Partial<CallerIdentity> = {}): Promise<HttpResult> {
  return postGraphQL(rabegUrl(), { query, variables }, signedIdentityHeaders(caller));
}

const DIRECT_COORDINATOR: Partial<CallerIdentity> = { sub: 'direct-coordinator', role: 'OFFICER', opd: 'diskominfo', perms: ['rabeg:coordinate'] };

function streetLight(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { categoryCode: 'street-light', title: 'Lampu jalan mati', description: 'Lampu di simpang jalan mati sejak tiga malam.', kelurahanCode: TERONDOL, ...CITY_POINT, ...overrides };
}

const SUBMIT = `mutation($input: SubmitReportInput!) {
  submitReport(input: $input) { replayed report { id trackingNumber } possibleDuplicates { report { id trackingNumber title } } }
}`;

async function submit(token: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; trackingNumber: string }> {
  const data = await ok(SUBMIT, { input: streetLight(overrides) }, token);
  return data.submitReport.report;
}

/** Run one lifecycle mutation that must succeed. `extra` adds arguments such as a note. */
async function step(token: string, mutation: string, trackingNumber: string, extra = ''): Promise<string> {
  const data = await ok(`mutation($t: String!) { ${mutation}(trackingNumber: $t${extra}) { state } }`, { t: trackingNumber }, token);
  return data[mutation].state;
}

const LIFECYCLE = ['SUBMITTED', 'VERIFIED', 'DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
type State = (typeof LIFECYCLE)[number];

/**
 * Submit a street-light report as `token` (the marker reporter by default) and drive it to
 * `state` with the ordinary callers. Dispatch sends it to dishub, and CLOSED is a confirmed fix.
 */
async function reportIn(state: State, overrides: Record<string, unknown> = {}, token = tokens.reporter): Promise<{ id: string; trackingNumber: string }> {
  const report = await submit(token, overrides);
  const steps: [State, () => Promise<string>][] = [
    ['VERIFIED', () => step(tokens.coordinator, 'verifyReport', report.trackingNumber)],
    ['DISPATCHED', () => step(tokens.coordinator, 'dispatchReport', report.trackingNumber)],
    ['IN_PROGRESS', () => step(tokens.dishub, 'startReportWork', report.trackingNumber)],
    ['RESOLVED', () => step(tokens.dishub, 'resolveReport', report.trackingNumber, ', note: "Lampu diganti"')],
    ['CLOSED', () => step(token, 'confirmReportFix', report.trackingNumber)],
  ];
  for (const [reached, run] of steps) {
    if (LIFECYCLE.indexOf(state) < LIFECYCLE.indexOf(reached)) break;
    await run();
  }
  return report;
}

/** Return the report as an admin reads it, to tell whether a rejected call changed anything. */
async function snapshot(trackingNumber: string): Promise<unknown> {
  const data = await ok(
    'query($t: String!) { report(trackingNumber: $t) { state closeReason opd { id } supportCount duplicateOf { id } dueAt autoCloseAt timeline { sequence action toState } } }',
    { t: trackingNumber },
    tokens.admin,
  );
  return data.report;
}

/** Rows of the three rabeg tables. */
async function rowCounts(): Promise<{ reports: number; events: number; supports: number }> {
  const [row] = await rabeg().db.query(
    'SELECT (SELECT COUNT(*) FROM rabeg_report) AS reports, (SELECT COUNT(*) FROM rabeg_report_event) AS events, (SELECT COUNT(*) FROM rabeg_support) AS supports',
  );
  return { reports: Number(row.reports), events: Number(row.events), supports: Number(row.supports) };
}

function rabeg() {
  return platform.subgraphs.find((subgraph) => subgraph.name === 'rabeg')!;
}

/** Timeline entries in which the system closed a report. */
async function systemCloses(): Promise<number> {
  const [row] = await rabeg().db.query("SELECT COUNT(*) AS count FROM rabeg_report_event WHERE actor_role = 'SYSTEM' AND action = 'CLOSED'");
  return Number(row.count);
}

/** Supports stored for one report id. */
async function supportRows(reportId: string): Promise<number> {
  const db = rabeg().db;
  const placeholder = onPostgres ? '$1' : '?';
  const [row] = await db.query(`SELECT COUNT(*) AS count FROM rabeg_support WHERE report_id = ${placeholder}`, [reportId]);
  return Number(row.count);
}

/** Assert the shape of every rejection: one error with an expected code and no server internals. */
function expectRejection(result: HttpResult, codes: string[]): void {
  expect(result.status).toBeLessThan(500);
  expect(result.text).not.toMatch(STACK_FRAME);
  expect(errorCodes(result)).toHaveLength(1);
  expect(codes).toContain(errorCodes(result)[0]);
}

// ---------------------------------------------------------------------------------------------

describe('bad input', () => {
  /** Tracking numbers of reports in each state, by the marker reporter. */
  const fixture: Record<string, string> = {};

  beforeAll(async () => {
    clock.advance(3_600_000);
    fixture.submitted = (await reportIn('SUBMITTED')).trackingNumber;
    fixture.verified = (await reportIn('VERIFIED')).trackingNumber;
    fixture.dispatched = (await reportIn('DISPATCHED')).trackingNumber;
  });

  interface BadInput {
    name: string;
    query: string;
    variables?: (reports: Record<string, string>) => Record<string, unknown>;
    caller?: keyof typeof tokens;
    code: string;
    /** Text the message must contain to name the field or variable. */
    field: string;
  }

  const submitWith = (overrides: Record<string, unknown>) => () => ({ input: streetLight(overrides) });
  const REPORTS = 'query($first: Int!, $after: String, $filter: ReportFilter) { reports(first: $first, after: $after, filter: $filter) { nodes { id } } }';
  const reportsWith = (variables: Record<string, unknown>) => () => ({ first: 10, ...variables });
  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const STATS = 'query($from: String!, $to: String!) { rabegStats(from: $from, to: $to) { received } }';
  const NEARBY = 'query($c: String!, $la: Float!, $lo: Float!) { nearbyReports(categoryCode: $c, latitude: $la, longitude: $lo) { distanceMetres } }';

  const cases: BadInput[] = [
    // Wrong types, caught by GraphQL before any resolver runs.
    { name: 'first as a string', query: REPORTS, variables: () => ({ first: 'ten' }), code: 'BAD_USER_INPUT', field: '$first' },
    { name: 'first above 32 bits', query: '{ reports(first: 99999999999) { nodes { id } } }', code: 'GRAPHQL_VALIDATION_FAILED', field: '99999999999' },
    { name: 'tracking number as a number', query: 'query($t: String!) { report(trackingNumber: $t) { id } }', variables: () => ({ t: 123 }), code: 'BAD_USER_INPUT', field: '$t' },
    { name: 'latitude as a string', query: NEARBY, variables: () => ({ c: 'street-light', la: 'x', lo: 106.15 }), code: 'BAD_USER_INPUT', field: '$la' },
    { name: 'anonymous flag as a string', query: SUBMIT, variables: submitWith({ anonymous: 'yes' }), caller: 'citizen', code: 'BAD_USER_INPUT', field: 'anonymous' },
    { name: 'photoUrls as an object', query: SUBMIT, variables: submitWith({ photoUrls: { url: 'https://a.example/x.jpg' } }), caller: 'citizen', code: 'BAD_USER_INPUT', field: 'photoUrls' },
    { name: 'unknown state in filter', query: REPORTS, variables: reportsWith({ filter: { state: 'OPEN' } }), code: 'BAD_USER_INPUT', field: 'state' },
    {
      name: 'unknown close reason',
      query: 'mutation($t: String!, $r: CloseReason!) { closeReport(trackingNumber: $t, reason: $r, note: "x") { id } }',
      variables: (reports) => ({ t: reports.verified, r: 'WHATEVER' }),
      caller: 'coordinator',
      code: 'BAD_USER_INPUT',
      field: '$r',
    },
    // Strings of 100 KB.
    { name: '100 KB title', query: SUBMIT, variables: submitWith({ title: KB100 }), caller: 'citizen', code: 'TEXT_TOO_LONG', field: 'input.title' },
    { name: '100 KB description', query: SUBMIT, variables: submitWith({ description: KB100 }), caller: 'citizen', code: 'TEXT_TOO_LONG', field: 'input.description' },
    { name: '100 KB address', query: SUBMIT, variables: submitWith({ address: KB100 }), caller: 'citizen', code: 'TEXT_TOO_LONG', field: 'input.address' },
    { name: '100 KB category', query: SUBMIT, variables: submitWith({ categoryCode: KB100 }), caller: 'citizen', code: 'UNKNOWN_CATEGORY', field: 'input.categoryCode' },
    { name: '100 KB kelurahan code', query: SUBMIT, variables: submitWith({ kelurahanCode: KB100 }), caller: 'citizen', code: 'UNKNOWN_KELURAHAN', field: 'input.kelurahanCode' },
    { name: '100 KB client key', query: SUBMIT, variables: submitWith({ clientKey: KB100 }), caller: 'citizen', code: 'INVALID_CLIENT_KEY', field: 'input.clientKey' },
    { name: '100 KB photo link', query: SUBMIT, variables: submitWith({ photoUrls: [`https://a.example/${KB100}`] }), caller: 'citizen', code: 'INVALID_PHOTO_URL', field: 'input.photoUrls[0]' },
    {
      name: '100 KB note',
      query: 'mutation($t: String!, $n: String) { verifyReport(trackingNumber: $t, note: $n) { id } }',
      variables: (reports) => ({ t: reports.submitted, n: KB100 }),
      caller: 'coordinator',
      code: 'TEXT_TOO_LONG',
      field: 'note',
    },
    {
      name: '100 KB OPD id',
      query: 'mutation($t: String!, $o: String) { dispatchReport(trackingNumber: $t, opdId: $o) { id } }',
      variables: (reports) => ({ t: reports.verified, o: KB100 }),
      caller: 'coordinator',
      code: 'INVALID_OPD_ID',
      field: 'opdId',
    },
    {
      name: '100 KB duplicateOf',
      query: 'mutation($t: String!, $d: String) { closeReport(trackingNumber: $t, reason: DUPLICATE, duplicateOf: $d, note: "Sama") { id } }',
      variables: (reports) => ({ t: reports.verified, d: KB100 }),
      caller: 'coordinator',
      code: 'INVALID_DUPLICATE_OF',
      field: 'duplicateOf',
    },
    { name: '100 KB cursor', query: REPORTS, variables: reportsWith({ after: KB100 }), code: 'INVALID_CURSOR', field: 'after' },
    { name: '100 KB filter date', query: REPORTS, variables: reportsWith({ filter: { from: KB100 } }), code: 'INVALID_DATE', field: 'filter.from' },
    { name: '100 KB figures date', query: STATS, variables: () => ({ from: KB100, to: '2026-06-30' }), code: 'INVALID_DATE', field: 'from' },
    { name: '100 KB nearby category', query: NEARBY, variables: () => ({ c: KB100, la: -6.12, lo: 106.15 }), code: 'UNKNOWN_CATEGORY', field: 'categoryCode' },
    // Unicode that is not text.
    { name: 'title of ideographic spaces', query: SUBMIT, variables: submitWith({ title: '\u3000'.repeat(10) }), caller: 'citizen', code: 'TEXT_REQUIRED', field: 'input.title' },
    { name: 'emoji kelurahan code', query: SUBMIT, variables: submitWith({ kelurahanCode: '36.73.01.10😀' }), caller: 'citizen', code: 'UNKNOWN_KELURAHAN', field: 'input.kelurahanCode' },
    { name: 'RTL override in client key', query: SUBMIT, variables: submitWith({ clientKey: 'abc\u202Edefgh' }), caller: 'citizen', code: 'INVALID_CLIENT_KEY', field: 'input.clientKey' },
    { name: 'javascript photo link', query: SUBMIT, variables: submitWith({ photoUrls: ['javascript:alert(1)'] }), caller: 'citizen', code: 'INVALID_PHOTO_URL', field: 'input.photoUrls[0]' },
    { name: 'photo link with password', query: SUBMIT, variables: submitWith({ photoUrls: ['https://u:p@a.example/x.jpg'] }), caller: 'citizen', code: 'INVALID_PHOTO_URL', field: 'input.photoUrls[0]' },
    // Numbers out of range.
    { name: 'first of 0', query: REPORTS, variables: () => ({ first: 0 }), code: 'INVALID_PAGE_SIZE', field: 'first' },
    { name: 'first of -1', query: REPORTS, variables: () => ({ first: -1 }), code: 'INVALID_PAGE_SIZE', field: 'first' },
    { name: 'first of 2^31-1', query: REPORTS, variables: () => ({ first: 2147483647 }), code: 'INVALID_PAGE_SIZE', field: 'first' },
    { name: 'myReports first of 101', query: '{ myReports(first: 101) { nodes { id } } }', caller: 'citizen', code: 'INVALID_PAGE_SIZE', field: 'first' },
    { name: 'Opd.reports first of -5', query: '{ opd(id: "dishub") { reports(first: -5) { nodes { id } } } }', code: 'INVALID_PAGE_SIZE', field: 'first' },
    { name: 'Kelurahan.reports first of 1000', query: `{ kelurahan(code: "${TERONDOL}") { reports(first: 1000) { nodes { id } } } }`, code: 'INVALID_PAGE_SIZE', field: 'first' },
    { name: 'latitude of -1e308', query: SUBMIT, variables: submitWith({ latitude: -1e308 }), caller: 'citizen', code: 'INVALID_COORDINATES', field: 'input.latitude' },
    { name: 'longitude of 181', query: SUBMIT, variables: submitWith({ longitude: 181 }), caller: 'citizen', code: 'INVALID_COORDINATES', field: 'input.longitude' },
    { name: 'point at 0,0', query: SUBMIT, variables: submitWith({ latitude: 0, longitude: 0 }), caller: 'citizen', code: 'OUTSIDE_CITY', field: 'input.latitude' },
    { name: 'latitude without longitude', query: SUBMIT, variables: submitWith({ longitude: null }), caller: 'citizen', code: 'INCOMPLETE_COORDINATES', field: 'input.longitude' },
    { name: 'nearby at 1e308', query: NEARBY, variables: () => ({ c: 'street-light', la: 1e308, lo: 1e308 }), code: 'OUTSIDE_CITY', field: 'latitude' },
    // Cursors that this API never returned.
    { name: 'random base64 cursor', query: REPORTS, variables: reportsWith({ after: 'q83vEjRWeJA=' }), code: 'INVALID_CURSOR', field: 'after' },
    { name: 'cursor of an object', query: REPORTS, variables: reportsWith({ after: cursor({ submittedAt: 'x', id: 'y' }) }), code: 'INVALID_CURSOR', field: 'after' },
    { name: 'cursor of numbers', query: REPORTS, variables: reportsWith({ after: cursor([1, 2]) }), code: 'INVALID_CURSOR', field: 'after' },
    { name: 'cursor of nulls', query: REPORTS, variables: reportsWith({ after: cursor([null, null]) }), code: 'INVALID_CURSOR', field: 'after' },
    { name: 'cursor of JSON null', query: REPORTS, variables: reportsWith({ after: cursor(null) }), code: 'INVALID_CURSOR', field: 'after' },
    { name: 'cursor of long strings', query: REPORTS, variables: reportsWith({ after: cursor(['2'.repeat(1000), 'x']) }), code: 'INVALID_CURSOR', field: 'after' },
    { name: 'Opd.reports random cursor', query: '{ opd(id: "dishub") { reports(after: "%%%not-base64%%%") { nodes { id } } } }', code: 'INVALID_CURSOR', field: 'after' },
    { name: 'Kelurahan.reports random cursor', query: `{ kelurahan(code: "${TERONDOL}") { reports(after: "AAAA") { nodes { id } } } }`, code: 'INVALID_CURSOR', field: 'after' },
    // Dates that do not exist or ranges that do not fit.
    { name: 'filter date 2026-02-30', query: REPORTS, variables: reportsWith({ filter: { from: '2026-02-30' } }), code: 'INVALID_DATE', field: 'filter.from' },
    { name: 'filter date 0000-01-01', query: REPORTS, variables: reportsWith({ filter: { to: '0000-01-01' } }), code: 'INVALID_DATE', field: 'filter.to' },
    { name: 'filter date with time', query: REPORTS, variables: reportsWith({ filter: { from: '2026-06-01T00:00:00Z' } }), code: 'INVALID_DATE', field: 'filter.from' },
    { name: 'empty filter date', query: REPORTS, variables: reportsWith({ filter: { from: '' } }), code: 'INVALID_DATE', field: 'filter.from' },
    { name: 'filter range backwards', query: REPORTS, variables: reportsWith({ filter: { from: '2026-06-02', to: '2026-06-01' } }), code: 'INVALID_DATE_RANGE', field: 'filter.to' },
    { name: 'figures from 2026-02-30', query: STATS, variables: () => ({ from: '2026-02-30', to: '2026-03-01' }), code: 'INVALID_DATE', field: 'from' },
    { name: 'figures from 0000-01-01', query: STATS, variables: () => ({ from: '0000-01-01', to: '0000-01-02' }), code: 'INVALID_DATE', field: 'from' },
    { name: 'figures up to 9999-12-31', query: STATS, variables: () => ({ from: '2026-01-01', to: '9999-12-31' }), code: 'DATE_RANGE_TOO_LONG', field: 'to' },
    { name: 'figures over 732 days', query: STATS, variables: () => ({ from: '2025-01-01', to: '2027-01-02' }), code: 'DATE_RANGE_TOO_LONG', field: 'to' },
    { name: 'Opd figures backwards', query: '{ opd(id: "dishub") { rabegStats(from: "2026-06-02", to: "2026-06-01") { received } } }', code: 'INVALID_DATE_RANGE', field: 'to' },
  ];

  test.each(cases.map((entry) => [entry.name, entry] as const))('%s gets a clean error', async (_name, entry) => {
    const result = await gql(entry.query, entry.variables?.(fixture) ?? {}, entry.caller ? tokens[entry.caller] : undefined);

    expect(result.status).toBeLessThan(500);
    expect(result.text).not.toMatch(STACK_FRAME);
    expect(errorCodes(result)).toEqual([entry.code]);
    expect(result.body!.errors![0].message).toContain(entry.field);
  });

  test('Infinity latitude gets BAD_USER_INPUT', async () => {
    const body = `{"query":"query($c: String!, $la: Float!, $lo: Float!) { nearbyReports(categoryCode: $c, latitude: $la, longitude: $lo) { distanceMetres } }","variables":{"c":"street-light","la":1e400,"lo":106.15}}`;
    const result = await send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    expect(result.status).toBeLessThan(500);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.body!.errors![0].message).toContain('$la');
  });

  test('huge tracking number is null', async () => {
    const result = await gql('query($t: String!) { report(trackingNumber: $t) { id } }', { t: KB100 });

    expect(result.status).toBe(200);
    expect(result.body?.errors).toBeUndefined();
    expect(result.body?.data).toEqual({ report: null });
  });

  test.each([
    ['categoryCode', 'UNKNOWN_CATEGORY'],
    ['opdId', 'INVALID_OPD_ID'],
    ['kelurahanCode', 'UNKNOWN_KELURAHAN'],
  ])('huge filter %s gets %s', async (key, code) => {
    const result = await gql('query($f: ReportFilter) { reports(filter: $f) { nodes { id } } }', { f: { [key]: KB100 } });

    expect(result.status).toBe(200);
    expect(result.body?.errors?.[0].extensions).toMatchObject({ code, field: `filter.${key}` });
  });

  test('figures for 9999-12-31 are empty', async () => {
    const data = await ok('{ rabegStats(from: "9999-12-31", to: "9999-12-31") { received resolved open overdueNow } }');

    expect(data.rabegStats).toEqual({ received: 0, resolved: 0, open: 0, overdueNow: 0 });
  });

  test('emoji and RTL title kept intact', async () => {
    const title = 'Lampu 💡 mati \u202Eطريق\u202C 🚧';
    const data = await ok(SUBMIT, { input: streetLight({ title }) }, tokens.citizen);
    const stored = await ok('query($t: String!) { report(trackingNumber: $t) { title } }', { t: data.submitReport.report.trackingNumber }, tokens.citizen);

    expect(stored.report.title).toBe(title);
  });

  // 100 emoji are 100 characters but 200 UTF-16 code units, and the limit of 120 counts characters.
  test('emoji title counts characters', async () => {
    const result = await gql(SUBMIT, { input: streetLight({ title: '💡'.repeat(100) }) }, tokens.citizen);

    expect(result.body?.errors).toBeUndefined();
    expect(result.body?.data?.submitReport).toBeTruthy();
  });

  // Destructuring the JSON string "ab" would give the pair ("a", "b").
  test('cursor of a JSON string rejected', async () => {
    const result = await gql(REPORTS, { first: 10, after: cursor('ab') });

    expect(errorCodes(result)).toEqual(['INVALID_CURSOR']);
  });

  describe('NUL character', () => {
    const NUL_CASES: [string, string, () => Record<string, unknown>, keyof typeof tokens | undefined][] = [
      ['report lookup', 'query($t: String!) { report(trackingNumber: $t) { id } }', () => ({ t: 'RBG-\u0000' }), undefined],
      ['reports filter', 'query($f: ReportFilter) { reports(filter: $f) { nodes { id } } }', () => ({ f: { categoryCode: 'street-light\u0000' } }), undefined],
      ['nearby category', NEARBY, () => ({ c: 'street-light\u0000', la: -6.12, lo: 106.15 }), undefined],
      ['submitted category', SUBMIT, () => ({ input: streetLight({ categoryCode: 'street-light\u0000' }) }), 'citizen'],
      ['submitted title', SUBMIT, () => ({ input: streetLight({ title: 'Lampu\u0000 mati' }) }), 'citizen'],
      ['support tracking number', 'mutation($t: String!) { supportReport(trackingNumber: $t) { id } }', () => ({ t: 'RBG-\u0000' }), 'citizen'],
      ['verify note', 'mutation($t: String!) { verifyReport(trackingNumber: $t, note: "a\\u0000b") { id } }', () => ({ t: fixture.submitted }), 'coordinator'],
    ];

    // PostgreSQL rejects NUL in text ("invalid byte sequence for encoding UTF8: 0x00"), so the
    // subgraph must catch it before any query.
    test.each(NUL_CASES)('in %s never crashes', async (_name, query, variables, caller) => {
      const result = await gql(query, variables(), caller ? tokens[caller] : undefined);

      expect(result.status).toBeLessThan(500);
      expect(errorCodes(result)).not.toContain('INTERNAL_SERVER_ERROR');
    });

    const ENTITY_CASES: [string, Record<string, unknown>][] = [
      ['Opd entity id', { __typename: 'Opd', id: 'dishub\u0000' }],
      ['Kelurahan entity code', { __typename: 'Kelurahan', code: `${TERONDOL}\u0000` }],
      ['Report entity id', { __typename: 'Report', id: 'x\u0000' }],
    ];

    test.each(ENTITY_CASES)('in %s never crashes', async (_name, representation) => {
      const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Opd { reports { nodes { id } } } ... on Kelurahan { reports { nodes { id } } } ... on Report { id } } }';
      const result = await direct(query, { r: [representation] });

      expect(result.status).toBeLessThan(500);
      expect(errorCodes(result)).not.toContain('INTERNAL_SERVER_ERROR');
    });
  });

  test('200 figure aliases agree', async () => {
    const aliases = Array.from({ length: 200 }, (_, index) => `a${index}: rabegStats(from: "2026-01-01", to: "2026-12-31") { received open closedByReason { reason count } }`);
    const result = await gql(`{ ${aliases.join('\n')} }`);

    expect(result.status).toBe(200);
    expect(result.body?.errors).toBeUndefined();
    const values = Object.values(result.body!.data!).map((value) => JSON.stringify(value));
    expect(values).toHaveLength(200);
    expect(new Set(values).size).toBe(1);
  });

  test('reports nested in every kelurahan', async () => {
    const result = await gql('{ kecamatanList { name kelurahan { code name reports(first: 100) { nodes { trackingNumber state timeline { sequence } } hasNextPage } } } }');

    expect(result.status).toBe(200);
    expect(result.body?.errors).toBeUndefined();
    const kelurahan = (result.body!.data!.kecamatanList as { kelurahan: unknown[] }[]).flatMap((kecamatan) => kecamatan.kelurahan);
    expect(kelurahan).toHaveLength(67);
  });

  test('runaway nesting rejected before running', async () => {
    const level = (inner: string) => `opd { reports(first: 100) { nodes { ${inner} } } }`;
    let selection = 'id';
    for (let depth = 0; depth < 8; depth += 1) selection = level(selection);
    const result = await gql(`{ reports(first: 100) { nodes { ${selection} } } }`);

    expect(result.status).toBeLessThan(500);
    expect(result.body?.data).toBeUndefined();
    expect(errorCodes(result).length).toBeGreaterThan(0);
    expect(new Set(errorCodes(result))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
  });

  test('messages are Indonesian by default', async () => {
    const result = await gql(REPORTS, { first: 0 });

    expect(result.body!.errors![0].message).toBe('Ukuran halaman pada first harus 1 sampai 100.');
  });

  test('messages are English on request', async () => {
    const pageSize = await gql(REPORTS, { first: 0 }, undefined, { 'accept-language': 'en' });
    const date = await gql(REPORTS, { first: 10, filter: { from: '2026-02-30' } }, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    const category = await gql(SUBMIT, { input: streetLight({ categoryCode: 'nope' }) }, tokens.citizen, { 'accept-language': 'en' });

    expect(pageSize.body!.errors![0].message).toBe('The page size in first must be 1 to 100.');
    expect(date.body!.errors![0].message).toBe('The date in filter.from must be a valid YYYY-MM-DD date, for example 2026-12-01.');
    expect(category.body!.errors![0].message).toContain('The category in input.categoryCode is unknown.');
  });
});

// ---------------------------------------------------------------------------------------------

describe('nothing half-written', () => {
  test('rejected submissions write no rows', async () => {
    const before = await rowCounts();
    const rejected = [
      streetLight({ title: 'abc' }),
      streetLight({ categoryCode: 'nope' }),
      streetLight({ latitude: 0, longitude: 0 }),
      streetLight({ kelurahanCode: '36.73.99.9999' }),
      streetLight({ photoUrls: ['http://a.example/x.jpg'] }),
      streetLight({ photoUrls: Array.from({ length: 6 }, (_, index) => `https://a.example/${index}.jpg`) }),
      streetLight({ clientKey: 'short' }),
      { ...streetLight(), latitude: null, longitude: null, kelurahanCode: null },
    ];
    for (const input of rejected) {
      const result = await gql(SUBMIT, { input }, tokens.citizen);
      expect(result.body?.errors).toHaveLength(1);
    }
    const anonymous = await gql(SUBMIT, { input: streetLight() });

    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await rowCounts()).toEqual(before);
  });

  test('rejected transitions write no rows', async () => {
    const resolved = await reportIn('RESOLVED');
    const before = await rowCounts();
    const state = await snapshot(resolved.trackingNumber);
    const attempts: [string, string][] = [
      ['verifyReport(trackingNumber: $t)', tokens.coordinator],
      ['dispatchReport(trackingNumber: $t)', tokens.coordinator],
      ['startReportWork(trackingNumber: $t)', tokens.dishub],
      ['resolveReport(trackingNumber: $t, note: "Lagi")', tokens.dishub],
      ['rejectReportFix(trackingNumber: $t, note: "   ")', tokens.reporter],
      ['rejectReportFix(trackingNumber: $t, note: "Belum beres")', tokens.neighbour],
      ['closeReport(trackingNumber: $t, reason: DUPLICATE, note: "Sama")', tokens.coordinator],
      ['closeReport(trackingNumber: $t, reason: DUPLICATE, duplicateOf: $t, note: "Sama")', tokens.coordinator],
      ['closeReport(trackingNumber: $t, reason: INVALID, note: "")', tokens.coordinator],
      ['closeReport(trackingNumber: $t, reason: UNABLE_TO_FIX, note: "Tidak bisa")', tokens.dishub],
    ];
    for (const [call, token] of attempts) {
      const result = await gql(`mutation($t: String!) { ${call} { state } }`, { t: resolved.trackingNumber }, token);
      expect(result.body?.errors).toHaveLength(1);
      expect(errorCodes(result)).not.toContain('INTERNAL_SERVER_ERROR');
    }

    expect(await snapshot(resolved.trackingNumber)).toEqual(state);
    expect(await rowCounts()).toEqual(before);
  });

  test('rejected supports write no rows', async () => {
    const open = await reportIn('VERIFIED');
    const submitted = await reportIn('SUBMITTED');
    const closed = await reportIn('CLOSED');
    const secret = await reportIn('VERIFIED', { confidential: true });
    await step(tokens.neighbour, 'supportReport', open.trackingNumber);
    const before = await rowCounts();
    const attempts: [string, string | undefined, string][] = [
      [open.trackingNumber, tokens.reporter, 'OWN_REPORT'],
      [open.trackingNumber, tokens.neighbour, 'ALREADY_SUPPORTED'],
      [open.trackingNumber, undefined, 'UNAUTHENTICATED'],
      [submitted.trackingNumber, tokens.neighbour, 'REPORT_NOT_FOUND'],
      [secret.trackingNumber, tokens.neighbour, 'REPORT_NOT_FOUND'],
      [closed.trackingNumber, tokens.neighbour, 'REPORT_NOT_OPEN'],
    ];
    for (const [trackingNumber, token, code] of attempts) {
      const result = await gql('mutation($t: String!) { supportReport(trackingNumber: $t) { supportCount } }', { t: trackingNumber }, token);
      expect(errorCodes(result)).toEqual([code]);
    }

    expect(await rowCounts()).toEqual(before);
    expect(((await snapshot(open.trackingNumber)) as { supportCount: number }).supportCount).toBe(1);
  });

  test('rejected duplicate close moves no supporters', async () => {
    const original = await reportIn('VERIFIED');
    const duplicate = await reportIn('VERIFIED', {}, tokens.neighbour);
    const closedOriginal = await reportIn('CLOSED');
    await step(supporters[0].token, 'supportReport', duplicate.trackingNumber);
    const before = await rowCounts();
    const close = (target: string) =>
      gql('mutation($t: String!, $o: String) { closeReport(trackingNumber: $t, reason: DUPLICATE, duplicateOf: $o, note: "Sama") { state } }', { t: duplicate.trackingNumber, o: target }, tokens.coordinator);

    expect(errorCodes(await close(closedOriginal.trackingNumber))).toEqual(['INVALID_DUPLICATE_OF']);
    expect(errorCodes(await close('RBG-000000-00000'))).toEqual(['INVALID_DUPLICATE_OF']);
    expect(errorCodes(await close(duplicate.trackingNumber))).toEqual(['INVALID_DUPLICATE_OF']);
    expect(await rowCounts()).toEqual(before);
    expect(((await snapshot(original.trackingNumber)) as { supportCount: number }).supportCount).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('privacy', () => {
  /** Reports that no stranger may see, by name, with the text that would give them away. */
  const hidden: Record<string, { id: string; trackingNumber: string; title: string }> = {};
  let publicReport: { id: string; trackingNumber: string };
  let anonymousReport: { id: string; trackingNumber: string };
  let duplicateOfSecret: { id: string; trackingNumber: string };

  async function hide(name: string, state: State, overrides: Record<string, unknown>): Promise<{ id: string; trackingNumber: string }> {
    const title = `Rahasia ${name} ${randomUUID().slice(0, 8)}`;
    const report = await reportIn(state, { ...SECRET_POINT, title, ...overrides });
    hidden[name] = { ...report, title };
    return report;
  }

  beforeAll(async () => {
    clock.advance(3_600_000);
    await hide('confidential dispatched', 'DISPATCHED', { confidential: true });
    await hide('confidential in progress', 'IN_PROGRESS', { confidential: true, anonymous: true });
    await hide('confidential closed', 'CLOSED', { confidential: true });
    await hide('unverified', 'SUBMITTED', {});
    const invalid = await hide('closed before verification', 'SUBMITTED', {});
    await step(tokens.coordinator, 'closeReport', invalid.trackingNumber, ', reason: INVALID, note: "Bukan laporan"');
    const rerouted = await hide('confidential rerouted', 'VERIFIED', { confidential: true });
    await step(tokens.coordinator, 'dispatchReport', rerouted.trackingNumber, ', opdId: "dpupr"');
    await step(tokens.coordinator, 'dispatchReport', rerouted.trackingNumber, ', opdId: "dishub"');
    publicReport = await reportIn('DISPATCHED', { ...SECRET_POINT, title: 'Lampu umum mati' });
    anonymousReport = await reportIn('DISPATCHED', { ...SECRET_POINT, title: 'Lampu anonim mati', anonymous: true });

    // A public report of another citizen, closed as a duplicate of a confidential one.
    clock.advance(3_600_000);
    duplicateOfSecret = await reportIn('VERIFIED', { ...SECRET_POINT }, tokens.neighbour);
    await step(tokens.coordinator, 'closeReport', duplicateOfSecret.trackingNumber, `, reason: DUPLICATE, duplicateOf: "${hidden['confidential dispatched'].trackingNumber}", note: "Sama"`);
  });

  const VIEWERS = ['public', 'other citizen', 'other OPD officer'] as const;
  type Viewer = (typeof VIEWERS)[number];
  const tokenOf = (viewer: Viewer) => ({ public: undefined, 'other citizen': tokens.neighbour, 'other OPD officer': tokens.dpupr })[viewer];

  /** Assert that a response names no hidden report and nothing of the reporter. */
  function expectNoLeak(result: HttpResult): void {
    expect(result.status).toBe(200);
    expect(result.body?.errors).toBeUndefined();
    for (const report of Object.values(hidden)) {
      expect(result.text).not.toContain(report.id);
      expect(result.text).not.toContain(report.trackingNumber);
      expect(result.text).not.toContain(report.title);
    }
    for (const value of [reporterId, MARKERS.name, MARKERS.email, MARKERS.phoneDigits]) expect(result.text).not.toContain(value);
  }

  const NODE = 'id trackingNumber title reporter { id displayName email phone } isMine timeline { actorRole note } duplicateOf { id trackingNumber title }';

  test.each(VIEWERS)('report lookup hides from %s', async (viewer) => {
    for (const report of Object.values(hidden)) {
      const result = await gql(`query($t: String!) { report(trackingNumber: $t) { ${NODE} } }`, { t: report.trackingNumber }, tokenOf(viewer));
      expectNoLeak(result);
      expect(result.body!.data).toEqual({ report: null });
    }
  });

  test.each(VIEWERS)('report lookup ignores case for %s', async (viewer) => {
    for (const report of Object.values(hidden)) {
      const result = await gql(`query($t: String!) { report(trackingNumber: $t) { ${NODE} } }`, { t: ` ${report.trackingNumber.toLowerCase()} ` }, tokenOf(viewer));
      expectNoLeak(result);
    }
  });

  test.each(VIEWERS)('every reports filter hides from %s', async (viewer) => {
    const filters: Record<string, unknown>[] = [{}, { opdId: 'dishub' }, { opdId: 'dpupr' }, { kelurahanCode: TERONDOL }, { categoryCode: 'street-light' }, { from: '2026-01-01', to: '2026-12-31' }];
    for (const state of LIFECYCLE) filters.push({ state }, { state, opdId: 'dishub' }, { state, categoryCode: 'street-light', kelurahanCode: TERONDOL }, { state, overdue: true }, { state, overdue: false });
    filters.push({ overdue: true }, { overdue: false }, { overdue: true, opdId: 'dishub' });
    for (const filter of filters) {
      const result = await gql(`query($f: ReportFilter) { reports(first: 100, filter: $f) { nodes { ${NODE} } endCursor } }`, { f: filter }, tokenOf(viewer));
      expectNoLeak(result);
    }
  });

  test.each(VIEWERS)('second reports page hides from %s', async (viewer) => {
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const result = await gql(`query($a: String) { reports(first: 2, after: $a) { nodes { ${NODE} } endCursor hasNextPage } }`, { a: after }, tokenOf(viewer));
      expectNoLeak(result);
      const reports = result.body!.data!.reports as { endCursor: string | null; hasNextPage: boolean };
      if (!reports.hasNextPage) break;
      after = reports.endCursor;
    }
  });

  test("myReports shows only the caller's", async () => {
    const result = await gql(`{ myReports(first: 100) { nodes { ${NODE} } } }`, {}, tokens.neighbour);

    expectNoLeak(result);
    const nodes = (result.body!.data!.myReports as { nodes: { isMine: boolean }[] }).nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.isMine)).toBe(true);
  });

  test.each(VIEWERS)('nearbyReports hides from %s', async (viewer) => {
    const result = await gql(
      `query($la: Float!, $lo: Float!) { nearbyReports(categoryCode: "street-light", latitude: $la, longitude: $lo) { report { ${NODE} } } }`,
      { la: SECRET_POINT.latitude, lo: SECRET_POINT.longitude },
      tokenOf(viewer),
    );

    expectNoLeak(result);
    const found = (result.body!.data!.nearbyReports as { report: { id: string } }[]).map((match) => match.report.id);
    expect(found).toContain(publicReport.id);
  });

  test('possibleDuplicates hides hidden reports', async () => {
    const result = await gql(`mutation($input: SubmitReportInput!) { submitReport(input: $input) { possibleDuplicates { report { ${NODE} } } } }`, { input: streetLight(SECRET_POINT) }, tokens.neighbour);

    expectNoLeak(result);
    const found = (result.body!.data!.submitReport as { possibleDuplicates: { report: { id: string } }[] }).possibleDuplicates.map((match) => match.report.id);
    expect(found).toContain(publicReport.id);
  });

  test.each(VIEWERS)('Kelurahan.reports hides from %s', async (viewer) => {
    const first = await gql(`{ kelurahan(code: "${TERONDOL}") { reports(first: 100) { nodes { ${NODE} } } } }`, {}, tokenOf(viewer));
    const nested = await gql(`{ kecamatanList { kelurahan { reports(first: 3) { nodes { ${NODE} } endCursor } } } }`, {}, tokenOf(viewer));
    const cursor = (first.body!.data!.kelurahan as { reports: { nodes: unknown[] } }).reports.nodes.length > 0 ? await gql(`{ kelurahan(code: "${TERONDOL}") { reports(first: 1) { endCursor } } }`, {}, tokenOf(viewer)) : undefined;
    const after = (cursor?.body?.data?.kelurahan as { reports: { endCursor: string } } | undefined)?.reports.endCursor;
    const paged = await gql(`query($a: String) { kelurahan(code: "${TERONDOL}") { reports(first: 100, after: $a) { nodes { ${NODE} } } } }`, { a: after ?? null }, tokenOf(viewer));

    expectNoLeak(first);
    expectNoLeak(nested);
    expectNoLeak(paged);
  });

  test.each(VIEWERS)('Opd.reports hides from %s', async (viewer) => {
    for (const opd of ['dishub', 'dpupr']) {
      for (const state of [null, ...LIFECYCLE]) {
        const result = await gql(`query($s: ReportState) { opd(id: "${opd}") { reports(first: 100, state: $s) { nodes { ${NODE} } endCursor } } }`, { s: state }, tokenOf(viewer));
        expectNoLeak(result);
      }
      const cursor = await gql(`{ opd(id: "${opd}") { reports(first: 1) { endCursor } } }`, {}, tokenOf(viewer));
      const after = (cursor.body!.data!.opd as { reports: { endCursor: string | null } }).reports.endCursor;
      if (after) expectNoLeak(await gql(`query($a: String) { opd(id: "${opd}") { reports(first: 100, after: $a) { nodes { ${NODE} } } } }`, { a: after }, tokenOf(viewer)));
    }
  });

  test.each(VIEWERS)('duplicateOf hides the original from %s', async (viewer) => {
    const result = await gql(`query($t: String!) { report(trackingNumber: $t) { state closeReason ${NODE} } }`, { t: duplicateOfSecret.trackingNumber }, tokenOf(viewer));

    expectNoLeak(result);
    expect(result.body!.data!.report).toMatchObject({ state: 'CLOSED', closeReason: 'DUPLICATE', duplicateOf: null });
  });

  const DIRECT_VIEWERS: [string, Partial<CallerIdentity>][] = [
    ['anonymous', {}],
    ['citizen', { sub: 'direct-citizen', role: 'CITIZEN' }],
    ['dpupr officer', { sub: 'direct-dpupr', role: 'OFFICER', opd: 'dpupr' }],
  ];

  test.each(DIRECT_VIEWERS)('_entities hides from %s', async (_name, caller) => {
    const representations = [
      ...Object.values(hidden).map((report) => ({ __typename: 'Report', id: report.id })),
      { __typename: 'Opd', id: 'dishub' },
      { __typename: 'Opd', id: 'dpupr' },
      { __typename: 'Kelurahan', code: TERONDOL },
    ];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Report { ${NODE.replace('reporter { id displayName email phone }', 'reporter { id }')} }
      ... on Opd { reports(first: 100) { nodes { id trackingNumber title reporter { id } } } }
      ... on Kelurahan { reports(first: 100) { nodes { id trackingNumber title reporter { id } } } }
    } }`;
    const result = await direct(query, { r: representations }, caller);

    expectNoLeak(result);
    const entities = result.body!.data!._entities as unknown[];
    expect(entities.slice(0, Object.keys(hidden).length).every((entity) => entity === null)).toBe(true);
  });

  test('headerless direct request is anonymous', async () => {
    const result = await postGraphQL(rabegUrl(), {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { id } } reports(first: 100) { nodes { id trackingNumber title } } }',
      variables: { r: Object.values(hidden).map((report) => ({ __typename: 'Report', id: report.id })) },
    });
    const mutation = await postGraphQL(rabegUrl(), { query: SUBMIT, variables: { input: streetLight() } });

    expectNoLeak(result);
    expect(errorCodes(mutation)).toEqual(['UNAUTHENTICATED']);
  });

  test.each(VIEWERS)('public report hides reporter from %s', async (viewer) => {
    const result = await gql(`query($t: String!) { report(trackingNumber: $t) { ${NODE} supportedByMe } }`, { t: publicReport.trackingNumber }, tokenOf(viewer));

    expectNoLeak(result);
    expect(result.body!.data!.report).toMatchObject({ reporter: null, isMine: false });
  });

  test('handling officer never sees anonymous reporter', async () => {
    const byNumber = await gql(`query($t: String!) { report(trackingNumber: $t) { ${NODE} } }`, { t: anonymousReport.trackingNumber }, tokens.dishub);
    const inList = await gql(`{ opd(id: "dishub") { reports(first: 100) { nodes { id reporter { id displayName email phone } } } } }`, {}, tokens.dishub);
    const entity = await direct('query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { reporter { id } } } }', { r: [{ __typename: 'Report', id: anonymousReport.id }] }, { sub: 'direct-dishub', role: 'OFFICER', opd: 'dishub' });

    expect(byNumber.body!.data!.report).toMatchObject({ id: anonymousReport.id, reporter: null });
    for (const value of [reporterId, MARKERS.name, MARKERS.email, MARKERS.phoneDigits]) expect(byNumber.text).not.toContain(value);
    const nodes = (inList.body!.data!.opd as { reports: { nodes: { id: string; reporter: unknown }[] } }).reports.nodes;
    expect(nodes.find((node) => node.id === anonymousReport.id)).toEqual({ id: anonymousReport.id, reporter: null });
    expect(entity.body!.data!._entities).toEqual([{ reporter: null }]);
  });

  test('handling officer sees no contact details', async () => {
    const result = await gql(`query($t: String!) { report(trackingNumber: $t) { reporter { id displayName email phone } } }`, { t: publicReport.trackingNumber }, tokens.dishub);

    expect(result.body!.data!.report).toEqual({ reporter: { id: reporterId, displayName: null, email: null, phone: null } });
  });

  test('rerouted-away OPD loses confidential report', async () => {
    const rerouted = hidden['confidential rerouted'];
    const lookup = await gql('query($t: String!) { report(trackingNumber: $t) { id } }', { t: rerouted.trackingNumber }, tokens.dpupr);
    const start = await gql('mutation($t: String!) { startReportWork(trackingNumber: $t) { id } }', { t: rerouted.trackingNumber }, tokens.dpupr);
    const handling = await gql('query($t: String!) { report(trackingNumber: $t) { id } }', { t: rerouted.trackingNumber }, tokens.dishub);

    expect(lookup.body!.data).toEqual({ report: null });
    expect(errorCodes(start)).toEqual(['REPORT_NOT_FOUND']);
    expect(handling.body!.data).toEqual({ report: { id: rerouted.id } });
  });

  test('timeline names roles, never people', async () => {
    const result = await gql('query($t: String!) { report(trackingNumber: $t) { timeline { sequence action actorRole actorOpd { id } opd { id } note } } }', { t: publicReport.trackingNumber });

    expectNoLeak(result);
    expect((result.body!.data!.report as { timeline: { actorRole: string }[] }).timeline.map((entry) => entry.actorRole)).toEqual(['REPORTER', 'COORDINATOR', 'COORDINATOR']);
  });

  test('forbidden errors name no hidden report', async () => {
    const secret = hidden['confidential dispatched'];
    const results = await Promise.all([
      gql('mutation($t: String!) { supportReport(trackingNumber: $t) { id } }', { t: secret.trackingNumber }, tokens.neighbour),
      gql('mutation($t: String!) { startReportWork(trackingNumber: $t) { id } }', { t: secret.trackingNumber }, tokens.dpupr),
      gql('mutation($t: String!) { confirmReportFix(trackingNumber: $t) { id } }', { t: secret.trackingNumber }, tokens.neighbour),
    ]);

    for (const result of results) {
      expect(errorCodes(result)).toEqual(['REPORT_NOT_FOUND']);
      expect(result.text).not.toContain(secret.title);
      expect(result.text).not.toContain(secret.id);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('authorization', () => {
  type Caller = 'anonymous' | keyof typeof tokens;
  const tokenFor = (caller: Caller) => (caller === 'anonymous' ? undefined : tokens[caller]);

  const CALLS = {
    verify: 'verifyReport(trackingNumber: $t)',
    dispatch: 'dispatchReport(trackingNumber: $t)',
    reroute: 'dispatchReport(trackingNumber: $t, opdId: "dpupr")',
    startWork: 'startReportWork(trackingNumber: $t)',
    resolve: 'resolveReport(trackingNumber: $t, note: "Sudah diperbaiki")',
    confirmFix: 'confirmReportFix(trackingNumber: $t)',
    rejectFix: 'rejectReportFix(trackingNumber: $t, note: "Masih rusak")',
    closeInvalid: 'closeReport(trackingNumber: $t, reason: INVALID, note: "Tidak valid")',
    closeUnable: 'closeReport(trackingNumber: $t, reason: UNABLE_TO_FIX, note: "Tidak bisa")',
    closeFixed: 'closeReport(trackingNumber: $t, reason: FIXED, note: "Beres")',
    closeNoReply: 'closeReport(trackingNumber: $t, reason: NO_REPLY, note: "Tidak dijawab")',
    support: 'supportReport(trackingNumber: $t)',
  } as const;

  const NOT_SEEN = ['REPORT_NOT_FOUND'];
  const ACCESS_CODES = ['FORBIDDEN', 'UNAUTHENTICATED', 'REPORT_NOT_FOUND'];

  const cases: [keyof typeof CALLS, State, Caller, string[], Record<string, unknown>?][] = [
    ['verify', 'SUBMITTED', 'anonymous', ['UNAUTHENTICATED']],
    ['verify', 'SUBMITTED', 'reporter', ['FORBIDDEN']],
    ['verify', 'SUBMITTED', 'neighbour', NOT_SEEN],
    ['verify', 'SUBMITTED', 'dishub', NOT_SEEN],
    ['dispatch', 'VERIFIED', 'anonymous', ['UNAUTHENTICATED']],
    ['dispatch', 'VERIFIED', 'reporter', ['FORBIDDEN']],
    ['dispatch', 'VERIFIED', 'neighbour', ['FORBIDDEN']],
    ['dispatch', 'VERIFIED', 'dishub', ['FORBIDDEN']],
    ['reroute', 'DISPATCHED', 'dishub', ['FORBIDDEN']],
    ['reroute', 'DISPATCHED', 'dpupr', ['FORBIDDEN']],
    ['reroute', 'DISPATCHED', 'reporter', ['FORBIDDEN']],
    ['startWork', 'DISPATCHED', 'anonymous', ['UNAUTHENTICATED']],
    ['startWork', 'DISPATCHED', 'coordinator', ['FORBIDDEN']],
    ['startWork', 'DISPATCHED', 'dpupr', ['FORBIDDEN']],
    ['startWork', 'DISPATCHED', 'reporter', ['FORBIDDEN']],
    ['startWork', 'DISPATCHED', 'neighbour', ['FORBIDDEN']],
    ['startWork', 'DISPATCHED', 'dpupr', NOT_SEEN, { confidential: true }],
    ['resolve', 'IN_PROGRESS', 'anonymous', ['UNAUTHENTICATED']],
    ['resolve', 'IN_PROGRESS', 'coordinator', ['FORBIDDEN']],
    ['resolve', 'IN_PROGRESS', 'dpupr', ['FORBIDDEN']],
    ['resolve', 'IN_PROGRESS', 'reporter', ['FORBIDDEN']],
    ['resolve', 'IN_PROGRESS', 'neighbour', NOT_SEEN, { confidential: true }],
    ['confirmFix', 'RESOLVED', 'anonymous', ['UNAUTHENTICATED']],
    ['confirmFix', 'RESOLVED', 'admin', ['FORBIDDEN']],
    ['confirmFix', 'RESOLVED', 'coordinator', ['FORBIDDEN']],
    ['confirmFix', 'RESOLVED', 'dishub', ['FORBIDDEN']],
    ['confirmFix', 'RESOLVED', 'neighbour', ['FORBIDDEN']],
    ['rejectFix', 'RESOLVED', 'admin', ['FORBIDDEN']],
    ['rejectFix', 'RESOLVED', 'dishub', ['FORBIDDEN']],
    ['rejectFix', 'RESOLVED', 'neighbour', ['FORBIDDEN']],
    ['rejectFix', 'RESOLVED', 'dpupr', NOT_SEEN, { confidential: true }],
    ['closeInvalid', 'DISPATCHED', 'anonymous', ['UNAUTHENTICATED']],
    ['closeInvalid', 'DISPATCHED', 'reporter', ['FORBIDDEN']],
    ['closeInvalid', 'DISPATCHED', 'neighbour', ['FORBIDDEN']],
    ['closeInvalid', 'DISPATCHED', 'dpupr', ['FORBIDDEN']],
    ['closeInvalid', 'DISPATCHED', 'dishub', ['INVALID_CLOSE_REASON']],
    ['closeUnable', 'VERIFIED', 'dishub', ['FORBIDDEN']],
    ['closeUnable', 'RESOLVED', 'dishub', ['INVALID_TRANSITION']],
    ['closeUnable', 'IN_PROGRESS', 'dpupr', ['FORBIDDEN']],
    ['closeUnable', 'IN_PROGRESS', 'reporter', ['FORBIDDEN']],
    ['closeFixed', 'RESOLVED', 'admin', ['INVALID_CLOSE_REASON']],
    ['closeFixed', 'RESOLVED', 'coordinator', ['INVALID_CLOSE_REASON']],
    ['closeFixed', 'RESOLVED', 'reporter', ['FORBIDDEN']],
    ['closeFixed', 'IN_PROGRESS', 'dishub', ['INVALID_CLOSE_REASON']],
    ['closeNoReply', 'RESOLVED', 'admin', ['INVALID_CLOSE_REASON']],
    ['closeNoReply', 'RESOLVED', 'coordinator', ['INVALID_CLOSE_REASON']],
    ['closeNoReply', 'RESOLVED', 'reporter', ['FORBIDDEN']],
    ['closeNoReply', 'DISPATCHED', 'dishub', ['INVALID_CLOSE_REASON']],
    ['support', 'VERIFIED', 'anonymous', ['UNAUTHENTICATED']],
    ['support', 'SUBMITTED', 'neighbour', NOT_SEEN],
  ];

  // Every row gets its overrides. jest treats a test function with more parameters than the row
  // has values as one that waits for a done callback.
  const rows = cases.map(([call, state, caller, codes, overrides]) => [call, overrides?.confidential ? `confidential ${state}` : state, caller, codes, overrides ?? {}] as const);

  test.each(rows)('%s on %s by %s is rejected', async (call, label, caller, codes, overrides) => {
    const report = await reportIn(label.replace('confidential ', '') as State, overrides);
    const before = await snapshot(report.trackingNumber);
    const rows = await rowCounts();

    const result = await gql(`mutation($t: String!) { ${CALLS[call]} { state } }`, { t: report.trackingNumber }, tokenFor(caller));

    expectRejection(result, codes);
    expect(ACCESS_CODES.concat(['INVALID_CLOSE_REASON', 'INVALID_TRANSITION'])).toContain(errorCodes(result)[0]);
    expect(await snapshot(report.trackingNumber)).toEqual(before);
    expect(await rowCounts()).toEqual(rows);
  });

  test('admin may do every step', async () => {
    const report = await reportIn('SUBMITTED');
    const t = report.trackingNumber;

    expect(await step(tokens.admin, 'verifyReport', t)).toBe('VERIFIED');
    expect(await step(tokens.admin, 'dispatchReport', t)).toBe('DISPATCHED');
    expect(await step(tokens.admin, 'dispatchReport', t, ', opdId: "dpupr"')).toBe('DISPATCHED');
    expect(await step(tokens.admin, 'startReportWork', t)).toBe('IN_PROGRESS');
    expect(await step(tokens.admin, 'closeReport', t, ', reason: UNABLE_TO_FIX, note: "Di luar kemampuan"')).toBe('CLOSED');
  });
});

// ---------------------------------------------------------------------------------------------

describe('races', () => {
  const SUPPORT = 'mutation($t: String!) { supportReport(trackingNumber: $t) { supportCount } }';
  const CLOSE_DUPLICATE = 'mutation($t: String!, $o: String!) { closeReport(trackingNumber: $t, reason: DUPLICATE, duplicateOf: $o, note: "Sama") { state } }';

  /** Submit a report straight to the subgraph as `reporter` and verify it, so the hourly limit of one account is not in the way. */
  async function directReport(reporter: Partial<CallerIdentity>, overrides: Record<string, unknown>): Promise<{ id: string; trackingNumber: string }> {
    const submitted = await direct(SUBMIT, { input: streetLight(overrides) }, reporter);
    const report = (submitted.body!.data!.submitReport as { report: { id: string; trackingNumber: string } }).report;
    await direct('mutation($t: String!) { verifyReport(trackingNumber: $t) { state } }', { t: report.trackingNumber }, DIRECT_COORDINATOR);
    return report;
  }

  test('parallel answers keep timeline gapless', async () => {
    const report = await reportIn('RESOLVED');
    const before = ((await snapshot(report.trackingNumber)) as { timeline: unknown[] }).timeline.length;
    const calls: Promise<HttpResult>[] = [];
    for (let round = 0; round < 8; round += 1) {
      calls.push(
        gql('mutation($t: String!) { confirmReportFix(trackingNumber: $t) { state } }', { t: report.trackingNumber }, tokens.reporter),
        gql('mutation($t: String!) { rejectReportFix(trackingNumber: $t, note: "Masih mati") { state } }', { t: report.trackingNumber }, tokens.reporter),
        gql('mutation($t: String!) { resolveReport(trackingNumber: $t, note: "Diganti lagi") { state } }', { t: report.trackingNumber }, tokens.dishub),
      );
    }
    const results = await Promise.all(calls);
    const after = (await snapshot(report.trackingNumber)) as { state: string; timeline: { sequence: number; toState: string }[] };

    for (const result of results) expect(['INVALID_TRANSITION', undefined]).toContain(errorCodes(result)[0]);
    const succeeded = results.filter((result) => !result.body?.errors).length;
    expect(after.timeline.map((entry) => entry.sequence)).toEqual(Array.from({ length: after.timeline.length }, (_, index) => index + 1));
    expect(after.timeline.length - before).toBe(succeeded);
    expect(after.timeline.at(-1)!.toState).toBe(after.state);
  });

  test('parallel supports count exactly', async () => {
    const report = await reportIn('VERIFIED');
    const support = (token: string) => gql('mutation($t: String!) { supportReport(trackingNumber: $t) { supportCount } }', { t: report.trackingNumber }, token);

    const results = await Promise.all(supporters.flatMap((supporter) => [support(supporter.token), support(supporter.token)]));

    expect(results.filter((result) => !result.body?.errors)).toHaveLength(supporters.length);
    for (const result of results) expect(['ALREADY_SUPPORTED', undefined]).toContain(errorCodes(result)[0]);
    expect(await supportRows(report.id)).toBe(supporters.length);
    expect(((await snapshot(report.trackingNumber)) as { supportCount: number }).supportCount).toBe(supporters.length);
  });

  // A duplicate close and a support that lock the original's row and insert supports in opposite
  // orders deadlock on PostgreSQL. The race does not hit every time, so it runs 4 rounds.
  test('supports during duplicate close agree', async () => {
    const PAIRS = 10;
    const SUPPORTERS = 12;
    const supporter = (index: number): Partial<CallerIdentity> => ({ sub: `race-supporter-${index}`, role: 'CITIZEN' });

    for (let round = 0; round < 4; round += 1) {
      const pairs: { original: { id: string; trackingNumber: string }; duplicate: string }[] = [];
      for (let pair = 0; pair < PAIRS; pair += 1) {
        const latitude = -6.21 + round * 0.02 + pair * 0.001;
        const original = await directReport({ sub: `race-original-${round}-${pair}`, role: 'CITIZEN' }, { latitude });
        const duplicate = await directReport({ sub: `race-duplicate-${round}-${pair}`, role: 'CITIZEN' }, { latitude, longitude: 106.1501 });
        for (let index = 0; index < SUPPORTERS / 2; index += 1) await direct(SUPPORT, { t: duplicate.trackingNumber }, supporter(index));
        pairs.push({ original, duplicate: duplicate.trackingNumber });
      }

      const results = await Promise.all(
        pairs.flatMap(({ original, duplicate }) => [
          direct(CLOSE_DUPLICATE, { t: duplicate, o: original.trackingNumber }, DIRECT_COORDINATOR),
          ...Array.from({ length: SUPPORTERS }, (_, index) => direct(SUPPORT, { t: original.trackingNumber }, supporter(index))),
        ]),
      );

      for (const result of results) expect(['ALREADY_SUPPORTED', undefined]).toContain(errorCodes(result)[0]);
      for (const { original } of pairs) {
        // Every supporter plus the reporter of the duplicate.
        expect(((await snapshot(original.trackingNumber)) as { supportCount: number }).supportCount).toBe(SUPPORTERS + 1);
        expect(await supportRows(original.id)).toBe(SUPPORTERS + 1);
      }
    }
  });

  test('job and reporter close once', async () => {
    const reports = [await reportIn('RESOLVED'), await reportIn('RESOLVED'), await reportIn('RESOLVED')];
    // Past the 10th working day after the resolution, whatever holidays fall in between.
    clock.advance(30 * 86_400_000);
    const systemClosesBefore = await systemCloses();

    // runJob shares a run already in flight, so the other two stand for more rabeg processes.
    const otherProcess = () => closeUnansweredReports({ db: rabeg().db, clock } as unknown as PluginServices);
    const [confirm, ...runs] = await Promise.all([
      gql('mutation($t: String!) { confirmReportFix(trackingNumber: $t) { state closeReason } }', { t: reports[0].trackingNumber }, tokens.reporter),
      rabeg().runJob('close-unanswered-reports'),
      otherProcess(),
      otherProcess(),
    ]);

    expect(['INVALID_TRANSITION', undefined]).toContain(errorCodes(confirm)[0]);
    const closedByRuns = runs.reduce<number>((sum, run) => sum + Number((run as { closed: number }).closed), 0);
    expect((await systemCloses()) - systemClosesBefore).toBe(closedByRuns);
    for (const report of reports) {
      const after = (await snapshot(report.trackingNumber)) as { state: string; closeReason: string; timeline: { sequence: number; action: string }[] };
      expect(after.state).toBe('CLOSED');
      expect(after.timeline.filter((entry) => entry.action === 'CLOSED')).toHaveLength(1);
      expect(after.timeline.map((entry) => entry.sequence)).toEqual(Array.from({ length: after.timeline.length }, (_, index) => index + 1));
    }
    const first = (await snapshot(reports[0].trackingNumber)) as { closeReason: string };
    expect(first.closeReason).toBe(confirm.body?.errors ? 'NO_REPLY' : 'FIXED');
  });

  // Two coordinators closing A onto B and B onto A at the same moment: at most one may succeed.
  test('crossed duplicate closes never cycle', async () => {
    const reports: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      reports.push((await directReport({ sub: `cycle-reporter-${index}`, role: 'CITIZEN' }, { latitude: -6.2 + index * 0.001 })).trackingNumber);
    }
    const close = (trackingNumber: string, original: string) => direct(CLOSE_DUPLICATE, { t: trackingNumber, o: original }, DIRECT_COORDINATOR);

    const calls: Promise<HttpResult>[] = [];
    for (let index = 0; index < reports.length; index += 2) calls.push(close(reports[index], reports[index + 1]), close(reports[index + 1], reports[index]));
    const results = await Promise.all(calls);

    for (const result of results) expect(['INVALID_DUPLICATE_OF', 'INVALID_TRANSITION', undefined]).toContain(errorCodes(result)[0]);
    for (let index = 0; index < results.length; index += 2) {
      const succeeded = [results[index], results[index + 1]].filter((result) => !result.body?.errors);
      expect(succeeded).toHaveLength(1);
    }
    const cycles = await rabeg().db.query('SELECT a.tracking_number FROM rabeg_report a JOIN rabeg_report b ON a.duplicate_of_id = b.id WHERE b.duplicate_of_id = a.id');
    expect(cycles).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('hourly limit', () => {
  const LIMIT = HOURLY_LIMIT;

  test('clientKey variants cannot bypass it', async () => {
    const account = supporters[0];
    const before = await gql('{ myReports(first: 100) { nodes { id } } }', {}, account.token);
    const countBefore = (before.body!.data!.myReports as { nodes: unknown[] }).nodes.length;
    for (let index = 0; index < LIMIT; index += 1) await submit(account.token, { clientKey: `limit-key-${index}-abcdef`, title: `Lampu mati nomor ${index}` });

    const variants: [string | undefined, string][] = [
      ['LIMIT-KEY-0-ABCDEF', 'TOO_MANY_REPORTS'],
      ['Limit-Key-0-abcdef', 'TOO_MANY_REPORTS'],
      [' limit-key-0-abcdef', 'INVALID_CLIENT_KEY'],
      ['limit-key-0-abcdef\n', 'INVALID_CLIENT_KEY'],
      ['limit-key-0-abcdef\u200B', 'INVALID_CLIENT_KEY'],
      ['limit-key-new-abcdef', 'TOO_MANY_REPORTS'],
      [undefined, 'TOO_MANY_REPORTS'],
    ];
    for (const [clientKey, code] of variants) {
      const result = await gql(SUBMIT, { input: streetLight({ clientKey, title: 'Lampu mati nomor 0' }) }, account.token);
      expect(errorCodes(result)).toEqual([code]);
    }

    const after = await gql('{ myReports(first: 100) { nodes { id } } }', {}, account.token);
    expect((after.body!.data!.myReports as { nodes: unknown[] }).nodes.length - countBefore).toBe(LIMIT);
  });

  test('retry answered after limit reached', async () => {
    const account = supporters[1];
    const first = await ok(SUBMIT, { input: streetLight({ clientKey: 'retry-after-limit-01', title: 'Lampu mati lama' }) }, account.token);
    for (let index = 1; index < LIMIT; index += 1) await submit(account.token, { title: `Lampu mati nomor ${index}` });
    const overLimit = await gql(SUBMIT, { input: streetLight({ title: 'Satu lagi' }) }, account.token);

    const retry = await gql(SUBMIT, { input: streetLight({ clientKey: 'retry-after-limit-01', title: '  Lampu mati lama  ' }) }, account.token);

    expect(errorCodes(overLimit)).toEqual(['TOO_MANY_REPORTS']);
    expect(retry.body?.errors).toBeUndefined();
    expect(retry.body!.data!.submitReport).toMatchObject({ replayed: true, report: { trackingNumber: first.submitReport.report.trackingNumber } });
  });

  test('parallel submissions stop at limit', async () => {
    const account = supporters[2];
    const before = await rowCounts();

    const results = await Promise.all(Array.from({ length: 25 }, (_, index) => gql(SUBMIT, { input: streetLight({ title: `Lampu paralel ${index}` }) }, account.token)));

    expect(results.filter((result) => !result.body?.errors)).toHaveLength(LIMIT);
    for (const result of results) expect(['TOO_MANY_REPORTS', undefined]).toContain(errorCodes(result)[0]);
    const after = await rowCounts();
    expect(after.reports - before.reports).toBe(LIMIT);
    expect(after.events - before.events).toBe(LIMIT);
  });

  test('limit message in both languages', async () => {
    const account = supporters[3];
    for (let index = 0; index < LIMIT; index += 1) await submit(account.token, { title: `Lampu mati nomor ${index}` });

    const indonesian = await gql(SUBMIT, { input: streetLight() }, account.token);
    const english = await gql(SUBMIT, { input: streetLight() }, account.token, { 'accept-language': 'en' });

    expect(indonesian.body!.errors![0].message).toBe('Anda sudah mengirim 10 laporan dalam satu jam terakhir. Silakan coba lagi nanti, atau dukung laporan yang sudah ada.');
    expect(english.body!.errors![0].message).toBe('You have sent 10 reports within the last hour. Please try again later, or support an existing report.');
  });
});

// ---------------------------------------------------------------------------------------------

describe('direct identity', () => {
  const QUERY = { query: '{ reportCategories { code } }' };
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  function expectUnauthenticated(result: HttpResult): void {
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.body?.data).toBeUndefined();
  }

  test('forged signature gets 401', async () => {
    expectUnauthenticated(await postGraphQL(rabegUrl(), QUERY, signedIdentityHeaders(DIRECT_COORDINATOR, 'another-secret-0123456789abcdefghijkl')));
  });

  test('expired identity gets 401', async () => {
    const now = nowSeconds();
    expectUnauthenticated(await postGraphQL(rabegUrl(), QUERY, signedIdentityHeaders({ ...DIRECT_COORDINATOR, iat: now - 120, exp: now - 60 })));
  });

  test('long-lived identity gets 401', async () => {
    const now = nowSeconds();
    expectUnauthenticated(await postGraphQL(rabegUrl(), QUERY, signedIdentityHeaders({ ...DIRECT_COORDINATOR, iat: now, exp: now + 3600 })));
  });

  test('future identity gets 401', async () => {
    const now = nowSeconds();
    expectUnauthenticated(await postGraphQL(rabegUrl(), QUERY, signedIdentityHeaders({ ...DIRECT_COORDINATOR, iat: now + 600, exp: now + 630 })));
  });

  test('tampered payload gets 401', async () => {
    const citizen = signedIdentityHeaders({ sub: 'direct-citizen', role: 'CITIZEN' });
    const payload = JSON.parse(Buffer.from(citizen['x-ragem-identity'], 'base64url').toString('utf8'));
    const promoted = Buffer.from(JSON.stringify({ ...payload, role: 'ADMIN' })).toString('base64url');

    expectUnauthenticated(await postGraphQL(rabegUrl(), QUERY, { ...citizen, 'x-ragem-identity': promoted }));
  });

  test('one header alone gets 401', async () => {
    const headers = signedIdentityHeaders(DIRECT_COORDINATOR);

    expectUnauthenticated(await postGraphQL(rabegUrl(), QUERY, { 'x-ragem-identity': headers['x-ragem-identity'] }));
    expectUnauthenticated(await postGraphQL(rabegUrl(), QUERY, { 'x-ragem-identity-sig': headers['x-ragem-identity-sig'] }));
  });

  test('garbage identity header gets 401', async () => {
    expectUnauthenticated(await postGraphQL(rabegUrl(), QUERY, { 'x-ragem-identity': 'A'.repeat(9000), 'x-ragem-identity-sig': 'B'.repeat(43) }));
  });
});

// ---------------------------------------------------------------------------------------------

describe('agencies down', () => {
  let outage: TestPlatform;
  let trackingNumber: string;

  beforeAll(async () => {
    outage = await startTestPlatform({ runJobs: false });
    const citizen = await login(outage, 'warga@demo.ragem.id');
    const coordinator = await login(outage, 'koordinator@demo.ragem.id');
    const submitted = await okOn(outage, SUBMIT, { input: streetLight() }, citizen);
    trackingNumber = submitted.submitReport.report.trackingNumber;
    await okOn(outage, 'mutation($t: String!) { verifyReport(trackingNumber: $t) { state } dispatchReport(trackingNumber: $t) { state } }', { t: trackingNumber }, coordinator);
    await outage.subgraphs.find((subgraph) => subgraph.name === 'agencies')!.close();
  });

  afterAll(async () => {
    await outage?.stop();
  });

  test('rabeg data still returned', async () => {
    const result = await gqlOn(
      outage,
      'query($t: String!) { report(trackingNumber: $t) { title state opd { id acronym } category { code opd { name } } timeline { action actorOpd { acronym } opd { acronym } } } reports { nodes { trackingNumber opd { acronym } } } }',
      { t: trackingNumber },
    );

    expect(result.status).toBe(200);
    expect(result.body!.data!.report).toMatchObject({ title: 'Lampu jalan mati', state: 'DISPATCHED', category: { code: 'street-light' } });
    expect((result.body!.data!.report as { timeline: unknown[] }).timeline).toHaveLength(3);
    expect((result.body!.data!.reports as { nodes: { trackingNumber: string }[] }).nodes.map((node) => node.trackingNumber)).toEqual([trackingNumber]);
    expect(result.body!.errors!.length).toBeGreaterThan(0);
    for (const error of result.body!.errors!) {
      expect(error.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(error.path?.some((segment) => segment === 'opd' || segment === 'actorOpd')).toBe(true);
    }
  });

  test('figures still returned', async () => {
    const result = await gqlOn(outage, '{ rabegStats(from: "2026-01-01", to: "2026-12-31") { received open } }');

    expect(result.body?.errors).toBeUndefined();
    expect((result.body!.data!.rabegStats as { received: number }).received).toBeGreaterThanOrEqual(1);
  });
});

describe('rabeg down', () => {
  let outage: TestPlatform;

  beforeAll(async () => {
    outage = await startTestPlatform({ runJobs: false });
    await outage.subgraphs.find((subgraph) => subgraph.name === 'rabeg')!.close();
  });

  afterAll(async () => {
    await outage?.stop();
  });

  test('Kelurahan own fields still returned', async () => {
    const result = await gqlOn(outage, `{ kelurahan(code: "${TERONDOL}") { name kecamatan { name } } }`);

    expect(result.body?.errors).toBeUndefined();
    expect(result.body!.data).toEqual({ kelurahan: { name: 'Terondol', kecamatan: { name: 'Serang' } } });
  });

  // A non-null field added to another subgraph's entity would null the whole Kelurahan or Opd.
  test('Kelurahan survives missing reports', async () => {
    const result = await gqlOn(outage, `{ kelurahan(code: "${TERONDOL}") { name kecamatan { name } reports(first: 1) { nodes { id } } } }`);

    expect(errorCodes(result)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(result.body!.data).toEqual({ kelurahan: { name: 'Terondol', kecamatan: { name: 'Serang' }, reports: null } });
  });

  test('Opd survives missing figures', async () => {
    const result = await gqlOn(outage, '{ opd(id: "dishub") { acronym reports { nodes { id } } rabegStats(from: "2026-01-01", to: "2026-01-31") { received } } }');

    expect(result.body!.data).toEqual({ opd: { acronym: 'Dishub', reports: null, rabegStats: null } });
  });
});
