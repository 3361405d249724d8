import { CONTRACT_VERSION, AnyPlugin } from './contract';
import { checkRegistry } from './errors';
import { SUBGRAPH_NAME_PATTERN } from './rover';

/** A plugin that cannot start; the message names the plugin and what to fix. */
export class PluginError extends Error {
  constructor(
    readonly pluginName: string,
    problem: string,
  ) {
    super(`Subgraph plugin "${pluginName}" cannot start: ${problem}`);
    this.name = 'PluginError';
  }
}

/** Check the declaration of a plugin before anything is built from it. */
export function checkPluginDeclaration(plugin: AnyPlugin, expectedName: string): void {
  const problems: string[] = [];
  if (!plugin || typeof plugin !== 'object') {
    throw new PluginError(expectedName, `subgraphs/${expectedName}/index.ts must "export default definePlugin({...})"`);
  }
  if (plugin.name !== expectedName) {
    problems.push(`its name is "${plugin.name}" but its folder and rover.yaml entry are "${expectedName}"; make them equal`);
  }
  if (!SUBGRAPH_NAME_PATTERN.test(String(plugin.name))) {
    problems.push('name must be lowercase letters and digits, words joined by "-"');
  }
  if (plugin.contractVersion !== CONTRACT_VERSION) {
    problems.push(`contractVersion is ${plugin.contractVersion}; this host implements contract version ${CONTRACT_VERSION}`);
  }
  if (!plugin.owner) problems.push('owner must name the OPD that owns it (an agencies id such as "diskominfo")');
  if (!plugin.schema?.resolvers?.length) problems.push('schema.resolvers must list at least one type-graphql resolver class');
  if (!plugin.schema?.references) problems.push('schema.references must give __resolveReference for each entity ({} when none)');
  if (!Array.isArray(plugin.database?.entities)) problems.push('database.entities must list its typeorm entities');
  if (!Array.isArray(plugin.database?.migrations)) problems.push('database.migrations must list its migrations');
  if (plugin.database?.entities?.length && !plugin.database.migrations?.length) {
    problems.push('it declares entities but no migrations; add a migration that creates their tables');
  }
  if (typeof plugin.createLoaders !== 'function') problems.push('createLoaders must be a function returning the DataLoaders of one request');
  problems.push(...checkRegistry(plugin.errors ?? {}));
  for (const [permission, description] of Object.entries(plugin.permissions ?? {})) {
    if (!new RegExp(`^${expectedName}:[a-z][a-z0-9-]*$`).test(permission)) {
      problems.push(`permission "${permission}" must be named "${expectedName}:<action>", the action in lowercase letters, digits and "-"`);
    }
    if (!description?.id?.trim() || !description?.en?.trim()) {
      problems.push(`permission "${permission}" needs a description in "id" and "en"`);
    }
  }

  if (problems.length > 0) throw new PluginError(expectedName, problems.join('; '));
}

/** Reject two plugins that declare the same name. */
export function checkUniqueNames(plugins: AnyPlugin[]): void {
  const seen = new Set<string>();
  for (const plugin of plugins) {
    if (seen.has(plugin.name)) {
      throw new PluginError(plugin.name, 'another plugin already declares this name; every subgraph needs its own name');
    }
    seen.add(plugin.name);
  }
}
