kprobe:tcp_v4_connect { @[comm] = count(); }
kretprobe:tcp_v4_connect { @done[comm] = count(); }
