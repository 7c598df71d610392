// The live quorum of a local lab beside the quorum engine's prediction, as the quorum calculator shows
// it: each node running corosync reports what `corosync-quorumtool -s` says there (its partition's
// members, votes, quorum); the engine predicts the same partition from the file (every node of the
// file that is not a member has failed). After `lab kill` or `lab partition` they must agree.
// Pure: no `vscode` import (the integration test uses it against a real lab).
import { afterFailure, type QuorumConfig } from '../../../shared/src/quorum/engine';
import type { LabStatus } from '../../../server/src/lab/lab';

export interface QuorumFigures {
  expectedVotes: number;
  totalVotes: number;
  quorum: number;
  quorate: boolean;
}

export interface LiveQuorumRow {
  /** The lab nodes that report this partition (same members). */
  seenFrom: string[];
  /** Members of the partition, as corosync-quorumtool names them. */
  members: string[];
  live: QuorumFigures;
  /** The engine's figures for the same partition, or undefined when a member is not a node of the file. */
  predicted?: QuorumFigures;
  /** Members corosync reports that the file does not name (the lab is not the file's cluster). */
  unknownMembers: string[];
  agree: boolean;
}

export interface LiveQuorumView {
  rows: LiveQuorumRow[];
  /** Lab nodes without corosync running (off, fenced, or not started yet). */
  silent: string[];
}

/** Rows of the live quorum of `status`, each with the engine's prediction for that partition. */
export function liveQuorumView(config: QuorumConfig, status: Pick<LabStatus, 'nodes'>): LiveQuorumView {
  const rows: LiveQuorumRow[] = [];
  const silent: string[] = [];
  for (const node of status.nodes) {
    const q = node.quorum;
    if (node.power !== 'on' || !q || node.quorate === undefined) {
      silent.push(node.name);
      continue;
    }
    const members = [...q.members].sort();
    const key = members.join(' ');
    const live: QuorumFigures = { expectedVotes: q.expectedVotes, totalVotes: q.totalVotes, quorum: q.quorum, quorate: node.quorate };
    const existing = rows.find((r) => r.members.join(' ') === key && sameFigures(r.live, live));
    if (existing) {
      existing.seenFrom.push(node.name);
      continue;
    }
    const names = new Set(config.nodes.map((n) => n.name));
    const unknownMembers = members.filter((m) => !names.has(m));
    let predicted: QuorumFigures | undefined;
    if (!unknownMembers.length) {
      const down = config.nodes.filter((n) => !members.includes(n.name)).map((n) => n.nodeid);
      const state = afterFailure(config, down);
      predicted = { expectedVotes: state.expectedVotes, totalVotes: state.totalVotes, quorum: state.quorum, quorate: state.quorate };
    }
    rows.push({
      seenFrom: [node.name],
      members,
      live,
      predicted,
      unknownMembers,
      agree: predicted !== undefined && sameFigures(predicted, live),
    });
  }
  return { rows, silent };
}

function sameFigures(a: QuorumFigures, b: QuorumFigures): boolean {
  return a.expectedVotes === b.expectedVotes && a.totalVotes === b.totalVotes && a.quorum === b.quorum && a.quorate === b.quorate;
}
