/**
 * Serves the built web app (web/dist) as static files. Paths are resolved inside the root only;
 * an unknown path that is not a file request falls back to index.html (the app's own routing).
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { sendText } from './http.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export async function serveStatic(webRoot: string, urlPath: string, response: ServerResponse): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    sendText(response, 400, 'bad path');
    return;
  }
  const target = normalize(join(webRoot, relative));
  if (target !== webRoot && !target.startsWith(webRoot.endsWith(sep) ? webRoot : webRoot + sep)) {
    sendText(response, 404, 'not found');
    return;
  }
  const file = (await isFile(target)) ? target : extname(relative) === '' ? join(webRoot, 'index.html') : undefined;
  if (!file || !(await isFile(file))) {
    if (file?.endsWith('index.html')) {
      sendText(response, 503, 'The web app is not built yet: run `npm run build:web` (or `npm start`), then reload.');
    } else sendText(response, 404, 'not found');
    return;
  }
  const body = await readFile(file);
  // Vite fingerprints the assets' names, so they can be cached for good; index.html never is.
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  sendText(response, 200, body, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'cache-control': cache,
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
