import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildFederatedSchema } from './federated-schema';
import { loadPlugin } from './plugin-loader';
import { readRoverConfig, RoverSubgraph } from './rover';

export interface CompositionResult {
  subgraphs: (RoverSubgraph & { sdl: string })[];
  supergraphSdl?: string;
  errors: string[];
  hints: string[];
}

/** Format a composition error or hint as one line: its code, then the message that names subgraphs, types and fields. */
function describe(item: { message: string; extensions?: { code?: unknown }; definition?: { code: string } }): string {
  const code = item.definition?.code ?? item.extensions?.code ?? 'COMPOSITION';
  return `[${String(code)}] ${item.message}`;
}

/**
 * Build every subgraph schema of rover.yaml from its plugin code and compose the supergraph
 * with @apollo/composition, offline.
 */
export async function composeFromCode(): Promise<CompositionResult> {
  const rover = readRoverConfig();
  const subgraphs: CompositionResult['subgraphs'] = [];
  const errors: string[] = [];
  for (const entry of rover.subgraphs) {
    try {
      const { sdl } = await buildFederatedSchema(loadPlugin(entry.name));
      subgraphs.push({ ...entry, sdl });
    } catch (error) {
      errors.push(`subgraph ${entry.name}: ${(error as Error).message}`);
    }
  }
  if (errors.length > 0) return { subgraphs, errors, hints: [] };

  const result = composeServices(
    subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(subgraph.sdl) })),
  );
  const hints = (result.hints ?? []).map(describe);
  if (result.errors) {
    return { subgraphs, errors: result.errors.map((error) => describe(error as never)), hints };
  }
  return { subgraphs, supergraphSdl: result.supergraphSdl, errors: [], hints };
}
