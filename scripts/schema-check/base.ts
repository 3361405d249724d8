import { execFileSync } from 'node:child_process';

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * Return the git revision to compare with: SCHEMA_BASE when set, else the newest `schema-release-*`
 * tag, else the first commit that has a composed supergraph. Throws when none can be found.
 */
export function resolveBase(root: string, env: NodeJS.ProcessEnv): { revision: string; why: string } {
  if (env.SCHEMA_BASE) return { revision: env.SCHEMA_BASE, why: 'SCHEMA_BASE' };
  const tags = git(root, 'tag', '--list', 'schema-release-*', '--sort=-creatordate').split('\n').filter(Boolean);
  if (tags.length > 0) return { revision: tags[0], why: 'newest schema-release tag' };
  const commits = git(root, 'log', '--format=%H', '--diff-filter=A', '--', 'schema/supergraph.graphql').split('\n').filter(Boolean);
  if (commits.length > 0) return { revision: commits[commits.length - 1], why: 'first commit with a supergraph' };
  throw new Error('no base to compare with: set SCHEMA_BASE, tag a schema-release-*, or commit schema/supergraph.graphql');
}

/** Read a file as committed at a revision, or undefined when that revision does not have it. */
export function readAtRevision(root: string, revision: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${revision}:${file}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
}

/** Throw unless the revision exists. */
export function checkRevision(root: string, revision: string): void {
  try {
    git(root, 'rev-parse', '--verify', '--quiet', `${revision}^{commit}`);
  } catch {
    throw new Error(`the base revision "${revision}" cannot be read; give a commit, branch or tag that exists`);
  }
}
