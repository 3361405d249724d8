import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { request } from 'undici';
import { MemoryCache } from '../plugins/cache';
import { systemClock } from '../plugins/clock';
import { AnyPlugin, CONTRACT_VERSION, definePlugin } from '../plugins/contract';
import { RunningSubgraph, startSubgraph } from '../plugins/subgraph-host';
import { createTestDatabase, TestDatabase } from './support/database';
import { createCapturingLogger } from './support/logs';
import { signedIdentityHeaders, TEST_IDENTITY_SECRET } from './support/identity';

@Directive('@key(fields: "id")')
@ObjectType()
class Gadget {
  @Field(() => ID)
  id: string;
}

@Resolver(() => Gadget)
class GadgetResolver {
  @Query(() => Gadget, { nullable: true })
  brokenGadget(): Gadget {
    throw new Error('database password is hunter2');
  }
}

const plugin: AnyPlugin = definePlugin({
  name: 'gadgets',
  contractVersion: CONTRACT_VERSION,
  owner: 'diskominfo',
  description: 'A fixture plugin whose resolver fails unexpectedly.',
  schema: { resolvers: [GadgetResolver], references: { Gadget: (reference) => reference } },
  database: { entities: [], migrations: [] },
  errors: {},
  createLoaders: () => ({}),
});

let database: TestDatabase;
let subgraph: RunningSubgraph;
const captured = createCapturingLogger();

beforeAll(async () => {
  database = await createTestDatabase();
  subgraph = await startSubgraph(
    plugin,
    { identitySecret: TEST_IDENTITY_SECRET, logger: captured.logger, cache: new MemoryCache(), clock: systemClock, dataDir: database.dataDir, databaseUrl: database.databaseUrl, isProduction: true, introspection: false },
    { port: 0, host: '127.0.0.1' },
  );
});

afterAll(async () => {
  await subgraph.close();
  await database.drop();
});

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await request(subgraph.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedIdentityHeaders(), ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.statusCode, body: (await response.body.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] } };
}

test('unexpected error is masked in production', async () => {
  const { body } = await post('{ brokenGadget { id } }', { 'x-request-id': 'masked-1' });

  expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'masked-1' });
  expect(body.errors[0].message).toContain('masked-1');
  expect(body.errors[0].message).toMatch(/^Terjadi kesalahan pada server/);
  expect(JSON.stringify(body)).not.toContain('hunter2');
});

test('masked error keeps its cause in the log', () => {
  const line = captured.lines.map((text) => JSON.parse(text)).find((entry) => entry.msg === 'unexpected error in a resolver');

  expect(line.requestId).toBe('masked-1');
  expect(line.err.message).toBe('database password is hunter2');
});

test('introspection is off in production', async () => {
  const { body } = await post('{ __schema { types { name } } }');

  expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors[0].extensions.stacktrace).toBeUndefined();
});
