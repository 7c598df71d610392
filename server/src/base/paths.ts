// What a file path says about its content, one rule each (a workspace file, a file a heredoc writes,
// a path on a command line).

/** `corosync.conf` or `NAME.corosync.conf`, alone or at the end of a path. */
export function isCorosyncConfPath(path: string): boolean {
  return /(^|\/)corosync\.conf$/.test(path) || path.endsWith('.corosync.conf');
}
