import fs from 'node:fs';
import path from 'node:path';
import { composeFromCode, errorReferencePath, errorReferenceText, permissionsFileText, PLATFORM_ERROR_REFERENCE_PATH } from '../plugins/composition';
import { PLATFORM_ERRORS } from '../plugins/errors';
import { findProjectRoot } from '../plugins/project';

const HINT = 'The committed schema differs from the code: run "npm run compose" and commit schema/.';

test('committed schema matches a fresh composition', async () => {
  const root = findProjectRoot();
  const result = await composeFromCode();

  expect(result.errors).toEqual([]);
  for (const subgraph of result.subgraphs) {
    const committed = fs.readFileSync(path.join(root, subgraph.schemaFile), 'utf8');
    if (committed !== subgraph.sdl) throw new Error(`${subgraph.schemaFile}: ${HINT}`);
    const reference = errorReferencePath(subgraph.name);
    if (!fs.existsSync(path.join(root, reference)) || fs.readFileSync(path.join(root, reference), 'utf8') !== subgraph.errorReference) {
      throw new Error(`${reference}: ${HINT}`);
    }
  }
  const platformReference = fs.readFileSync(path.join(root, PLATFORM_ERROR_REFERENCE_PATH), 'utf8');
  if (platformReference !== errorReferenceText('Platform error codes', PLATFORM_ERRORS)) throw new Error(`${PLATFORM_ERROR_REFERENCE_PATH}: ${HINT}`);
  const supergraph = fs.readFileSync(path.join(root, 'schema', 'supergraph.graphql'), 'utf8');
  if (supergraph !== result.supergraphSdl) throw new Error(`schema/supergraph.graphql: ${HINT}`);
  const permissions = fs.readFileSync(path.join(root, 'schema', 'permissions.json'), 'utf8');
  if (permissions !== permissionsFileText(result.permissions)) throw new Error(`schema/permissions.json: ${HINT}`);
});

test('schema folder holds no stale subgraph files', async () => {
  const root = findProjectRoot();
  const result = await composeFromCode();
  const expected = result.subgraphs.map((subgraph) => path.basename(subgraph.schemaFile)).sort();
  const present = fs.readdirSync(path.join(root, 'schema', 'subgraphs')).filter((file) => file.endsWith('.graphql')).sort();

  expect(present).toEqual(expected);
});
