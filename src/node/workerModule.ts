/**
 * The module a worker thread (tinypool) loads, given as a path beside the calling module without its
 * extension: the compiled `.js` file, or, when Parley runs from its TypeScript sources (tests under
 * tsx), the `.ts` file behind a one-line bootstrap that registers tsx first — worker threads do not
 * inherit tsx's loader.
 */
export function workerModuleUrl(callerUrl: string, relativePathWithoutExtension: string): string {
  if (!callerUrl.endsWith('.ts')) return new URL(`${relativePathWithoutExtension}.js`, callerUrl).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL(`${relativePathWithoutExtension}.ts`, callerUrl).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(tsx)}); register(); export default (await import(${JSON.stringify(worker)})).default;`;
  return `data:text/javascript,${encodeURIComponent(bootstrap)}`;
}
