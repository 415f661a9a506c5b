// Shared by the verifier fixtures: helpers, SEC(), and a GPL license.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char _license[] SEC("license") = "GPL";
