#!/bin/bash
# Lab in a box: a small web service on three nodes, run against a real cluster on this machine.
#   pcmk-lsp lab up --from examples/lab-in-a-box     # three bare nodes named as below (root, Linux)
#   then "Run on node1" line by line, or all of it at once and compared with the model:
#   pcmk-lsp lab verify examples/lab-in-a-box/lab.sh
# The lab sets the hacluster password this file uses in every node's own copy of /etc/shadow.

# 1. pcsd on every node trusts node1; the cluster is created and started from node1.
pcs host auth node1 addr=192.168.78.11 node2 addr=192.168.78.12 node3 addr=192.168.78.13 -u hacluster -p labpass
pcs cluster setup weblab node1 addr=192.168.78.11 node2 addr=192.168.78.12 node3 addr=192.168.78.13
pcs cluster start --all --wait=120
pcs cluster enable --all

# 2. Fencing before anything else: fence_lab cuts a lab node off and kills it, like a power switch.
#    It exists only on lab nodes: the editor knows it once "Fetch agent metadata from a node" asked
#    a lab node (lab verify does that itself); before, it is marked as an agent pcs would not find.
pcs stonith create lab-fence fence_lab pcmk_host_list="node1 node2 node3"
pcs property set stonith-enabled=true

# 3. The service: a floating address, then a stand-in for the application, in one group
#    (the address comes up first, the application after it, and they move together).
pcs resource create web-ip ocf:heartbeat:IPaddr2 ip=192.168.78.100 cidr_netmask=24 \
    op monitor interval=10s --group web
pcs resource create web-app ocf:pacemaker:Dummy state=/run/web-app.state \
    op monitor interval=10s --group web

# 4. node1 is preferred while it is healthy.
pcs constraint location web prefers node1=50
pcs status
