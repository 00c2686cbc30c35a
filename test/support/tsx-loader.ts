import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * `--import` argument that runs TypeScript sources in a child process from any working
 * directory (a bare `--import tsx` resolves against the child's cwd, which may be a temp dir).
 */
export const TSX_IMPORT = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
