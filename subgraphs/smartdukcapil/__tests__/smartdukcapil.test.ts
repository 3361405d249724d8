import { request } from 'undici';
import type { RunningSubgraph } from '../../../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { signedIdentityHeaders } from '../../../test/support/identity';
import { createCapturingLogger } from '../../../test/support/logs';
import { startTestSubgraph } from '../../../test/support/subgraphs';
import { SlotRow } from '../entities';

interface GraphqlResult {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

const OFFICER = signedIdentityHeaders({ sub: 'officer-1', role: 'OFFICER', opd: 'disdukcapil', perms: ['smartdukcapil:officer'] });
const SLOT_START = '2099-01-15T08:00:00+07:00';
const TRACKING_NUMBER = /^DKC-\d{8}-[2-9A-HJ-NP-Z]{6}$/;

let database: TestDatabase;
let subgraph: RunningSubgraph;
const capture = createCapturingLogger();

beforeAll(async () => {
  database = await createTestDatabase();
  subgraph = await startTestSubgraph('smartdukcapil', { database, logger: capture.logger });
});

afterAll(async () => {
  await subgraph?.close();
  await database?.drop();
});

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphqlResult> {
  const response = await request(subgraph.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.body.json()) as GraphqlResult;
}

function citizen(sub: string): Record<string, string> {
  return signedIdentityHeaders({ sub, role: 'CITIZEN' });
}

/** Builds a valid NIK of a man born 17 May 1990 with the given serial number (1 to 9999). */
function maleNik(serial: number): string {
  return `367301170590${String(serial).padStart(4, '0')}`;
}

function applicationInput(slotId: string, nik: string, overrides: Record<string, unknown> = {}) {
  return {
    serviceCode: 'ktp-el',
    nik,
    kkNumber: '3673010101200001',
    birthDate: '1990-05-17',
    sex: 'MALE',
    documentUrls: ['https://files.example.org/kk.pdf'],
    slotId,
    ...overrides,
  };
}

const OPEN_SLOT = `mutation($servicePointId: ID!, $startsAt: String!, $capacity: Int!) {
  openSlot(servicePointId: $servicePointId, startsAt: $startsAt, capacity: $capacity) { id startsAt capacity booked servicePoint { id } }
}`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { trackingNumber state } }`;
const CHANGE = `mutation($input: ChangeApplicationStateInput!) {
  changeApplicationState(input: $input) { trackingNumber state rejectionReason history { state note } }
}`;

async function openSlot(capacity: number, servicePointId = 'kecamatan-serang'): Promise<string> {
  const result = await post(OPEN_SLOT, { servicePointId, startsAt: SLOT_START, capacity }, OFFICER);
  expect(result.errors).toBeUndefined();
  return result.data!.openSlot.id as string;
}

test('maleNik builds 16-digit NIKs', () => {
  expect(maleNik(1)).toBe('3673011705900001');
  expect(maleNik(42)).toBe('3673011705900042');
});

test('catalogue lists the seven services', async () => {
  const result = await post('{ dukcapilServices { code name requirements processingDays } }');
  const services = result.data!.dukcapilServices as { code: string; requirements: string[]; processingDays: number }[];

  expect(services.map((service) => service.code)).toEqual([
    'ktp-el',
    'kartu-keluarga',
    'akta-kelahiran',
    'akta-kematian',
    'surat-pindah',
    'pindah-datang',
    'kia',
  ]);
  for (const service of services) {
    expect(service.requirements.length).toBeGreaterThan(0);
    expect(service.processingDays).toBeGreaterThan(0);
  }
});

test('service points link to kecamatan', async () => {
  const result = await post('{ servicePoints { id kecamatan { code } } }');
  const points = result.data!.servicePoints as { id: string; kecamatan: { code: string } | null }[];

  expect(points).toHaveLength(7);
  expect(points.find((point) => point.id === 'disdukcapil-kota-serang')?.kecamatan).toBeNull();
  expect(points.find((point) => point.id === 'kecamatan-kasemen')?.kecamatan).toEqual({ code: '36.73.02' });
});

test('Kecamatan entity gets its servicePoints', async () => {
  const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Kecamatan { code servicePoints { id } } } }`;
  const result = await post(query, {
    representations: [
      { __typename: 'Kecamatan', code: '36.73.06' },
      { __typename: 'Kecamatan', code: '36.73.99' },
    ],
  });

  expect(result.errors).toBeUndefined();
  expect(result.data!._entities).toEqual([
    { code: '36.73.06', servicePoints: [{ id: 'kecamatan-taktakan' }] },
    { code: '36.73.99', servicePoints: [] },
  ]);
});

test('openSlot needs the officer permission', async () => {
  const variables = { servicePointId: 'kecamatan-serang', startsAt: SLOT_START, capacity: 3 };
  const anonymous = await post(OPEN_SLOT, variables);
  const citizenResult = await post(OPEN_SLOT, variables, citizen('citizen-x'));

  expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(citizenResult.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test('openSlot validates its arguments', async () => {
  const unknownPoint = await post(OPEN_SLOT, { servicePointId: 'nowhere', startsAt: SLOT_START, capacity: 3 }, OFFICER);
  const past = await post(OPEN_SLOT, { servicePointId: 'kecamatan-serang', startsAt: '2020-01-01T08:00:00+07:00', capacity: 3 }, OFFICER);
  const noZone = await post(OPEN_SLOT, { servicePointId: 'kecamatan-serang', startsAt: '2099-01-01T08:00:00', capacity: 3 }, OFFICER);
  const zeroCapacity = await post(OPEN_SLOT, { servicePointId: 'kecamatan-serang', startsAt: SLOT_START, capacity: 0 }, OFFICER);

  expect(unknownPoint.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_POINT_NOT_FOUND', field: 'servicePointId' });
  expect(past.errors?.[0].extensions).toMatchObject({ code: 'INVALID_SLOT_START', field: 'startsAt' });
  expect(noZone.errors?.[0].extensions).toMatchObject({ code: 'INVALID_SLOT_START', field: 'startsAt' });
  expect(zeroCapacity.errors?.[0].extensions).toMatchObject({ code: 'INVALID_SLOT_CAPACITY', field: 'capacity' });
});

test('submitApplication rejects invalid input without echoing the NIK', async () => {
  const slotId = await openSlot(5);
  const headers = citizen('citizen-invalid');
  const cases: [Record<string, unknown>, string, string][] = [
    [{ nik: '12345' }, 'NIK_MALFORMED', 'input.nik'],
    [{ nik: '9973011705900001' }, 'NIK_UNKNOWN_PROVINCE', 'input.nik'],
    [{ nik: '3673013205900001' }, 'NIK_INVALID_DATE', 'input.nik'],
    [{ nik: '3673011705900000' }, 'NIK_ZERO_SERIAL', 'input.nik'],
    [{ birthDate: '1990-05-18' }, 'NIK_BIRTH_DATE_MISMATCH', 'input.nik'],
    [{ sex: 'FEMALE' }, 'NIK_SEX_MISMATCH', 'input.nik'],
    [{ kkNumber: '36730101' }, 'KK_MALFORMED', 'input.kkNumber'],
    [{ kkNumber: '9973010101200001' }, 'KK_UNKNOWN_PROVINCE', 'input.kkNumber'],
    [{ birthDate: '1990-02-30' }, 'INVALID_BIRTH_DATE', 'input.birthDate'],
    [{ serviceCode: 'paspor' }, 'UNKNOWN_SERVICE', 'input.serviceCode'],
    [{ documentUrls: ['http://files.example.org/kk.pdf'] }, 'INVALID_DOCUMENT_URL', 'input.documentUrls[0]'],
    [{ documentUrls: Array.from({ length: 11 }, (_, index) => `https://files.example.org/${index}.pdf`) }, 'TOO_MANY_DOCUMENTS', 'input.documentUrls'],
    [{ slotId: 'no-such-slot' }, 'SLOT_NOT_FOUND', 'input.slotId'],
  ];

  for (const [overrides, code, field] of cases) {
    const input = applicationInput(slotId, maleNik(9), overrides);
    const result = await post(SUBMIT, { input }, headers);

    expect(result.errors?.[0].extensions).toMatchObject({ code, field });
    expect(result.errors?.[0].message).not.toContain(String(input.nik));
  }
});

test('submitApplication needs a signed-in caller', async () => {
  const slotId = await openSlot(1);
  const result = await post(SUBMIT, { input: applicationInput(slotId, maleNik(8)) });

  expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
});

describe('slot of capacity 3 booked by 20 citizens at once', () => {
  let slotId: string;
  let results: GraphqlResult[];
  const niks = Array.from({ length: 20 }, (_, index) => maleNik(index + 100));

  beforeAll(async () => {
    slotId = await openSlot(3);
    results = await Promise.all(niks.map((nik, index) => post(SUBMIT, { input: applicationInput(slotId, nik) }, citizen(`citizen-${index}`))));
  });

  test('exactly 3 applications are accepted', async () => {
    const accepted = results.filter((result) => result.data?.submitApplication);
    const full = results.filter((result) => result.errors?.[0].extensions.code === 'SLOT_FULL');

    expect(accepted).toHaveLength(3);
    expect(full).toHaveLength(17);
    for (const result of accepted) {
      expect(result.data!.submitApplication.state).toBe('SUBMITTED');
      expect(result.data!.submitApplication.trackingNumber).toMatch(TRACKING_NUMBER);
    }
    const slot = await subgraph.db.getRepository(SlotRow).findOneByOrFail({ id: slotId });
    expect(slot.booked).toBe(3);
  });

  test('officer moves one to READY_FOR_PICKUP', async () => {
    const trackingNumber = results.find((result) => result.data?.submitApplication)!.data!.submitApplication.trackingNumber as string;

    for (const [state, note] of [['VERIFIED', 'Berkas lengkap'], ['IN_PROCESS', null], ['READY_FOR_PICKUP', 'Silakan ambil di loket 2']]) {
      const result = await post(CHANGE, { input: { trackingNumber, state, note } }, OFFICER);
      expect(result.errors).toBeUndefined();
      expect(result.data!.changeApplicationState.state).toBe(state);
    }

    const read = await post(`query($t: String!) { application(trackingNumber: $t) { state history { state note } } }`, { t: trackingNumber }, OFFICER);
    expect(read.data!.application).toEqual({
      state: 'READY_FOR_PICKUP',
      history: [
        { state: 'SUBMITTED', note: null },
        { state: 'VERIFIED', note: 'Berkas lengkap' },
        { state: 'IN_PROCESS', note: null },
        { state: 'READY_FOR_PICKUP', note: 'Silakan ambil di loket 2' },
      ],
    });

    const again = await post(CHANGE, { input: { trackingNumber, state: 'VERIFIED' } }, OFFICER);
    expect(again.errors?.[0].extensions.code).toBe('INVALID_TRANSITION');
    expect(again.errors?.[0].message).toContain('READY_FOR_PICKUP');
    expect(again.errors?.[0].message).toContain('VERIFIED');
  });

  test('rejection needs a reason', async () => {
    const trackingNumber = results.filter((result) => result.data?.submitApplication)[1].data!.submitApplication.trackingNumber as string;

    const withoutReason = await post(CHANGE, { input: { trackingNumber, state: 'REJECTED' } }, OFFICER);
    const rejected = await post(CHANGE, { input: { trackingNumber, state: 'REJECTED', rejectionReason: 'Foto KK tidak terbaca' } }, OFFICER);

    expect(withoutReason.errors?.[0].extensions).toMatchObject({ code: 'REJECTION_REASON_REQUIRED', field: 'input.rejectionReason' });
    expect(rejected.data!.changeApplicationState).toMatchObject({ state: 'REJECTED', rejectionReason: 'Foto KK tidak terbaca' });
  });

  test('citizen cannot act as officer', async () => {
    const index = results.findIndex((result) => result.data?.submitApplication);
    const trackingNumber = results[index].data!.submitApplication.trackingNumber as string;

    const change = await post(CHANGE, { input: { trackingNumber, state: 'VERIFIED' } }, citizen(`citizen-${index}`));
    const list = await post('{ applications { items { trackingNumber } } }', {}, citizen(`citizen-${index}`));

    expect(change.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(list.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  test('only applicant and officer read personal fields', async () => {
    const index = results.findIndex((result) => result.data?.submitApplication);
    const trackingNumber = results[index].data!.submitApplication.trackingNumber as string;
    const query = `query($t: String!) { application(trackingNumber: $t) { trackingNumber nik kkNumber birthDate sex documentUrls } }`;

    const own = await post(query, { t: trackingNumber }, citizen(`citizen-${index}`));
    const officer = await post(query, { t: trackingNumber }, OFFICER);
    const other = await post(query, { t: trackingNumber }, citizen('citizen-stranger'));
    const mine = await post('{ myApplications { trackingNumber nik } }', {}, citizen(`citizen-${index}`));
    const strangersOwn = await post('{ myApplications { trackingNumber } }', {}, citizen('citizen-stranger'));

    expect(own.data!.application.nik).toBe(niks[index]);
    expect(own.data!.application.documentUrls).toEqual(['https://files.example.org/kk.pdf']);
    expect(officer.data!.application.nik).toBe(niks[index]);
    expect(other.errors).toBeUndefined();
    expect(other.data!.application).toBeNull();
    expect(mine.data!.myApplications).toEqual([{ trackingNumber, nik: niks[index] }]);
    expect(strangersOwn.data!.myApplications).toEqual([]);
  });

  test('officer pages through applications', async () => {
    const first = await post('{ applications(first: 2) { items { trackingNumber } endCursor hasNextPage } }', {}, OFFICER);
    const cursor = first.data!.applications.endCursor as string;
    const second = await post('query($after: String) { applications(first: 2, after: $after) { items { trackingNumber } hasNextPage } }', { after: cursor }, OFFICER);
    const submitted = await post('{ applications(state: SUBMITTED) { items { state } } }', {}, OFFICER);
    const badCursor = await post('{ applications(after: "nonsense") { hasNextPage } }', {}, OFFICER);

    expect(first.data!.applications.items).toHaveLength(2);
    expect(first.data!.applications.hasNextPage).toBe(true);
    expect(second.data!.applications).toEqual({ items: [expect.any(Object)], hasNextPage: false });
    expect(submitted.data!.applications.items).toEqual([{ state: 'SUBMITTED' }]);
    expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'INVALID_CURSOR', field: 'after' });
  });

  test('no log line contains a NIK', () => {
    const allNiks = [...niks, maleNik(9), maleNik(8)];
    expect(capture.lines.length).toBeGreaterThan(0);
    for (const line of capture.lines) {
      for (const nik of allNiks) expect(line).not.toContain(nik);
    }
  });
});
