// Lines read by interactive bash: entries by comm, return values summed.
uprobe:/bin/bash:readline { @[comm] = count(); }
uretprobe:/bin/bash:readline { @ret = sum(retval); @last = retval; }
