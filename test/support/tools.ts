// System tools the oracle, integration and end-to-end tests need (corosync, pcs, sshd, chromium...).
// As root on Debian a missing tool is installed with apt-get; elsewhere the test is skipped with a
// one-line reason, except under CI=true, where a skip would hide a hole and so fails instead.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${JSON.stringify(command)}`], { stdio: 'ignore' }).status === 0;
}

function canApt(): boolean {
  return process.getuid?.() === 0 && fs.existsSync('/etc/debian_version') && hasCommand('apt-get');
}

let aptUpdated = false;

function aptInstall(packages: string[]): void {
  if (!aptUpdated) {
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update', '-qq'], { stdio: 'ignore' });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '-qq', ...packages], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * Ensures `command` exists (installing `aptPackages` when possible). Returns undefined when it is
 * available, or the reason to skip. Under CI=true it throws instead of returning a reason.
 */
export function ensureTool(command: string, aptPackages: string[]): string | undefined {
  if (hasCommand(command)) return undefined;
  if (canApt()) {
    try {
      aptInstall(aptPackages);
    } catch (error) {
      return failOrSkip(`apt-get install ${aptPackages.join(' ')} failed: ${(error as Error).message}`);
    }
    if (hasCommand(command)) return undefined;
  }
  return failOrSkip(`${command} is not installed (Debian package ${aptPackages.join(', ')}); not root on Debian, cannot install it`);
}

export function failOrSkip(reason: string): string {
  if (process.env.CI === 'true') throw new Error(`required under CI: ${reason}`);
  return reason;
}

/** True when network namespaces can be created here (root with `ip netns`/`unshare`). */
export function canUseNetns(): boolean {
  return process.getuid?.() === 0 && hasCommand('ip') && hasCommand('unshare');
}
