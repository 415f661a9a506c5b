tracepoint:syscalls:sys_enter_openat {
  $who = comm == "bash" ? "shell" : comm == "sshd" ? "remote" : "other";
  if ($who != "other") { @kind[$who] = count(); } else { @others = count(); }
}
