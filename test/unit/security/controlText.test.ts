// Issue 11, finding 4 (terminal part): escape sequences and control characters from a lab file are
// removed before a node name, a destination or a command reaches the terminal header, the output
// channel, a modal or a decoration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripControl } from '../../../client/src/runOnNode/text';
import { displayDestination } from '../../../shared/src/runOnNode/destination';

test('CSI sequences (clear screen, colours, cursor moves) are removed', () => {
  assert.equal(stripControl('node1\u001b[2J\u001b[H\u001b[31mX'), 'node1X');
  assert.equal(stripControl('a\u009b31mb'), 'ab');
});

test('OSC sequences (window title, hyperlinks) are removed with their payload', () => {
  assert.equal(stripControl('a\u001b]0;pwned title\u0007b'), 'ab');
  assert.equal(stripControl('a\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\b'), 'alinkb');
});

test('other control characters are removed; newlines only where the text is multi-line', () => {
  assert.equal(stripControl('a\u0000b\u0007c\u007fd'), 'abcd');
  assert.equal(stripControl('l1\r\nl2\tx'), 'l1 l2 x');
  assert.equal(stripControl('l1\r\nl2\u001b[1Ax', true), 'l1\nl2x');
});

test('ordinary text, including non-ASCII, is unchanged', () => {
  for (const text of ['pcs cluster setup lab node1 node2', 'ノード1 # pcs status', 'é → ✓ 0 node1 · 1.2 s'])
    assert.equal(stripControl(text), text);
});

test('a destination in a message shows control characters as \\xNN', () => {
  assert.equal(displayDestination('node\u001b[2J'), 'node\\x1b[2J');
});
