import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { composeFromCode, permissionsFileText } from '../plugins/composition';
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
    console.log(`wrote ${subgraph.schemaFile}`);
  }
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
