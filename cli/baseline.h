// Baselines: `--write-baseline FILE` records today's diagnostics in a reviewable JSON file — per
// file, each diagnostic's rule, message and fingerprint (written to a temporary file and renamed,
// so it is never half-written); `--baseline FILE` drops the diagnostics it records (as many of each
// fingerprint as were recorded), so only new ones are reported and fail the run, and counts the
// entries that matched nothing (stale: fixed since). Version 1 files (fingerprint counts only) are
// still read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cli/report.h"

namespace asynctype {

bool WriteBaseline(const std::string& path, const std::vector<ReportedDiagnostic>& diagnostics, std::string* error);

struct BaselineUse {
  size_t baselined = 0;  // diagnostics dropped
  size_t stale = 0;      // entries that matched no diagnostic
};

// Removes the diagnostics recorded in the baseline at `path`; false (with `error`) when it cannot
// be read or is not a baseline.
bool ApplyBaseline(const std::string& path, std::vector<ReportedDiagnostic>* diagnostics, BaselineUse* use,
                   std::string* error);

}  // namespace asynctype
