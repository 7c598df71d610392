// logging: a logger_subsys block must name its subsystem (corosync refuses the file otherwise), and
// a log file is only written when both `to_logfile: yes` and `logfile` are set.
import type { Diagnostic } from 'vscode-languageserver-types';
import { ERROR, INFORMATION, diagnostic, keysOf, type CsView } from './model';
import * as l10n from '@vscode/l10n';

export function loggingRules(view: CsView): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { section, path } of view.sections) {
    if (path === 'logging.logger_subsys' && !keysOf(section).has('subsys')) {
      // corosync reports it at the closing brace, which is also where the missing line goes.
      out.push(
        diagnostic(
          section.closeBraceRange ?? section.nameRange,
          ERROR,
          'corosync/missing-subsys',
          l10n.t(
            '`logger_subsys` (line {0}) ends without `subsys`: corosync refuses the file ("{1}"). Add `subsys: NAME` (e.g. QUORUM).',
            section.nameRange.start.line + 1,
            'No subsys key in logger_subsys directive',
          ),
        ),
      );
    }
    if (path === 'logging' || path === 'logging.logger_subsys') {
      const keys = keysOf(section);
      const toLogfile = keys.get('to_logfile')?.at(-1);
      if (
        toLogfile &&
        (toLogfile.value === 'yes' || toLogfile.value === 'on') &&
        !keys.has('logfile') &&
        !(path !== 'logging' && view.get('logging', 'logfile'))
      ) {
        out.push(
          diagnostic(
            toLogfile.range,
            INFORMATION,
            'corosync/logfile',
            l10n.t(
              '`to_logfile` is on but no `logfile` is set, so nothing is written to a file. Add `logfile: /var/log/corosync/corosync.log`.',
            ),
          ),
        );
      }
    }
  }
  return out;
}
