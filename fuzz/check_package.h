// Checks a generated package the way the multi-file fuzz target does: every file of it written
// to a MemoryFileSystem under one import root, loaded into one Program, checked, and the type of
// every expression node pulled (as check_file_fuzzer.cpp does for one file). Shared by the fuzz
// target and its replay tool, so a kept input replays exactly as it was found.
#pragma once

#include "fuzz/package_decoder.h"

namespace asynctype::fuzz {

void CheckPackage(const GeneratedPackage& package);

}  // namespace asynctype::fuzz
