#include "server/uri.h"

#include <cctype>

#include "checker/fs/filesystem.h"

namespace asynctype::lsp {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> UriToPath(const std::string& uri) {
  const std::string scheme = "file://";
  if (uri.size() < scheme.size()) return std::nullopt;
  for (size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(uri[i])) != scheme[i]) return std::nullopt;
  }
  std::string rest = uri.substr(scheme.size());
  // Drop an authority (`file://localhost/...`); the path starts at the first '/'.
  size_t slash = rest.find('/');
  if (slash == std::string::npos) return std::nullopt;
  rest = rest.substr(slash);
  size_t cut = rest.find_first_of("?#");
  if (cut != std::string::npos) rest.resize(cut);
  std::string path;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size()) {
      int hi = HexValue(rest[i + 1]), lo = HexValue(rest[i + 2]);
      if (hi >= 0 && lo >= 0) {
        path += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    path += rest[i];
  }
  if (path.find('\0') != std::string::npos) return std::nullopt;
  return NormalizePath(path);
}

std::string PercentEncodePath(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string PathToUri(const std::string& path) {
  std::string out = "file://";
  out += PercentEncodePath(path);
  return out;
}

}  // namespace asynctype::lsp
