#!/usr/bin/env stratoshark
BEGIN < printf("hello from a script\n"); exit() >
