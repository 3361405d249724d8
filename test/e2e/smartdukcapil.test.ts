import { request } from 'undici';
import { startTestPlatform, TestPlatform } from '../support/platform';

/** The Smartdukcapil scenario through the gateway, with the demo accounts of the accounts subgraph. */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await request(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.body.json()) as { data?: T; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

async function login(identifier: string, password = 'Demo-ragem-2026'): Promise<{ token: string; id: string }> {
  const result = await gql<{ login: { accessToken: string; account: { id: string } } }>(
    'mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { accessToken account { id } } }',
    { i: identifier, p: password },
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { token: result.data.login.accessToken, id: result.data.login.account.id };
}

const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { trackingNumber state } }`;

function application(slotId: string, nik: string) {
  return { serviceCode: 'ktp-el', nik, kkNumber: '3673010101900099', birthDate: '1990-01-15', sex: 'MALE', documentUrls: ['https://contoh.id/berkas/kk.pdf'], slotId };
}

test('application from slot to pickup', async () => {
  const catalogue = await gql<{ dukcapilServices: { code: string }[] }>('{ dukcapilServices { code } }');
  expect(catalogue.data?.dukcapilServices.map((service) => service.code)).toEqual(expect.arrayContaining(['ktp-el', 'kartu-keluarga', 'kia']));

  const admin = await login('admin@demo.ragem.id');
  const officerAccount = await login('dishub@demo.ragem.id');
  const granted = await gql('mutation($id: ID!) { grantPermission(accountId: $id, permission: "smartdukcapil:officer") { id } }', { id: officerAccount.id }, admin.token);
  expect(granted.errors).toBeUndefined();
  const officer = await login('dishub@demo.ragem.id');

  const startsAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
  const slot = await gql<{ openSlot: { id: string } }>(
    'mutation($s: String!) { openSlot(servicePointId: "kecamatan-kasemen", startsAt: $s, capacity: 1) { id } }',
    { s: startsAt },
    officer.token,
  );
  expect(slot.errors).toBeUndefined();
  const slotId = slot.data!.openSlot.id;

  const citizen = await login('warga@demo.ragem.id');
  const submitted = await gql<{ submitApplication: { trackingNumber: string; state: string } }>(SUBMIT, { input: application(slotId, '3673011501900001') }, citizen.token);
  expect(submitted.errors).toBeUndefined();
  expect(submitted.data?.submitApplication.state).toBe('SUBMITTED');

  const full = await gql(SUBMIT, { input: application(slotId, '3673011501900002') }, citizen.token);
  expect(full.errors?.[0].extensions.code).toBe('SLOT_FULL');

  const trackingNumber = submitted.data!.submitApplication.trackingNumber;
  for (const state of ['VERIFIED', 'IN_PROCESS', 'READY_FOR_PICKUP']) {
    const moved = await gql<{ changeApplicationState: { state: string } }>(
      'mutation($input: ChangeApplicationStateInput!) { changeApplicationState(input: $input) { state } }',
      { input: { trackingNumber, state, note: `Langkah ${state}` } },
      officer.token,
    );
    expect(moved.data?.changeApplicationState.state).toBe(state);
  }

  const mine = await gql<{ myApplications: { state: string; nik: string }[] }>('{ myApplications { state nik } }', {}, citizen.token);
  expect(mine.data?.myApplications).toEqual([{ state: 'READY_FOR_PICKUP', nik: '3673011501900001' }]);
  for (const line of platform.logLines) expect(line).not.toContain('3673011501900001');
});

test('citizen cannot open a slot', async () => {
  const citizen = await login('warga@demo.ragem.id');
  const result = await gql('mutation { openSlot(servicePointId: "kecamatan-kasemen", startsAt: "2030-01-01T08:00:00.000Z", capacity: 3) { id } }', {}, citizen.token);

  expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test('kecamatan lists its service points', async () => {
  const result = await gql<{ kecamatan: { name: string; servicePoints: { name: string }[] } }>('{ kecamatan(code: "36.73.02") { name servicePoints { name } } }');

  expect(result.errors).toBeUndefined();
  expect(result.data?.kecamatan).toEqual({ name: 'Kasemen', servicePoints: [{ name: 'Kantor Kecamatan Kasemen' }] });
});

test('invalid NIK gets its own code', async () => {
  const citizen = await login('warga@demo.ragem.id');
  const result = await gql(SUBMIT, { input: application('no-slot', '9973011501900001') }, citizen.token);

  expect(result.errors?.[0].extensions.code).toBe('NIK_UNKNOWN_PROVINCE');
  expect(result.errors?.[0].message).not.toContain('9973011501900001');
});
