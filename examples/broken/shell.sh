#!/bin/bash
# Shell-level mistakes of lab scripts.
iscsadm -m discovery -t sendtargets -p 10.60.0.5
echo 'hacluster:Secret123' | chpasswd
sshpass -p Secret123 ssh root@10.60.0.2 hostname
mkfs.xfs /dev/sdb1
echo "unterminated
