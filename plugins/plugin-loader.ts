import fs from 'node:fs';
import path from 'node:path';
import type { AnyPlugin } from './contract';
import { checkPluginDeclaration, PluginError } from './plugin-checks';
import { subgraphsCodeDir } from './project';

/** Load the plugin of subgraph `name` from subgraphs/<name>/ and check its declaration. */
export function loadPlugin(name: string, codeDir = subgraphsCodeDir()): AnyPlugin {
  const folder = path.join(codeDir, name);
  if (!fs.existsSync(folder)) {
    throw new PluginError(name, `rover.yaml lists it but the folder subgraphs/${name}/ does not exist`);
  }
  let moduleExports: { default?: AnyPlugin };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    moduleExports = require(folder);
  } catch (error) {
    throw new PluginError(name, `loading subgraphs/${name}/index failed: ${(error as Error).message}`);
  }
  const plugin = moduleExports.default;
  checkPluginDeclaration(plugin as AnyPlugin, name);
  return plugin as AnyPlugin;
}
