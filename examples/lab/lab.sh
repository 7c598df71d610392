#!/bin/bash
# Lab: a highly available NFS share on three nodes (node1..node3, see corosync.conf).
# Run the steps on node1 as root, one block at a time; each block can also be sent
# to a node with "Run on node". One step below is missing a required option:
# the editor marks it before pcs would refuse it.
set -euo pipefail

# 1. Authenticate the nodes and create the cluster (writes corosync.conf on every node).
pcs host auth node1 addr=192.168.50.11 node2 addr=192.168.50.12 node3 addr=192.168.50.13 -u hacluster
pcs cluster setup labnfs node1 addr=192.168.50.11 node2 addr=192.168.50.12 node3 addr=192.168.50.13
pcs cluster start --all
pcs cluster enable --all

# 2. Fencing: the hypervisor (192.168.50.1) powers a VM off over ssh with virsh;
#    the map turns cluster node names into libvirt domain names.
pcs stonith create fence-lab fence_virsh ip=192.168.50.1 username=fencer \
    identity_file=/root/.ssh/id_fence \
    pcmk_host_map="node1:lab-node1;node2:lab-node2;node3:lab-node3"

# 3. The NFS service as one group; members start in this order and stop in reverse:
#    storage first, then the NFS daemon, the export, and the client-facing address last.
pcs resource create nfs-data ocf:heartbeat:Filesystem \
    device=/dev/vg_nfs/lv_export directory=/srv/nfs fstype=xfs \
    --group nfs-group
pcs resource create nfs-daemon ocf:heartbeat:nfsserver \
    nfs_shared_infodir=/srv/nfs/nfsinfo \
    --group nfs-group
# Clients must see the same file handles after a failover, and that needs a fixed fsid.
pcs resource create nfs-export ocf:heartbeat:exportfs \
    clientspec=192.168.50.0/24 options=rw,sync,no_root_squash directory=/srv/nfs/export \
    --group nfs-group
pcs resource create nfs-ip ocf:heartbeat:IPaddr2 \
    ip=192.168.50.100 cidr_netmask=24 \
    op monitor interval=10s \
    --group nfs-group

# 4. Prefer node1 while it is healthy; check where everything runs.
pcs constraint location nfs-group prefers node1=50
pcs status --full
