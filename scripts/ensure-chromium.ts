/**
 * Finds a Chromium for the e2e suite: `CHROME_PATH`, else Debian's `/usr/bin/chromium`, else (as
 * root on Debian) installs the `chromium` package with apt, saying what it runs; else fails with
 * a message that says how to provide one.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { isMainModule } from './cli';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function runVisibly(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Headless Chromium's switches for tests and measurements: no sandbox, GPU or background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function ensureChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv))
      throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log("Chromium is missing; installing Debian's chromium package for the e2e tests:");
    runVisibly('apt-get', ['update']);
    runVisibly('apt-get', ['install', '-y', 'chromium']);
    if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  throw new Error(
    [
      'No Chromium found for the e2e tests.',
      `Install one (Debian/Ubuntu: \`sudo apt-get install chromium\`) so that ${DEBIAN_CHROMIUM} exists,`,
      'or set CHROME_PATH to a Chrome or Chromium executable.',
    ].join('\n'),
  );
}

if (isMainModule(import.meta.url)) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
