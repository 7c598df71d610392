// Small programs a lab installs into its nodes' view (bind mounts and an overlay, never on the
// host's own paths): a systemctl stand-in (lab nodes have no systemd, yet pcs drives the daemons
// through /bin/systemctl), the fence agent fence_lab (hard-kills a lab node), the entry sshd of a
// node (socat runs it per connection), and the holder process script that makes a node's mounts.
// Every program is POSIX sh (dash) and gets the lab folder baked in.

/** The systemctl stand-in: corosync, pacemaker and pcsd (with pcsd-ruby) in this node. */
export function systemctlScript(labDir: string): string {
  return `#!/bin/sh
# systemctl stand-in of a pcmk-lab node: lab nodes run without systemd, and pcs manages the cluster
# daemons through /bin/systemctl. It starts, stops and reports corosync, pacemaker and pcsd of THIS
# node (each node sees its own /run), and records enable/disable for "lab reboot".
LAB='${labDir}'
NODE=$(hostname)
EN="$LAB/nodes/$NODE/enabled"
RUN=/run/pcmk-lab
mkdir -p "$RUN" "$EN" 2>/dev/null
export PATH=/usr/sbin:/usr/bin:/sbin:/bin

say() { printf '%s\\n' "$*" >&2; }
unit() { u=\${1%.service}; case $u in pcsd-ruby) u=pcsd ;; esac; echo "$u"; }
pid_of() { # running pid of a service, or nothing
  [ -s "$RUN/$1.pid" ] || return 1
  p=$(cat "$RUN/$1.pid")
  kill -0 "$p" 2>/dev/null || return 1
  # A zombie or a reused pid in another node does not count.
  [ "$(readlink /proc/$p/ns/net 2>/dev/null)" = "$(readlink /proc/self/ns/net)" ] || return 1
  grep -q '^State:[[:space:]]*Z' /proc/$p/status 2>/dev/null && return 1
  echo "$p"
}
running() { pid_of "$1" >/dev/null; }
wait_gone() { # pid seconds
  i=0; while kill -0 "$1" 2>/dev/null && [ $i -lt $(( $2 * 10 )) ]; do sleep 0.1; i=$((i+1)); done
  ! kill -0 "$1" 2>/dev/null
}
known() { case $1 in corosync|pacemaker|pcsd) return 0 ;; esac; return 1; }
installed() { [ -f "/lib/systemd/system/$1.service" ] || [ -f "/usr/lib/systemd/system/$1.service" ]; }

start_corosync() {
  running corosync && return 0
  if [ ! -f /etc/corosync/corosync.conf ]; then
    say "Job for corosync.service failed because the control process exited with error code."
    say "(pcmk-lab: /etc/corosync/corosync.conf does not exist on $NODE; pcs cluster setup writes it)"
    return 1
  fi
  [ -s /run/corosync.pid ] && wait_gone "$(cat /run/corosync.pid)" 10
  [ -r /etc/default/corosync ] && { set -a; . /etc/default/corosync; set +a; }
  setsid corosync -f $COROSYNC_OPTIONS >>/var/log/corosync/stdout.log 2>&1 </dev/null &
  echo $! >"$RUN/corosync.pid"
  i=0
  while [ $i -lt 150 ]; do
    corosync-cfgtool -s >/dev/null 2>&1 && return 0
    running corosync || break
    sleep 0.1; i=$((i+1))
  done
  say "Job for corosync.service failed because the control process exited with error code."
  tail -n 5 /var/log/corosync/stdout.log >&2 2>/dev/null
  return 1
}
stop_corosync() {
  stop_pacemaker || return 1
  p=$(pid_of corosync) || { rm -f "$RUN/corosync.pid"; return 0; }
  corosync-cfgtool -H --force >/dev/null 2>&1 || kill -TERM "$p"
  wait_gone "$p" 15 || { kill -KILL "$p"; wait_gone "$p" 5; }
  rm -f "$RUN/corosync.pid"
}
start_pacemaker() {
  running pacemaker && return 0
  start_corosync || { say "A dependency job for pacemaker.service failed."; return 1; }
  [ -r /etc/default/pacemaker ] && { set -a; . /etc/default/pacemaker; set +a; }
  setsid pacemakerd >>/var/log/pacemaker/stdout.log 2>&1 </dev/null &
  echo $! >"$RUN/pacemaker.pid"
  sleep 0.5
  running pacemaker && return 0
  say "Job for pacemaker.service failed because the control process exited with error code."
  tail -n 5 /var/log/pacemaker/stdout.log >&2 2>/dev/null
  return 1
}
stop_pacemaker() {
  p=$(pid_of pacemaker) || { rm -f "$RUN/pacemaker.pid"; return 0; }
  pacemakerd --shutdown >/dev/null 2>&1 || kill -TERM "$p"
  wait_gone "$p" 90 || { kill -KILL -- "-$p" 2>/dev/null; kill -KILL "$p"; wait_gone "$p" 5; }
  # pacemakerd's children are in its process group; none may outlive it.
  kill -KILL -- "-$p" 2>/dev/null
  rm -f "$RUN/pacemaker.pid"
}
start_pcsd() {
  running pcsd && return 0
  [ -r /etc/default/pcsd ] && { set -a; . /etc/default/pcsd; set +a; }
  mkdir -p /var/log/pcsd
  setsid /usr/share/pcsd/pcsd >>/var/log/pcsd/ruby-stdout.log 2>&1 </dev/null &
  echo $! >"$RUN/pcsd-ruby.pid"
  setsid /usr/sbin/pcsd >>/var/log/pcsd/stdout.log 2>&1 </dev/null &
  echo $! >"$RUN/pcsd.pid"
  i=0
  while [ $i -lt 300 ]; do
    ss -Htln 'sport = :2224' 2>/dev/null | grep -q . && return 0
    running pcsd || break
    sleep 0.1; i=$((i+1))
  done
  say "Job for pcsd.service failed because the control process exited with error code."
  tail -n 5 /var/log/pcsd/stdout.log >&2 2>/dev/null
  return 1
}
stop_pcsd() {
  for s in pcsd pcsd-ruby; do
    p=$(pid_of $s) && { kill -TERM "$p"; wait_gone "$p" 10 || kill -KILL "$p"; }
    rm -f "$RUN/$s.pid"
  done
  return 0
}

cmd=; units=; now=; quiet=
for a in "$@"; do
  case $a in
    --now) now=1 ;;
    -q|--quiet) quiet=1 ;;
    --no-pager|--no-legend|--full|--system|--no-block|--no-ask-password|-l|--type=*|--state=*|--plain) ;;
    -*) ;;
    *) if [ -z "$cmd" ]; then cmd=$a; else units="$units $(unit "$a")"; fi ;;
  esac
done

status=0
case $cmd in
  daemon-reload|reset-failed|daemon-reexec) exit 0 ;;
  list-unit-files|list-units)
    for f in /lib/systemd/system/*.service; do
      n=$(basename "$f" .service)
      case $n in *@) continue ;; esac
      if [ -e "$EN/$n" ]; then s=enabled; else s=disabled; fi
      printf '%s.service %s %s\\n' "$n" "$s" "$s"
    done
    exit 0 ;;
  start|stop|restart|try-restart|reload|reload-or-restart|enable|disable|is-active|is-enabled|status|is-failed|show) ;;
  '') say "systemctl (pcmk-lab stand-in): no command given"; exit 1 ;;
  *) say "systemctl (pcmk-lab stand-in): \\"$cmd\\" is not supported in a lab node"; exit 1 ;;
esac

for u in $units; do
  if ! known "$u"; then
    if installed "$u"; then
      case $cmd in
        is-active|is-failed) [ -n "$quiet" ] || echo inactive; status=3; continue ;;
        is-enabled) [ -n "$quiet" ] || echo disabled; status=1; continue ;;
        status) echo "○ $u.service"; echo "     Active: inactive (dead) (pcmk-lab: not run in lab nodes)"; status=3; continue ;;
      esac
      say "pcmk-lab: $u.service is not run in lab nodes (only corosync, pacemaker and pcsd are)"
      status=1; continue
    fi
    case $cmd in
      is-active|is-failed) [ -n "$quiet" ] || echo inactive; status=3 ;;
      is-enabled) say "Failed to get unit file state for $u.service: No such file or directory"; status=1 ;;
      status) say "Unit $u.service could not be found."; status=4 ;;
      *) say "Failed to $cmd $u.service: Unit $u.service not found."; status=5 ;;
    esac
    continue
  fi
  case $cmd in
    start) start_$u || status=1 ;;
    stop) stop_$u || status=1 ;;
    restart|reload-or-restart) stop_$u; start_$u || status=1 ;;
    try-restart|reload) if running "$u"; then stop_$u; start_$u || status=1; fi ;;
    enable) : >"$EN/$u"; [ "$u" = pcsd ] || true
      [ -n "$now" ] && { start_$u || status=1; } ;;
    disable) rm -f "$EN/$u"; [ -n "$now" ] && stop_$u ;;
    is-active) if running "$u"; then [ -n "$quiet" ] || echo active; else [ -n "$quiet" ] || echo inactive; status=3; fi ;;
    is-failed) if running "$u"; then [ -n "$quiet" ] || echo active; status=1; else [ -n "$quiet" ] || echo inactive; fi ;;
    is-enabled) if [ -e "$EN/$u" ]; then [ -n "$quiet" ] || echo enabled; else [ -n "$quiet" ] || echo disabled; status=1; fi ;;
    show) if running "$u"; then echo "ActiveState=active"; echo "MainPID=$(pid_of "$u")"; else echo "ActiveState=inactive"; echo "MainPID=0"; fi ;;
    status)
      if [ -e "$EN/$u" ]; then e=enabled; else e=disabled; fi
      if p=$(pid_of "$u"); then
        echo "● $u.service"; echo "     Loaded: loaded (/lib/systemd/system/$u.service; $e)"
        echo "     Active: active (running)"; echo "   Main PID: $p"
      else
        echo "○ $u.service"; echo "     Loaded: loaded (/lib/systemd/system/$u.service; $e)"
        echo "     Active: inactive (dead)"; status=3
      fi ;;
  esac
done
exit $status
`;
}

/** fence_lab: a fence agent that "powers off" a lab node: its link goes down, all its processes die. */
export function fenceAgentScript(labDir: string): string {
  return `#!/bin/sh
# fence_lab: fence agent of a pcmk-lab lab. "off" (and "reboot") cut the target lab node's link and
# SIGKILL every process of it: a hard power-off. The node stays off until "pcmk-lsp lab reboot NODE".
LAB='${labDir}'
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
action=; plug=
set_opt() {
  case $1 in
    action|option) action=$2 ;;
    port|plug) plug=$2 ;;
    nodename) [ -n "$plug" ] || plug=$2 ;;
  esac
}
if [ $# -eq 0 ] && [ ! -t 0 ]; then
  while IFS= read -r line; do
    line=\${line%%#*}
    case $line in *=*) set_opt "\${line%%=*}" "\${line#*=}" ;; esac
  done
fi
while [ $# -gt 0 ]; do
  case $1 in
    -o|--action) action=$2; shift ;;
    --action=*|--option=*) action=\${1#*=} ;;
    -n|--plug|--port) plug=$2; shift ;;
    --plug=*|--port=*) plug=\${1#*=} ;;
    -h|--help) echo "usage: fence_lab -o on|off|reboot|status|list|monitor|metadata|validate-all -n NODE"; exit 0 ;;
  esac
  shift
done
[ -n "$action" ] || action=reboot

metadata() {
cat <<'EOF'
<?xml version="1.0" ?>
<resource-agent name="fence_lab" shortdesc="Fence agent for pcmk-lab nodes (hard power-off)">
<longdesc>fence_lab powers off a node of a pcmk-lab lab (a Pacemaker lab in network namespaces on one Linux machine): the node's network link goes down and every process of the node is killed at once, as pulling the power cord would. The node comes back with "pcmk-lsp lab reboot NODE".</longdesc>
<vendor-url>https://clusterlabs.org</vendor-url>
<parameters>
	<parameter name="action" unique="0" required="0">
		<getopt mixed="-o, --action=[action]" />
		<content type="string" default="reboot"  />
		<shortdesc lang="en">Fencing action</shortdesc>
	</parameter>
	<parameter name="plug" unique="0" required="0" obsoletes="port">
		<getopt mixed="-n, --plug=[node]" />
		<content type="string"  />
		<shortdesc lang="en">Lab node name to fence</shortdesc>
	</parameter>
	<parameter name="port" unique="0" required="0" deprecated="1">
		<getopt mixed="-n, --plug=[node]" />
		<content type="string"  />
		<shortdesc lang="en">Lab node name to fence</shortdesc>
	</parameter>
</parameters>
<actions>
	<action name="on" automatic="0"/>
	<action name="off" />
	<action name="reboot" />
	<action name="status" />
	<action name="list" />
	<action name="list-status" />
	<action name="monitor" />
	<action name="metadata" />
	<action name="manpage" />
	<action name="validate-all" />
</actions>
</resource-agent>
EOF
}

holder() { cat "$LAB/nodes/$1/holder.pid" 2>/dev/null; }
is_on() { h=$(holder "$1") && [ -n "$h" ] && kill -0 "$h" 2>/dev/null; }
power_off() {
  h=$(holder "$1")
  [ -n "$h" ] && kill -0 "$h" 2>/dev/null || return 0
  ns=$(readlink "/proc/$h/ns/net") || return 0
  nsenter --net="/proc/$h/ns/net" ip link set eth0 down 2>/dev/null
  date +%s >"$LAB/nodes/$1/fenced"
  for round in 1 2 3; do
    for d in /proc/[0-9]*; do
      [ "$(readlink "$d/ns/net" 2>/dev/null)" = "$ns" ] && kill -KILL "\${d#/proc/}" 2>/dev/null
    done
    sleep 0.1
  done
  return 0
}

case $action in
  metadata) metadata; exit 0 ;;
  manpage) echo "fence_lab: see the metadata (fence_lab -o metadata)"; exit 0 ;;
  validate-all|monitor) [ -d "$LAB/nodes" ] || { echo "fence_lab: no lab at $LAB" >&2; exit 1; }; exit 0 ;;
  list|list-status)
    for d in "$LAB"/nodes/*/; do n=$(basename "$d"); if [ "$action" = list ]; then echo "$n,"; else if is_on "$n"; then echo "$n,,on"; else echo "$n,,off"; fi; fi; done
    exit 0 ;;
esac
[ -n "$plug" ] || { echo "fence_lab: no node given (plug or port)" >&2; exit 1; }
[ -d "$LAB/nodes/$plug" ] || { echo "fence_lab: $plug is not a node of this lab" >&2; exit 1; }
case $action in
  status) if is_on "$plug"; then echo "Status: ON"; exit 0; else echo "Status: OFF"; exit 2; fi ;;
  off|reboot) power_off "$plug"; echo "Success: Powered OFF"; exit 0 ;;
  on) if is_on "$plug"; then echo "Success: Already ON"; exit 0; fi
      echo "fence_lab: $plug stays off until \\"pcmk-lsp lab reboot $plug\\"" >&2; exit 1 ;;
  *) echo "fence_lab: unknown action $action" >&2; exit 1 ;;
esac
`;
}

/** Runs a node's sshd in inetd mode inside the node (socat runs this once per connection). */
export function enterSshdScript(labDir: string): string {
  return `#!/bin/sh
# Runs sshd -i inside lab node $1 (socat on 127.0.0.1 calls it per connection).
LAB='${labDir}'
pid=$(cat "$LAB/nodes/$1/holder.pid" 2>/dev/null) && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || exit 1
cd /
exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin nsenter -t "$pid" -m -u -n -- /usr/sbin/sshd -i -f "$LAB/nodes/$1/sshd_config"
`;
}

/** Paths bind-mounted from the node's folder over the machine's own (inside the node's mount namespace). */
export const NODE_BINDS: { target: string; source: string; owner?: string; mode?: number }[] = [
  { target: '/var/lib/pacemaker', source: 'var-lib-pacemaker', owner: 'hacluster:haclient', mode: 0o750 },
  { target: '/var/log/pacemaker', source: 'var-log-pacemaker', owner: 'hacluster:haclient', mode: 0o770 },
  { target: '/var/log/corosync', source: 'var-log-corosync' },
  { target: '/var/lib/corosync', source: 'var-lib-corosync' },
  { target: '/etc/corosync', source: 'etc-corosync' },
  { target: '/etc/pacemaker', source: 'etc-pacemaker', owner: 'root:haclient', mode: 0o750 },
  { target: '/var/lib/pcsd', source: 'var-lib-pcsd', mode: 0o700 },
  { target: '/var/log/pcsd', source: 'var-log-pcsd', mode: 0o700 },
  { target: '/root', source: 'root', mode: 0o700 },
];

/**
 * The holder: run as `ip netns exec NS unshare -m -u --propagation private sh SCRIPT NODE LABDIR`.
 * It makes the node's mounts and hostname, records its pid, then sleeps; the node lives as long as it.
 */
export function holderScript(): string {
  const binds = NODE_BINDS.map((b) => `mount --bind "$D/${b.source}" ${b.target}`).join('\n');
  return `set -e
NODE=$1; LAB=$2
D="$LAB/nodes/$NODE"
hostname "$NODE"
# The lab folder lives under the machine's /run, which a fresh tmpfs hides below: keep a handle on it.
exec 3<"$LAB"
${binds}
mount --bind "$D/hosts" /etc/hosts
mount --bind "$D/shadow" /etc/shadow
mount --bind "$LAB/bin/systemctl" /usr/bin/systemctl
mount -t overlay pcmk-lab-sbin -o "lowerdir=$LAB/sbin:/usr/sbin" /usr/sbin
mount -t tmpfs -o mode=0755 pcmk-lab-run /run
mount -t tmpfs -o mode=1777 pcmk-lab-shm /dev/shm
mount -t tmpfs -o mode=1777 pcmk-lab-tmp /tmp
mkdir -p /run/lock /run/sshd /run/pcmk-lab /run/pacemaker /run/crm "$LAB"
chmod 0755 /run/sshd
chown hacluster:haclient /run/crm 2>/dev/null || true
mount -c --bind /proc/self/fd/3 "$LAB"
exec 3<&-
# The lab's shared disk (the same loop device in every node), at one path in each node's own /run.
if [ -s "$LAB/shared/device" ]; then ln -sfn "$(cat "$LAB/shared/device")" /run/pcmk-lab-shared-disk; fi
echo $$ >"$D/holder.pid.new"
mv "$D/holder.pid.new" "$D/holder.pid"
exec sleep infinity
`;
}
