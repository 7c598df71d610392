// Issue 11, finding 6: a file the analysis fails on (here: a service that throws for it, as a stack
// overflow did) is reported by name and the other files are still checked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/src/service/languageService';
import { checkFiles, NOT_ANALYSED } from '../../../server/src/cli/check';

class ThrowsOn extends LanguageService {
  constructor(private readonly bad: string) {
    super();
  }
  override diagnostics(uri: string): Diagnostic[] {
    if (uri.endsWith(this.bad)) throw new RangeError('Maximum call stack size exceeded');
    return super.diagnostics(uri);
  }
}

describe('pcmk-lsp check: a file that cannot be analysed', () => {
  it('is one warning naming the reason; the files before and after it keep their findings', async () => {
    const dir = path.join(process.cwd(), 'lab');
    const files = [
      { path: path.join(dir, 'a.sh'), kind: 'shell' as const, text: '#!/bin/bash\niscsadm -m discovery\n' },
      { path: path.join(dir, 'b.sh'), kind: 'shell' as const, text: '#!/bin/bash\npcs status\n' },
      { path: path.join(dir, 'c.sh'), kind: 'shell' as const, text: '#!/bin/bash\niscsadm -m node --login\n' },
    ];
    const findings = await checkFiles(files, new ThrowsOn('/b.sh'));
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.range.start.line}:${f.severity}:${f.code}`),
      ['lab/a.sh:1:error:shell/misspelled-command', 'lab/b.sh:0:warning:' + NOT_ANALYSED, 'lab/c.sh:1:error:shell/misspelled-command'],
    );
    assert.match(findings[1]!.message, /could not be analysed \(Maximum call stack size exceeded\)/);
  });
});
