import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findProjectRoot } from '../plugins/project';
import { readRoverConfig, SUBGRAPH_NAME_PATTERN } from '../plugins/rover';
import { namesOf } from './scaffold/names';
import { subgraphFiles } from './scaffold/templates';

const USAGE = 'Usage: npm run new-subgraph -- <name> [--owner <opd-id>]\n' +
  '  <name>   lowercase letters and digits, words joined by "-", 2 to 40 characters, such as pelatihan\n' +
  '  --owner  id of the OPD that owns the subgraph, such as diskominfo (default diskominfo)';

/** Names that would clash with the platform's folders, GraphQL keywords or common schema names. */
const RESERVED = new Set([
  'plugins', 'supergraph', 'subgraphs', 'schema', 'scripts', 'test', 'tests', 'bench', 'docs', 'dist', 'data',
  'node-modules', 'gateway', 'graphql', 'query', 'mutation', 'subscription', 'schema', 'type', 'health', 'ready',
  'federation', 'join', 'link', 'service', 'entities', 'internal', 'admin', 'all', 'new',
]);

class ScaffoldError extends Error {}

function parseArguments(argv: string[]): { name: string; owner: string } {
  const positional: string[] = [];
  let owner = 'diskominfo';
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] === '--owner') owner = argv[(index += 1)] ?? '';
    else if (argv[index] === '--help') throw new ScaffoldError(USAGE);
    else positional.push(argv[index]);
  }
  if (positional.length !== 1) throw new ScaffoldError(USAGE);
  return { name: positional[0], owner };
}

/** Check the name and owner against the rules and the existing subgraphs; changes nothing. */
function checkNewSubgraph(root: string, name: string, owner: string): void {
  if (!SUBGRAPH_NAME_PATTERN.test(name) || name.length < 2 || name.length > 40) {
    throw new ScaffoldError(`Invalid subgraph name "${name}": use 2 to 40 lowercase letters and digits, words joined by "-", starting with a letter.`);
  }
  if (RESERVED.has(name)) throw new ScaffoldError(`The name "${name}" is reserved by the platform; choose another.`);
  if (!SUBGRAPH_NAME_PATTERN.test(owner)) throw new ScaffoldError(`Invalid --owner "${owner}": give an OPD id such as diskominfo.`);
  if (readRoverConfig().subgraphs.some((subgraph) => subgraph.name === name)) {
    throw new ScaffoldError(`rover.yaml already lists a subgraph named "${name}"; choose another name.`);
  }
  if (fs.existsSync(path.join(root, 'subgraphs', name))) {
    throw new ScaffoldError(`The folder subgraphs/${name}/ already exists; choose another name or remove it.`);
  }
}

function roverEntry(name: string, port: number): string {
  return `  ${name}:\n    routing_url: http://127.0.0.1:${port}/graphql\n    schema:\n      file: schema/subgraphs/${name}.graphql\n`;
}

/**
 * `npm run new-subgraph -- <name> [--owner <opd-id>]`: create subgraphs/<name>/ from the plugin
 * contract, add it to rover.yaml with the next free port, build and compose. A failure rolls back
 * the folder and rover.yaml, so a clash or an error changes nothing.
 */
function main(): number {
  const root = findProjectRoot();
  let name: string;
  let owner: string;
  try {
    ({ name, owner } = parseArguments(process.argv.slice(2)));
    checkNewSubgraph(root, name, owner);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }

  const port = Math.max(4000, ...readRoverConfig().subgraphs.map((subgraph) => subgraph.port)) + 1;
  const folder = path.join(root, 'subgraphs', name);
  const roverFile = path.join(root, 'rover.yaml');
  const roverBefore = fs.readFileSync(roverFile, 'utf8');
  try {
    for (const [file, text] of Object.entries(subgraphFiles(namesOf(name), owner, Date.now()))) {
      fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      fs.writeFileSync(path.join(folder, file), text);
    }
    fs.writeFileSync(roverFile, `${roverBefore.replace(/\n*$/, '\n')}${roverEntry(name, port)}`);
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-if-needed.js')], { cwd: root, stdio: 'inherit' });
    execFileSync(process.execPath, [path.join(root, 'dist', 'scripts', 'compose.js')], { cwd: root, stdio: 'inherit' });
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.writeFileSync(roverFile, roverBefore);
    console.error(`Creating subgraph "${name}" failed and was rolled back: ${(error as Error).message}`);
    return 1;
  }

  console.log(`Created subgraphs/${name}/ (port ${port}, owner ${owner}) and composed the supergraph.`);
  console.log(`Next: edit subgraphs/${name}/, run "npm run compose" after schema changes, then "npm start" and "npm test".`);
  return 0;
}

process.exit(main());
