// SARIF 2.1.0 output for code-scanning dashboards (GitHub, GitLab). Positions become 1-based.
import type { Log, Result } from 'sarif';
import type { CheckFinding } from './findings';

const LEVEL: Record<CheckFinding['severity'], Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(findings: CheckFinding[]): Log {
  const ruleIds = [...new Set(findings.map((f) => f.code))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pcmk-lsp',
            informationUri: 'https://example.invalid/pacemaker-lab/docs/rules',
            rules: ruleIds.map((id) => ({ id, helpUri: `https://example.invalid/pacemaker-lab/docs/rules/${id.split('/')[0]}.md` })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('\\').join('/') },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}
