#!/bin/bash
# An iSCSI target built from the shell, one targetcli call per line.
targetcli /backstores/fileio create disk0 /srv/iscsi/disk0.img 1G
targetcli /iscsi create iqn.2026-12.lab.example:target0
targetcli /iscsi/iqn.2026-12.lab.example:target0/tpg1/luns create /backstores/fileio/disk0 bogus=1
targetcli saveconfg
