import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { startTestPlatform } from '../../test/support/platform';
import {
  DEFAULT_PLAYGROUND_QUERY,
  handlePlaygroundRequest,
  PLAYGROUND_ASSET_CACHE_CONTROL,
  PLAYGROUND_ASSET_PREFIX,
  PLAYGROUND_CSP,
  playgroundAsset,
  playgroundAssetPaths,
  renderPlaygroundPage,
  wantsPlayground,
} from '../playground';

/** Accept header Chromium sends when it navigates to a page. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';

/** The only host the browser may contact. Every request to another host is aborted and recorded. */
const ALLOWED_HOSTNAME = '127.0.0.1';

/** Generous wait for each UI step, because the first load parses 1.2 MB of scripts. */
const STEP_TIMEOUT_MS = 30_000;

interface PlaygroundServer {
  /** Base URL such as http://127.0.0.1:41234. The page and GraphQL are both at `${url}/graphql`. */
  url: string;
  close(): Promise<void>;
}

/** Start the whole platform (subgraphs and gateway) on free ports; the browser talks to its gateway. */
async function startPlaygroundServer(): Promise<PlaygroundServer> {
  const platform = await startTestPlatform();
  return { url: platform.gateway!.url, close: () => platform.stop() };
}

let playground: PlaygroundServer;

beforeAll(async () => {
  playground = await startPlaygroundServer();
});

afterAll(async () => {
  await playground?.close();
});

describe('wantsPlayground', () => {
  // Expected values are what Apollo Server 5.5 decides for its landing page on the same header.
  test.each([
    ['GET', BROWSER_ACCEPT, true],
    ['GET', 'text/html', true],
    ['GET', 'application/json;q=0.5, text/html', true],
    ['GET', 'text/*', true],
    ['GET', '*/*', false],
    ['GET', undefined, false],
    ['GET', '', false],
    ['GET', 'application/json', false],
    ['GET', 'application/graphql-response+json, application/json;q=0.9', false],
    ['GET', 'text/html;q=0.5, application/json', false],
    ['GET', 'text/html, application/json', true],
    ['GET', 'application/json, text/html', false],
    ['GET', 'text/html, */*', true],
    ['GET', 'text/*, application/json', false],
    ['GET', 'application/*, text/html', true],
    ['GET', 'text/html, multipart/mixed', true],
    ['GET', 'multipart/mixed, text/html', false],
    ['GET', 'text/html;q=0.9, application/json;q=0', true],
    ['GET', 'text/html;q=0.9, application/*;q=0.8, application/json;q=1', false],
    ['GET', 'text/html;q=0', false],
    ['POST', BROWSER_ACCEPT, false],
    ['HEAD', BROWSER_ACCEPT, false],
  ])('%s with Accept %p returns %p', (method, accept, expected) => {
    expect(wantsPlayground(method, accept)).toBe(expected);
  });

  test('array header is joined', () => {
    expect(wantsPlayground('GET', ['application/json;q=0.1', 'text/html'])).toBe(true);
  });
});

describe('renderPlaygroundPage', () => {
  test('links only to served assets', () => {
    const html = renderPlaygroundPage({ endpoint: '/graphql' });
    const links = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1]);

    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      if (link === 'data:,') continue;
      expect(link.startsWith(PLAYGROUND_ASSET_PREFIX)).toBe(true);
      expect(playgroundAsset(link)).toBeDefined();
    }
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/json"))/);
  });

  test('uses title and default query', () => {
    const html = renderPlaygroundPage({ endpoint: '/graphql' });

    expect(html).toContain('<title>RAGEM GraphQL</title>');
    expect(html).toContain(JSON.stringify(DEFAULT_PLAYGROUND_QUERY).replace(/</g, '\\u003c'));
  });

  test('escapes title and configuration', () => {
    const html = renderPlaygroundPage({ endpoint: '/graphql', title: '<b>&"', defaultQuery: '# </script><script>alert(1)</script>' });

    expect(html).toContain('<title>&#60;b&#62;&#38;&#34;</title>');
    expect(html.match(/<\/script>/g)).toHaveLength(html.match(/<script/g)?.length ?? 0);
    const config = /<script id="playground-config" type="application\/json">(.*)<\/script>/.exec(html);
    expect(JSON.parse(config?.[1] ?? 'null')).toEqual({ endpoint: '/graphql', defaultQuery: '# </script><script>alert(1)</script>' });
  });

  test('rejects empty endpoint', () => {
    expect(() => renderPlaygroundPage({ endpoint: ' ' })).toThrow(/endpoint is empty/);
  });
});

describe('playgroundAsset', () => {
  test('serves every linked asset', () => {
    const paths = playgroundAssetPaths();

    expect(paths).toHaveLength(6);
    for (const assetPath of paths) {
      const asset = playgroundAsset(assetPath);
      expect(asset?.contentType).toMatch(assetPath.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(asset?.cacheControl).toBe(PLAYGROUND_ASSET_CACHE_CONTROL);
      expect(asset?.body.length).toBeGreaterThan(0);
      expect(playgroundAsset(assetPath.slice(PLAYGROUND_ASSET_PREFIX.length))).toBe(asset);
      expect(playgroundAsset(`${assetPath}?v=1`)).toBe(asset);
    }
  });

  test('graphiql bundle exports GraphiQL global', () => {
    const bundlePath = playgroundAssetPaths().find((assetPath) => /\/graphiql\.[0-9a-f]+\.js$/.test(assetPath));
    const bundle = playgroundAsset(bundlePath ?? '')?.body.toString('utf8') ?? '';

    expect(bundle).toContain('.GraphiQL=t(e.React,e.ReactDOM)');
  });

  test.each([
    '',
    '/',
    PLAYGROUND_ASSET_PREFIX,
    `${PLAYGROUND_ASSET_PREFIX}graphiql.js`,
    `${PLAYGROUND_ASSET_PREFIX}../../package.json`,
    `${PLAYGROUND_ASSET_PREFIX}..%2f..%2fpackage.json`,
    '../package.json',
    '/etc/passwd',
    'index.umd.js',
    'dist/index.umd.js',
    'constructor',
    '__proto__',
  ])('rejects %p', (pathname) => {
    expect(playgroundAsset(pathname)).toBeUndefined();
  });
});

describe('handlePlaygroundRequest over HTTP', () => {
  test('page has CSP and Vary', async () => {
    const response = await fetch(`${playground.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
    expect(response.headers.get('vary')).toBe('accept');
    expect(await response.text()).toContain('id="graphiql"');
  });

  test('JSON client reaches Apollo Server', async () => {
    const response = await fetch(`${playground.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ kecamatanList { name } }' }),
    });

    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { kecamatanList: { name: string }[] } };
    expect(body.data.kecamatanList.map((kecamatan) => kecamatan.name)).toContain('Kasemen');
  });

  test('GET without text/html is not the page', async () => {
    const response = await fetch(`${playground.url}/graphql?query=%7B__typename%7D`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });

    expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('asset has immutable cache and ETag', async () => {
    const assetPath = playgroundAssetPaths()[0];
    const response = await fetch(`${playground.url}${assetPath}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(PLAYGROUND_ASSET_CACHE_CONTROL);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{12}"$/);

    const revalidated = await fetch(`${playground.url}${assetPath}`, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
  });

  test('unknown asset is 404', async () => {
    const response = await fetch(`${playground.url}${PLAYGROUND_ASSET_PREFIX}..%2f..%2fpackage.json`);

    expect(response.status).toBe(404);
  });

  test('POST to asset is 405', async () => {
    const response = await fetch(`${playground.url}${playgroundAssetPaths()[0]}`, { method: 'POST', body: '' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('playground in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  interface GuardedPage {
    context: BrowserContext;
    page: Page;
    /** URLs the page requested from a host other than ALLOWED_HOSTNAME. The guard aborted each of them. */
    externalRequests: Set<string>;
    /** Uncaught page errors and console errors, which include Content-Security-Policy violations. */
    pageErrors: string[];
    /** Content types of the GraphQL POSTs the page sent, in order. */
    graphqlPostContentTypes: string[];
  }

  function isExternal(url: string): boolean {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
    return parsed.hostname !== ALLOWED_HOSTNAME;
  }

  /** Open a page in a fresh context that aborts and records every request to another host. */
  async function openGuardedPage(): Promise<GuardedPage> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const externalRequests = new Set<string>();
    const pageErrors: string[] = [];
    const graphqlPostContentTypes: string[] = [];

    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isExternal(url)) {
        externalRequests.add(url);
        await route.abort('blockedbyclient');
        return;
      }
      await route.continue();
    });
    // Requests that bypass routing, such as WebSockets, are still reported here.
    context.on('request', (request) => {
      if (isExternal(request.url())) externalRequests.add(request.url());
    });

    const page = await context.newPage();
    page.on('websocket', (socket) => {
      if (isExternal(socket.url())) externalRequests.add(socket.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
        graphqlPostContentTypes.push(request.headers()['content-type'] ?? '(none)');
      }
    });

    return { context, page, externalRequests, pageErrors, graphqlPostContentTypes };
  }

  /** DOM element of a CodeMirror 5 editor, which exposes the editor instance as a property. */
  interface CodeMirrorElement {
    CodeMirror: { getValue(): string; setValue(value: string): void; focus(): void };
  }

  /** The few browser globals used inside page functions, because the TypeScript config has no DOM library. */
  interface BrowserGlobals {
    document: { querySelector(selector: string): unknown };
  }

  /**
   * Wait until the response editor contains `expected`, and return its whole text. The text is read
   * through CodeMirror, because CodeMirror renders only the lines in view and a long result would
   * hide the expected text from the DOM.
   */
  async function waitForResponse(page: Page, expected: string): Promise<string> {
    await page.waitForFunction(
      (text) => {
        const globals = globalThis as unknown as BrowserGlobals;
        const element = globals.document.querySelector('.graphiql-response .CodeMirror') as CodeMirrorElement | null;
        return element !== null && element.CodeMirror.getValue().includes(text);
      },
      expected,
      { timeout: STEP_TIMEOUT_MS },
    );
    return page.locator('.graphiql-response .CodeMirror').evaluate((element) => (element as unknown as CodeMirrorElement).CodeMirror.getValue());
  }

  /** Load the playground and wait until GraphiQL has mounted its query editor. */
  async function loadPlayground(page: Page): Promise<void> {
    const response = await page.goto(`${playground.url}/graphql`, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
    expect(response?.status()).toBe(200);
    await page.locator('.graphiql-container .graphiql-query-editor .CodeMirror').waitFor({ timeout: STEP_TIMEOUT_MS });
  }

  let current: GuardedPage | undefined;

  afterEach(async () => {
    await current?.context.close();
    current = undefined;
  });

  test('page renders GraphiQL editor', async () => {
    current = await openGuardedPage();
    const { page } = current;

    await loadPlayground(page);

    expect(await page.title()).toBe('RAGEM GraphQL');
    const editorText = await page.locator('.graphiql-query-editor .CodeMirror-code').innerText();
    expect(editorText).toContain('kecamatanList');
    expect(editorText).toContain('# RAGEM GraphQL playground');
    await page.locator('.graphiql-execute-button').waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(current.pageErrors).toEqual([]);
    expect([...current.externalRequests]).toEqual([]);
  });

  test('docs explorer lists kecamatanList', async () => {
    current = await openGuardedPage();
    const { page } = current;
    await loadPlayground(page);

    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click({ timeout: STEP_TIMEOUT_MS });
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.locator('a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).click({ timeout: STEP_TIMEOUT_MS });
    const field = explorer.locator('a.graphiql-doc-explorer-field-name', { hasText: /^kecamatanList$/ });
    await field.waitFor({ timeout: STEP_TIMEOUT_MS });

    expect(await explorer.locator('.graphiql-doc-explorer-title').innerText()).toBe('Query');
    expect(await field.locator('..').innerText()).toContain('[Kecamatan!]!');
    expect(current.pageErrors).toEqual([]);
    expect([...current.externalRequests]).toEqual([]);
  });

  test('execute button shows Kasemen', async () => {
    current = await openGuardedPage();
    const { page } = current;
    await loadPlayground(page);

    await page.locator('.graphiql-execute-button').click({ timeout: STEP_TIMEOUT_MS });
    const text = await waitForResponse(page, 'Kasemen');

    expect(text).toContain('"kecamatanList"');
    expect(text).toContain('"Kasunyatan"');
    // The introspection query and the executed query, each a JSON POST.
    expect(current.graphqlPostContentTypes.length).toBeGreaterThanOrEqual(2);
    for (const contentType of current.graphqlPostContentTypes) expect(contentType).toBe('application/json');

    // Set PLAYGROUND_SCREENSHOT to a file path to save a screenshot with the docs panel open.
    if (process.env.PLAYGROUND_SCREENSHOT) {
      await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click({ timeout: STEP_TIMEOUT_MS });
      await page.locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).click({ timeout: STEP_TIMEOUT_MS });
      await page.locator('.graphiql-doc-explorer a.graphiql-doc-explorer-field-name', { hasText: /^kecamatanList$/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT });
    }
    expect(current.pageErrors).toEqual([]);
    expect([...current.externalRequests]).toEqual([]);
  });

  test('Ctrl-Enter runs edited query', async () => {
    current = await openGuardedPage();
    const { page } = current;
    await loadPlayground(page);

    // Replace the text through CodeMirror's API, because typing would trigger its bracket auto-closing.
    await page.locator('.graphiql-query-editor .CodeMirror').evaluate((element, query) => {
      const editor = (element as unknown as CodeMirrorElement).CodeMirror;
      editor.setValue(query);
      editor.focus();
    }, 'query OnlyCodes { kecamatanList { code } }');
    await page.keyboard.press('Control+Enter');
    const text = await waitForResponse(page, '36.73.02');

    expect(text).not.toContain('Kasemen');
    expect(current.pageErrors).toEqual([]);
    expect([...current.externalRequests]).toEqual([]);
  });

  test('dialogs open within CSP', async () => {
    current = await openGuardedPage();
    const { page } = current;
    await loadPlayground(page);

    await page.locator('button[aria-label="Open short keys dialog"]').click({ timeout: STEP_TIMEOUT_MS });
    await page.locator('.graphiql-dialog', { hasText: 'Execute query' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await page.locator('.graphiql-dialog').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
    await page.locator('button[aria-label="Open settings dialog"]').click({ timeout: STEP_TIMEOUT_MS });
    await page.locator('.graphiql-dialog', { hasText: 'Theme' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    // The scroll lock style element is the inline style the CSP allows by hash.
    expect(await page.locator('head style').count()).toBeGreaterThan(0);

    expect(current.pageErrors).toEqual([]);
    expect([...current.externalRequests]).toEqual([]);
  });

  test('guard records other hosts', async () => {
    // localhost is the same machine, so nothing leaves it, but its hostname is not 127.0.0.1.
    // The guard must abort and record the request, or the checks above could never fail.
    current = await openGuardedPage();
    const otherHostUrl = `${playground.url.replace(ALLOWED_HOSTNAME, 'localhost')}/graphql`;

    await expect(current.page.goto(otherHostUrl, { timeout: STEP_TIMEOUT_MS })).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);

    expect([...current.externalRequests]).toEqual([otherHostUrl]);
  });
});
