// An environment-proof `corosync -t`: real corosync.conf files fail on this machine for reasons
// of the machine, not of the file (a log directory that does not exist here, no authkey, host
// names that do not resolve, a local node that is not this machine, reasons logged only to
// syslog). The sandbox supplies those, so the verdict is about the file's content:
//
// - the file is copied with same-line rewrites only (line numbers never move):
//   `logfile:` points into the sandbox's folder, `keyfile:` at a key generated for the run,
//   `to_stderr: no|off` becomes `yes|on` so every refusal is printed;
// - corosync runs in private namespaces: network (no route; only loopback, which is given the
//   local node's addresses), mount (a private /etc/hosts mapping every host name of the file to an
//   address, and a private /etc/corosync holding a generated `authkey` for the default key path),
//   UTS (the host name is the local node's `name`);
// - the file is meant to be deployed on every node, so corosync runs once per node of the nodelist
//   (each in turn playing the local node, up to `maxNodes`); it is refused when any run refuses it.
//
// Nothing leaves loopback; every namespace dies with its process; the folder is the caller's.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface SandboxRun {
  /** Which node played the local node ('' when the file has no nodelist). */
  node: string;
  status: number | null;
  output: string;
}

export interface SandboxVerdict {
  rejected: boolean;
  /** corosync's exit status of the first refusing run (or of the first run). */
  status: number | null;
  /** 1-based line corosync names (`FILE:LINE:`), when it names one. */
  line?: number;
  /** corosync's first error message, without timestamp and subsystem. */
  message: string;
  /** Every error line of the first refusing run, in order. */
  errors: string[];
  /** Warnings corosync printed (e.g. "member section is deprecated."), from the first run. */
  warnings: string[];
  /** What the sandbox changed in the copy, for the report. */
  rewrites: string[];
  runs: SandboxRun[];
}

export interface SandboxOptions {
  /** Folder the caller owns and removes; the sandbox writes its files there. */
  dir: string;
  /** Run as each of the first N nodes (default 4). */
  maxNodes?: number;
}

interface NodeInfo {
  name?: string;
  /** ringX_addr values by link. */
  links: Map<number, string>;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const isAddress = (v: string) => IPV4.test(v) || (v.includes(':') && /^[0-9a-fA-F:.]+(%.+)?$/.test(v));
const isV6 = (v: string) => !IPV4.test(v) && v.includes(':');

/** A light, line-based reading of the nodelist: enough to build hosts and local addresses. */
function readNodes(text: string): { nodes: NodeInfo[]; bindnet: string[] } {
  const nodes: NodeInfo[] = [];
  const bindnet: string[] = [];
  const stack: string[] = [];
  let current: NodeInfo | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const open = /^([^:{}]+?)\s*:?\s*\{\s*$/.exec(line);
    if (open) {
      stack.push(open[1].trim());
      if (stack.join('.') === 'nodelist.node') {
        current = { links: new Map() };
        nodes.push(current);
      }
      continue;
    }
    if (line === '}') {
      if (stack.join('.') === 'nodelist.node') current = undefined;
      stack.pop();
      continue;
    }
    const kv = /^([^:]+?)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const [, key, value] = kv;
    if (current && stack.join('.') === 'nodelist.node') {
      const ring = /^ring([0-7])_addr$/.exec(key);
      if (ring) current.links.set(Number(ring[1]), value.trim());
      else if (key === 'name') current.name = value.trim();
    } else if (key === 'bindnetaddr' || key === 'memberaddr') {
      bindnet.push(value.trim());
    }
  }
  return { nodes, bindnet };
}

/** Same-line rewrites of what only the machine decides. */
export function sandboxText(text: string, dir: string): { text: string; rewrites: string[] } {
  const rewrites: string[] = [];
  let logs = 0;
  const out = text.split('\n').map((line, i) => {
    const log = /^(\s*logfile\s*:\s*)(\S.*?)(\s*\r?)$/.exec(line);
    if (log) {
      rewrites.push(`line ${i + 1}: logfile ${log[2]} -> sandbox`);
      return `${log[1]}${path.join(dir, `log${++logs}.log`)}${log[3]}`;
    }
    const key = /^(\s*keyfile\s*:\s*)(\S.*?)(\s*\r?)$/.exec(line);
    if (key) {
      rewrites.push(`line ${i + 1}: keyfile ${key[2]} -> generated key`);
      return `${key[1]}${path.join(dir, 'authkey')}${key[3]}`;
    }
    const stderr = /^(\s*to_stderr\s*:\s*)(no|off)(\s*\r?)$/.exec(line);
    if (stderr) {
      rewrites.push(`line ${i + 1}: to_stderr ${stderr[2]} -> ${stderr[2] === 'no' ? 'yes' : 'on'}`);
      return `${stderr[1]}${stderr[2] === 'no' ? 'yes' : 'on'}${stderr[3]}`;
    }
    return line;
  });
  return { text: out.join('\n'), rewrites };
}

/** Addresses for the host names of the file: one per name, in the family its link uses. */
function hostMap(nodes: NodeInfo[]): Map<string, string> {
  const map = new Map<string, string>();
  let n = 0;
  for (const node of nodes) {
    for (const [link, value] of node.links) {
      if (isAddress(value) || map.has(value) || !/^[A-Za-z0-9._-]+$/.test(value)) continue;
      const v6 = nodes.some((o) => {
        const a = o.links.get(link);
        return a !== undefined && isAddress(a) && isV6(a);
      });
      n++;
      map.set(value, v6 ? `fd00:cafe:${link}::${n.toString(16)}` : `10.${200 + link}.${Math.floor(n / 250)}.${(n % 250) + 1}`);
    }
  }
  return map;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Runs `corosync -t` on `text` in the sandbox; see the file comment. */
export function runCorosyncSandboxed(text: string, opts: SandboxOptions): SandboxVerdict {
  const dir = opts.dir;
  fs.mkdirSync(dir, { recursive: true });
  const key = path.join(dir, 'authkey');
  const etc = path.join(dir, 'etc-corosync');
  // What corosync-keygen writes: 256 random bytes, readable by root only.
  const secret = randomBytes(256);
  fs.mkdirSync(etc, { recursive: true });
  for (const k of [key, path.join(etc, 'authkey')]) fs.writeFileSync(k, secret, { mode: 0o400 });

  const { text: copy, rewrites } = sandboxText(text, dir);
  const file = path.join(dir, 'corosync.conf');
  fs.writeFileSync(file, copy);
  const { nodes, bindnet } = readNodes(text);
  const hosts = hostMap(nodes);
  fs.writeFileSync(
    path.join(dir, 'hosts'),
    ['127.0.0.1 localhost', '::1 localhost ip6-localhost', ...[...hosts].map(([name, addr]) => `${addr} ${name}`)].join('\n') + '\n',
  );
  if (hosts.size) rewrites.push(`hosts: ${[...hosts].map(([n, a]) => `${n}=${a}`).join(', ')}`);

  const members = nodes.filter((n) => n.links.size > 0);
  const players: (NodeInfo | undefined)[] = members.length ? members.slice(0, opts.maxNodes ?? 4) : [undefined];
  const runs: SandboxRun[] = [];
  for (const node of players) {
    const addrs: string[] = [];
    if (node) {
      for (const value of node.links.values()) {
        const addr = isAddress(value) ? value.replace(/%.*$/, '') : hosts.get(value);
        if (addr) addrs.push(isV6(addr) ? `${addr}/128` : `${addr}/32`);
      }
    } else {
      // No nodelist: give loopback an address in each bindnetaddr network (corosync 1/2 files).
      for (const b of bindnet) if (IPV4.test(b)) addrs.push(`${b.replace(/\.\d+$/, '.254')}/24`);
    }
    const hostname =
      (node?.name && /^[A-Za-z0-9.-]{1,63}$/.test(node.name) ? node.name : undefined) ??
      [...(node?.links.values() ?? [])].find((v) => !isAddress(v) && /^[A-Za-z0-9.-]{1,63}$/.test(v)) ??
      'sandbox-node';
    const script = [
      'set -e',
      'ip link set lo up',
      ...addrs.map((a) => `ip addr add ${a} dev lo ${a.includes(':') ? 'nodad' : ''} 2>/dev/null || true`),
      `mount --bind ${shellQuote(path.join(dir, 'hosts'))} /etc/hosts`,
      `[ -d /etc/corosync ] && mount --bind ${shellQuote(etc)} /etc/corosync`,
      `hostname ${shellQuote(hostname)}`,
      'set +e',
      `exec corosync -t -c ${shellQuote(file)}`,
    ].join('\n');
    // A loaded machine can kill a run (timeout) or leave it without output; that says nothing about
    // the file, so such a run is repeated (corosync always prints why it refuses a file).
    let r = spawnSync('true', { encoding: 'utf8' });
    for (let attempt = 0; attempt < 3; attempt++) {
      r = spawnSync('unshare', ['--net', '--mount', '--uts', '--propagation', 'private', 'sh', '-c', script], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      if (r.status === 0 || (r.status !== null && `${r.stdout ?? ''}${r.stderr ?? ''}`.trim())) break;
    }
    runs.push({ node: node ? (node.name ?? node.links.get(0) ?? '') : '', status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` });
    if (r.status !== 0) break; // one refusing node is enough
  }
  const refusing = runs.find((r) => r.status !== 0);
  const shown = refusing ?? runs[0]!;
  const lines = shown.output.split('\n').filter((l) => l.trim());
  const strip = (l: string) => l.replace(/^.*?\[[A-Z ]+\]\s*/, '').replace(/^parse error in config: /, '');
  const errors = lines.filter((l) => /\berror\b/.test(l) && !/exiting with status/.test(l)).map(strip);
  // Messages printed before logging is set up carry no timestamp: keep those too.
  const bare = lines.filter((l) => !/^\w{3} \d\d /.test(l) && !/exiting with status/.test(l));
  const warnings = lines.filter((l) => /\bwarning\b/.test(l)).map(strip);
  const message = errors[0] ?? bare[0]?.replace(/^parse error in config: /, '') ?? '';
  const named = new RegExp(`${path.basename(file).replace(/\./g, '\\.')}:(\\d+):`).exec(shown.output);
  return {
    rejected: !!refusing,
    status: shown.status,
    line: named ? Number(named[1]) : undefined,
    message,
    errors: errors.length ? errors : bare,
    warnings,
    rewrites,
    runs,
  };
}
