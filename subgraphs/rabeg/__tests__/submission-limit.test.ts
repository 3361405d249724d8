import { request } from 'undici';
import { ManualClock } from '../../../plugins/clock';
import type { RunningSubgraph } from '../../../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { signedIdentityHeaders } from '../../../test/support/identity';
import { startTestSubgraph } from '../../../test/support/subgraphs';

const clock = new ManualClock(new Date('2026-12-07T01:10:00.000Z'));
let database: TestDatabase;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  database = await createTestDatabase();
  subgraph = await startTestSubgraph('rabeg', { database, clock, env: { ...process.env, RABEG_MAX_REPORTS_PER_HOUR: '2' } });
});

afterAll(async () => {
  await subgraph?.close();
  await database?.drop();
});

async function submit(sub: string, clientKey: string, language = 'id') {
  const response = await request(subgraph.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language, ...signedIdentityHeaders({ sub, role: 'CITIZEN' }) },
    body: JSON.stringify({
      query: 'mutation($input: SubmitReportInput!) { submitReport(input: $input) { replayed report { trackingNumber } } }',
      variables: { input: { categoryCode: 'waste', title: 'Sampah menumpuk', description: 'Di depan pasar.', kelurahanCode: '36.73.01.1011', clientKey } },
    }),
  });
  return (await response.body.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

const countReports = async () => Number((await subgraph.db.query('SELECT COUNT(*) AS n FROM rabeg_report'))[0].n);

test('third new report within the clock hour gets TOO_MANY_REPORTS and writes nothing', async () => {
  expect((await submit('limit-a', 'limit-a-key-1')).data?.submitReport.replayed).toBe(false);
  expect((await submit('limit-a', 'limit-a-key-2')).data?.submitReport.replayed).toBe(false);

  const rejected = await submit('limit-a', 'limit-a-key-3');
  expect(rejected.errors?.[0].extensions.code).toBe('TOO_MANY_REPORTS');
  expect(rejected.errors?.[0].message).toContain('2 laporan');
  expect((await submit('limit-a', 'limit-a-key-4', 'en')).errors?.[0].message).toContain('2 reports within the last hour');
  expect(await countReports()).toBe(2);
});

test('a retry with a used key is not counted against the limit', async () => {
  await submit('limit-b', 'limit-b-key-1');
  await submit('limit-b', 'limit-b-key-2');

  const retry = await submit('limit-b', 'limit-b-key-1');
  expect(retry.data?.submitReport.replayed).toBe(true);
});

test('the limit starts again in the next clock hour and applies per account', async () => {
  expect((await submit('limit-c', 'limit-c-key-1')).errors).toBeUndefined();
  clock.advance(60 * 60 * 1000);

  const next = await submit('limit-a', 'limit-a-key-5');
  expect(next.errors).toBeUndefined();
  expect(next.data?.submitReport.replayed).toBe(false);
});
