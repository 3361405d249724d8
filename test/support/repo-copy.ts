import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findProjectRoot } from '../../plugins/project';

/** A throwaway git copy of the repository's tracked files, sharing its node_modules. */
export interface RepoCopy {
  dir: string;
  /** Run a node script in the copy; throws with its output when it exits non-zero. */
  node(args: string[], env?: NodeJS.ProcessEnv): string;
  git(...args: string[]): string;
  remove(): void;
}

export function copyRepository(prefix: string): RepoCopy {
  const root = findProjectRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    if (!fs.existsSync(path.join(root, file))) continue;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=copy', '-c', 'user.email=copy@example.invalid', 'commit', '-qm', 'copy');
  return {
    dir,
    git,
    node: (args, env = {}) =>
      execFileSync(process.execPath, args, { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
