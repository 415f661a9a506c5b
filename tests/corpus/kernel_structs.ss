// Kernel structs through BTF with CO-RE relocations: nested structs,
// pointers followed, char arrays as strings, sizeof and offsetof.
tracepoint:sched:sched_switch {
  $t = (struct task_struct *)curtask;
  @switches[$t->comm, $t->real_parent->tgid] = count();
  @same[$t->pid == args->prev_pid] = 1;
  @vruntime = max($t->se.vruntime);
  @sizes = (sizeof(struct task_struct), offsetof(struct task_struct, pid), sizeof($t->comm));
}
