tracepoint:syscalls:sys_enter_close { @n += 1; @m -= 2; @x[comm] *= 3; @y[pid] |= 4; @z++; $v = 1; $v <<= 3; @v = $v; }
