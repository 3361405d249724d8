import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { findProjectRoot } from './project';

/** One subgraph entry of rover.yaml. */
export interface RoverSubgraph {
  name: string;
  routingUrl: string;
  /** Path of the composed subgraph schema, relative to the project root. */
  schemaFile: string;
  /** Port of routingUrl: the port this subgraph listens on when run locally. */
  port: number;
}

export interface RoverConfig {
  federationVersion: string;
  subgraphs: RoverSubgraph[];
}

export const SUBGRAPH_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Read rover.yaml (rover's supergraph config format). The order of the subgraphs in the file is
 * the order the platform starts them in.
 */
export function readRoverConfig(file = path.join(findProjectRoot(), 'rover.yaml')): RoverConfig {
  const document = YAML.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> | null;
  const problems: string[] = [];
  const federationVersion = document?.federation_version;
  if (typeof federationVersion !== 'string' || !/^=?2\.\d+\.\d+$/.test(federationVersion)) {
    problems.push('federation_version must be a Federation 2 version such as "=2.14.4"');
  }

  const entries = document?.subgraphs;
  const subgraphs: RoverSubgraph[] = [];
  if (!entries || typeof entries !== 'object') {
    problems.push('subgraphs must map each subgraph name to its routing_url and schema.file');
  } else {
    for (const [name, value] of Object.entries(entries as Record<string, unknown>)) {
      const entry = value as { routing_url?: unknown; schema?: { file?: unknown } } | null;
      if (!SUBGRAPH_NAME_PATTERN.test(name)) {
        problems.push(`subgraph "${name}": the name must be lowercase letters and digits, words joined by "-"`);
        continue;
      }
      const routingUrl = entry?.routing_url;
      const schemaFile = entry?.schema?.file;
      let port = NaN;
      if (typeof routingUrl === 'string') {
        try {
          const url = new URL(routingUrl);
          port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
        } catch {
          // reported below
        }
      }
      if (!Number.isInteger(port)) problems.push(`subgraph "${name}": routing_url must be an http(s) URL`);
      if (typeof schemaFile !== 'string') problems.push(`subgraph "${name}": schema.file must be a path`);
      if (problems.length === 0) {
        subgraphs.push({ name, routingUrl: routingUrl as string, schemaFile: schemaFile as string, port });
      }
    }
  }

  if (problems.length > 0) {
    throw new Error(`rover.yaml is invalid:\n- ${problems.join('\n- ')}`);
  }
  return { federationVersion: (federationVersion as string).replace(/^=/, ''), subgraphs };
}
