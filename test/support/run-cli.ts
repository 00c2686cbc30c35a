import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, TSX_IMPORT } from './tsx-loader.js';

const CLI = join(ROOT, 'src', 'cli', 'main.ts');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI from the TypeScript sources as a child process, the way a user pipes commands
 * into `npm start`: `input` goes to stdin, which is then closed. Only PATH and HOME are inherited.
 */
export function runCli(args: readonly string[], input: string, env: Record<string, string>, cwd: string): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX_IMPORT, CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
