import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * Which Chromium the browser tests drive: SOLMU_CHROMIUM if set, else a system Chromium or Chrome,
 * else the one packed inside the `@sparticuz/chromium` devDependency (unpacked into /tmp on first
 * use), so `npm install && npm test` needs nothing else on a Linux machine.
 */
export async function chromiumExecutable(): Promise<string> {
  const chosen = process.env.SOLMU_CHROMIUM;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`SOLMU_CHROMIUM=${chosen}: no such file`);
    return chosen;
  }
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (system) return system;
  const { default: packed } = await import('@sparticuz/chromium');
  return packed.executablePath();
}

/** Flags for a closed network: nothing phones home, nothing updates, no GPU, no QUIC. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  // Playwright gives each launch a fresh --user-data-dir of its own; HOME points at a fresh
  // directory too, so Chromium's other per-user files (NSS database, crash reports) start empty.
  const profile = mkdtempSync(join(tmpdir(), 'solmu-chromium-'));
  const browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_FLAGS, env: { ...process.env, HOME: profile }, timeout: 60_000 });
  browser.on('disconnected', () => rmSync(profile, { recursive: true, force: true }));
  return browser;
}
