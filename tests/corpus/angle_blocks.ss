tracepoint:sched:sched_switch < @switches[args.prev_comm] = count(); if (args.prev_state > 0) < @blocked = count() > >
profile:hz:49 < @samples[cpu] = count() >
