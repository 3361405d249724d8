import { startTestPlatform, TestPlatform } from '../support/platform';
import { errorCodes, postGraphQL } from './support/http';

/**
 * Garbage `_entities` representations sent straight to each subgraph, as a caller that bypasses
 * the gateway could. A bad representation is bad input, so it should get an input error code,
 * not be logged and masked as an internal failure.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

function subgraphUrl(name: string): string {
  return platform.subgraphs.find((subgraph) => subgraph.name === name)!.graphqlUrl;
}

const ENTITIES_QUERY = {
  regions: 'query E($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Kelurahan { code name } } }',
  places: 'query E($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Kelurahan { code wifiPoints { id } } } }',
};

const garbage: [string, unknown][] = [
  ['empty object', {}],
  ['unknown __typename', { __typename: 'Nope', code: '36.73.01.1011' }],
  ['string', 'Kelurahan'],
];

describe.each(['regions', 'places'] as const)('%s _entities', (name) => {
  test.each(garbage)('%s is an input error', async (_case, representation) => {
    const result = await postGraphQL(subgraphUrl(name), { query: ENTITIES_QUERY[name], variables: { r: [representation] } });

    expect(result.status).toBeLessThan(500);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });

  test('valid representation resolves', async () => {
    const result = await postGraphQL(subgraphUrl(name), {
      query: ENTITIES_QUERY[name],
      variables: { r: [{ __typename: 'Kelurahan', code: '36.73.01.1011' }] },
    });

    expect(result.status).toBe(200);
    expect(result.body?.errors).toBeUndefined();
    expect((result.body?.data?._entities as { code: string }[])[0].code).toBe('36.73.01.1011');
  });
});

describe('places Kelurahan key', () => {
  const badKeys: [string, unknown][] = [
    ['missing', undefined],
    ['object', { nested: '36.73.01.1011' }],
    ['list', ['36.73.01.1011', '36.73.01.1012']],
  ];

  // The regions subgraph returns null for these; places makes up a Kelurahan from the bad key.
  test.each(badKeys)('%s code resolves to null', async (_case, code) => {
    const result = await postGraphQL(subgraphUrl('places'), {
      query: ENTITIES_QUERY.places,
      variables: { r: [{ __typename: 'Kelurahan', code }] },
    });

    expect(result.status).toBe(200);
    expect(result.body?.data?._entities).toEqual([null]);
  });
});

test('20000 representations in one request', async () => {
  const representations = Array.from({ length: 20000 }, (_, index) => ({ __typename: 'Kelurahan', code: `36.73.99.${index}` }));
  const result = await postGraphQL(subgraphUrl('regions'), { query: ENTITIES_QUERY.regions, variables: { r: representations } }, {}, 20000);

  expect(result.status).toBe(200);
  expect((result.body?.data?._entities as unknown[]).length).toBe(20000);
  expect((result.body?.data?._entities as unknown[]).every((entity) => entity === null)).toBe(true);
});
