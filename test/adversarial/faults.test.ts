import { request } from 'undici';
import { startTestPlatform, TestPlatform } from '../support/platform';
import { errorCodes, GraphQLErrorBody, postGraphQL, send } from './support/http';
import { respondWithJson, FakeHandler, FakeSubgraph, startFakeSubgraph } from '../support/fake-subgraph';

/**
 * The gateway in front of a places subgraph that misbehaves: the gateway's places URL points at
 * a fake server, which can also forward to the real places subgraph of the platform.
 */
const TIMEOUT_MS = 500;
/**
 * Time the gateway may take to give up on places. undici 7.16 checks its headers and body
 * timeouts on a 499 ms tick (lib/util/timers.js), so a 500 ms timeout fires after 0.5 to 1.5 s.
 */
const GIVE_UP_MS = 2500;

let platform: TestPlatform;
let fake: FakeSubgraph;

const KELURAHAN_QUERY = '{ kelurahan(code: "36.73.01.1011") { name wifiPoints { name } } }';

const neverRespond: FakeHandler = () => undefined;

/** Forward the request to the real places subgraph and copy its response back. */
const forwardToPlaces: FakeHandler = (_request, response, body) => {
  const places = platform.subgraphs.find((subgraph) => subgraph.name === 'places')!;
  request(places.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    .then(async (upstream) => {
      const text = await upstream.body.text();
      response.writeHead(upstream.statusCode, { 'content-type': 'application/json' });
      response.end(text);
    })
    .catch(() => response.destroy());
};

beforeAll(async () => {
  fake = await startFakeSubgraph(forwardToPlaces);
  platform = await startTestPlatform({ subgraphUrls: { places: fake.graphqlUrl }, env: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) } });
});

afterEach(() => {
  fake.dropConnections();
  fake.use(forwardToPlaces);
});

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

async function readyPlaces(): Promise<{ status: number; ms: number; places?: { state: string; lastError?: string } }> {
  const result = await send(`${platform.gateway!.url}/ready`);
  const subgraphs = (result.body as unknown as { subgraphs: { name: string; state: string; lastError?: string }[] }).subgraphs;
  return { status: result.status, ms: result.ms, places: subgraphs.find((subgraph) => subgraph.name === 'places') };
}

function expectWifiPointsUnavailable(errors: GraphQLErrorBody[] | undefined): void {
  expect(errors).toHaveLength(1);
  expect(errors?.[0].path).toEqual(['kelurahan', 'wifiPoints']);
  expect(errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
}

describe('unreachable or broken places', () => {
  test('no response times out with path', async () => {
    fake.use(neverRespond);

    const result = await postGraphQL(platform.gatewayUrl, { query: KELURAHAN_QUERY });

    expect(result.status).toBe(200);
    expect(result.ms).toBeLessThan(GIVE_UP_MS);
    expect(result.body?.data).toEqual({ kelurahan: { name: 'Terondol', wifiPoints: null } });
    expectWifiPointsUnavailable(result.body?.errors);
    expect(result.body?.errors?.[0].extensions?.reason).toBe(`timed out after ${TIMEOUT_MS} ms`);
  });

  test('ready stays 200 while places hangs', async () => {
    fake.use(neverRespond);
    // The status board reuses a state for 2 s, so after that /ready probes places itself.
    await new Promise((resolve) => setTimeout(resolve, 2100));

    const ready = await readyPlaces();

    expect(ready.status).toBe(200);
    expect(ready.places?.state).toBe('down');
    expect(ready.ms).toBeLessThan(GIVE_UP_MS);
  });

  const brokenResponses: [string, FakeHandler][] = [
    ['HTML 500 page', (_request, response) => {
      response.writeHead(500, { 'content-type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    }],
    ['invalid JSON', respondWithJson('{"data": {"_entities": [')],
    ['empty 200', respondWithJson('')],
    ['redirect', (_request, response) => {
      response.writeHead(302, { location: 'http://127.0.0.1:1/' });
      response.end();
    }],
    ['connection closed at once', (request) => request.socket.destroy()],
    ['body cut short', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"data":{"_entities":[');
      setTimeout(() => response.destroy(), 20);
    }],
  ];

  test.each(brokenResponses)('%s keeps the other data', async (_name, handler) => {
    fake.use(handler);

    const result = await postGraphQL(platform.gatewayUrl, { query: KELURAHAN_QUERY });

    expect(result.status).toBe(200);
    expect(result.body?.data).toEqual({ kelurahan: { name: 'Terondol', wifiPoints: null } });
    expectWifiPointsUnavailable(result.body?.errors);
  });

  test('gateway recovers when places responds', async () => {
    fake.use(neverRespond);
    await postGraphQL(platform.gatewayUrl, { query: KELURAHAN_QUERY });
    fake.dropConnections();
    fake.use(forwardToPlaces);

    const result = await postGraphQL(platform.gatewayUrl, { query: KELURAHAN_QUERY });
    const ready = await readyPlaces();

    expect(result.body).toEqual({ data: { kelurahan: { name: 'Terondol', wifiPoints: [] } } });
    expect(ready.places?.state).toBe('up');
  });
});

describe('slow places', () => {
  test('trickled body still times out', async () => {
    // Headers at once, then one byte every 100 ms for 4 s: each read is quick, the whole response is not.
    fake.use((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":{"_entities":[{"wifiPoints":[]}]}');
      let sent = 0;
      const timer = setInterval(() => {
        sent += 1;
        if (response.destroyed || sent >= 40) {
          clearInterval(timer);
          if (!response.destroyed) response.end('}');
          return;
        }
        response.write(' ');
      }, 100);
    });

    const result = await postGraphQL(platform.gatewayUrl, { query: KELURAHAN_QUERY }, {}, 10000);

    expect(result.ms).toBeLessThan(GIVE_UP_MS);
    expectWifiPointsUnavailable(result.body?.errors);
  });
});

describe('JSON that is not a GraphQL response', () => {
  const invalidResponses: [string, string][] = [
    ['errors list holding null', '{"errors":[null]}'],
    ['error fields of the wrong type', '{"errors":[{"message":5,"path":"x","extensions":"y"}]}'],
    ['data as a string', '{"data":"x"}'],
    ['_entities as a string', '{"data":{"_entities":"x"}}'],
    ['_entities too short', '{"data":{"_entities":[]}}'],
  ];

  test.each(invalidResponses)('%s keeps the other data', async (_name, body) => {
    fake.use(respondWithJson(body));

    const result = await postGraphQL(platform.gatewayUrl, { query: KELURAHAN_QUERY });

    expect(result.status).toBe(200);
    expect(result.body?.data).toEqual({ kelurahan: { name: 'Terondol', wifiPoints: null } });
    expectWifiPointsUnavailable(result.body?.errors);
  });
});

describe('partial results', () => {
  const failWithHtml: FakeHandler = (_request, response) => {
    response.writeHead(503, { 'content-type': 'text/html' });
    response.end('<html>down</html>');
  };

  test('each of 67 missing fields has an error', async () => {
    fake.use(failWithHtml);

    const result = await postGraphQL(platform.gatewayUrl, { query: '{ kecamatanList { kelurahan { code wifiPoints { name } } } }' });
    const kecamatanList = result.body?.data?.kecamatanList as { kelurahan: { wifiPoints: unknown }[] }[];
    const missing = kecamatanList.flatMap((kecamatan, kecamatanIndex) =>
      kecamatan.kelurahan.map((kelurahan, kelurahanIndex) => ({ kelurahan, path: ['kecamatanList', kecamatanIndex, 'kelurahan', kelurahanIndex, 'wifiPoints'] })),
    );

    expect(missing).toHaveLength(67);
    for (const { kelurahan } of missing) expect(kelurahan.wifiPoints).toBeNull();
    const errorPaths = (result.body?.errors ?? []).map((error) => JSON.stringify(error.path));
    const unreported = missing.filter(({ path }) => !errorPaths.includes(JSON.stringify(path)));
    expect(unreported.map(({ path }) => path.join('.'))).toEqual([]);
  });
});
