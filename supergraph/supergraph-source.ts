import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, StringValueNode } from 'graphql';
import { ConfigError } from '../plugins/config-spec';
import { findProjectRoot } from '../plugins/project';
import { readRoverConfig } from '../plugins/rover';

/** A composed supergraph for the gateway, with the URL of each subgraph in it. */
export interface SupergraphSource {
  path: string;
  /** Origin of the file, for messages: "SUPERGRAPH_PATH names <file>". */
  description: string;
  sdl: string;
  subgraphs: { name: string; url: string }[];
}

/** Subgraph names and routing URLs written in a supergraph's `join__Graph` enum. */
export function subgraphsInSupergraph(sdl: string): { name: string; url: string }[] {
  const document = parse(sdl);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    return (definition.values ?? []).map((value) => {
      const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
      const argument = (name: string) =>
        (graph?.arguments?.find((arg) => arg.name.value === name)?.value as StringValueNode | undefined)?.value;
      return { name: argument('name') ?? value.name.value.toLowerCase(), url: argument('url') ?? '' };
    });
  }
  throw new Error('the file has no join__Graph enum; is it a composed supergraph?');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Environment variable that overrides one subgraph's URL: `SUBGRAPH_REGIONS_URL`. */
export function urlVariableOf(subgraph: string): string {
  return `SUBGRAPH_${subgraph.toUpperCase().replace(/-/g, '_')}_URL`;
}

/**
 * Resolve what the gateway serves. With SUPERGRAPH_PATH: that file with the URLs written in it.
 * Otherwise schema/supergraph.graphql with the routing URLs of rover.yaml. In both cases
 * SUBGRAPH_<NAME>_URL overrides one subgraph, and `overrides` (from code) override everything.
 */
export function resolveSupergraphSource(options: {
  supergraphPath?: string;
  env?: NodeJS.ProcessEnv;
  overrides?: Record<string, string>;
}): SupergraphSource {
  const env = options.env ?? process.env;
  const root = findProjectRoot();
  const usesDefault = !options.supergraphPath;
  const file = path.resolve(root, options.supergraphPath ?? path.join('schema', 'supergraph.graphql'));
  const named = usesDefault ? `SUPERGRAPH_PATH is unset, so the gateway serves ${file}` : `SUPERGRAPH_PATH names ${file}`;
  if (!fs.existsSync(file)) {
    throw new ConfigError([`${named}, which does not exist; run "npm run compose" or fix the path`]);
  }
  let sdl: string;
  try {
    sdl = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`${named}, which cannot be read: ${(error as Error).message}`]);
  }
  let subgraphs: { name: string; url: string }[];
  try {
    subgraphs = subgraphsInSupergraph(sdl);
  } catch (error) {
    throw new ConfigError([`${named}, which is not a composed supergraph: ${(error as Error).message}`]);
  }

  if (usesDefault) {
    const routing = new Map(readRoverConfig().subgraphs.map((subgraph) => [subgraph.name, subgraph.routingUrl]));
    subgraphs = subgraphs.map((subgraph) => ({ ...subgraph, url: routing.get(subgraph.name) ?? subgraph.url }));
  }

  const problems: string[] = [];
  const known = new Set(subgraphs.map((subgraph) => urlVariableOf(subgraph.name)));
  for (const variable of Object.keys(env)) {
    if (/^SUBGRAPH_.+_URL$/.test(variable) && !known.has(variable)) {
      problems.push(`${variable} names no subgraph of the supergraph; expected one of ${[...known].join(', ')}`);
    }
  }
  subgraphs = subgraphs.map((subgraph) => {
    const fromCode = options.overrides?.[subgraph.name];
    const fromEnv = env[urlVariableOf(subgraph.name)];
    const url = fromCode ?? (fromEnv || subgraph.url);
    if (!isHttpUrl(url)) {
      problems.push(`${urlVariableOf(subgraph.name)} is invalid: expected an http:// or https:// URL`);
    }
    return { ...subgraph, url };
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return { path: file, description: named, sdl, subgraphs };
}
