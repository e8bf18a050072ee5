/**
 * The modules a Node process loads, seen by a module hook registered before anything else: every URL
 * but Node's own, in load order. For the lazy-loading test (src/cli/lazyLoading.test.ts) and the
 * start-up benchmark (bench/scaleIoSuite.ts). (Test support only; nothing in the library imports it.)
 */
import { spawnSync } from 'node:child_process';

/** `--import` this to have every loaded module's URL written to stderr as `loaded URL`. */
export const moduleHook = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent("export async function load(url, context, next) { if (!url.startsWith('node:')) process._rawDebug('loaded ' + url); return next(url, context); }"));`,
)}`;

/** Runs `node [--import hook] ...nodeArgs` and returns its exit code and the URLs of the modules it loaded. */
export function loadedModules(nodeArgs: readonly string[], cwd: string): { code: number | null; modules: string[] } {
  const result = spawnSync(process.execPath, ['--import', moduleHook, ...nodeArgs], { cwd, encoding: 'utf8', env: { ...process.env, PARLEY_DEBUG: '' }, maxBuffer: 64 << 20 });
  const modules = result.stderr.split('\n').flatMap((line) => (line.startsWith('loaded ') ? [line.slice('loaded '.length)] : []));
  return { code: result.status, modules };
}

/** The npm packages among the URLs (scoped names kept whole), each once, sorted. */
export function packagesOf(modules: readonly string[]): string[] {
  const names = modules.flatMap((url) => {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(url);
    return match ? [match[1]!] : [];
  });
  return [...new Set(names)].sort();
}
