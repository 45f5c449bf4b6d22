// Baselines: `--write-baseline FILE` records the fingerprints of today's diagnostics (a JSON
// file, written to a temporary file and renamed, so it is never half-written); `--baseline FILE`
// drops the diagnostics it records (as many of each fingerprint as were recorded), so only new
// ones are reported and fail the run.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/report.h"

namespace asynctype {

bool WriteBaseline(const std::string& path, const std::vector<ReportedDiagnostic>& diagnostics, std::string* error);

// Removes the diagnostics recorded in the baseline at `path`; false (with `error`) when it cannot
// be read or is not a baseline.
bool ApplyBaseline(const std::string& path, std::vector<ReportedDiagnostic>* diagnostics, std::string* error);

}  // namespace asynctype
