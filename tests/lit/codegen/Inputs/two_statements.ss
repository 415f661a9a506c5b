BEGIN {
  @x = nsecs;
  printf("%d\n", pid);
}
