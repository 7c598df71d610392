// Nodes from /etc/hosts heredocs and corosync.conf files (a workspace corosync.conf, or one a script
// writes with a heredoc: its cluster_name and node names).
import type { Range } from 'vscode-languageserver-types';
import type { WrittenFile } from '../base/types';
import type { CsFile, CsNode, CsSection } from '../corosync/ast';
import type { FoldContext } from './context';
import { joinCluster } from './clusters';

export function applyHosts(ctx: FoldContext, file: WrittenFile): void {
  const lines = file.content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].replace(/#.*/, '');
    const fields = text.trim().split(/\s+/).filter(Boolean);
    if (fields.length < 2) continue;
    const [address, ...names] = fields;
    if (!/^[0-9a-fA-F:.]+$/.test(address) || /^(127\.|::1$)/.test(address)) continue;
    for (const name of names) {
      ctx.model.knownHostNames.add(name);
      const existing = ctx.model.nodes.get(name);
      if (existing) {
        if (!existing.addresses.includes(address)) existing.addresses.push(address);
        continue;
      }
      const column = lines[i].indexOf(name);
      const line = file.contentRange.start.line + i;
      const start = (file.lineOffsets[i] !== undefined ? columnOf(file, i) : 0) + column;
      const range = { start: { line, character: start }, end: { line, character: start + name.length } };
      ctx.model.nodes.set(name, { name, addresses: [address], source: '/etc/hosts', member: false, decl: { uri: ctx.uri, range } });
      ctx.mention({ text: name, range }, `node:${name}`, name, true);
    }
  }
}

/** Column where content line i starts: the content may be indented inside a Markdown list. */
function columnOf(file: WrittenFile, i: number): number {
  return i === 0 ? file.contentRange.start.character : 0;
}

function children(section: { children: CsNode[] }, name: string): CsSection[] {
  return section.children.filter((c): c is CsSection => c.type === 'section' && c.name === name);
}

export function applyCorosync(ctx: FoldContext, file: CsFile): void {
  let cluster: string | undefined;
  for (const totem of children(file, 'totem')) {
    for (const kv of totem.children) if (kv.type === 'key' && kv.key === 'cluster_name' && kv.value) cluster = kv.value;
  }
  for (const totem of children(file, 'totem')) {
    for (const kv of totem.children) {
      if (kv.type === 'key' && kv.key === 'cluster_name' && kv.value)
        ctx.model.clusterName = { name: kv.value, decl: { uri: ctx.uri, range: kv.valueRange } };
    }
  }
  for (const nodelist of children(file, 'nodelist')) {
    for (const node of children(nodelist, 'node')) {
      let name: { value: string; range: Range } | undefined;
      const addresses: string[] = [];
      for (const kv of node.children) {
        if (kv.type !== 'key') continue;
        if (kv.key === 'name') name = { value: kv.value, range: kv.valueRange };
        else if (/^ring\d+_addr$/.test(kv.key)) addresses.push(kv.value);
      }
      const nodeName = name?.value ?? addresses[0];
      if (!nodeName) continue;
      const range = name?.range ?? node.nameRange;
      ctx.model.nodes.set(nodeName, {
        name: nodeName,
        addresses,
        source: 'corosync.conf',
        member: true,
        decl: { uri: ctx.uri, range },
        ...(cluster ? { cluster } : {}),
      });
      if (cluster) joinCluster(ctx, nodeName, cluster);
      ctx.model.knownHostNames.add(nodeName);
      ctx.mention({ text: nodeName, range }, `node:${nodeName}`, nodeName, true);
    }
  }
}

/** A corosync.conf written by a heredoc: its cluster_name and node names count (a light read; the
 * corosync layer analyses the embedded file in full). */
export function applyEmbeddedCorosyncNames(ctx: FoldContext, file: WrittenFile): void {
  const lines = file.content.split('\n');
  const cluster = /^\s*cluster_name\s*:\s*(\S+)/m.exec(file.content)?.[1];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(name|cluster_name)\s*:\s*(\S+)/.exec(lines[i]);
    if (!m) continue;
    if (m[1] === 'cluster_name') {
      const line = file.contentRange.start.line + i;
      const ch = (i === 0 ? file.contentRange.start.character : 0) + lines[i].indexOf(m[2], m[0].indexOf(':'));
      ctx.model.clusterName = {
        name: m[2],
        decl: { uri: ctx.uri, range: { start: { line, character: ch }, end: { line, character: ch + m[2].length } } },
      };
    } else {
      const line = file.contentRange.start.line + i;
      const ch = (i === 0 ? file.contentRange.start.character : 0) + lines[i].indexOf(m[2], m[0].indexOf(':'));
      const range = { start: { line, character: ch }, end: { line, character: ch + m[2].length } };
      if (!ctx.model.nodes.get(m[2])?.member) {
        ctx.model.nodes.set(m[2], {
          name: m[2],
          addresses: [],
          source: 'corosync.conf',
          member: true,
          decl: { uri: ctx.uri, range },
          ...(cluster ? { cluster } : {}),
        });
        if (cluster) joinCluster(ctx, m[2], cluster);
        ctx.mention({ text: m[2], range }, `node:${m[2]}`, m[2], true);
      }
      ctx.model.knownHostNames.add(m[2]);
    }
  }
}
