// Writing a whole file so that no reader ever sees it half-written: the bytes go to a fresh
// temporary file (mkstemp) in the target's folder, which is then renamed over the target. Used by
// the warm cache's entries, baselines and `--output-file`.
#pragma once

#include <string>
#include <string_view>

namespace asynctype {

// False when the temporary file cannot be made or written, or the rename fails (the temporary
// file is then removed and the target left as it was). The file is made readable by all (0644).
bool WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace asynctype
