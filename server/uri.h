// `file://` URIs <-> absolute paths (percent-decoding and -encoding, as VS Code writes them).
#pragma once

#include <optional>
#include <string>

namespace asynctype::lsp {

// The normalized absolute path of a `file://` URI, or nullopt for other schemes / bad URIs.
std::optional<std::string> UriToPath(const std::string& uri);
// A path as a URI reference: every byte but the unreserved ones and `/` percent-encoded.
std::string PercentEncodePath(const std::string& path);
std::string PathToUri(const std::string& path);

}  // namespace asynctype::lsp
