import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import YAML from 'yaml';
import { composeFromCode } from '../plugins/composition';
import { findProjectRoot } from '../plugins/project';
import { checkRevision, readAtRevision, resolveBase } from './schema-check/base';
import { apiSchemaOf, compareSchemas, ReportedChange, subgraphSchemaOf } from './schema-check/compare';

const ACCEPTED_FILE = path.join('schema', 'accepted-changes.yaml');

interface AcceptedChange {
  coordinate: string;
  change: string;
  reason: string;
}

/** Read schema/accepted-changes.yaml: breaking changes acknowledged on purpose, each with a reason. */
function readAccepted(root: string): AcceptedChange[] {
  const file = path.join(root, ACCEPTED_FILE);
  if (!fs.existsSync(file)) return [];
  const entries = (YAML.parse(fs.readFileSync(file, 'utf8')) ?? []) as Partial<AcceptedChange>[];
  if (!Array.isArray(entries)) throw new Error(`${ACCEPTED_FILE} must be a list of { coordinate, change, reason }`);
  return entries.map((entry, index) => {
    if (!entry?.coordinate || !entry.change || !entry.reason?.trim()) {
      throw new Error(`${ACCEPTED_FILE} entry ${index + 1} needs coordinate, change and a reason`);
    }
    return entry as AcceptedChange;
  });
}

function isAccepted(change: ReportedChange, accepted: AcceptedChange[]): AcceptedChange | undefined {
  return accepted.find((entry) => entry.coordinate === change.coordinate && entry.change === change.change);
}

/**
 * `npm run schema:check`: compose from the working tree and compare the API schema of the
 * supergraph and each subgraph's schema with those committed at the base revision. Exits 1 on
 * an unacknowledged breaking change, 2 when the base cannot be read.
 */
async function main(): Promise<number> {
  const root = findProjectRoot();
  let revision: string;
  let baseSupergraph: string | undefined;
  let accepted: AcceptedChange[];
  try {
    const base = resolveBase(root, process.env);
    revision = base.revision;
    checkRevision(root, revision);
    baseSupergraph = readAtRevision(root, revision, 'schema/supergraph.graphql');
    if (!baseSupergraph) throw new Error(`the base revision "${revision}" has no schema/supergraph.graphql`);
    accepted = readAccepted(root);
    console.log(`Comparing with ${revision} (${base.why}).`);
  } catch (error) {
    console.error(`Schema check failed: ${(error as Error).message}`);
    return 2;
  }

  const result = await composeFromCode();
  if (result.errors.length > 0) {
    console.error('Composition failed, so there is no new schema to compare:');
    for (const error of result.errors) console.error(`  ${error}`);
    return 1;
  }

  const changes = await compareSchemas('supergraph', apiSchemaOf(baseSupergraph), apiSchemaOf(result.supergraphSdl!));
  for (const subgraph of result.subgraphs) {
    const before = readAtRevision(root, revision, subgraph.schemaFile.split(path.sep).join('/'));
    if (!before) {
      console.log(`  new subgraph ${subgraph.name}: nothing to compare`);
      continue;
    }
    changes.push(...(await compareSchemas(subgraph.name, subgraphSchemaOf(subgraph.name, before), subgraphSchemaOf(subgraph.name, subgraph.sdl))));
  }

  let blocking = 0;
  for (const change of changes) {
    const acknowledged = change.level === 'BREAKING' ? isAccepted(change, accepted) : undefined;
    if (change.level === 'BREAKING' && !acknowledged) blocking += 1;
    const note = acknowledged ? ` (accepted: ${acknowledged.reason})` : '';
    console.log(`${change.level} [${change.scope}] ${change.coordinate} ${change.change}: ${change.reason}${note}`);
  }
  if (blocking > 0) {
    console.error(
      `${blocking} breaking change(s) not acknowledged. Keep the old fields (deprecate them first), or, when the break is agreed with the clients, add { coordinate, change, reason } to ${ACCEPTED_FILE}.`,
    );
    return 1;
  }
  console.log(changes.length === 0 ? 'No breaking or dangerous changes.' : 'No unacknowledged breaking changes.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
