#!/bin/bash
# Agent parameters checked against the agents' own metadata.
pcs resource create vip ocf:heartbeat:IPaddr2 cidr_netmask=24
pcs resource create share ocf:heartbeat:exportfs directory=/srv/share clientspec=10.50.0.0/24 fsid=1 op monitr interval=30s
pcs stonith create fence_a fence_ipmilan ipaddr=10.50.0.201 login=admin pcmk_host_list=a1
