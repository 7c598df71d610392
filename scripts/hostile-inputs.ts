// Writes the issue-11 input shapes to a folder, for measuring `pcmk-lsp check` by hand:
//   node --import tsx scripts/hostile-inputs.ts OUT_DIR
//   /usr/bin/time -v node dist/server.js check OUT_DIR/script-100k.sh
// Shapes: the deep and long ones of test/support/hostileShapes.ts, a 100,000-line script of
// resources and constraints, and a 40,000-line script where most references name unknown resources.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostileShapes } from '../test/support/hostileShapes';

export function bigScript(lines: number, unknownEvery: number): string {
  const out = ['#!/bin/bash'];
  for (let i = 0; out.length < lines; i++) {
    out.push(`pcs resource create res${i} ocf:heartbeat:Dummy op monitor interval=30s`);
    const target = unknownEvery > 0 && i % unknownEvery === 0 ? `missing${i}` : `res${i}`;
    out.push(`pcs constraint location ${target} prefers node${(i % 3) + 1}`);
  }
  return out.join('\n') + '\n';
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node --import tsx scripts/hostile-inputs.ts OUT_DIR\n');
    process.exit(2);
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const s of hostileShapes()) fs.writeFileSync(path.join(dir, s.file), s.text);
  fs.writeFileSync(path.join(dir, 'script-100k.sh'), bigScript(100_000, 0));
  fs.writeFileSync(path.join(dir, 'unknown-40k.sh'), bigScript(40_000, 1));
  process.stdout.write(`wrote ${hostileShapes().length + 2} files to ${dir}\n`);
}
