/**
 * Editors the tests drive, from Debian's packages: a command's path, installing its packages with
 * apt-get when it is missing and the tests run as root (CI), or a clear error saying what to install.
 */
import { spawnSync } from 'node:child_process';

/** `command` from `packages`; `addOns` are packages that add to it (elpa-eglot to Emacs), checked with dpkg. */
export function ensureCommand(command: string, packages: readonly string[], addOns: readonly string[] = []): string {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  const complete = addOns.every((name) => spawnSync('dpkg', ['-s', name], { encoding: 'utf8' }).status === 0);
  if (found && complete) return found;
  const wanted = [...packages, ...addOns];
  if (process.getuid?.() !== 0) throw new Error(`${command} is not installed and this is not root: run \`apt-get install -y ${packages.join(' ')}\` first.`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...wanted]]) {
    const result = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stderr}`);
  }
  return command;
}
