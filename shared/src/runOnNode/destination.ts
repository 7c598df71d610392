// Which ssh destinations we accept. A destination may come from a file of the workspace (a node name or
// address in corosync.conf, /etc/hosts heredocs, `pcs host auth`), from the workspace's
// pacemakerLab.nodes or from a Host line of an ssh config, so it is validated here, by us, before ssh
// ever sees it: never left to what the installed ssh version happens to reject. Allowed:
// user@host:port, [IPv6]:port, bare IPv6, IPv4, DNS names and ssh config aliases made of letters,
// digits, `_`, `-` and `.`. Refused: anything ssh or a shell could expand or read as an option
// (`$`, backtick, `%` tokens, spaces, a leading `-`, control characters, quotes, `;|&<>()\` …).
// Pure: no imports, shared by the client, the ssh runner and the server's agent-metadata runner.

export interface ParsedDestination {
  user?: string;
  host: string;
  port?: number;
}

const ALLOWED = /^[A-Za-z0-9._@:[\]-]$/;
const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

/** A character as a person can read it in a message (control characters as \xNN). */
function shown(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (/\s/.test(ch)) return 'a space';
  return `"${ch}"`;
}

/** The destination as it may appear in a message: control characters escaped, length bounded. */
export function displayDestination(destination: string): string {
  const clean = destination.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}

/** A DNS name, an IPv4 address or an ssh config alias (letters, digits, `_`, `-`, dots between labels). */
export function isValidHostName(host: string): boolean {
  if (!host || host.length > 253) return false;
  return host.split('.').every((label) => LABEL.test(label));
}

function isIpv6(host: string): boolean {
  return IPV6.test(host) && (host.match(/:/g) ?? []).length >= 2 && !/:::/.test(host);
}

/**
 * Splits and validates `user@host:port` (also `[v6]:port`, bare IPv6 and `ssh://…`). Returns a
 * message saying what is wrong for anything else.
 */
export function parseDestination(destination: string): ParsedDestination | { error: string } {
  const said = displayDestination(destination);
  let rest = destination.trim();
  if (!rest) return { error: 'The ssh destination is empty; set it in pacemakerLab.nodes (e.g. "root@192.168.1.11:22").' };
  if (rest.startsWith('ssh://')) rest = rest.slice('ssh://'.length).replace(/\/$/, '');
  if (rest.startsWith('-')) return { error: `The ssh destination "${said}" starts with "-", which ssh would read as an option.` };
  for (const ch of rest) {
    if (!ALLOWED.test(ch)) {
      return {
        error: `The ssh destination "${said}" contains ${shown(ch)}, which is not allowed in a destination (ssh or a shell could expand it or read it as an option). Use user@host:port, an IP address, a DNS name or a Host alias made of letters, digits, "_", "-" and ".".`,
      };
    }
  }
  let user: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    user = rest.slice(0, at);
    rest = rest.slice(at + 1);
    if (!user) return { error: `The ssh destination "${said}" has an empty user before "@".` };
    if (!USER.test(user))
      return {
        error: `The user "${user}" in ssh destination "${said}" is not a valid user name (letters, digits, "_", "-", "."; not starting with "-" or ".").`,
      };
  }
  let host = rest;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2];
    if (!isIpv6(host)) return { error: `The ssh destination "${said}" has "[${host}]", which is not an IPv6 address.` };
  } else if ((rest.match(/:/g) ?? []).length === 1) {
    [host, portText] = rest.split(':') as [string, string];
  }
  if (!host) return { error: `The ssh destination "${said}" has no host.` };
  if (!bracketed) {
    const colons = (host.match(/:/g) ?? []).length;
    if (colons >= 2 ? !isIpv6(host) : !isValidHostName(host)) {
      return {
        error: `The host "${host}" in ssh destination "${said}" is not an IP address, a DNS name or an ssh config alias (letters, digits, "_", "-", with dots between non-empty parts).`,
      };
    }
  }
  if (portText !== undefined) {
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
      return { error: `The port in ssh destination "${said}" must be a number from 1 to 65535.` };
    }
    return { user, host, port };
  }
  return { user, host };
}

/** Undefined when `destination` is acceptable, else why not. */
export function destinationProblem(destination: string): string | undefined {
  const parsed = parseDestination(destination);
  return 'error' in parsed ? parsed.error : undefined;
}
