/**
 * Headless Chromium from the system's `chromium` package (never a downloaded browser), driven by
 * playwright-core, in a fresh profile directory that is removed afterwards. The test command
 * (tests/support/chromium.js) locates the browser and passes it as PARLEY_CHROMIUM.
 */
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

/** A launch that takes longer than this fails (and the test run ends) instead of waiting. */
const launchTimeoutMs = 60_000;

const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Throws one line saying what to install when `path` is not an executable file. */
export function assertBrowserPresent(path = chromiumPath): void {
  let ok = false;
  try {
    ok = statSync(path).isFile();
    accessSync(path, constants.X_OK);
  } catch {
    ok = false;
  }
  if (!ok) throw new Error(`${path} is not an executable browser: install Chromium (Debian/Ubuntu: apt-get install chromium) or set PARLEY_CHROMIUM`);
}

export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  assertBrowserPresent();
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  let context: BrowserContext;
  try {
    // A persistent context is how playwright takes an explicit --user-data-dir: here a fresh, empty one.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: flags,
      viewport,
      acceptDownloads: true,
      timeout: launchTimeoutMs,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type LaunchedBrowser = Awaited<ReturnType<typeof launchBrowser>>;
