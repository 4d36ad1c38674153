/**
 * Browser tests use Debian's Chromium and need CJK fonts. If either is missing, install them
 * with apt-get when running as root; otherwise stop with a message saying how.
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasCjkFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

const missing: string[] = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');

if (missing.length) {
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() === 0) {
    console.log(`Installing ${missing.join(', ')} with apt-get …`);
    execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`Browser tests need ${missing.join(' and ')} (Debian packages). Install them with:\n  sudo ${cmd}\nor set CHROMIUM_PATH to another Chromium.`);
    process.exit(1);
  }
}
