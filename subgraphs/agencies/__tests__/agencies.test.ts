import { ClientError, GraphQLClient } from 'graphql-request';
import type { RunningSubgraph } from '../../../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { createCapturingLogger } from '../../../test/support/logs';
import { startTestSubgraph } from '../../../test/support/subgraphs';
import { OpdRow } from '../entities';

const SEEDED_IDS = [
  'diskominfo',
  'bapenda',
  'dpupr',
  'disperkim',
  'dishub',
  'dlh',
  'dinsos',
  'dinkop-ukm-perindag',
  'disdukcapil',
  'disdikbud',
  'dinkes',
  'bpbd',
  'satpol-pp',
  'bagian-hukum',
];

interface OpdResult {
  id: string;
  name: string;
  acronym: string;
  kind: string;
  website: string | null;
  contact: string | null;
  address: string | null;
  serviceAreas: string[];
}

const OPD_FIELDS = 'id name acronym kind website contact address serviceAreas';

let database: TestDatabase;
let subgraph: RunningSubgraph;
let client: GraphQLClient;
const capture = createCapturingLogger();

async function restartSubgraph(): Promise<void> {
  await subgraph.close();
  subgraph = await startTestSubgraph('agencies', { database, logger: capture.logger });
  client = new GraphQLClient(subgraph.graphqlUrl);
}

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
  subgraph = await startTestSubgraph('agencies', { database, logger: capture.logger });
  client = new GraphQLClient(subgraph.graphqlUrl);
});

afterAll(async () => {
  await subgraph?.close();
  await database?.drop();
});

test('opdList returns the 14 seeded OPD by name', async () => {
  const data = await client.request<{ opdList: OpdResult[] }>(`{ opdList { ${OPD_FIELDS} } }`);

  expect(data.opdList).toHaveLength(14);
  expect(data.opdList.map((opd) => opd.id).sort()).toEqual([...SEEDED_IDS].sort());
  const names = data.opdList.map((opd) => opd.name);
  expect(names).toEqual([...names].sort());
  expect(names[0]).toBe('Badan Penanggulangan Bencana Daerah');
  for (const opd of data.opdList) {
    expect(opd.website).toBeNull();
    expect(opd.contact).toBeNull();
    expect(opd.address).toBeNull();
    expect(opd.serviceAreas.length).toBeGreaterThan(0);
  }
});

test('opdList filters by kind', async () => {
  const badan = await client.request<{ opdList: { id: string }[] }>('{ opdList(kind: BADAN) { id } }');
  expect(badan.opdList.map((opd) => opd.id)).toEqual(['bpbd', 'bapenda']);

  const satuan = await client.request<{ opdList: { id: string }[] }>('{ opdList(kind: SATUAN) { id } }');
  expect(satuan.opdList.map((opd) => opd.id)).toEqual(['satpol-pp']);

  const kelurahan = await client.request<{ opdList: { id: string }[] }>('{ opdList(kind: KELURAHAN) { id } }');
  expect(kelurahan.opdList).toEqual([]);
});

test('opd returns dishub with its fields', async () => {
  const data = await client.request<{ opd: OpdResult }>(`query($id: ID!) { opd(id: $id) { ${OPD_FIELDS} } }`, { id: 'dishub' });

  expect(data.opd).toEqual({
    id: 'dishub',
    name: 'Dinas Perhubungan',
    acronym: 'Dishub',
    kind: 'DINAS',
    website: null,
    contact: null,
    address: null,
    serviceAreas: ['penerangan jalan umum', 'parkir', 'lalu lintas'],
  });
});

test('opd keeps the long Dinkop name and service areas', async () => {
  const data = await client.request<{ opd: OpdResult }>(`query($id: ID!) { opd(id: $id) { ${OPD_FIELDS} } }`, {
    id: 'dinkop-ukm-perindag',
  });

  expect(data.opd.name).toBe('Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan');
  expect(data.opd.acronym).toBe('Dinkop UKM Perindag');
  expect(data.opd.serviceAreas).toEqual(['pasar', 'perdagangan', 'harga bahan pokok']);
});

test('opd returns null for unknown ids', async () => {
  for (const id of ['dinas-pariwisata', 'a'.repeat(64)]) {
    const data = await client.request<{ opd: OpdResult | null }>('query($id: ID!) { opd(id: $id) { id } }', { id });
    expect(data.opd).toBeNull();
  }
});

test('opd rejects malformed ids', async () => {
  const malformed = ['', 'Dishub', 'dis_hub', 'dis hub', '-dishub', 'dishub-', 'dis--hub', '1dishub', 'a'.repeat(65)];
  for (const id of malformed) {
    const error = await firstError('query($id: ID!) { opd(id: $id) { id } }', { id });
    expect({ id, code: error.extensions?.code }).toEqual({ id, code: 'INVALID_OPD_ID' });
    expect({ id, field: error.extensions?.field }).toEqual({ id, field: 'id' });
  }
});

test('opd error message is Indonesian by default', async () => {
  const error = await firstError('query($id: ID!) { opd(id: $id) { id } }', { id: 'Dishub' });

  expect(error.message).toBe(
    'Id OPD pada id tidak valid. Gunakan huruf kecil a-z dan angka, kata dipisah satu tanda hubung, diawali huruf, paling panjang 64 karakter, misalnya dishub.',
  );
});

test('opd error message is English on request', async () => {
  const error = await firstError('query($id: ID!) { opd(id: $id) { id } }', { id: 'Dishub' }, { 'Accept-Language': 'en' });

  expect(error.message).toBe(
    'The OPD id in id is invalid. Use lowercase letters a-z and digits, words joined by single hyphens, starting with a letter and at most 64 characters, for example dishub.',
  );
});

test('opdDirectory states it is incomplete', async () => {
  const query = '{ opdDirectory { agencyCount isComplete note } }';
  const indonesian = await client.request<{ opdDirectory: { agencyCount: number; isComplete: boolean; note: string } }>(query);
  const english = await new GraphQLClient(subgraph.graphqlUrl, { headers: { 'Accept-Language': 'en-US,en;q=0.9' } }).request<{
    opdDirectory: { note: string };
  }>(query);

  expect(indonesian.opdDirectory.agencyCount).toBe(14);
  expect(indonesian.opdDirectory.isComplete).toBe(false);
  expect(indonesian.opdDirectory.note).toContain('belum lengkap');
  expect(indonesian.opdDirectory.note).toContain('14 OPD');
  expect(english.opdDirectory.note).toContain('incomplete');
  expect(english.opdDirectory.note).toContain('14 OPD');
});

test('_entities resolves Opd representations in one statement', async () => {
  const requestId = 'agencies-entities-opd';
  const representations = [
    { __typename: 'Opd', id: 'dishub' },
    { __typename: 'Opd', id: 'bpbd' },
    { __typename: 'Opd', id: 'dinas-pariwisata' },
    { __typename: 'Opd', id: 'satpol-pp' },
  ];
  const data = await new GraphQLClient(subgraph.graphqlUrl, { headers: { 'x-request-id': requestId } }).request<{
    _entities: ({ id: string; acronym: string } | null)[];
  }>('query($r: [_Any!]!) { _entities(representations: $r) { ... on Opd { id acronym } } }', { r: representations });

  expect(data._entities).toEqual([{ id: 'dishub', acronym: 'Dishub' }, { id: 'bpbd', acronym: 'BPBD' }, null, { id: 'satpol-pp', acronym: 'Satpol PP' }]);
  expect(requestLogLine(requestId).sqlStatements).toBe(1);
});

test('seed adds no copies on restart and keeps entered contacts', async () => {
  const repository = () => subgraph.db.getRepository(OpdRow);
  await repository().update({ id: 'dishub' }, { contact: '(0254) 000000', acronym: 'DISHUB' });

  await restartSubgraph();
  await restartSubgraph();

  expect(await repository().count()).toBe(14);
  const dishub = await repository().findOneByOrFail({ id: 'dishub' });
  expect(dishub.contact).toBe('(0254) 000000');
  expect(dishub.acronym).toBe('Dishub');
});
