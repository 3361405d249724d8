import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { composeFromCode, errorReferencePath, errorReferenceText, permissionsFileText, PLATFORM_ERROR_REFERENCE_PATH } from '../plugins/composition';
import { PLATFORM_ERRORS } from '../plugins/errors';
import { findProjectRoot } from '../plugins/project';

/** Write schema/subgraphs/<name>.graphql and schema/supergraph.graphql from the plugins' code. */
async function main(): Promise<number> {
  const root = findProjectRoot();
  const result = await composeFromCode();
  for (const hint of result.hints) console.warn(`hint: ${hint}`);
  if (result.errors.length > 0) {
    console.error('Composition failed:');
    for (const error of result.errors) console.error(`  ${error}`);
    return 1;
  }

  for (const subgraph of result.subgraphs) {
    const file = path.join(root, subgraph.schemaFile);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, subgraph.sdl);
    fs.writeFileSync(path.join(root, errorReferencePath(subgraph.name)), subgraph.errorReference);
    console.log(`wrote ${subgraph.schemaFile} and ${errorReferencePath(subgraph.name)}`);
  }
  fs.writeFileSync(path.join(root, PLATFORM_ERROR_REFERENCE_PATH), errorReferenceText('Platform error codes', PLATFORM_ERRORS));
  fs.writeFileSync(path.join(root, 'schema', 'supergraph.graphql'), result.supergraphSdl!);
  fs.writeFileSync(path.join(root, 'schema', 'permissions.json'), permissionsFileText(result.permissions));
  console.log(`wrote schema/permissions.json (${Object.keys(result.permissions).length} permissions)`);
  console.log(`wrote schema/supergraph.graphql (${result.subgraphs.length} subgraphs)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
