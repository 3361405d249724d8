import { ClientError, GraphQLClient } from 'graphql-request';
import type { RunningSubgraph } from '../../../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { createCapturingLogger } from '../../../test/support/logs';
import { startTestSubgraph } from '../../../test/support/subgraphs';
import { WifiPointRow } from '../entities';
import { RAGEM_STUDY_SOURCE } from '../seed';

interface WifiPointResult {
  id: string;
  name: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  source: string;
  kelurahan: { code: string } | null;
}

const POINT_FIELDS = 'id name address latitude longitude source kelurahan { code }';

/** Test-only points, inserted directly with the repository. */
const TEST_POINTS: WifiPointRow[] = [
  {
    id: 'uji-kantor-kelurahan',
    name: 'Titik Uji Kantor Kelurahan',
    address: null,
    latitude: -6.12,
    longitude: 106.15,
    kelurahanCode: '36.73.01.1011',
    source: 'test',
  },
  {
    id: 'uji-balai-warga',
    name: 'Titik Uji Balai Warga',
    address: null,
    latitude: null,
    longitude: null,
    kelurahanCode: '36.73.01.1011',
    source: 'test',
  },
  {
    id: 'uji-serang',
    name: 'Titik Uji Serang',
    address: null,
    latitude: null,
    longitude: null,
    kelurahanCode: '36.73.01.1001',
    source: 'test',
  },
];

let database: TestDatabase;
let subgraph: RunningSubgraph;
let client: GraphQLClient;
const capture = createCapturingLogger();

/** Send a query that must fail and return its first GraphQL error. */
async function firstError(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  try {
    await new GraphQLClient(subgraph.graphqlUrl, { headers }).request(query, variables);
  } catch (error) {
    if (error instanceof ClientError && error.response.errors?.length) return error.response.errors[0];
    throw error;
  }
  throw new Error(`expected the query to fail: ${query}`);
}

/** Parse the "graphql request" log line of the request sent with x-request-id `requestId`. */
function requestLogLine(requestId: string): { sqlStatements: number } {
  const line = capture.lines.map((text) => JSON.parse(text)).find((entry) => entry.msg === 'graphql request' && entry.requestId === requestId);
  if (!line) throw new Error(`no "graphql request" log line for request ${requestId}`);
  return line;
}

beforeAll(async () => {
  database = await createTestDatabase();
  subgraph = await startTestSubgraph('places', { database, logger: capture.logger });
  client = new GraphQLClient(subgraph.graphqlUrl);
  await subgraph.db.getRepository(WifiPointRow).insert(TEST_POINTS);
});

afterAll(async () => {
  await subgraph?.close();
  await database?.drop();
});

test('wifiPoints lists seeded points without coordinates', async () => {
  const data = await client.request<{ wifiPoints: WifiPointResult[] }>(`{ wifiPoints { ${POINT_FIELDS} } }`);
  const seeded = data.wifiPoints.filter((point) => !point.id.startsWith('uji-'));

  expect(seeded.map((point) => point.name)).toEqual([
    'Alun-Alun Taktakan',
    'Alun-Alun Walantaka',
    'Gedung Juang 45',
    'Taman Baca Pekijing',
    'Taman Deduluran',
  ]);
  for (const point of seeded) {
    expect(point).toEqual({ ...point, address: null, latitude: null, longitude: null, kelurahan: null, source: RAGEM_STUDY_SOURCE });
  }
  const names = data.wifiPoints.map((point) => point.name);
  expect(names).toEqual([...names].sort());
});

test('wifiPoint returns a point with its kelurahan', async () => {
  const query = `query($id: ID!) { wifiPoint(id: $id) { ${POINT_FIELDS} } }`;
  const seeded = await client.request<{ wifiPoint: WifiPointResult }>(query, { id: 'gedung-juang-45' });
  const inserted = await client.request<{ wifiPoint: WifiPointResult }>(query, { id: 'uji-kantor-kelurahan' });

  expect(seeded.wifiPoint).toEqual({
    id: 'gedung-juang-45',
    name: 'Gedung Juang 45',
    address: null,
    latitude: null,
    longitude: null,
    source: RAGEM_STUDY_SOURCE,
    kelurahan: null,
  });
  expect(inserted.wifiPoint.latitude).toBe(-6.12);
  expect(inserted.wifiPoint.longitude).toBe(106.15);
  expect(inserted.wifiPoint.kelurahan).toEqual({ code: '36.73.01.1011' });
});

test('wifiPoint returns null for an unknown id', async () => {
  const data = await client.request<{ wifiPoint: WifiPointResult | null }>('query($id: ID!) { wifiPoint(id: $id) { id } }', {
    id: 'taman-sari',
  });

  expect(data.wifiPoint).toBeNull();
});

test('wifiPoint rejects malformed ids', async () => {
  const malformed = ['', 'Gedung-Juang-45', 'gedung_juang', 'gedung juang', '-gedung', 'gedung-', 'gedung--juang', '45-gedung', 'a'.repeat(65)];
  for (const id of malformed) {
    const error = await firstError('query($id: ID!) { wifiPoint(id: $id) { id } }', { id });
    expect({ id, code: error.extensions?.code }).toEqual({ id, code: 'INVALID_PLACE_ID' });
    expect({ id, field: error.extensions?.field }).toEqual({ id, field: 'id' });
  }
});

test('wifiPoint error message follows Accept-Language', async () => {
  const query = 'query($id: ID!) { wifiPoint(id: $id) { id } }';
  const indonesian = await firstError(query, { id: 'Gedung' });
  const english = await firstError(query, { id: 'Gedung' }, { 'Accept-Language': 'en' });

  expect(indonesian.message).toBe(
    'Id tempat pada id tidak valid. Gunakan huruf kecil a-z dan angka, kata dipisah satu tanda hubung, diawali huruf, paling panjang 64 karakter, misalnya gedung-juang-45.',
  );
  expect(english.message).toBe(
    'The place id in id is invalid. Use lowercase letters a-z and digits, words joined by single hyphens, starting with a letter and at most 64 characters, for example gedung-juang-45.',
  );
});

test('_entities adds wifiPoints to Kelurahan', async () => {
  const data = await client.request<{ _entities: { code: string; wifiPoints: { id: string; name: string }[] | null }[] }>(
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Kelurahan { code wifiPoints { id name } } } }',
    {
      r: [
        { __typename: 'Kelurahan', code: '36.73.01.1011' },
        { __typename: 'Kelurahan', code: '36.73.01.1001' },
        { __typename: 'Kelurahan', code: '36.73.02.1001' },
      ],
    },
  );

  expect(data._entities).toEqual([
    {
      code: '36.73.01.1011',
      wifiPoints: [
        { id: 'uji-balai-warga', name: 'Titik Uji Balai Warga' },
        { id: 'uji-kantor-kelurahan', name: 'Titik Uji Kantor Kelurahan' },
      ],
    },
    { code: '36.73.01.1001', wifiPoints: [{ id: 'uji-serang', name: 'Titik Uji Serang' }] },
    { code: '36.73.02.1001', wifiPoints: [] },
  ]);
});

test('Kelurahan wifiPoints loader runs one statement', async () => {
  const requestId = 'places-kelurahan-wifi-points';
  const codes = Array.from({ length: 12 }, (_, index) => `36.73.01.${1001 + index}`);
  const data = await new GraphQLClient(subgraph.graphqlUrl, { headers: { 'x-request-id': requestId } }).request<{
    _entities: { code: string; wifiPoints: { id: string }[] }[];
  }>('query($r: [_Any!]!) { _entities(representations: $r) { ... on Kelurahan { code wifiPoints { id } } } }', {
    r: codes.map((code) => ({ __typename: 'Kelurahan', code })),
  });

  expect(data._entities).toHaveLength(12);
  expect(data._entities.flatMap((kelurahan) => kelurahan.wifiPoints).map((point) => point.id).sort()).toEqual(
    TEST_POINTS.map((point) => point.id).sort(),
  );
  expect(requestLogLine(requestId).sqlStatements).toBe(1);
});

test('_entities resolves WifiPoint representations', async () => {
  const data = await client.request<{ _entities: ({ id: string; name: string } | null)[] }>(
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on WifiPoint { id name } } }',
    {
      r: [
        { __typename: 'WifiPoint', id: 'taman-deduluran' },
        { __typename: 'WifiPoint', id: 'taman-sari' },
      ],
    },
  );

  expect(data._entities).toEqual([{ id: 'taman-deduluran', name: 'Taman Deduluran' }, null]);
});

test('database rejects invalid coordinates', async () => {
  const repository = subgraph.db.getRepository(WifiPointRow);
  const base = { name: 'Titik Salah', address: null, kelurahanCode: null, source: 'test' };
  const invalid: WifiPointRow[] = [
    { ...base, id: 'salah-lintang', latitude: 90.5, longitude: 106.15 },
    { ...base, id: 'salah-lintang-selatan', latitude: -91, longitude: 106.15 },
    { ...base, id: 'salah-bujur', latitude: -6.12, longitude: 180.5 },
    { ...base, id: 'salah-bujur-barat', latitude: -6.12, longitude: -181 },
    { ...base, id: 'hanya-lintang', latitude: -6.12, longitude: null },
    { ...base, id: 'hanya-bujur', latitude: null, longitude: 106.15 },
  ];

  for (const row of invalid) {
    await expect(repository.insert(row)).rejects.toThrow(/CHECK constraint|check constraint/);
  }
  await expect(repository.update({ id: 'uji-kantor-kelurahan' }, { latitude: 100 })).rejects.toThrow(/CHECK constraint|check constraint/);
  expect(await repository.countBy({ name: 'Titik Salah' })).toBe(0);
});

test('seed adds no copies on restart and keeps entered facts', async () => {
  const repository = () => subgraph.db.getRepository(WifiPointRow);
  const before = await repository().count();
  await repository().update({ id: 'gedung-juang-45' }, { name: 'Gedung Juang', address: 'Jalan Uji 1', kelurahanCode: '36.73.01.1001' });

  await subgraph.close();
  subgraph = await startTestSubgraph('places', { database, logger: capture.logger });
  await subgraph.close();
  subgraph = await startTestSubgraph('places', { database, logger: capture.logger });

  expect(before).toBe(5 + TEST_POINTS.length);
  expect(await repository().count()).toBe(before);
  const point = await repository().findOneByOrFail({ id: 'gedung-juang-45' });
  expect(point.name).toBe('Gedung Juang 45');
  expect(point.address).toBe('Jalan Uji 1');
  expect(point.kelurahanCode).toBe('36.73.01.1001');
});
