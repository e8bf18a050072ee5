/**
 * Headless Chromium from Debian's `chromium` package (never a downloaded browser), driven by
 * playwright-core, in a fresh profile directory that is removed afterwards.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: install Debian's chromium package (apt-get install -y chromium; .ci/run does this)`);
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  // A persistent context is how playwright takes an explicit --user-data-dir: here a fresh, empty one.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: flags,
    viewport,
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type LaunchedBrowser = Awaited<ReturnType<typeof launchBrowser>>;
