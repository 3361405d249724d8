import { randomUUID } from 'node:crypto';
import {
  actOk,
  ADMIN,
  ANONYMOUS,
  Caller,
  CIMUNCANG,
  citizen,
  COORDINATOR,
  DISHUB,
  DPUPR,
  KASEMEN,
  RabegHarness,
  reportIn,
  setWib,
  sqlStatementsOf,
  startRabeg,
  submitReport,
  TERONDOL,
  wib,
} from './helpers';

const CITIZEN_A = citizen('citizen-a');
const CITIZEN_B = citizen('citizen-b');

let rabeg: RabegHarness;

/*
 * Six reports on 8 June 2026 that cover every visibility rule:
 * - publicDishub: citizen A, dispatched to dishub, Terondol.
 * - submittedOwn: citizen A, SUBMITTED, Terondol.
 * - confidentialDpupr: citizen B, confidential road damage dispatched to dpupr, Cimuncang.
 * - anonymousDishub: citizen B, anonymous, dispatched to dishub, Cimuncang.
 * - confidentialVerified: citizen A, confidential, VERIFIED with no OPD yet, Terondol.
 * - invalidClosed: citizen B, closed as INVALID while SUBMITTED, so never public, Cimuncang.
 */
const NAMES = ['publicDishub', 'submittedOwn', 'confidentialDpupr', 'anonymousDishub', 'confidentialVerified', 'invalidClosed'] as const;
type Name = (typeof NAMES)[number];
const reports = {} as Record<Name, { id: string; trackingNumber: string }>;

beforeAll(async () => {
  rabeg = await startRabeg();
  setWib(rabeg.clock, '2026-06-08 09:00');
  reports.publicDishub = await reportIn(rabeg, 'DISPATCHED', CITIZEN_A, { kelurahanCode: TERONDOL });
  reports.submittedOwn = await reportIn(rabeg, 'SUBMITTED', CITIZEN_A, { kelurahanCode: TERONDOL });
  reports.confidentialDpupr = await reportIn(rabeg, 'DISPATCHED', CITIZEN_B, { kelurahanCode: CIMUNCANG, categoryCode: 'road-damage', title: 'Jalan berlubang', confidential: true });
  reports.anonymousDishub = await reportIn(rabeg, 'DISPATCHED', CITIZEN_B, { kelurahanCode: CIMUNCANG, anonymous: true });
  reports.confidentialVerified = await reportIn(rabeg, 'VERIFIED', CITIZEN_A, { kelurahanCode: TERONDOL, confidential: true });
  reports.invalidClosed = await reportIn(rabeg, 'SUBMITTED', CITIZEN_B, { kelurahanCode: CIMUNCANG });
  await actOk(rabeg, COORDINATOR, 'closeReport', reports.invalidClosed.trackingNumber, { reason: 'INVALID', note: 'Bukan laporan nyata' });
});

afterAll(async () => {
  await rabeg?.close();
});

/** Names of the six reports among `trackingNumbers`, in the order given. */
function namesOf(trackingNumbers: string[]): Name[] {
  const byNumber = new Map(NAMES.map((name) => [reports[name].trackingNumber, name]));
  return trackingNumbers.filter((number) => byNumber.has(number)).map((number) => byNumber.get(number)!);
}

/** Sorted, so a set can be compared whatever the order. */
const sorted = (names: Name[]) => [...names].sort();

const PUBLIC: Name[] = ['publicDishub', 'anonymousDishub'];
const ALL: Name[] = [...NAMES];
const VISIBLE: [string, Caller, Name[]][] = [
  ['anonymous', ANONYMOUS, PUBLIC],
  ['citizen A', CITIZEN_A, [...PUBLIC, 'submittedOwn', 'confidentialVerified']],
  ['citizen B', CITIZEN_B, [...PUBLIC, 'confidentialDpupr', 'invalidClosed']],
  ['dishub officer', DISHUB, PUBLIC],
  ['dpupr officer', DPUPR, [...PUBLIC, 'confidentialDpupr']],
  ['coordinator', COORDINATOR, ALL],
  ['admin', ADMIN, ALL],
];

describe.each(VISIBLE)('%s', (_who, caller, visible) => {
  test('report by tracking number', async () => {
    const seen: Name[] = [];
    for (const name of NAMES) {
      const read = await rabeg.ok<{ report: { trackingNumber: string } | null }>('query($t: String!) { report(trackingNumber: $t) { trackingNumber } }', { t: reports[name].trackingNumber }, caller);
      if (read.report) seen.push(name);
    }

    expect(sorted(seen)).toEqual(sorted(visible));
  });

  test('reports list', async () => {
    const read = await rabeg.ok<{ reports: { nodes: { trackingNumber: string }[] } }>('{ reports(first: 100) { nodes { trackingNumber } } }', {}, caller);

    expect(sorted(namesOf(read.reports.nodes.map((node) => node.trackingNumber)))).toEqual(sorted(visible));
  });

  test('_entities of Report', async () => {
    const read = await rabeg.ok<{ _entities: ({ trackingNumber: string } | null)[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { trackingNumber } } }',
      { r: NAMES.map((name) => ({ __typename: 'Report', id: reports[name].id })) },
      caller,
    );

    expect(read._entities).toEqual(NAMES.map((name) => (visible.includes(name) ? { trackingNumber: reports[name].trackingNumber } : null)));
  });

  test('Kelurahan.reports', async () => {
    const read = await rabeg.ok<{ _entities: { code: string; reports: { nodes: { trackingNumber: string }[] } }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Kelurahan { code reports(first: 50) { nodes { trackingNumber } } } } }',
      { r: [TERONDOL, CIMUNCANG].map((code) => ({ __typename: 'Kelurahan', code })) },
      caller,
    );
    const [terondol, cimuncang] = read._entities.map((entity) => sorted(namesOf(entity.reports.nodes.map((node) => node.trackingNumber))));

    expect(terondol).toEqual(sorted(visible.filter((name) => ['publicDishub', 'submittedOwn', 'confidentialVerified'].includes(name))));
    expect(cimuncang).toEqual(sorted(visible.filter((name) => ['confidentialDpupr', 'anonymousDishub', 'invalidClosed'].includes(name))));
  });

  test('Opd.reports', async () => {
    const read = await rabeg.ok<{ _entities: { id: string; reports: { nodes: { trackingNumber: string }[] } }[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Opd { id reports(first: 50) { nodes { trackingNumber } } } } }',
      { r: ['dishub', 'dpupr'].map((id) => ({ __typename: 'Opd', id })) },
      caller,
    );
    const [dishub, dpupr] = read._entities.map((entity) => sorted(namesOf(entity.reports.nodes.map((node) => node.trackingNumber))));

    expect(dishub).toEqual(sorted(visible.filter((name) => name === 'publicDishub' || name === 'anonymousDishub')));
    expect(dpupr).toEqual(sorted(visible.filter((name) => name === 'confidentialDpupr')));
  });
});

describe('myReports', () => {
  test('lists own reports in every state, newest first', async () => {
    const read = await rabeg.ok<{ myReports: { nodes: { trackingNumber: string; state: string; isMine: boolean }[] } }>('{ myReports(first: 50) { nodes { trackingNumber state isMine } } }', {}, CITIZEN_B);

    // All of citizen B's reports share one submission time, so the newest-first order falls back to id.
    const expected = (['confidentialDpupr', 'anonymousDishub', 'invalidClosed'] as Name[]).map((name) => reports[name]).sort((a, b) => (a.id < b.id ? 1 : -1));
    expect(read.myReports.nodes.map((node) => node.trackingNumber)).toEqual(expected.map((report) => report.trackingNumber));
    expect(read.myReports.nodes.map((node) => node.state).sort()).toEqual(['CLOSED', 'DISPATCHED', 'DISPATCHED']);
    expect(read.myReports.nodes.every((node) => node.isMine)).toBe(true);
  });

  test('anonymous caller is UNAUTHENTICATED', async () => {
    const result = await rabeg.post('{ myReports { nodes { trackingNumber } } }');

    expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('reporter field', () => {
  // [caller, reporter of publicDishub, of anonymousDishub, of confidentialDpupr]
  const CASES: [string, Caller, string | null, string | null, string | null][] = [
    ['anonymous', ANONYMOUS, null, null, null],
    ['citizen A', CITIZEN_A, 'citizen-a', null, null],
    ['citizen B', CITIZEN_B, null, 'citizen-b', 'citizen-b'],
    ['dishub officer', DISHUB, 'citizen-a', null, null],
    ['dpupr officer', DPUPR, null, null, 'citizen-b'],
    ['coordinator', COORDINATOR, 'citizen-a', 'citizen-b', 'citizen-b'],
    ['admin', ADMIN, 'citizen-a', 'citizen-b', 'citizen-b'],
  ];

  test.each(CASES)('seen by %s', async (_who, caller, ofPublic, ofAnonymous, ofConfidential) => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { reporter { id } } } }';
    const representations = (['publicDishub', 'anonymousDishub', 'confidentialDpupr'] as Name[]).map((name) => ({ __typename: 'Report', id: reports[name].id }));

    const read = await rabeg.ok<{ _entities: ({ reporter: { id: string } | null } | null)[] }>(query, { r: representations }, caller);

    // A report the caller cannot see comes back as null, and so does its reporter.
    expect(read._entities.map((entity) => entity?.reporter?.id ?? null)).toEqual([ofPublic, ofAnonymous, ofConfidential]);
  });

  test('public list never shows a reporter', async () => {
    const read = await rabeg.ok<{ reports: { nodes: { reporter: unknown; isMine: boolean }[] } }>('{ reports(first: 100) { nodes { reporter { id } isMine } } }');

    expect(read.reports.nodes.length).toBeGreaterThan(0);
    expect(read.reports.nodes.filter((node) => node.reporter !== null)).toEqual([]);
  });
});

/*
 * 25 public waste reports in Kasemen, dispatched to dlh. They are submitted an hour apart from
 * 20:00 WIB on 1 July 2026, except that reports 13 to 17 share one instant, so the order among
 * them falls back to the id and the first page ends inside that group. Reports 0 to 3 fall on
 * 1 July and 4 to 24 on 2 July, local time.
 */
describe('pagination', () => {
  interface Created {
    id: string;
    trackingNumber: string;
    submittedAt: string;
  }
  const created: Created[] = [];
  /** List the tracking numbers of the 25 reports newest first: later submission first, then the larger id. */
  function newestFirst(): string[] {
    const order = [...created].sort((a, b) => {
      if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? 1 : -1;
      return a.id < b.id ? 1 : -1;
    });
    return order.map((report) => report.trackingNumber);
  }

  beforeAll(async () => {
    const base = wib('2026-07-01 20:00').getTime();
    for (let index = 0; index < 25; index += 1) {
      const hours = index >= 13 && index <= 17 ? 13 : index;
      rabeg.clock.set(new Date(base + hours * 3_600_000));
      const report = await reportIn(rabeg, 'DISPATCHED', citizen('citizen-c'), { kelurahanCode: KASEMEN, categoryCode: 'waste', title: `Sampah menumpuk ${index}` });
      created.push({ ...report, submittedAt: rabeg.clock.now().toISOString() });
    }
  });

  async function walk(fetchPage: (after: string | null) => Promise<{ nodes: { trackingNumber: string }[]; endCursor: string | null; hasNextPage: boolean }>) {
    const pages: { size: number; hasNextPage: boolean }[] = [];
    const numbers: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round += 1) {
      const page = await fetchPage(after);
      pages.push({ size: page.nodes.length, hasNextPage: page.hasNextPage });
      numbers.push(...page.nodes.map((node) => node.trackingNumber));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    return { pages, numbers };
  }

  test('reports walks 25 in pages of 10', async () => {
    const query = 'query($after: String) { reports(first: 10, after: $after, filter: { kelurahanCode: "36.73.02.1001" }) { nodes { trackingNumber } endCursor hasNextPage } }';

    const { pages, numbers } = await walk(async (after) => (await rabeg.ok<{ reports: any }>(query, { after })).reports);

    expect(pages).toEqual([
      { size: 10, hasNextPage: true },
      { size: 10, hasNextPage: true },
      { size: 5, hasNextPage: false },
    ]);
    expect(new Set(numbers).size).toBe(25);
    expect(numbers).toEqual(newestFirst());
  });

  test('Kelurahan.reports walks the same order', async () => {
    const query = 'query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Kelurahan { reports(first: 10, after: $after) { nodes { trackingNumber } endCursor hasNextPage } } } }';
    const r = [{ __typename: 'Kelurahan', code: KASEMEN }];

    const { pages, numbers } = await walk(async (after) => (await rabeg.ok<{ _entities: any[] }>(query, { r, after }))._entities[0].reports);

    expect(pages.map((page) => page.size)).toEqual([10, 10, 5]);
    expect(numbers).toEqual(newestFirst());
  });

  test('Opd.reports walks the same order', async () => {
    const query = 'query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Opd { reports(first: 10, after: $after, state: DISPATCHED) { nodes { trackingNumber } endCursor hasNextPage } } } }';
    const r = [{ __typename: 'Opd', id: 'dlh' }];

    const { pages, numbers } = await walk(async (after) => (await rabeg.ok<{ _entities: any[] }>(query, { r, after }))._entities[0].reports);

    expect(pages.map((page) => page.size)).toEqual([10, 10, 5]);
    expect(numbers).toEqual(newestFirst());
  });

  test('empty page has no cursor', async () => {
    const read = await rabeg.ok<{ reports: any }>('{ reports(first: 5, filter: { kelurahanCode: "36.73.06.1001" }) { nodes { trackingNumber } endCursor hasNextPage } }');

    expect(read.reports).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
  });

  test.each([
    ['kelurahanCode', '{ kelurahanCode: "36.73.02.1001" }', 25],
    ['categoryCode', '{ categoryCode: "road-damage" }', 1],
    ['state', '{ state: SUBMITTED }', 1],
    ['opdId', '{ opdId: "dpupr" }', 1],
    ['opdId and state', '{ opdId: "dlh", state: IN_PROGRESS }', 0],
    // 2 July 00:00 WIB is still 1 July in UTC; the filter uses the local date.
    ['from', '{ from: "2026-07-02" }', 21],
    ['to', '{ to: "2026-07-01" }', 10],
    ['from and to on one day', '{ from: "2026-07-01", to: "2026-07-01" }', 4],
    ['from and to before any report', '{ from: "2026-01-01", to: "2026-06-07" }', 0],
  ])('filter by %s', async (_name, filter, count) => {
    const read = await rabeg.ok<{ reports: { nodes: unknown[] } }>(`{ reports(first: 100, filter: ${filter}) { nodes { trackingNumber } } }`, {}, COORDINATOR);

    expect(read.reports.nodes).toHaveLength(count);
  });

  test('filter by category returns the right reports', async () => {
    const read = await rabeg.ok<{ reports: { nodes: { trackingNumber: string }[] } }>('{ reports(first: 100, filter: { categoryCode: "road-damage" }) { nodes { trackingNumber } } }', {}, COORDINATOR);

    expect(read.reports.nodes.map((node) => node.trackingNumber)).toEqual([reports.confidentialDpupr.trackingNumber]);
  });

  test.each([
    ['page size 0', '{ reports(first: 0) { hasNextPage } }', 'INVALID_PAGE_SIZE', 'first', 'Ukuran halaman pada first harus 1 sampai 100.', 'The page size in first must be 1 to 100.'],
    ['page size 101', '{ reports(first: 101) { hasNextPage } }', 'INVALID_PAGE_SIZE', 'first', 'Ukuran halaman pada first harus 1 sampai 100.', 'The page size in first must be 1 to 100.'],
    [
      'made-up cursor',
      '{ reports(after: "bm90LWEtY3Vyc29y") { hasNextPage } }',
      'INVALID_CURSOR',
      'after',
      'Kursor pada after tidak valid. Gunakan endCursor dari halaman sebelumnya.',
      'The cursor in after is invalid. Use endCursor of the previous page.',
    ],
    [
      'impossible date',
      '{ reports(filter: { from: "2026-02-30" }) { hasNextPage } }',
      'INVALID_DATE',
      'filter.from',
      'Tanggal pada filter.from harus tanggal yang valid dengan format TTTT-BB-HH, misalnya 2026-12-01.',
      'The date in filter.from must be a valid YYYY-MM-DD date, for example 2026-12-01.',
    ],
    [
      'end before start',
      '{ reports(filter: { from: "2026-07-02", to: "2026-07-01" }) { hasNextPage } }',
      'INVALID_DATE_RANGE',
      'filter.to',
      'Rentang tanggal tidak valid: tanggal pada filter.to tidak boleh sebelum tanggal awal.',
      'The date range is invalid: the date in filter.to must not come before the start date.',
    ],
    [
      'Kelurahan.reports page size 0',
      '{ _entities(representations: [{ __typename: "Kelurahan", code: "36.73.02.1001" }]) { ... on Kelurahan { reports(first: 0) { hasNextPage } } } }',
      'INVALID_PAGE_SIZE',
      'first',
      'Ukuran halaman pada first harus 1 sampai 100.',
      'The page size in first must be 1 to 100.',
    ],
    [
      'Opd.reports made-up cursor',
      '{ _entities(representations: [{ __typename: "Opd", id: "dlh" }]) { ... on Opd { reports(after: "xyz") { hasNextPage } } } }',
      'INVALID_CURSOR',
      'after',
      'Kursor pada after tidak valid. Gunakan endCursor dari halaman sebelumnya.',
      'The cursor in after is invalid. Use endCursor of the previous page.',
    ],
  ])('%s is rejected', async (_name, query, code, field, indonesian, english) => {
    const resultId = await rabeg.post(query);
    const resultEn = await rabeg.post(query, {}, ANONYMOUS, { language: 'en' });

    expect(resultId.errors?.[0].extensions).toEqual({ code, field });
    expect(resultId.errors?.[0].message).toBe(indonesian);
    expect(resultEn.errors?.[0].message).toBe(english);
  });
});

describe('SQL statements per request', () => {
  const FIELDS = 'nodes { trackingNumber category { code } timeline { action } reporter { id } supportedByMe } endCursor hasNextPage';

  /** sqlStatements of one request, found in the host's log line by a request id of our own. */
  async function statementsOf(query: string, variables: Record<string, unknown>, caller: Caller): Promise<number> {
    const requestId = `sql-count-${randomUUID()}`;
    const result = await rabeg.post(query, variables, caller, { requestId });
    expect(result.errors).toBeUndefined();
    return sqlStatementsOf(rabeg, requestId);
  }

  test.each([
    ['anonymous', ANONYMOUS],
    ['citizen', CITIZEN_A],
    ['coordinator', COORDINATOR],
  ])('Kelurahan.reports costs the same for 1 or 4 kelurahan (%s)', async (_who, caller) => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Kelurahan { code reports(first: 5) { ${FIELDS} } } } }`;
    const single = [{ __typename: 'Kelurahan', code: TERONDOL }];
    const four = [TERONDOL, CIMUNCANG, KASEMEN, '36.73.06.1001'].map((code) => ({ __typename: 'Kelurahan', code }));

    const forOne = await statementsOf(query, { r: single }, caller);
    const forFour = await statementsOf(query, { r: four }, caller);

    expect(forOne).toBeGreaterThan(0);
    expect(forFour).toBe(forOne);
  });

  test('Opd.reports costs the same for 1 or 4 OPDs', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Opd { id reports(first: 5) { ${FIELDS} } } } }`;
    const single = [{ __typename: 'Opd', id: 'dishub' }];
    const four = ['dishub', 'dpupr', 'dlh', 'dinsos'].map((id) => ({ __typename: 'Opd', id }));

    const forOne = await statementsOf(query, { r: single }, DPUPR);
    const forFour = await statementsOf(query, { r: four }, DPUPR);

    expect(forOne).toBeGreaterThan(0);
    expect(forFour).toBe(forOne);
  });

  test('reports costs the same for 2 or 25 nodes', async () => {
    const query = `query($first: Int!) { reports(first: $first, filter: { kelurahanCode: "36.73.02.1001" }) { ${FIELDS} } }`;

    const forTwo = await statementsOf(query, { first: 2 }, CITIZEN_A);
    const forTwentyFive = await statementsOf(query, { first: 25 }, CITIZEN_A);

    expect(forTwo).toBeGreaterThan(0);
    expect(forTwentyFive).toBe(forTwo);
  });

  test('_entities of Report costs the same for 1 or 6 reports', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { trackingNumber category { code } timeline { action } duplicateOf { id } } } }';
    const all = NAMES.map((name) => ({ __typename: 'Report', id: reports[name].id }));

    const forOne = await statementsOf(query, { r: all.slice(0, 1) }, COORDINATOR);
    const forSix = await statementsOf(query, { r: all }, COORDINATOR);

    expect(forSix).toBe(forOne);
  });
});

describe('after a reroute', () => {
  test('only officers of the new OPD see a confidential report', async () => {
    const report = await reportIn(rabeg, 'VERIFIED', CITIZEN_A, { categoryCode: 'market-order', title: 'Pedagang di trotoar', confidential: true });
    await actOk(rabeg, COORDINATOR, 'dispatchReport', report.trackingNumber, { opdId: 'dpupr' });
    const query = 'query($t: String!) { report(trackingNumber: $t) { opd { id } reporter { id } } }';
    const beforeReroute = await rabeg.ok<{ report: unknown }>(query, { t: report.trackingNumber }, DPUPR);

    await actOk(rabeg, COORDINATOR, 'dispatchReport', report.trackingNumber, { opdId: 'dishub' });

    expect(beforeReroute.report).toEqual({ opd: { id: 'dpupr' }, reporter: { id: 'citizen-a' } });
    expect((await rabeg.ok<{ report: unknown }>(query, { t: report.trackingNumber }, DPUPR)).report).toBeNull();
    expect((await rabeg.ok<{ report: unknown }>(query, { t: report.trackingNumber }, DISHUB)).report).toEqual({ opd: { id: 'dishub' }, reporter: { id: 'citizen-a' } });
  });
});

test('_entities of an unknown Report id is null', async () => {
  const read = await rabeg.ok<{ _entities: unknown[] }>('query($r: [_Any!]!) { _entities(representations: $r) { ... on Report { id } } }', { r: [{ __typename: 'Report', id: randomUUID() }] }, COORDINATOR);

  expect(read._entities).toEqual([null]);
});
