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

async function graphqlErrors(run: () => Promise<unknown>): Promise<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ClientError) return (error.response.errors ?? []) as never;
    throw error;
  }
  throw new Error('the request succeeded, but an error was expected');
}

test('kecamatanList holds 6 kecamatan and 67 kelurahan', async () => {
  const data = await platform.client().request<{ kecamatanList: { code: string; name: string; kelurahan: { code: string; name: string }[] }[] }>(
    '{ kecamatanList { code name kelurahan { code name } } }',
  );

  expect(data.kecamatanList.map((kecamatan) => kecamatan.name)).toEqual(['Serang', 'Kasemen', 'Walantaka', 'Curug', 'Cipocok Jaya', 'Taktakan']);
  const counts = Object.fromEntries(data.kecamatanList.map((kecamatan) => [kecamatan.code, kecamatan.kelurahan.length]));
  expect(counts).toEqual({ '36.73.01': 12, '36.73.02': 10, '36.73.03': 14, '36.73.04': 10, '36.73.05': 8, '36.73.06': 13 });
  const allCodes = data.kecamatanList.flatMap((kecamatan) => kecamatan.kelurahan.map((kelurahan) => kelurahan.code));
  expect(new Set(allCodes).size).toBe(67);
  expect(allCodes).not.toContain('36.73.02.1005');
});

test('kelurahan joins its kecamatan and wifi points', async () => {
  const data = await platform.client().request<{ kelurahan: { name: string; kecamatan: { name: string }; wifiPoints: unknown[] | null } }>(
    '{ kelurahan(code: "36.73.01.1011") { name kecamatan { name } wifiPoints { name } } }',
  );

  expect(data.kelurahan.name).toBe('Terondol');
  expect(data.kelurahan.kecamatan.name).toBe('Serang');
  expect(Array.isArray(data.kelurahan.wifiPoints)).toBe(true);
});

test('added wifi point is listed on its kelurahan', async () => {
  const places = platform.subgraphs.find((subgraph) => subgraph.name === 'places')!;
  await places.db.query(
    `INSERT INTO wifi_point (id, name, address, latitude, longitude, kelurahan_code, source) VALUES ($1, $2, NULL, NULL, NULL, $3, $4)`.replace(
      /\$\d/g,
      places.db.options.type === 'postgres' ? (placeholder) => placeholder : () => '?',
    ),
    ['uji-terondol', 'Titik Uji Terondol', '36.73.01.1011', 'test fixture'],
  );

  const data = await platform.client().request<{ kelurahan: { wifiPoints: { name: string; kelurahan: { name: string } }[] } }>(
    '{ kelurahan(code: "36.73.01.1011") { wifiPoints { name kelurahan { name } } } }',
  );

  expect(data.kelurahan.wifiPoints).toEqual([{ name: 'Titik Uji Terondol', kelurahan: { name: 'Terondol' } }]);
});

test('kelurahanSearch finds both Sukawana', async () => {
  const data = await platform.client().request<{ kelurahanSearch: { code: string; kecamatan: { name: string } }[] }>(
    '{ kelurahanSearch(name: " SUKA wana ") { code kecamatan { name } } }',
  );

  expect(data.kelurahanSearch.map((kelurahan) => kelurahan.code)).toEqual(['36.73.01.1008', '36.73.04.1007']);
  expect(data.kelurahanSearch.map((kelurahan) => kelurahan.kecamatan.name)).toEqual(['Serang', 'Curug']);
});

test('opdList returns the 14 agency slugs', async () => {
  const data = await platform.client().request<{ opdList: { id: string }[] }>('{ opdList { id } }');

  expect(data.opdList.map((opd) => opd.id).sort()).toEqual(
    ['bagian-hukum', 'bapenda', 'bpbd', 'dinkes', 'dinkop-ukm-perindag', 'dinsos', 'disdikbud', 'disdukcapil', 'dishub', 'diskominfo', 'disperkim', 'dlh', 'dpupr', 'satpol-pp'],
  );
});

test('unknown region code returns null', async () => {
  const data = await platform.client().request<{ kelurahan: unknown; kecamatan: unknown }>(
    '{ kelurahan(code: "36.73.02.1005") { name } kecamatan(code: "36.73.09") { name } }',
  );

  expect(data.kelurahan).toBeNull();
  expect(data.kecamatan).toBeNull();
});

test('malformed region code names the field in Indonesian', async () => {
  const errors = await graphqlErrors(() => platform.client().request('{ kelurahan(code: "36.73.0x") { name } }'));

  expect(errors).toHaveLength(1);
  expect(errors[0].extensions?.code).toBe('INVALID_REGION_CODE');
  expect(errors[0].extensions?.field).toBe('code');
  expect(errors[0].path).toEqual(['kelurahan']);
  expect(errors[0].message).toContain('Kode wilayah pada argumen code tidak valid');
  expect(errors[0].extensions?.stacktrace).toBeUndefined();
});

test('malformed region code in English on request', async () => {
  const errors = await graphqlErrors(() =>
    platform.client({ 'accept-language': 'en-US,en;q=0.9,id;q=0.5' }).request('{ kecamatan(code: "3673") { name } }'),
  );

  expect(errors[0].extensions?.code).toBe('INVALID_REGION_CODE');
  expect(errors[0].message).toContain('The region code in argument code is invalid');
});

test('request id reaches the subgraph logs', async () => {
  const requestId = `test-${Date.now()}`;
  await platform.client({ 'x-request-id': requestId }).request('query RegionNames { kecamatanList { name } opdList { id } }');

  const lines = platform.logLines.map((line) => JSON.parse(line)).filter((line) => line.requestId === requestId && line.msg === 'graphql request');
  const gatewayLine = lines.find((line) => line.component === 'gateway');
  expect(gatewayLine).toMatchObject({ operationName: 'RegionNames', status: 200 });
  expect(typeof gatewayLine.durationMs).toBe('number');
  expect(lines.map((line) => line.subgraph).filter(Boolean).sort()).toEqual(['agencies', 'regions']);
});

test('gateway generates a request id when absent', async () => {
  const response = await request(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ kecamatanList { code } }' }),
  });
  await response.body.json();

  expect(response.statusCode).toBe(200);
  expect(String(response.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
});

test('health and ready report each subgraph', async () => {
  const health = await request(`${platform.gateway!.url}/health`);
  expect(health.statusCode).toBe(200);
  expect(await health.body.json()).toEqual({ status: 'up' });

  const ready = await request(`${platform.gateway!.url}/ready`);
  const body = (await ready.body.json()) as { status: string; subgraphs: { name: string; state: string }[] };
  expect(ready.statusCode).toBe(200);
  expect(body.status).toBe('ready');
  for (const subgraph of body.subgraphs) expect(subgraph.state).toBe('up');

  for (const subgraph of platform.subgraphs) {
    const own = await request(`${subgraph.url}/health`);
    expect(own.statusCode).toBe(200);
    expect(await own.body.json()).toEqual({ status: 'up', subgraph: subgraph.name });
  }
});

test('CSRF prevention rejects a simple GET', async () => {
  const response = await request(`${platform.gatewayUrl}?query=${encodeURIComponent('{ kecamatanList { code } }')}`);
  const text = await response.body.text();

  expect(response.statusCode).toBe(400);
  expect(text).toContain('CSRF');
});

test('oversized body is rejected with 413', async () => {
  const response = await request(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ kecamatanList { code } } # ${'x'.repeat(1100000)}` }),
  });
  await response.body.dump();

  expect(response.statusCode).toBe(413);
});

test('invalid JSON body is rejected with 400', async () => {
  const response = await request(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query": ',
  });
  const body = (await response.body.json()) as { errors: { extensions: { code: string } }[] };

  expect(response.statusCode).toBe(400);
  expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
});
