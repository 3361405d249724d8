import http from 'node:http';
import { ClientError } from 'graphql-request';
import { listen } from '../../plugins/http-server';
import { readRoverConfig } from '../../plugins/rover';
import { startTestPlatform, TestPlatform } from '../support/platform';

describe('plugin that fails to start', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    const rover = readRoverConfig();
    const ghost = { name: 'ghost', routingUrl: 'http://127.0.0.1:4999/graphql', schemaFile: 'schema/subgraphs/ghost.graphql', port: 4999 };
    platform = await startTestPlatform({ rover: { ...rover, subgraphs: [ghost, ...rover.subgraphs] } });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  test('is logged and skipped', () => {
    expect(platform.failures.map((failure) => failure.name)).toEqual(['ghost']);
    expect(platform.failures[0].error.message).toBe('Subgraph plugin "ghost" cannot start: rover.yaml lists it but the folder subgraphs/ghost/ does not exist');
    const logged = platform.logLines.map((line) => JSON.parse(line)).find((line) => line.subgraph === 'ghost');
    expect(logged.level).toBe('error');
  });

  test('leaves the others running', async () => {
    const data = await platform.client().request<{ kecamatan: { name: string } }>('{ kecamatan(code: "36.73.02") { name } }');

    expect(data.kecamatan.name).toBe('Kasemen');
  });
});

describe('subgraph slower than the timeout', () => {
  let platform: TestPlatform;
  let slowServer: http.Server;

  beforeAll(async () => {
    // Accepts the request and never responds.
    slowServer = http.createServer(() => undefined);
    const slowUrl = await listen(slowServer, 0, '127.0.0.1');
    platform = await startTestPlatform({
      env: { SUBGRAPH_TIMEOUT_MS: '300' },
      subgraphs: ['regions'],
      subgraphUrls: { places: `${slowUrl}/graphql` },
    });
  });

  afterAll(async () => {
    await platform?.stop();
    slowServer.closeAllConnections();
    await new Promise((resolve) => slowServer.close(resolve));
  });

  test('reports a timeout on the missing field', async () => {
    let response: { data: { kelurahan: unknown }; errors: { path: unknown[]; extensions: Record<string, unknown> }[] } | undefined;
    try {
      await platform.client().request('{ kelurahan(code: "36.73.01.1011") { name wifiPoints { name } } }');
    } catch (error) {
      response = (error as ClientError).response as never;
    }

    expect(response!.data.kelurahan).toEqual({ name: 'Terondol', wifiPoints: null });
    expect(response!.errors[0].path).toEqual(['kelurahan', 'wifiPoints']);
    expect(response!.errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(response!.errors[0].extensions.reason).toBe('timed out after 300 ms');
  });
});
