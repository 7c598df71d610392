// Generated inputs of the shapes that once overflowed the stack or ran in worse than linear time
// (issue 11, findings 6 and 8). Used by the unit and CLI tests and by scripts/hostile-inputs.ts.
import type { DocumentKind } from '../../server/src/base/types';

export interface Shape {
  name: string;
  kind: DocumentKind;
  /** A file name the CLI recognises for this kind. */
  file: string;
  text: string;
}

const rep = (s: string, n: number) => s.repeat(n);

/** Every deep or long shape, at `depth` levels (2,000 in the issue) and `bytes` for single lines. */
export function hostileShapes(depth = 2000, bytes = 2_000_000): Shape[] {
  const words = Math.floor(bytes / 2);
  const sh = (name: string, body: string): Shape => ({ name, kind: 'shell', file: `${name}.sh`, text: `#!/bin/bash\n${body}\n` });
  const md = (name: string, body: string): Shape => ({ name, kind: 'markdown', file: `${name}.md`, text: body });
  const cs = (name: string, body: string): Shape => ({ name, kind: 'corosync', file: `${name}.corosync.conf`, text: body });
  return [
    cs('corosync-deep-totem', rep('totem {\n', depth) + rep('}\n', depth)),
    cs('corosync-deep-one-letter', rep('t {\n', depth) + rep('}\n', depth)),
    cs('corosync-deep-unclosed', rep('totem {\n', depth)),
    cs('corosync-long-line', `totem {\n    cluster_name: ${rep('a', bytes)}\n}\n`),
    cs('corosync-long-brace-line', rep('{', bytes) + '\n'),
    sh('shell-deep-substitution', 'echo ' + rep('$(', depth) + 'x' + rep(')', depth)),
    sh('shell-deep-quoted-substitution', 'echo ' + rep('"$(', depth) + 'echo x' + rep(')"', depth)),
    sh('shell-deep-subshell', rep('(', depth) + 'true' + rep(')', depth)),
    sh('shell-deep-group', rep('{ ', depth) + 'true; ' + rep('} ', depth)),
    sh('shell-deep-if', rep('if true; then\n', depth) + 'pcs status\n' + rep('fi\n', depth)),
    sh('shell-deep-for', rep('for i in a b; do\n', depth) + 'pcs status\n' + rep('done\n', depth)),
    sh('shell-deep-parameter', 'echo ' + rep('${x:-', depth) + 'y' + rep('}', depth)),
    sh('shell-deep-arithmetic', 'echo $((' + rep('(', depth) + '1' + rep(')', depth) + '))'),
    sh('shell-long-and-list', rep('true &&\n', depth * 10) + 'pcs status'),
    sh('shell-long-or-list', rep('false ||\n', depth * 10) + 'pcs status'),
    sh('shell-long-pipeline', rep('cat |\n', depth * 10) + 'cat'),
    sh('shell-long-line', 'echo ' + rep('a ', words)),
    sh('shell-long-pcs-line', 'pcs resource create vip ocf:heartbeat:IPaddr2 ' + rep('a=b ', Math.floor(bytes / 4))),
    sh('shell-long-word', 'echo ' + rep('a', bytes)),
    sh('shell-long-brace-expansion', 'for i in ' + rep('{a,b}', 50) + '; do pcs status; done'),
    md('markdown-deep-blockquote', rep('> ', depth) + '```bash\npcs status\n```\n'),
    md('markdown-deep-list', Array.from({ length: depth }, (_, i) => rep('  ', i) + '- item').join('\n') + '\n'),
    md('markdown-deep-substitution-fence', '```bash\necho ' + rep('$(', depth) + 'x' + rep(')', depth) + '\n```\n'),
    md('markdown-long-line', 'pcs resource create ' + rep('x ', words) + '\n'),
    md('markdown-long-fence-line', '```bash\npcs resource create ' + rep('x ', words) + '\n```\n'),
  ];
}
