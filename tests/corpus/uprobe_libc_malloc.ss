// malloc sizes by process, from libc found by its short name; a wildcard
// over libc's str* functions.
uprobe:libc:malloc { @bytes[comm] = sum(arg0); @calls = count(); }
uprobe:libc:strl* { @[probe] = count(); }
