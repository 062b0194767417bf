import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The built CLI (`npm test` builds first): what a user runs (package.json's `bin`), argv parsing and all. */
export const CLI = join(import.meta.dirname, '../../dist/margin.cjs');

/** The user `nobody`: the suite runs as root, who reads any file, so a refusal is met as nobody. */
export const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `margin ARGS` in `cwd` as a user would, asynchronously (a blocked worker outlasts
 * vitest's reporting timeout on a loaded machine). `shell` runs a line of sh instead, with
 * `$MARGIN` standing for the command, for redirections and pipes: `$MARGIN list > /dev/full`.
 * `asNobody` runs it as `NOBODY` when the suite runs as root (`cwd` must be open to nobody).
 */
export function runMargin(
  cwd: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; shell?: string; asNobody?: boolean } = {},
): Promise<Ran> {
  const env = {
    ...process.env,
    MARGIN_ANNOTATOR: 'ana',
    MARGIN_DEBUG: '',
    ...options.env,
  };
  const [file, argv] =
    options.shell === undefined
      ? [process.execPath, [CLI, ...args]]
      : ['/bin/sh', ['-c', options.shell.replaceAll('$MARGIN', `"${process.execPath}" "${CLI}"`)]];
  return new Promise((resolve) => {
    execFile(
      file,
      argv,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env,
        ...(options.asNobody && asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}
