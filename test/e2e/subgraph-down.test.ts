import { ClientError } from 'graphql-request';
import { request } from 'undici';
import { startTestPlatform, TestPlatform } from '../support/platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

interface PartialResult {
  data: { kelurahan: { name: string; kecamatan: { name: string }; wifiPoints: unknown } | null };
  errors: { message: string; path: (string | number)[]; extensions: Record<string, unknown> }[];
}

async function queryExpectingErrors(headers: Record<string, string> = {}): Promise<PartialResult> {
  try {
    await platform.client(headers).request('{ kelurahan(code: "36.73.01.1011") { name kecamatan { name } wifiPoints { name } } }');
  } catch (error) {
    if (error instanceof ClientError) return error.response as unknown as PartialResult;
    throw error;
  }
  throw new Error('the query succeeded although the places subgraph is closed');
}

test('closed subgraph leaves the rest of the answer', async () => {
  const places = platform.subgraphs.find((subgraph) => subgraph.name === 'places')!;
  await places.close();

  const result = await queryExpectingErrors();

  expect(result.data.kelurahan).toEqual({ name: 'Terondol', kecamatan: { name: 'Serang' }, wifiPoints: null });
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0].path).toEqual(['kelurahan', 'wifiPoints']);
  expect(result.errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
  expect(result.errors[0].message).toContain('places');
  expect(result.errors[0].message).toMatch(/^Layanan places sedang tidak dapat dihubungi/);
});

test('unavailable message in English on request', async () => {
  const result = await queryExpectingErrors({ 'accept-language': 'en' });

  expect(result.errors[0].message).toMatch(/^The places service cannot be reached/);
});

test('ready stays 200 and marks the subgraph down', async () => {
  const response = await request(`${platform.gateway!.url}/ready`);
  const body = (await response.body.json()) as { subgraphs: { name: string; state: string; lastError?: string }[] };

  expect(response.statusCode).toBe(200);
  const byName = Object.fromEntries(body.subgraphs.map((subgraph) => [subgraph.name, subgraph]));
  expect(byName.places.state).toBe('down');
  expect(byName.places.lastError).toBe('connection refused');
  expect(byName.regions.state).toBe('up');
});

test('list of entities reports each missing field', async () => {
  let response: PartialResult | undefined;
  try {
    await platform.client().request('{ kecamatan(code: "36.73.05") { kelurahan { code wifiPoints { name } } } }');
  } catch (error) {
    response = (error as ClientError).response as unknown as PartialResult;
  }
  const data = response!.data as unknown as { kecamatan: { kelurahan: { code: string; wifiPoints: unknown }[] } };

  expect(data.kecamatan.kelurahan).toHaveLength(8);
  for (const kelurahan of data.kecamatan.kelurahan) expect(kelurahan.wifiPoints).toBeNull();
  expect(response!.errors.map((error) => error.path)).toEqual(data.kecamatan.kelurahan.map((_, index) => ['kecamatan', 'kelurahan', index, 'wifiPoints']));
});
