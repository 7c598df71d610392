// Installs, in one apt-get call before any test starts, the Debian packages the oracle, integration
// and end-to-end layers use (tests installing on their own would race for the dpkg lock).
// Only as root on Debian; elsewhere it prints why and the tests skip (or fail under CI=true).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export const SYSTEM_PACKAGES = {
  oracle: [
    'corosync',
    'pacemaker',
    'pacemaker-cli-utils',
    'pcs',
    'resource-agents',
    'fence-agents',
    'corosync-vqsim',
    'corosync-qdevice',
    'drbd-utils',
    'libxml2-utils',
    'util-linux',
    'iproute2',
  ],
  integration: [
    'openssh-server',
    'openssh-client',
    'socat',
    'iproute2',
    'util-linux',
    'corosync',
    'pacemaker',
    'pacemaker-cli-utils',
    'pcs',
    'resource-agents',
    'openssl',
  ],
  // fonts-nanum: Korean glyphs in the UI test's screenshots (test/e2e/l10n)
  e2e: ['chromium', 'libkrb5-dev', 'openssh-server', 'openssh-client', 'socat', 'iproute2', 'fonts-nanum'],
  lsp: ['pacemaker-cli-utils', 'resource-agents'],
  unit: [
    'clang',
    'lld',
    'wasi-libc',
    'corosync',
    'pcs',
    'pacemaker-cli-utils',
    'resource-agents',
    'fence-agents',
    'chromium',
    'libxml2-utils',
  ],
};

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

export function ensureSystemPackages(layers) {
  const wanted = [...new Set(layers.flatMap((l) => SYSTEM_PACKAGES[l] ?? []))];
  if (!fs.existsSync('/etc/debian_version')) {
    console.log('system: not Debian; tests that need corosync, pcs, sshd or chromium will skip');
    return;
  }
  const missing = wanted.filter((p) => !installed(p));
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    console.log(`system: missing ${missing.join(' ')} and not root; the tests that need them will skip`);
    return;
  }
  console.log(`system: apt-get install -y ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  spawnSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', [...lock, 'install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (r.status !== 0) console.error('system: apt-get install failed; the tests that need these packages will fail or skip');
}
