import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { WifiPointRow } from '../../subgraphs/places/entities';
import { ReportEventRow, ReportRow } from '../../subgraphs/rabeg/entities';

const INSERT_CHUNK = 200;

export interface SqlScenario {
  /** Subgraph whose database `store` fills. */
  subgraph: string;
  query: string;
  /** Make the subgraph hold exactly `size` benchmark rows, spread over the kelurahan `codes`. */
  store(db: DataSource, size: number, codes: string[]): Promise<void>;
  /** Check the response against `size` and return how many rows it lists. */
  check(data: Record<string, unknown>, size: number, codes: string[]): number;
}

async function insertChunks<T extends object>(db: DataSource, entity: new () => T, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await db.getRepository(entity).insert(rows.slice(start, start + INSERT_CHUNK));
}

/** Count the existing rows with the prefix; the sizes grow, so only the missing ones are added. */
async function existing(db: DataSource, entity: new () => object, column: string, prefix: string, size: number): Promise<number> {
  const count = await db.getRepository(entity).createQueryBuilder('row').where(`row.${column} LIKE :prefix`, { prefix: `${prefix}%` }).getCount();
  if (count > size) throw new Error(`the table already contains ${count} benchmark rows, more than the requested ${size}; list --sizes in increasing order`);
  return count;
}

const WIFI_PREFIX = 'bench-wifi-';

const wifi: SqlScenario = {
  subgraph: 'places',
  query: '{ kecamatanList { kelurahan { wifiPoints { name } } } }',
  async store(db, size, codes) {
    const rows: WifiPointRow[] = [];
    for (let index = await existing(db, WifiPointRow, 'id', WIFI_PREFIX, size); index < size; index += 1) {
      rows.push({ id: `${WIFI_PREFIX}${String(index).padStart(5, '0')}`, name: `Titik WiFi ${index}`, address: null, latitude: null, longitude: null, kelurahanCode: codes[index % codes.length], source: 'benchmark' });
    }
    await insertChunks(db, WifiPointRow, rows);
  },
  check(data, size) {
    const kecamatan = data.kecamatanList as { kelurahan: { wifiPoints: unknown[] | null }[] }[];
    const returned = kecamatan.reduce((sum, item) => sum + item.kelurahan.reduce((inner, kelurahan) => inner + (kelurahan.wifiPoints?.length ?? 0), 0), 0);
    if (returned !== size) throw new Error(`the query returned ${returned} WiFi points, expected ${size}`);
    return returned;
  },
};

const REPORT_PREFIX = 'RBG-BENCH-';
const CATEGORIES: [string, string][] = [
  ['street-light', 'dishub'],
  ['road-damage', 'dpupr'],
  ['waste', 'dlh'],
  ['social-assistance', 'dinsos'],
];
const PAGE = 3;

/** Build one public, dispatched report with its three timeline entries. */
function benchReport(index: number, codes: string[]): { report: ReportRow; events: ReportEventRow[] } {
  const [categoryCode, opdId] = CATEGORIES[index % CATEGORIES.length];
  const at = new Date(Date.UTC(2026, 0, 5) + index * 60_000).toISOString();
  const id = randomUUID();
  const report: ReportRow = {
    id,
    trackingNumber: `${REPORT_PREFIX}${String(index).padStart(6, '0')}`,
    categoryCode,
    title: `Laporan uji ${index}`,
    description: 'Laporan untuk pengukuran.',
    latitude: null,
    longitude: null,
    kelurahanCode: codes[index % codes.length],
    address: null,
    photoUrls: '[]',
    severity: 'MEDIUM',
    anonymous: 0,
    confidential: 0,
    reporterId: `bench-account-${index % 50}`,
    clientKey: null,
    bodyHash: '0'.repeat(64),
    state: 'DISPATCHED',
    closeReason: null,
    duplicateOfId: null,
    opdId,
    supportCount: 0,
    version: 3,
    submittedAt: at,
    submittedOn: at.slice(0, 10),
    verifiedAt: at,
    dispatchedAt: at,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    dueAt: at,
    dueKind: 'FIRST_RESPONSE',
    completionDueAt: at,
    dueProvisional: 0,
    autoCloseAt: null,
    updatedAt: at,
  };
  const steps: [string, string | null, string, string][] = [
    ['SUBMITTED', null, 'SUBMITTED', 'REPORTER'],
    ['VERIFIED', 'SUBMITTED', 'VERIFIED', 'COORDINATOR'],
    ['DISPATCHED', 'VERIFIED', 'DISPATCHED', 'COORDINATOR'],
  ];
  const events = steps.map(([action, fromState, toState, actorRole], step) => ({
    id: randomUUID(),
    reportId: id,
    sequence: step + 1,
    action,
    fromState,
    toState,
    actorRole,
    actorOpdId: null,
    actorId: null,
    opdId: action === 'DISPATCHED' ? opdId : null,
    closeReason: null,
    note: null,
    createdAt: at,
  }));
  return { report, events };
}

const rabeg: SqlScenario = {
  subgraph: 'rabeg',
  query:
    `{ kecamatanList { kelurahan { reports(first: ${PAGE}) { nodes { trackingNumber category { name } opd { acronym } timeline { action opd { acronym } } } } } } ` +
    'opdList { reports(first: 3) { nodes { trackingNumber } } rabegStats(from: "2026-01-01", to: "2026-12-31") { received } } }',
  async store(db, size, codes) {
    const pending = [];
    for (let index = await existing(db, ReportRow, 'tracking_number', REPORT_PREFIX, size); index < size; index += 1) pending.push(benchReport(index, codes));
    await insertChunks(db, ReportRow, pending.map((entry) => entry.report));
    await insertChunks(db, ReportEventRow, pending.flatMap((entry) => entry.events));
  },
  check(data, size, codes) {
    const kecamatan = data.kecamatanList as { kelurahan: { reports: { nodes: { timeline: unknown[] }[] } }[] }[];
    const pages = kecamatan.flatMap((item) => item.kelurahan.map((kelurahan) => kelurahan.reports.nodes));
    const returned = pages.reduce((sum, nodes) => sum + nodes.length, 0);
    const expected = codes.reduce((sum, _code, index) => sum + Math.min(PAGE, Math.floor(size / codes.length) + (index < size % codes.length ? 1 : 0)), 0);
    if (returned !== expected) throw new Error(`the query returned ${returned} reports, expected ${expected}`);
    if (pages.some((nodes) => nodes.some((node) => node.timeline.length !== 3))) throw new Error('a report came back without its three timeline entries');
    const received = (data.opdList as { rabegStats: { received: number } }[]).reduce((sum, opd) => sum + opd.rabegStats.received, 0);
    if (received !== size) throw new Error(`the OPD figures count ${received} reports, expected ${size}`);
    return returned;
  },
};

export const SCENARIOS: Record<string, SqlScenario> = { wifi, rabeg };
