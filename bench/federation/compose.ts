import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { BENCHMARK_SUBGRAPHS, BenchmarkSubgraph, isBenchmarkSubgraph, subgraphTypeDefs } from './subgraphs';

/** Compose the four benchmark subgraphs offline into a supergraph SDL that routes to `urls`. */
export function composeBenchmarkSupergraph(urls: Record<BenchmarkSubgraph, string>): string {
  const result = composeServices(
    BENCHMARK_SUBGRAPHS.map((name) => ({ name, url: urls[name], typeDefs: subgraphTypeDefs(name) })),
  );
  if (result.errors) {
    throw new Error(`composing the benchmark supergraph failed:\n${result.errors.map((error) => error.message).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** Write the composed supergraph to a new temporary file and return its path. */
export function writeBenchmarkSupergraph(urls: Record<BenchmarkSubgraph, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ragem-bench-supergraph-'));
  const file = path.join(dir, 'supergraph.graphql');
  fs.writeFileSync(file, composeBenchmarkSupergraph(urls));
  return file;
}

const USAGE = `Usage: node dist/bench/federation/compose.js accounts=URL inventory=URL products=URL reviews=URL

Composes the benchmark supergraph offline with those routing URLs, writes it to a temporary file
and prints the file's path.`;

/** Command line: parse name=URL pairs and print the path of the written supergraph. */
function main(argv: string[]): void {
  const urls: Partial<Record<BenchmarkSubgraph, string>> = {};
  for (const argument of argv) {
    const [name, url] = argument.split(/=(.*)/s, 2);
    if (!isBenchmarkSubgraph(name) || !url) {
      console.error(`invalid argument "${argument}": expected NAME=URL with NAME one of ${BENCHMARK_SUBGRAPHS.join(', ')}\n\n${USAGE}`);
      process.exit(2);
    }
    urls[name] = url;
  }
  const missing = BENCHMARK_SUBGRAPHS.filter((name) => !urls[name]);
  if (missing.length > 0) {
    console.error(`missing URL for ${missing.join(', ')}\n\n${USAGE}`);
    process.exit(2);
  }
  console.log(writeBenchmarkSupergraph(urls as Record<BenchmarkSubgraph, string>));
}

if (require.main === module) main(process.argv.slice(2));
