// The Getting Started walkthrough (package.json `contributes.walkthroughs`): the command that opens the
// example lab shipped with the extension, and the signals that complete the steps which have no command
// of their own (an agent hover shown, a quick fix applied), taken from the language client's middleware.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const FIX_APPLIED = 'pacemakerLab.walkthrough.fixApplied';
const AGENT_HOVERED = 'pacemakerLab.walkthrough.agentHovered';

/**
 * Marks a walkthrough step done from inside a command. A CodeLens runs its command through VS Code's
 * internal delegation command, so `onCommand:` completion events never see a lens click.
 */
export function markWalkthroughStep(step: 'quorumOpened' | 'ranOnNode'): void {
  void vscode.commands.executeCommand('setContext', `pacemakerLab.walkthrough.${step}`, true);
}

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('pacemakerLab.openExampleLab', async () => {
      const lab = vscode.Uri.joinPath(context.extensionUri, 'examples', 'lab');
      // The memo and the conf beside, the script in front: it is where the next steps happen.
      for (const [file, column] of [
        ['memo.md', vscode.ViewColumn.Two],
        ['corosync.conf', vscode.ViewColumn.Two],
        ['lab.sh', vscode.ViewColumn.One],
      ] as const) {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(lab, file));
        await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
      }
    }),
    // Runs after a quick fix's edit has been applied (a code action runs its edit, then its command).
    vscode.commands.registerCommand(FIX_APPLIED, () => undefined),
  );
}

/** Language-client middleware that completes the hover and quick-fix steps. */
export const walkthroughMiddleware: Middleware = {
  async provideHover(document, position, token, next) {
    const hover = await next(document, position, token);
    if (hover && document.languageId !== 'corosync' && /\b(ocf|stonith|fence_)\w*/.test(hoverText(hover))) {
      void vscode.commands.executeCommand('setContext', AGENT_HOVERED, true);
    }
    return hover;
  },
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    for (const action of actions ?? []) {
      if (action instanceof vscode.CodeAction && action.edit && !action.command) {
        action.command = { title: 'Quick fix applied', command: FIX_APPLIED };
      }
    }
    return actions;
  },
};

function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}
