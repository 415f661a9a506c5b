// kprobe with an offset and positional arguments, kretprobe with retval.
kprobe:vfs_read+0x4 { @[arg2] = count(); }
kretprobe:vfs_read /retval > 0/ { @bytes = sum(retval); }
