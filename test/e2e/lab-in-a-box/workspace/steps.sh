#!/bin/bash
# "Run all blocks" stops at the first line that fails, shows its output and says what a lab cannot do.
[root@alpha ~]# echo first-step-ok
[root@alpha ~]# iscsiadm -m session
[root@alpha ~]# echo this-line-never-runs
