import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * Offline GraphiQL playground for the gateway. The page and every script, style sheet and font it
 * uses are served by the gateway itself from installed packages (graphiql 4 UMD bundle, React 18
 * UMD builds), so the playground works on a machine with no internet access.
 */

/** URL path prefix of the playground's static assets. */
export const PLAYGROUND_ASSET_PREFIX = '/graphql/playground/';

/**
 * SHA-256 of the `<style>` element that GraphiQL's dialogs (settings, keyboard shortcuts) insert
 * to lock page scrolling. The element comes from react-remove-scroll-bar inside the graphiql 4.1.2
 * bundle, and its text contains the scroll bar width, which is 0 px because the layout style sheet
 * hides the page's scroll bars. If a new graphiql version changes that text, the browser blocks the
 * element, which only leaves scrolling behind a dialog unlocked. The test "dialogs open within CSP"
 * in supergraph/__tests__/playground.test.ts then fails, and its CSP violation message contains
 * the new hash.
 */
const SCROLL_LOCK_STYLE_HASH = "'sha256-nzTgYzXYDNe6BAHiiI7NNlfK8n/auuOAhh2t92YvuXo='";

/**
 * Content-Security-Policy for the playground page. No script is inline, because the page's
 * configuration is a JSON data block, which the browser does not execute. The only inline style
 * allowed is the scroll lock element, by its hash. GraphiQL's style sheet embeds its fonts and a
 * few images as data: URLs, hence `data:` for fonts and images.
 */
export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${SCROLL_LOCK_STYLE_HASH}`,
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Cache-Control of the assets. Browsers may keep them for a year because each URL contains a hash of the content. */
export const PLAYGROUND_ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Cache-Control of the page, which names the current asset URLs and so must be revalidated. */
export const PLAYGROUND_PAGE_CACHE_CONTROL = 'no-cache';

export const DEFAULT_PLAYGROUND_TITLE = 'RAGEM GraphQL';

/** Query shown in the editor on a browser's first visit. GraphiQL keeps later edits in localStorage. */
export const DEFAULT_PLAYGROUND_QUERY = `# RAGEM GraphQL playground
# for Kota Serang.
#
# This query lists every kecamatan
# (district) with its Kemendagri code,
# its name and the names of its
# kelurahan (urban villages).
#
# Run it with Ctrl+Enter or the run
# button. The Docs panel (book icon,
# top left) shows every type and field
# of the gateway's schema.

{
  kecamatanList {
    code
    name
    kelurahan {
      name
    }
  }
}
`;

export interface PlaygroundPageOptions {
  /** URL the page POSTs GraphQL requests to, such as `/graphql`. It must be same-origin because the CSP sets `connect-src 'self'`. */
  endpoint: string;
  /** Document title, by default DEFAULT_PLAYGROUND_TITLE. */
  title?: string;
  /** Initial query editor content, by default DEFAULT_PLAYGROUND_QUERY. */
  defaultQuery?: string;
}

export interface PlaygroundAsset {
  contentType: string;
  /** Value for the cache-control header, always PLAYGROUND_ASSET_CACHE_CONTROL. */
  cacheControl: string;
  /** Strong entity tag, quoted as the etag header expects. */
  etag: string;
  body: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Assets

/**
 * Start-up script of the page, served as an asset so that the CSP needs no inline script. It
 * reads the JSON configuration block that renderPlaygroundPage writes and mounts GraphiQL.
 * The globals React, ReactDOM and GraphiQL come from the UMD bundles loaded before it.
 */
const BOOTSTRAP_SCRIPT = `'use strict';
(function () {
  var root = document.getElementById('graphiql');

  function showError(message) {
    root.textContent = message;
    root.className = 'playground-error';
  }

  if (typeof React === 'undefined' || typeof ReactDOM === 'undefined' || typeof GraphiQL === 'undefined') {
    showError('The GraphQL playground failed to load its scripts because React, ReactDOM or GraphiQL is missing. Reload the page, and if that fails, check the gateway log.');
    return;
  }

  var config = JSON.parse(document.getElementById('playground-config').textContent);

  // Every operation, including the schema introspection, is one JSON POST. Apollo Server's CSRF
  // prevention accepts it because a plain HTML form cannot send content-type application/json.
  // Headers typed into the headers editor are sent too, but never replace the content type.
  function fetcher(graphQLParams, options) {
    var headers = new Headers((options && options.headers) || {});
    headers.set('content-type', 'application/json');
    return fetch(config.endpoint, {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(graphQLParams),
      credentials: 'same-origin',
    }).then(function (response) {
      return response.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (error) {
          return {
            errors: [
              {
                message: 'The server returned HTTP ' + response.status + ' with a body that is not JSON: ' + text.slice(0, 500),
              },
            ],
          };
        }
      });
    });
  }

  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: config.defaultQuery,
    }),
  );
})();
`;

/**
 * Layout style sheet that makes the GraphiQL root fill the window. GraphiQL scrolls inside its
 * panes, so the page's own scroll bars are hidden. That keeps the text of the scroll lock style
 * element, and so SCROLL_LOCK_STYLE_HASH, the same in every browser.
 */
const LAYOUT_STYLE = `html, body, #graphiql {
  height: 100%;
  margin: 0;
}
html, body {
  overflow: hidden;
}
.playground-error {
  padding: 1rem;
  font-family: sans-serif;
  color: #a00;
}
`;

interface AssetSource {
  /** File name without hash, such as `graphiql.js`. */
  name: string;
  read(): Buffer;
}

/** Absolute path of a file inside an installed package, found through Node's module resolution. */
function packageFile(packageName: string, relativePath: string): string {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), relativePath);
}

function readPackageFile(packageName: string, relativePath: string): Buffer {
  const file = packageFile(packageName, relativePath);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`Failed to read GraphQL playground asset ${file}: ${(error as Error).message}. Run npm install to restore it.`);
  }
}

/** Every file the playground serves, in the order the page loads the scripts. */
const ASSET_SOURCES: AssetSource[] = [
  { name: 'react.js', read: () => readPackageFile('react', 'umd/react.production.min.js') },
  { name: 'react-dom.js', read: () => readPackageFile('react-dom', 'umd/react-dom.production.min.js') },
  // The graphiql UMD bundle contains @graphiql/react and the doc explorer and history plugins.
  // Its style.css covers all of them, so no @graphiql/* style sheet is needed.
  { name: 'graphiql.js', read: () => readPackageFile('graphiql', 'dist/index.umd.js') },
  { name: 'graphiql.css', read: () => readPackageFile('graphiql', 'dist/style.css') },
  { name: 'playground.js', read: () => Buffer.from(BOOTSTRAP_SCRIPT, 'utf8') },
  { name: 'playground.css', read: () => Buffer.from(LAYOUT_STYLE, 'utf8') },
];

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

interface AssetTable {
  /** Served URL path by unhashed name, such as `graphiql.js` to `/graphql/playground/graphiql.0123456789ab.js`. */
  urls: Map<string, string>;
  /** Asset by hashed file name, such as `graphiql.0123456789ab.js`. These are the only names playgroundAsset accepts. */
  byFileName: Map<string, PlaygroundAsset>;
}

let assetTable: AssetTable | undefined;

/** Read every asset once, on first use, and keep it in memory (1.6 MB with graphiql 4.1.2 and React 18.3.1). */
function loadAssets(): AssetTable {
  if (assetTable) return assetTable;

  const urls = new Map<string, string>();
  const byFileName = new Map<string, PlaygroundAsset>();
  for (const source of ASSET_SOURCES) {
    const body = source.read();
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const extension = path.extname(source.name);
    const fileName = `${path.basename(source.name, extension)}.${hash}${extension}`;
    urls.set(source.name, `${PLAYGROUND_ASSET_PREFIX}${fileName}`);
    byFileName.set(fileName, {
      contentType: CONTENT_TYPES[extension],
      cacheControl: PLAYGROUND_ASSET_CACHE_CONTROL,
      etag: `"${hash}"`,
      body,
    });
  }

  assetTable = { urls, byFileName };
  return assetTable;
}

function assetUrl(name: string): string {
  const url = loadAssets().urls.get(name);
  if (url === undefined) throw new Error(`GraphQL playground asset ${name} is not in the asset list`);
  return url;
}

/**
 * Look up one playground asset by its URL path, such as `/graphql/playground/graphiql.0123456789ab.js`,
 * or by the part after PLAYGROUND_ASSET_PREFIX, such as `graphiql.0123456789ab.js`. A query string
 * is ignored. Returns undefined for every name that renderPlaygroundPage does not link to, so no
 * other file can be reached.
 */
export function playgroundAsset(pathname: string): PlaygroundAsset | undefined {
  const queryStart = pathname.search(/[?#]/);
  const bare = queryStart === -1 ? pathname : pathname.slice(0, queryStart);
  const fileName = bare.startsWith(PLAYGROUND_ASSET_PREFIX) ? bare.slice(PLAYGROUND_ASSET_PREFIX.length) : bare;
  return loadAssets().byFileName.get(fileName);
}

/** URL paths of every asset, in the order the page loads them. */
export function playgroundAssetPaths(): string[] {
  return [...loadAssets().urls.values()];
}

// ---------------------------------------------------------------------------------------------
// Page

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Serialize a value for a `<script type="application/json">` block. Escaping `<` keeps a `</script>` inside a value from closing the block. */
function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Render the playground HTML page. It loads its assets from PLAYGROUND_ASSET_PREFIX and expects
 * the caller to send it with PLAYGROUND_CSP (handlePlaygroundRequest does).
 */
export function renderPlaygroundPage(options: PlaygroundPageOptions): string {
  if (options.endpoint.trim() === '') throw new Error('GraphQL playground endpoint is empty. Pass the GraphQL URL path, such as /graphql.');

  const title = escapeHtml(options.title ?? DEFAULT_PLAYGROUND_TITLE);
  const config = jsonForScriptBlock({ endpoint: options.endpoint, defaultQuery: options.defaultQuery ?? DEFAULT_PLAYGROUND_QUERY });
  const scripts = ['react.js', 'react-dom.js', 'graphiql.js', 'playground.js']
    .map((name) => `    <script defer src="${escapeHtml(assetUrl(name))}"></script>`)
    .join('\n');

  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>${title}</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${escapeHtml(assetUrl('graphiql.css'))}">
    <link rel="stylesheet" href="${escapeHtml(assetUrl('playground.css'))}">
    <script id="playground-config" type="application/json">${config}</script>
${scripts}
  </head>
  <body>
    <div id="graphiql">
      <noscript>The GraphQL playground needs JavaScript. Without it, send GraphQL requests as JSON POSTs to ${escapeHtml(options.endpoint)}.</noscript>
    </div>
  </body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** Media types Apollo Server sends GraphQL responses as. text/html must outrank all of them to get the page. */
const GRAPHQL_RESPONSE_TYPES = ['application/json', 'application/graphql-response+json', 'multipart/mixed'];

interface MediaRange {
  type: string;
  subtype: string;
  quality: number;
  /** Position in the Accept header, where an earlier range wins a tie. */
  position: number;
}

/** Rank of one media type under an Accept header, taken from its most specific matching range. */
interface MediaTypeMatch {
  quality: number;
  /** 6 for an exact range, 4 for `type/*`, 0 for the full wildcard. */
  specificity: number;
  position: number;
}

/** Parse an Accept header into media ranges. Parameters other than q are ignored. */
function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of accept.split(',')) {
    const [mediaType, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = mediaType.split('/');
    if (!type || !subtype) continue;

    let quality = 1;
    for (const parameter of parameters) {
      const [key, value] = parameter.split('=').map((piece) => piece.trim());
      if (key === 'q') quality = Number.isFinite(Number(value)) ? Math.min(Math.max(Number(value), 0), 1) : 0;
    }
    ranges.push({ type, subtype, quality, position: ranges.length });
  }
  return ranges;
}

/**
 * Find the range that decides one media type's rank: the most specific matching range, then the
 * one with the higher q, then the later one. Returns undefined when no range matches.
 */
function matchMediaType(ranges: MediaRange[], mediaType: string): MediaTypeMatch | undefined {
  const [type, subtype] = mediaType.split('/');
  let best: MediaTypeMatch | undefined;
  for (const range of ranges) {
    if ((range.type !== type && range.type !== '*') || (range.subtype !== subtype && range.subtype !== '*')) continue;

    const match = {
      quality: range.quality,
      specificity: (range.type === type ? 4 : 0) + (range.subtype === subtype ? 2 : 0),
      position: range.position,
    };
    const better =
      best === undefined ||
      match.specificity > best.specificity ||
      (match.specificity === best.specificity && match.quality > best.quality) ||
      (match.specificity === best.specificity && match.quality === best.quality && match.position > best.position);
    if (better) best = match;
  }
  return best;
}

/** Compare two ranks. Returns true when `a` is strictly above `b` by higher q, then a more specific range, then an earlier one. */
function outranks(a: MediaTypeMatch, b: MediaTypeMatch): boolean {
  if (a.quality !== b.quality) return a.quality > b.quality;
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  return a.position < b.position;
}

/**
 * Decide whether a request to the GraphQL path should get the playground page: a GET whose Accept
 * header ranks text/html above every GraphQL response type. The ranking is the one Apollo Server
 * 5.5 applies through the negotiator package to choose its landing page, and a full tie goes to
 * GraphQL. So browsers get the page, while GraphQL clients and curl (whose default Accept is the
 * full wildcard) still reach Apollo Server.
 */
export function wantsPlayground(method: string | undefined, accept: string | string[] | undefined): boolean {
  if (method !== 'GET' || accept === undefined) return false;

  const ranges = parseAccept(Array.isArray(accept) ? accept.join(',') : accept);
  const html = matchMediaType(ranges, 'text/html');
  if (html === undefined || html.quality <= 0) return false;

  return GRAPHQL_RESPONSE_TYPES.every((mediaType) => {
    const graphql = matchMediaType(ranges, mediaType);
    return graphql === undefined || graphql.quality <= 0 || outranks(html, graphql);
  });
}

export interface PlaygroundRequestOptions {
  /** URL path that serves both GraphQL and, for browsers, the page. The default is `/graphql`. */
  graphqlPath?: string;
  title?: string;
  defaultQuery?: string;
}

function sendText(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(message)),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(message);
}

function sendAsset(request: IncomingMessage, response: ServerResponse, asset: PlaygroundAsset): void {
  const headers = {
    'content-type': asset.contentType,
    'cache-control': asset.cacheControl,
    etag: asset.etag,
    'x-content-type-options': 'nosniff',
  };
  if (request.headers['if-none-match'] === asset.etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': String(asset.body.length) });
  response.end(request.method === 'HEAD' ? undefined : asset.body);
}

function sendPage(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    'content-security-policy': PLAYGROUND_CSP,
    'cache-control': PLAYGROUND_PAGE_CACHE_CONTROL,
    // The same URL returns GraphQL JSON to other clients, so caches must key on Accept.
    vary: 'accept',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(html);
}

/**
 * Serve the playground page or one of its assets if the request is for them, and return true.
 * Returns false, having written nothing, for every other request (such as a GraphQL request),
 * which the caller then handles. Asset paths other than GET and HEAD get 405, unknown asset
 * paths 404.
 */
export function handlePlaygroundRequest(request: IncomingMessage, response: ServerResponse, options: PlaygroundRequestOptions = {}): boolean {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);

  if (pathname.startsWith(PLAYGROUND_ASSET_PREFIX)) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, `Method ${request.method} is not allowed for GraphQL playground assets; use GET`, { allow: 'GET, HEAD' });
      return true;
    }
    const asset = playgroundAsset(pathname);
    if (asset === undefined) sendText(response, 404, `GraphQL playground asset not found: ${pathname}`);
    else sendAsset(request, response, asset);
    return true;
  }

  if (pathname === graphqlPath && wantsPlayground(request.method, request.headers.accept)) {
    sendPage(response, renderPlaygroundPage({ endpoint: graphqlPath, title: options.title, defaultQuery: options.defaultQuery }));
    return true;
  }

  return false;
}
