import net from 'node:net';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { startTestPlatform, TestPlatform } from '../support/platform';
import { errorCodes, postGraphQL, send, STACK_FRAME } from './support/http';

/** Hostile input sent to the gateway of an in-process platform in test mode. */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

function post(body: unknown, headers: Record<string, string> = {}) {
  return postGraphQL(platform.gatewayUrl, body, headers);
}

describe('region codes', () => {
  const badCodes: [string, string][] = [
    ['null byte', '36.73.01.1011\u0000'],
    ['trailing newline', '36.73.01.1011\n'],
    ['SQL after the code', "36.73.01.1011'; DROP TABLE kelurahan; --"],
    ['LIKE wildcards', '36.73.%.____'],
    ['full-width digits', '３６.７３.０１.１０１１'],
    ['Arabic-Indic digits', '٣٦.٧٣.٠١.١٠١١'],
    ['emoji', '36.73.01.10😀'],
    ['100000 digits', '1'.repeat(100000)],
  ];

  test.each(badCodes)('kelurahan rejects %s', async (_name, code) => {
    const result = await post({ query: 'query Kelurahan($code: ID!) { kelurahan(code: $code) { name } }', variables: { code } });

    expect(result.status).toBe(200);
    expect(result.body?.data).toEqual({ kelurahan: null });
    expect(errorCodes(result)).toEqual(['INVALID_REGION_CODE']);
    expect(result.body?.errors?.[0].extensions?.field).toBe('code');
    expect(result.body?.errors?.[0].path).toEqual(['kelurahan']);
    expect(result.body?.errors?.[0].message).toContain('NN.NN.NN.NNNN');
  });

  test('kecamatan code error in English', async () => {
    const result = await post({ query: '{ kecamatan(code: "36.73.1") { name } }' }, { 'accept-language': 'en-GB,en;q=0.8' });

    expect(errorCodes(result)).toEqual(['INVALID_REGION_CODE']);
    expect(result.body?.errors?.[0].message).toBe('The region code in argument code is invalid. Use the Kemendagri format NN.NN.NN, for example 36.73.02.');
  });
});

describe('kelurahanSearch terms', () => {
  const badTerms: [string, string][] = [
    ['only emoji', '😀😀😀'],
    ['only LIKE wildcards', '%_%'],
    ['quote and backslash', "'\\"],
    ['only spaces', '    '],
    ['null byte', '\u0000'],
    ['101 letters', 'a'.repeat(101)],
    ['100000 letters', 'a'.repeat(100000)],
  ];

  test.each(badTerms)('rejects %s', async (_name, term) => {
    const result = await post({ query: 'query Search($name: String!) { kelurahanSearch(name: $name) { code } }', variables: { name: term } });

    expect(result.status).toBe(200);
    expect(errorCodes(result)).toEqual(['INVALID_SEARCH_TERM']);
    expect(result.body?.errors?.[0].extensions?.field).toBe('name');
    expect(result.body?.errors?.[0].message).toBe('Kata pencarian pada name harus berisi 1 sampai 100 karakter huruf atau angka.');
  });

  test('SQL-ish term finds nothing', async () => {
    const result = await post({ query: 'query Search($name: String!) { kelurahanSearch(name: $name) { code } }', variables: { name: "x' OR '1'='1" } });

    expect(result.body).toEqual({ data: { kelurahanSearch: [] } });
  });

  test('wildcard inside a term is literal', async () => {
    const result = await post({ query: '{ kelurahanSearch(name: "suka%wana") { code } }' });

    expect(result.body).toEqual({ data: { kelurahanSearch: [{ code: '36.73.01.1008' }, { code: '36.73.04.1007' }] } });
  });
});

describe('OPD and place ids', () => {
  const badIds = ['DISHUB', 'dishub--x', '../etc/passwd', 'a'.repeat(65), 'dis hub', 'dishub\u0000'];

  test.each(badIds)('opd rejects %j', async (id) => {
    const result = await post({ query: 'query Opd($id: ID!) { opd(id: $id) { name } }', variables: { id } });

    expect(errorCodes(result)).toEqual(['INVALID_OPD_ID']);
    expect(result.body?.errors?.[0].extensions?.field).toBe('id');
  });

  test.each(badIds)('wifiPoint rejects %j', async (id) => {
    const result = await post({ query: 'query Wifi($id: ID!) { wifiPoint(id: $id) { name } }', variables: { id } });

    expect(errorCodes(result)).toEqual(['INVALID_PLACE_ID']);
    expect(result.body?.errors?.[0].extensions?.field).toBe('id');
  });
});

describe('request shape', () => {
  test('object variable for an ID is rejected', async () => {
    const result = await post({ query: 'query K($code: ID!) { kelurahan(code: $code) { name } }', variables: { code: { nested: true } } });

    expect(result.status).toBe(400);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });

  test('variables as a string are rejected', async () => {
    const result = await post({ query: '{ __typename }', variables: '{"a":1}' });

    expect(result.status).toBe(400);
    expect(errorCodes(result)).toEqual(['BAD_REQUEST']);
  });

  test('JSON array batch is rejected', async () => {
    const batch = Array.from({ length: 500 }, () => ({ query: '{ kecamatanList { kelurahan { name } } }' }));
    const result = await post(batch);

    expect(result.status).toBe(400);
    expect(errorCodes(result)).toEqual(['BAD_REQUEST']);
  });

  const badBodies: [string, string, string][] = [
    ['empty body', 'application/json', ''],
    ['invalid JSON', 'application/json', '{"query":'],
    ['JSON null', 'application/json', 'null'],
    ['JSON number', 'application/json', '42'],
    ['GraphQL as application/graphql', 'application/graphql', '{ __typename }'],
    ['text/plain (CSRF)', 'text/plain', '{"query":"{ __typename }"}'],
    ['form-encoded (CSRF)', 'application/x-www-form-urlencoded', 'query=%7B__typename%7D'],
  ];

  test.each(badBodies)('%s gets 400 with a code', async (_name, contentType, body) => {
    const result = await send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': contentType }, body });

    expect(result.status).toBe(400);
    expect(result.body?.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  test('invalid UTF-8 gets a parse error', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const result = await send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    expect(result.status).toBe(400);
    expect(errorCodes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  test('GET without preflight header is blocked', async () => {
    const result = await send(`${platform.gatewayUrl}?query=${encodeURIComponent('{ kecamatanList { name } }')}`);

    expect(result.status).toBe(400);
    expect(result.text).toContain('CSRF');
  });

  test('GET with preflight header runs the query', async () => {
    const result = await send(`${platform.gatewayUrl}?query=${encodeURIComponent('{ kecamatan(code: "36.73.02") { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: { kecamatan: { name: 'Kasemen' } } });
  });

  test('GET with invalid variables JSON', async () => {
    const result = await send(`${platform.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}&variables=%7B`, {
      headers: { 'apollo-require-preflight': 'true' },
    });

    expect(result.status).toBe(400);
    expect(errorCodes(result)).toEqual(['BAD_REQUEST']);
  });

  test('chunked body over 1 MB gets 413', async () => {
    async function* chunks() {
      yield Buffer.from('{"query":"{ __typename }","pad":"');
      for (let index = 0; index < 12; index += 1) yield Buffer.alloc(100 * 1024, 'x');
      yield Buffer.from('"}');
    }
    const response = await request(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Readable.from(chunks()) });
    const text = await response.body.text();

    expect(response.statusCode).toBe(413);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('operation selection', () => {
  test('unknown operationName is a client error', async () => {
    const result = await post({ query: 'query A { kecamatanList { name } } query B { opdList { id } }', operationName: 'C' });

    expect(result.status).toBe(400);
    expect(errorCodes(result)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  test('several operations without operationName', async () => {
    const result = await post({ query: 'query A { kecamatanList { name } } query B { opdList { id } }' });

    expect(result.status).toBe(400);
    expect(errorCodes(result)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  test('mutation on a query-only schema', async () => {
    const result = await post({ query: 'mutation { deleteEverything }' });

    expect(result.status).toBe(400);
    expect(errorCodes(result)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  test('persisted query hash mismatch', async () => {
    const result = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'not-the-hash' } } });

    expect(result.status).toBe(400);
    expect(errorCodes(result)).not.toContain('INTERNAL_SERVER_ERROR');
  });
});

describe('query cost', () => {
  test('1000-alias query is rejected as too costly', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: kecamatanList { kelurahan { name wifiPoints { name } } }`).join(' ');
    const result = await postGraphQL(platform.gatewayUrl, { query: `{ ${aliases} }` }, {}, 30000);

    expect(result.status).toBe(400);
    expect(result.body?.errors?.[0].extensions?.code).toEqual(expect.any(String));
    expect(result.ms).toBeLessThan(2000);
  }, 40000);
});

describe('headers', () => {
  test('10 KB x-request-id is replaced', async () => {
    const result = await post({ query: '{ __typename }' }, { 'x-request-id': 'a'.repeat(10 * 1024) });

    expect(result.status).toBe(200);
    expect(String(result.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('x-request-id with markup is replaced', async () => {
    const result = await post({ query: '{ __typename }' }, { 'x-request-id': '<script>alert(1)</script>' });

    expect(String(result.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('bare CR in x-request-id gets 400', async () => {
    const { hostname, port } = new URL(platform.gatewayUrl);
    const body = '{"query":"{ __typename }"}';
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\ncontent-type: application/json\r\nx-request-id: a\rx-injected: 1\r\n` +
            `content-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received.split('\r\n')[0]));
      socket.on('error', reject);
    });

    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    const after = await post({ query: '{ __typename }' });
    expect(after.status).toBe(200);
  });

  test('long Accept-Language reaches subgraphs whole', async () => {
    // 19 languages: English is the only supported one and comes after the first 200 characters.
    const header = `${'zz-ZZ;q=0.1,'.repeat(17)}en-US,en;q=0.9`;
    const result = await post({ query: '{ kelurahan(code: "x") { name } }' }, { 'accept-language': header });

    expect(header.length).toBeGreaterThan(200);
    expect(result.body?.errors?.[0].message).toMatch(/^The region code in argument code is invalid/);
  });

  const languages: [string, string, string][] = [
    ['en', 'en', 'en'],
    ['EN-us', 'EN-us', 'en'],
    ['en weighted over id', 'id;q=0.5, en;q=0.6', 'en'],
    ['en;q=0', 'en;q=0', 'id'],
    ['en;q=abc', 'en;q=abc', 'id'],
    ['en;q=-1', 'en;q=-1', 'id'],
    ['fr-FR, de', 'fr-FR, de', 'id'],
    ['*', '*', 'id'],
    ['separators only', ',,,;;;==', 'id'],
    ['10 KB of x', 'x'.repeat(10 * 1024), 'id'],
  ];

  test.each(languages)('Accept-Language %s', async (_label, header, language) => {
    const result = await post({ query: '{ kelurahan(code: "x") { name } }' }, { 'accept-language': header });

    expect(result.status).toBe(200);
    const expected = language === 'en' ? /^The region code in argument code is invalid/ : /^Kode wilayah pada argumen code tidak valid/;
    expect(result.body?.errors?.[0].message).toMatch(expected);
  });
});

test('no response carries a stack trace', async () => {
  const results = await Promise.all([
    post({ query: 'query A { __typename }', operationName: 'B' }),
    post({ query: '{ kelurahan(code: "x") { name } }' }),
    post({ query: '{ nope }' }),
    send(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
  ]);

  for (const result of results) {
    expect(result.text).not.toMatch(STACK_FRAME);
    expect(result.text).not.toContain('stacktrace');
  }
});
