import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
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
  const executable = await packed.executablePath();
  completeSwiftShader(dirname(executable));
  return executable;
}

/**
 * WebGL (the network picture) needs SwiftShader's files beside the packed Chromium. The package
 * unpacks them only when libGLESv2.so is missing, so an unpacking cut short once (another run
 * killed midway) leaves WebGL off for good: seen here with libvk_swiftshader.so missing. Writes the
 * files that are missing, never over one that is there.
 */
function completeSwiftShader(dir: string): void {
  // The package's main file is build/cjs/index.cjs; its archives are in bin/.
  const archive = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'bin', 'swiftshader.tar.br');
  if (!existsSync(archive)) return;
  const tar = brotliDecompressSync(readFileSync(archive));
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = tar.subarray(offset, offset + 100).toString().replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(tar.subarray(offset + 124, offset + 136).toString().trim() || '0', 8);
    const path = join(dir, name);
    if (!existsSync(path)) writeFileSync(path, tar.subarray(offset + 512, offset + 512 + size), { mode: 0o755 });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
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
