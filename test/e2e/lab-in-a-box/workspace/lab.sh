#!/bin/bash
# A two-node lab whose nodes are called alpha and beta: "Pacemaker: Start local lab" names the lab
# nodes after this line, and "Run block on alpha" below runs both prompt lines on the lab node alpha.
pcs cluster setup e2elab alpha addr=192.168.78.21 beta addr=192.168.78.22

[root@alpha ~]# hostname
[root@alpha ~]# echo "second line of the block on $(hostname)"
