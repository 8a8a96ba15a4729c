import { spawnSync } from 'node:child_process';

/** whether an external program is on PATH (pdflatex, soffice, ...) */
export function hasTool(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** the first of `cmds` on PATH, or null */
export function findTool(...cmds: string[]): string | null {
  return cmds.find(hasTool) ?? null;
}

export class MissingToolError extends Error {}

/** Throw a clear error naming the missing program and the Debian packages that provide it. */
export function requireTool(cmd: string, debianPackages: string): void {
  if (!hasTool(cmd))
    throw new MissingToolError(
      `${cmd} is not installed: the corpus renderer needs it (apt-get install -y ${debianPackages})`,
    );
}
