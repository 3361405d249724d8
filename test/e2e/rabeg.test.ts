import { request } from 'undici';
import { ManualClock } from '../../plugins/clock';
import { WorkingDayCalendar } from '../../plugins/working-days';
import { signedIdentityHeaders } from '../support/identity';
import { startTestPlatform, TestPlatform } from '../support/platform';

/*
 * The Rabeg scenario through the gateway. A citizen reports a dark street light in Terondol and
 * the report goes through every step to FIXED. Another report closes as NO_REPLY on the tenth
 * working day, and dishub's figures match values worked out by hand below.
 *
 * The rabeg subgraph runs on a manual clock that starts on Monday 7 December 2026, 08:00 WIB.
 * The calendar gets an extra holiday on Thursday 10 December, so the working days after 7
 * December are 8, 9, 11, 14, 15, 16, 17, 18, 21 (the ninth) and 22 (the tenth).
 */

const MARKERS = { name: 'Penanda Rahasia Qx7', email: 'penanda.qx7@contoh.id', phone: '+6281277700731', phoneLocal: '81277700731' };
const TERONDOL = '36.73.01.1011';
const LIGHT = { latitude: -6.128, longitude: 106.157 };
/** About 20 m north of LIGHT. */
const NEAR_LIGHT = { latitude: -6.12782, longitude: 106.157 };
/** About 60 m east of LIGHT. */
const SIXTY_METRES_AWAY = { latitude: -6.128, longitude: 106.15754 };

const clock = new ManualClock(new Date('2026-12-07T01:00:00.000Z'));
const calendar = WorkingDayCalendar.load().withDays([{ date: '2026-12-10', kind: 'NATIONAL_HOLIDAY', name: 'Hari libur tambahan untuk uji' }]);

let platform: TestPlatform;

/** Set the rabeg clock to a local (WIB) time on a December 2026 day. */
function at(day: number, hour: number, minute = 0): void {
  clock.set(new Date(Date.UTC(2026, 11, day, hour - 7, minute)));
}

interface GraphqlResult<T> {
  data?: T;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphqlResult<T>> {
  const response = await request(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.body.text();
  publicResponses.push(token ? '' : text);
  return JSON.parse(text) as GraphqlResult<T>;
}

/** Bodies of every response to a caller without a token. */
const publicResponses: string[] = [];

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const result = await gql<T>(query, variables, token);
  if (result.errors) throw new Error(`${query}\n${JSON.stringify(result.errors)}`);
  return result.data!;
}

async function login(identifier: string, password = 'Demo-ragem-2026'): Promise<string> {
  const data = await ok<{ login: { accessToken: string } }>('mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { accessToken } }', { i: identifier, p: password });
  return data.login.accessToken;
}

const SUBMIT = `mutation($input: SubmitReportInput!) {
  submitReport(input: $input) { replayed report { id trackingNumber state anonymous dueKind } possibleDuplicates { distanceMetres report { trackingNumber } } }
}`;

function streetLight(overrides: Record<string, unknown> = {}) {
  return { categoryCode: 'street-light', title: 'Lampu jalan mati', description: 'Lampu di simpang Terondol mati sejak tiga malam.', kelurahanCode: TERONDOL, ...LIGHT, ...overrides };
}

async function submit(token: string, input: Record<string, unknown>): Promise<string> {
  const data = await ok<{ submitReport: { report: { trackingNumber: string } } }>(SUBMIT, { input }, token);
  return data.submitReport.report.trackingNumber;
}

async function act(token: string, mutation: string, trackingNumber: string, extra = ''): Promise<string> {
  const data = await ok<Record<string, { state: string }>>(`mutation($t: String!) { ${mutation}(trackingNumber: $t${extra}) { state } }`, { t: trackingNumber }, token);
  return data[mutation].state;
}

let coordinator: string;
let dishub: string;
let dpupr: string;
let neighbour: string;

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphClocks: { rabeg: clock }, calendar, runJobs: false });
  [coordinator, dishub, dpupr, neighbour] = await Promise.all(
    ['koordinator@demo.ragem.id', 'dishub@demo.ragem.id', 'dpupr@demo.ragem.id', 'warga@demo.ragem.id'].map((identifier) => login(identifier)),
  );
});

afterAll(async () => {
  await platform?.stop();
});

test('Terondol street light scenario', async () => {
  // Open reports near the light: one of the same category 20 m away, one 60 m away, one of another category.
  at(7, 8);
  const nearby = await submit(neighbour, streetLight({ title: 'Lampu PJU padam', ...LIGHT }));
  const sixtyMetres = await submit(neighbour, streetLight({ title: 'Lampu PJU lain padam', ...SIXTY_METRES_AWAY }));
  const waste = await submit(neighbour, { categoryCode: 'waste', title: 'Sampah menumpuk', description: 'Sampah di pinggir jalan.', ...NEAR_LIGHT });
  for (const trackingNumber of [nearby, sixtyMetres, waste]) expect(await act(coordinator, 'verifyReport', trackingNumber)).toBe('VERIFIED');

  // The citizen registers with marker values and checks for duplicates before reporting.
  await ok('mutation($input: RegisterInput!) { register(input: $input) { id } }', {
    input: { displayName: MARKERS.name, email: MARKERS.email, phone: MARKERS.phone, password: 'Kata-sandi-uji-2026' },
  });
  const citizen = await login(MARKERS.email, 'Kata-sandi-uji-2026');
  const check = await ok<{ nearbyReports: { distanceMetres: number; report: { trackingNumber: string } }[] }>(
    'query($c: String!, $la: Float!, $lo: Float!) { nearbyReports(categoryCode: $c, latitude: $la, longitude: $lo) { distanceMetres report { trackingNumber } } }',
    { c: 'street-light', la: NEAR_LIGHT.latitude, lo: NEAR_LIGHT.longitude },
  );
  expect(check.nearbyReports.map((match) => match.report.trackingNumber)).toEqual([nearby]);
  expect(check.nearbyReports[0].distanceMetres).toBeGreaterThan(15);
  expect(check.nearbyReports[0].distanceMetres).toBeLessThan(25);

  // It reports anonymously, and the response suggests the same nearby report. A retry returns the same report.
  at(7, 9);
  const input = streetLight({ ...NEAR_LIGHT, anonymous: true, clientKey: 'terondol-light-0001' });
  const first = await ok<{ submitReport: any }>(SUBMIT, { input }, citizen);
  expect(first.submitReport.report).toMatchObject({ state: 'SUBMITTED', anonymous: true, dueKind: 'VERIFICATION' });
  expect(first.submitReport.possibleDuplicates.map((match: any) => match.report.trackingNumber)).toEqual([nearby]);
  const trackingNumber: string = first.submitReport.report.trackingNumber;
  expect(trackingNumber).toMatch(/^RBG-261207-[0-9A-Z]{5}$/);
  const retry = await ok<{ submitReport: any }>(SUBMIT, { input }, citizen);
  expect(retry.submitReport).toMatchObject({ replayed: true, report: { trackingNumber } });
  const reused = await gql(SUBMIT, { input: { ...input, title: 'Judul yang lain' } }, citizen);
  expect(reused.errors?.[0].extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.clientKey' });

  // Not public before verification.
  expect((await ok<{ report: unknown }>('query($t: String!) { report(trackingNumber: $t) { id } }', { t: trackingNumber })).report).toBeNull();

  // The coordinator verifies and dispatches to the category's OPD, dishub.
  at(7, 10);
  expect(await act(coordinator, 'verifyReport', trackingNumber)).toBe('VERIFIED');
  at(7, 11);
  const dispatched = await ok<{ dispatchReport: any }>('mutation($t: String!) { dispatchReport(trackingNumber: $t) { state dueKind dueAt opd { id name } } }', { t: trackingNumber }, coordinator);
  expect(dispatched.dispatchReport).toMatchObject({ state: 'DISPATCHED', dueKind: 'FIRST_RESPONSE', dueAt: '2026-12-10T04:00:00.000Z', opd: { id: 'dishub' } });

  // A dpupr officer cannot change it; a dishub officer works on it.
  const rejected = await gql('mutation($t: String!) { startReportWork(trackingNumber: $t) { state } }', { t: trackingNumber }, dpupr);
  expect(rejected.errors?.[0].extensions.code).toBe('FORBIDDEN');
  at(8, 9);
  expect(await act(dishub, 'startReportWork', trackingNumber, ', note: "Petugas dijadwalkan"')).toBe('IN_PROGRESS');
  const early = await gql('mutation($t: String!) { confirmReportFix(trackingNumber: $t) { state } }', { t: trackingNumber }, citizen);
  expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'INVALID_TRANSITION' }, message: expect.stringContaining('IN_PROGRESS') });
  at(9, 14);
  expect(await act(dishub, 'resolveReport', trackingNumber, ', note: "Lampu diganti"')).toBe('RESOLVED');

  // The citizen rejects the fix; dishub resolves again and the citizen confirms.
  at(9, 19);
  expect(await act(citizen, 'rejectReportFix', trackingNumber, ', note: "Lampu masih mati malam ini"')).toBe('IN_PROGRESS');
  at(11, 10);
  expect(await act(dishub, 'resolveReport', trackingNumber, ', note: "Kabel diperbaiki"')).toBe('RESOLVED');
  at(11, 18);
  const confirmed = await ok<{ confirmReportFix: any }>('mutation($t: String!) { confirmReportFix(trackingNumber: $t) { state closeReason } }', { t: trackingNumber }, citizen);
  expect(confirmed.confirmReportFix).toEqual({ state: 'CLOSED', closeReason: 'FIXED' });

  // The public timeline shows every step, by role and OPD only.
  const timeline = await ok<{ report: { timeline: any[]; reporter: unknown } }>(
    'query($t: String!) { report(trackingNumber: $t) { reporter { id } timeline { action fromState toState actorRole actorOpd { id } opd { id } closeReason note } } }',
    { t: trackingNumber },
  );
  expect(timeline.report.reporter).toBeNull();
  expect(timeline.report.timeline.map((entry) => [entry.action, entry.toState, entry.actorRole, entry.actorOpd?.id ?? null])).toEqual([
    ['SUBMITTED', 'SUBMITTED', 'REPORTER', null],
    ['VERIFIED', 'VERIFIED', 'COORDINATOR', 'diskominfo'],
    ['DISPATCHED', 'DISPATCHED', 'COORDINATOR', 'diskominfo'],
    ['WORK_STARTED', 'IN_PROGRESS', 'OFFICER', 'dishub'],
    ['RESOLVED', 'RESOLVED', 'OFFICER', 'dishub'],
    ['FIX_REJECTED', 'IN_PROGRESS', 'REPORTER', null],
    ['RESOLVED', 'RESOLVED', 'OFFICER', 'dishub'],
    ['CLOSED', 'CLOSED', 'REPORTER', null],
  ]);
  expect(timeline.report.timeline[2].opd).toEqual({ id: 'dishub' });
  expect(timeline.report.timeline[5].note).toBe('Lampu masih mati malam ini');

  // Another report resolved on 7 December closes as NO_REPLY on working day 10 (22 December), not on day 9.
  at(7, 12);
  const unanswered = await submit(neighbour, streetLight({ title: 'Lampu gang mati', latitude: -6.1301, longitude: 106.1602 }));
  await act(coordinator, 'verifyReport', unanswered);
  await act(coordinator, 'dispatchReport', unanswered);
  at(7, 13);
  await act(dishub, 'startReportWork', unanswered);
  at(7, 16);
  await act(dishub, 'resolveReport', unanswered, ', note: "Lampu diganti"');
  const rabeg = platform.subgraphs.find((subgraph) => subgraph.name === 'rabeg')!;
  at(21, 23, 59);
  expect(await rabeg.runJob('close-unanswered-reports')).toEqual({ closed: 0, skipped: 0 });
  const stillResolved = await ok<{ report: { state: string; autoCloseAt: string } }>('query($t: String!) { report(trackingNumber: $t) { state autoCloseAt } }', { t: unanswered });
  expect(stillResolved.report).toEqual({ state: 'RESOLVED', autoCloseAt: '2026-12-21T17:00:00.000Z' });
  at(22, 0, 30);
  expect(await rabeg.runJob('close-unanswered-reports')).toEqual({ closed: 1, skipped: 0 });
  const noReply = await ok<{ report: any }>('query($t: String!) { report(trackingNumber: $t) { state closeReason timeline { actorRole closeReason } } }', { t: unanswered });
  expect(noReply.report).toMatchObject({ state: 'CLOSED', closeReason: 'NO_REPLY' });
  expect(noReply.report.timeline.at(-1)).toEqual({ actorRole: 'SYSTEM', closeReason: 'NO_REPLY' });

  // A report first sent to dpupr, rerouted to dishub, and left without a response: overdue by 22 December.
  at(7, 8, 30);
  const ignored = await submit(neighbour, streetLight({ title: 'Tiang lampu miring', latitude: -6.1402, longitude: 106.1705 }));
  await act(coordinator, 'verifyReport', ignored);
  await act(coordinator, 'dispatchReport', ignored, ', opdId: "dpupr"');
  const rerouted = await ok<{ dispatchReport: any }>('mutation($t: String!) { dispatchReport(trackingNumber: $t, opdId: "dishub") { state timeline { action opd { id } } } }', { t: ignored }, coordinator);
  expect(rerouted.dispatchReport.timeline.slice(-2)).toEqual([
    { action: 'DISPATCHED', opd: { id: 'dpupr' } },
    { action: 'REROUTED', opd: { id: 'dishub' } },
  ]);

  // dishub's figures for December, worked out by hand at 22 December 00:30 WIB:
  // received 3 (the Terondol report, the unanswered one, the rerouted one);
  // resolved 2 (FIXED and NO_REPLY), open 1 (the rerouted one), overdue 1 (no first response in 72 hours);
  // first response: Terondol 1 working day (7 to 8 December), unanswered 0: median 0.5;
  // resolution: Terondol 3 working days (8, 9 and 11 December; the 10th is a holiday), unanswered 0: median 1.5.
  at(22, 0, 30);
  const figures = await ok<{ opd: { rabegStats: any } }>(
    '{ opd(id: "dishub") { rabegStats(from: "2026-12-01", to: "2026-12-31") { received resolved open overdueNow medianWorkingDaysToFirstResponse medianWorkingDaysToResolution provisional closedByReason { reason count } } } }',
  );
  expect(figures.opd.rabegStats).toEqual({
    received: 3,
    resolved: 2,
    open: 1,
    overdueNow: 1,
    medianWorkingDaysToFirstResponse: 0.5,
    medianWorkingDaysToResolution: 1.5,
    provisional: false,
    closedByReason: [
      { reason: 'FIXED', count: 1 },
      { reason: 'NO_REPLY', count: 1 },
      { reason: 'DUPLICATE', count: 0 },
      { reason: 'NOT_CITY_RESPONSIBILITY', count: 0 },
      { reason: 'UNABLE_TO_FIX', count: 0 },
      { reason: 'INVALID', count: 0 },
    ],
  });

  // Coordinators find the late reports with a plain filter: dishub's rerouted report, and the three
  // reports verified on 7 December but not dispatched by the end of the third working day (11 December).
  const late = await ok<{ reports: { nodes: { trackingNumber: string; overdue: boolean }[] } }>(
    '{ reports(first: 50, filter: { overdue: true }) { nodes { trackingNumber overdue } } }',
    {},
    coordinator,
  );
  expect(late.reports.nodes.map((node) => node.trackingNumber).sort()).toEqual([ignored, nearby, sixtyMetres, waste].sort());
  expect(late.reports.nodes.every((node) => node.overdue)).toBe(true);

  // The duplicate check ignores the report 60 m away and the one in another category.
  const again = await ok<{ nearbyReports: { report: { trackingNumber: string } }[] }>(
    'query($la: Float!, $lo: Float!) { nearbyReports(categoryCode: "street-light", latitude: $la, longitude: $lo) { report { trackingNumber } } }',
    { la: NEAR_LIGHT.latitude, lo: NEAR_LIGHT.longitude },
  );
  expect(again.nearbyReports.map((match) => match.report.trackingNumber)).toEqual([nearby]);
  expect(again.nearbyReports.map((match) => match.report.trackingNumber)).not.toContain(sixtyMetres);
  expect(again.nearbyReports.map((match) => match.report.trackingNumber)).not.toContain(waste);

  // A confidential report is invisible to the public and to other OPDs' officers.
  const secret = await submit(citizen, streetLight({ title: 'Laporan rahasia', confidential: true, latitude: -6.1452, longitude: 106.1755 }));
  await act(coordinator, 'verifyReport', secret);
  await act(coordinator, 'dispatchReport', secret, ', opdId: "dpupr"');
  const byNumber = 'query($t: String!) { report(trackingNumber: $t) { trackingNumber } }';
  expect((await ok<{ report: unknown }>(byNumber, { t: secret })).report).toBeNull();
  expect((await ok<{ report: unknown }>(byNumber, { t: secret }, dishub)).report).toBeNull();
  expect((await ok<{ report: unknown }>(byNumber, { t: secret }, dpupr)).report).toEqual({ trackingNumber: secret });
  expect((await ok<{ report: unknown }>(byNumber, { t: secret }, citizen)).report).toEqual({ trackingNumber: secret });
  const dishubList = await ok<{ reports: { nodes: { trackingNumber: string }[] } }>('{ reports(first: 100) { nodes { trackingNumber } } }', {}, dishub);
  expect(dishubList.reports.nodes.map((node) => node.trackingNumber)).not.toContain(secret);

  // Public lists, Kelurahan.reports, Opd.reports and _entities show the reports but never the markers.
  const publicList = await ok<{ reports: { nodes: any[] } }>('{ reports(first: 100) { nodes { id trackingNumber title reporter { id } isMine timeline { note actorRole } } } }');
  const publicNumbers = publicList.reports.nodes.map((node) => node.trackingNumber);
  expect(publicNumbers).toEqual(expect.arrayContaining([trackingNumber, unanswered, ignored, nearby]));
  expect(publicNumbers).not.toContain(secret);
  expect(publicList.reports.nodes.every((node) => node.reporter === null && node.isMine === false)).toBe(true);
  const kelurahan = await ok<{ kelurahan: { name: string; reports: { nodes: { trackingNumber: string }[] } } }>(
    'query($c: ID!) { kelurahan(code: $c) { name reports(first: 50) { nodes { trackingNumber title description } } } }',
    { c: TERONDOL },
  );
  expect(kelurahan.kelurahan.name).toBe('Terondol');
  expect(kelurahan.kelurahan.reports.nodes.map((node) => node.trackingNumber)).toContain(trackingNumber);
  expect(kelurahan.kelurahan.reports.nodes.map((node) => node.trackingNumber)).not.toContain(secret);
  const opdReports = await ok<{ opd: { reports: { nodes: { trackingNumber: string }[] } } }>('{ opd(id: "dishub") { reports(first: 50) { nodes { trackingNumber reporter { id } } } } }');
  expect(opdReports.opd.reports.nodes.map((node) => node.trackingNumber)).toContain(trackingNumber);

  const ids = publicList.reports.nodes.map((node) => node.id);
  const entities = await request(rabeg.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedIdentityHeaders() },
    body: JSON.stringify({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { trackingNumber title description address reporter { id } timeline { note } } } }',
      variables: { r: ids.map((id) => ({ __typename: 'Report', id })) },
    }),
  });
  const entitiesText = await entities.body.text();
  publicResponses.push(entitiesText);
  expect(JSON.parse(entitiesText).data._entities).toHaveLength(ids.length);

  for (const marker of Object.values(MARKERS)) {
    for (const body of publicResponses) expect(body).not.toContain(marker);
    for (const line of platform.logLines) expect(line).not.toContain(marker);
  }
  // The officer handling the anonymous report does not learn who sent it either.
  const asOfficer = await ok<{ report: { reporter: unknown } }>('query($t: String!) { report(trackingNumber: $t) { reporter { id } } }', { t: trackingNumber }, dishub);
  expect(asOfficer.report.reporter).toBeNull();
});
