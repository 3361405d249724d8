import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildFederatedSchema } from './federated-schema';
import { loadPlugin } from './plugin-loader';
import { readRoverConfig, RoverSubgraph } from './rover';

/** A permission a subgraph declares, as listed in schema/permissions.json. */
export interface DeclaredPermission {
  subgraph: string;
  description: { id: string; en: string };
}

export interface CompositionResult {
  subgraphs: (RoverSubgraph & { sdl: string })[];
  /** Every declared permission by name, sorted by name. */
  permissions: Record<string, DeclaredPermission>;
  supergraphSdl?: string;
  errors: string[];
  hints: string[];
}

/** Format a composition error or hint as one line: its code, then the message that names subgraphs, types and fields. */
function describe(item: { message: string; extensions?: { code?: unknown }; definition?: { code: string } }): string {
  const code = item.definition?.code ?? item.extensions?.code ?? 'COMPOSITION';
  return `[${String(code)}] ${item.message}`;
}

/** Render the permissions file: stable order and formatting, so it can be compared for drift. */
export function permissionsFileText(permissions: Record<string, DeclaredPermission>): string {
  return `${JSON.stringify(permissions, null, 2)}\n`;
}

/**
 * Build every subgraph schema of rover.yaml from its plugin code, collect the permissions the
 * plugins declare, and compose the supergraph with @apollo/composition, offline.
 */
export async function composeFromCode(): Promise<CompositionResult> {
  const rover = readRoverConfig();
  const subgraphs: CompositionResult['subgraphs'] = [];
  const declared: [string, DeclaredPermission][] = [];
  const errors: string[] = [];
  for (const entry of rover.subgraphs) {
    try {
      const plugin = loadPlugin(entry.name);
      const { sdl } = await buildFederatedSchema(plugin);
      subgraphs.push({ ...entry, sdl });
      for (const [name, description] of Object.entries(plugin.permissions ?? {})) {
        declared.push([name, { subgraph: entry.name, description: { id: description.id, en: description.en } }]);
      }
    } catch (error) {
      errors.push(`subgraph ${entry.name}: ${(error as Error).message}`);
    }
  }
  const permissions = Object.fromEntries(declared.sort(([a], [b]) => a.localeCompare(b)));
  if (errors.length > 0) return { subgraphs, permissions, errors, hints: [] };

  const result = composeServices(
    subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(subgraph.sdl) })),
  );
  const hints = (result.hints ?? []).map(describe);
  if (result.errors) {
    return { subgraphs, permissions, errors: result.errors.map((error) => describe(error as never)), hints };
  }
  return { subgraphs, permissions, supergraphSdl: result.supergraphSdl, errors: [], hints };
}
