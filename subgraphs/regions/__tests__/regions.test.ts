import { GraphQLClient } from 'graphql-request';
import type { RunningSubgraph } from '../../../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { startTestSubgraph } from '../../../test/support/subgraphs';

let database: TestDatabase;
let subgraph: RunningSubgraph;
let client: GraphQLClient;

beforeAll(async () => {
  database = await createTestDatabase();
  subgraph = await startTestSubgraph('regions', { database });
  client = new GraphQLClient(subgraph.graphqlUrl);
});

afterAll(async () => {
  await subgraph?.close();
  await database?.drop();
});

test('kecamatanList returns 6 kecamatan with 67 kelurahan', async () => {
  const data = await client.request<{ kecamatanList: { code: string; name: string; kelurahan: { name: string }[] }[] }>(
    '{ kecamatanList { code name kelurahan { name } } }',
  );
  expect(data.kecamatanList.map((k) => k.name)).toEqual(['Serang', 'Kasemen', 'Walantaka', 'Curug', 'Cipocok Jaya', 'Taktakan']);
  expect(data.kecamatanList.reduce((sum, k) => sum + k.kelurahan.length, 0)).toBe(67);
});
