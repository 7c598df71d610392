// The handler guard, the stdio frame filter and the client's restart policy (issue 11, finding 5).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver/node';
import { HandlerGuard, REPLY_WITH_ERROR, describeError } from '../../../server/src/lsp/guard';
import { ResyncingFrameFilter } from '../../../server/src/lsp/framing';
import { ServerRestartPolicy } from '../../../client/src/serverRestarts';

describe('handler guard', () => {
  it('answers the fallback when a request handler throws, and logs once per kind', async () => {
    const logs: string[] = [];
    const guard = new HandlerGuard((m) => logs.push(m));
    const hover = guard.request('hover', null, () => {
      throw new TypeError('Cannot read properties of undefined');
    });
    assert.equal(await hover({}), null);
    assert.equal(await hover({}), null);
    const symbols = guard.request('documentSymbol', [], async () => Promise.reject(new Error('boom')));
    assert.deepEqual(await symbols({}), []);
    assert.equal(logs.length, 2, logs.join('\n'));
    assert.match(logs[0], /^pcmk-lsp: hover failed \(TypeError: Cannot read properties of undefined\)/);
    assert.equal(guard.failureCount('hover'), 2);
  });

  it('swallows a rejected notification handler (it used to end the process)', async () => {
    const logs: string[] = [];
    const guard = new HandlerGuard((m) => logs.push(m));
    const didChange = guard.notification('didChange', async () => {
      throw new TypeError('changes is not iterable');
    });
    await didChange({});
    assert.equal(logs.length, 1);
  });

  it('answers a request cancelled before it ran with RequestCancelled, not a result', async () => {
    const guard = new HandlerGuard(() => undefined);
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    const request = guard.request('hover', null, () => ((ran = true), 'x'));
    await assert.rejects(request({}, source.token), (e: unknown) => e instanceof ResponseError && e.code === -32800);
    assert.equal(ran, false);
  });

  it('answers an error response for REPLY_WITH_ERROR requests', async () => {
    const guard = new HandlerGuard(() => undefined);
    const fetch = guard.request('fetchAgentMetadata', REPLY_WITH_ERROR, async () => {
      throw new Error('ssh: connect to host node1 port 22: No route to host');
    });
    await assert.rejects(fetch({}), /fetchAgentMetadata failed: Error: ssh: connect to host node1 port 22: No route to host/);
  });

  it('keeps document text out of the logged message', () => {
    const text = describeError(new SyntaxError(`Unexpected token 'p', "password=s3cret" is not valid JSON`));
    assert.doesNotMatch(text, /s3cret|password/);
    assert.match(text, /^SyntaxError: Unexpected token "…", "…" is not valid JSON$/);
    const long = describeError(new Error(`bad word ${'A'.repeat(5000)}`));
    assert.ok(long.length < 100, long);
  });
});

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

function filtered(chunks: string[]): { out: string; dropped: string[] } {
  const filter = new ResyncingFrameFilter();
  const dropped: string[] = [];
  filter.onDrop = (reason) => dropped.push(reason);
  let out = '';
  filter.on('data', (b: Buffer) => (out += b.toString('utf8')));
  for (const c of chunks) filter.write(Buffer.from(c, 'utf8'));
  return { out, dropped };
}

describe('stdio frame filter', () => {
  const good = frame('{"jsonrpc":"2.0","id":1,"method":"shutdown"}');
  const unicode = frame('{"jsonrpc":"2.0","method":"x","params":{"text":"é ✓ 名"}}');

  it('passes well-formed frames through unchanged, even split byte by byte', () => {
    const all = good + unicode + good;
    assert.equal(filtered([all]).out, all);
    const bytes = Buffer.from(all, 'utf8');
    const filter = new ResyncingFrameFilter();
    const out: Buffer[] = [];
    filter.on('data', (b: Buffer) => out.push(b));
    for (const byte of bytes) filter.write(Buffer.from([byte]));
    assert.equal(Buffer.concat(out).toString('utf8'), all);
  });

  for (const [name, broken] of [
    ['a header without a colon', 'Garbage\r\n\r\n'],
    ['no Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}'],
    ['a Content-Length too short', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"x"}'],
    ['a Content-Length too long', 'Content-Length: 90\r\n\r\n{"jsonrpc":"2.0","method":"x"}'],
    ['bytes before any header', '\u0000\u0001 garbage'],
  ] as const) {
    it(`finds the next frame after ${name}`, () => {
      const { out, dropped } = filtered([broken, good]);
      assert.ok(out.endsWith(good), JSON.stringify(out));
      assert.ok(dropped.length >= 1);
    });
  }

  it('does not take a Content-Length inside a JSON string for a header', () => {
    const tricky = frame(JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text: 'Content-Length: 12\r\n\r\n' } }));
    assert.equal(filtered([tricky, good]).out, tricky + good);
  });
});

describe('server restart policy', () => {
  it('restarts and tells the person once, then gives up after too many stops in the window', () => {
    let now = 0;
    const policy = new ServerRestartPolicy(4, 180_000, () => now);
    const first = policy.onUnexpectedStop();
    assert.equal(first.restart, true);
    assert.equal(first.notify?.level, 'warning');
    for (let i = 0; i < 3; i++) {
      now += 1000;
      const d = policy.onUnexpectedStop();
      assert.equal(d.restart, true);
      assert.equal(d.notify, undefined, 'told only once');
    }
    now += 1000;
    const fifth = policy.onUnexpectedStop();
    assert.equal(fifth.restart, false);
    assert.equal(fifth.notify?.level, 'error');
    assert.match(fifth.notify!.text, /stopped 5 times in 3 minutes and will not be restarted/);
  });

  it('forgets stops older than the window', () => {
    let now = 0;
    const policy = new ServerRestartPolicy(2, 60_000, () => now);
    policy.onUnexpectedStop();
    policy.onUnexpectedStop();
    now += 61_000;
    assert.equal(policy.onUnexpectedStop().restart, true);
  });
});
