// Helper availability: whether the running kernel lets a program type call a
// helper, asked once per (type, helper) with libbpf's feature probe (a tiny
// program load) and remembered for the life of the process. Checked before
// the real load so that a refusal names the helper and the .ss line that
// needs it instead of a verifier log.
#pragma once

#include <optional>

#include <linux/bpf.h>

#include "stratoshark/runtime/artifact.h"
#include "stratoshark/runtime/error.h"

struct bpf_object;

namespace stratoshark::runtime {

// True or false when the kernel answered; nullopt when it cannot be told
// (the probe itself failed, e.g. the program type is unknown to the kernel).
std::optional<bool> helper_available(bpf_prog_type type, uint32_t helper);

// Every helper of every program of `object` (opened, not loaded) against
// its program type; the first unavailable one is the error.
Status check_helpers(bpf_object* object, const Artifact& artifact);

}  // namespace stratoshark::runtime
