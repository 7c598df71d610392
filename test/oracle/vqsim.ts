// corosync-vqsim as a test oracle: Debian's votequorum simulator links corosync's own votequorum.c.
// One process per configuration, driven one command at a time through a pipe from `cat`, in the
// folder of its config file (its -c path must be under 8 characters), and killed with its group.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { QuorumConfig } from '../../shared/src/quorum/engine';

// ---- the vqsim driver ------------------------------------------------------------------------------

export interface NodeLine {
  partition: number;
  nodeid: number;
  q: string;
  ring: string;
  members: number[];
}

const LINE = /^(?:#vqsim> )?(\d+):(\d+): q=(\S+)(?: ring=\[([^\]]*)\] nodes=\[([^\]]*)\])?/;

/** One corosync-vqsim process, driven one command at a time (its output is asynchronous). */
export class Vqsim {
  private proc: ChildProcessWithoutNullStreams;
  private buffer = '';
  private waiters: (() => void)[] = [];
  exited = false;

  constructor(dir: string) {
    // vqsim wants a short -c path (cwd = the file's folder) and stdin through a pipe from `cat`.
    this.proc = spawn('sh', ['-c', 'cat | exec corosync-vqsim -c q.conf'], { cwd: dir, detached: true });
    this.proc.stdout.on('data', (d) => this.feed(String(d)));
    this.proc.stderr.on('data', (d) => this.feed(String(d)));
    this.proc.on('exit', () => {
      this.exited = true;
      this.feed('');
    });
  }

  private feed(text: string) {
    this.buffer += text;
    for (const w of this.waiters.splice(0)) w();
  }

  private async waitFor(test: () => boolean, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!test()) {
      if (this.exited || Date.now() > deadline) return test();
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return true;
  }

  send(line: string) {
    this.proc.stdin.write(line + '\n');
  }

  /** `show`, parsed: the node lines printed between the command and its prompt. */
  async show(ms = 2000): Promise<NodeLine[]> {
    this.buffer = '';
    this.send('show');
    await this.waitFor(() => /#autofence: \w+\s*\n?#vqsim> /.test(this.buffer), ms);
    const out: NodeLine[] = [];
    for (const raw of this.buffer.split('\n')) {
      const m = LINE.exec(raw.trim());
      if (!m) continue;
      out.push({
        partition: Number(m[1]),
        nodeid: Number(m[2]),
        q: m[3],
        ring: m[4] ?? '',
        members: (m[5] ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map(Number)
          .sort((a, b) => a - b),
      });
    }
    return out;
  }

  /**
   * Polls `show` until every node reports `expected` membership and nothing changes for 120 ms
   * (q is printed from quorum callbacks, which can trail the membership under load).
   */
  async settle(expected: Map<number, number[]>, ms = 5000): Promise<NodeLine[]> {
    const deadline = Date.now() + ms;
    let previous = '';
    let since = 0;
    let last: NodeLine[] = [];
    while (Date.now() < deadline && !this.exited) {
      last = await this.show(Math.max(2000, ms / 4));
      // Only the nodes in `expected` are looked at (a caller may leave out a side it does not ask about).
      const seen = last.filter((l) => expected.has(l.nodeid));
      const ok =
        seen.length === expected.size &&
        seen.every((l) => l.q !== 'UNINITIALIZED' && JSON.stringify(l.members) === JSON.stringify(expected.get(l.nodeid)));
      const key = JSON.stringify(last);
      if (ok && key === previous) {
        if (Date.now() - since >= 120) return last;
      } else {
        previous = ok ? key : '';
        since = Date.now();
      }
      await sleep(20);
    }
    throw new Error(`vqsim did not settle: ${JSON.stringify(last)}`);
  }

  stop() {
    if (this.exited) return;
    try {
      process.kill(-this.proc.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export { rng } from '../support/rng';

export function corosyncConf(config: QuorumConfig): string {
  const lines = ['totem {', '    version: 2', '    cluster_name: vq', '}', 'nodelist {'];
  for (const n of config.nodes) {
    lines.push('    node {', `        nodeid: ${n.nodeid}`, `        name: ${n.name}`, `        quorum_votes: ${n.votes}`);
    lines.push(`        ring0_addr: 10.9.${(n.nodeid >> 8) & 255}.${n.nodeid & 255}`, '    }');
  }
  lines.push('}', 'quorum {', '    provider: corosync_votequorum');
  if (config.expectedVotes !== undefined) lines.push(`    expected_votes: ${config.expectedVotes}`);
  if (config.twoNode) lines.push('    two_node: 1');
  if (config.waitForAll !== undefined) lines.push(`    wait_for_all: ${config.waitForAll ? 1 : 0}`);
  if (config.lastManStanding) {
    lines.push('    last_man_standing: 1', `    last_man_standing_window: ${config.lastManStandingWindow}`);
  }
  if (config.allowDownscale) lines.push('    allow_downscale: 1');
  if (config.autoTieBreaker) {
    lines.push('    auto_tie_breaker: 1');
    const atb = config.autoTieBreakerNode;
    lines.push(`    auto_tie_breaker_node: ${Array.isArray(atb) ? atb.join(' ') : atb}`);
  }
  lines.push('}', '');
  return lines.join('\n');
}
