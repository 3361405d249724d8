import fs from 'node:fs';
import path from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { CONTRACT_VERSION } from '../plugins/contract';
import { ERROR_CODE_PATTERN } from '../plugins/errors';
import { buildFederatedSchema } from '../plugins/federated-schema';
import { loadPlugin } from '../plugins/plugin-loader';
import { findProjectRoot } from '../plugins/project';
import { createTestDatabase } from './support/database';
import { startTestSubgraph, subgraphNames } from './support/subgraphs';

/** The contract every subgraph plugin of rover.yaml must meet; new plugins are picked up without edits. */
describe.each(subgraphNames())('plugin %s', (name) => {
  test('declares the current contract', () => {
    const plugin = loadPlugin(name);

    expect(plugin.name).toBe(name);
    expect(plugin.contractVersion).toBe(CONTRACT_VERSION);
    expect(plugin.owner).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(plugin.description.length).toBeGreaterThan(10);
  });

  test('error codes are stable and bilingual', () => {
    const plugin = loadPlugin(name);

    for (const [code, definition] of Object.entries(plugin.errors)) {
      expect(code).toMatch(ERROR_CODE_PATTERN);
      expect(definition.description.length).toBeGreaterThan(10);
      expect(definition.messages.id.length).toBeGreaterThan(10);
      expect(definition.messages.en.length).toBeGreaterThan(10);
      expect(definition.messages.id).not.toBe(definition.messages.en);
    }
  });

  test('every entity resolves references', async () => {
    const plugin = loadPlugin(name);
    const { entities } = await buildFederatedSchema(plugin);

    for (const entity of entities) expect(typeof plugin.schema.references[entity]).toBe('function');
  });

  test('migrates, seeds twice and serves', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestSubgraph(name, { database });
      const counts = async (subgraph: typeof first) =>
        Promise.all(subgraph.db.entityMetadatas.map((metadata) => subgraph.db.getRepository(metadata.target).count()));
      const before = await counts(first);
      const { _service } = await new GraphQLClient(first.graphqlUrl).request<{ _service: { sdl: string } }>('{ _service { sdl } }');
      await first.close();
      expect(_service.sdl).toContain('@link');

      const second = await startTestSubgraph(name, { database });
      const after = await counts(second);
      await second.close();
      expect(after).toEqual(before);
    } finally {
      await database.drop();
    }
  });

  test('ships a README in English and Indonesian', () => {
    const folder = path.join(findProjectRoot(), 'subgraphs', name);

    expect(fs.existsSync(path.join(folder, 'README.md'))).toBe(true);
    expect(fs.existsSync(path.join(folder, 'README.id.md'))).toBe(true);
  });

  test('imports no other subgraph', () => {
    const folder = path.join(findProjectRoot(), 'subgraphs', name);
    const others = subgraphNames().filter((other) => other !== name);
    const files = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));

    for (const file of files) {
      const source = fs.readFileSync(path.join(folder, file), 'utf8');
      for (const other of others) {
        expect({ file, imports: source.includes(`subgraphs/${other}`) || source.includes(`../${other}/`) }).toEqual({ file, imports: false });
      }
    }
  });
});
