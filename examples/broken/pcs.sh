#!/bin/bash
# Two nodes, a web group, and the mistakes a long lab day produces.
pcs host auth web1 web2 -u hacluster
pcs cluster setup webfarm web1 web2
pcs property set stonith-enabled=false
pcs resource create site_ip ocf:heartbeat:IPaddr2 ip=10.40.0.50 cidr_netmask=24 --group web_grp
pcs resource create site_fs ocf:heartbeat:Filesystem device=/dev/vg0/web directory=/srv/www fstype=xfs --group web_group
pcs constraint location web_grp prefers web3=100
pcs constraint order site_fs then site_ipp
pcs property set no-quorum-policy=sometimes
