// Where a project's files and modules are: the Python files under a checked path
// (FindPythonFiles), the import root a path belongs to (ImportRootFor), the top-level module a
// checked file is part of (TopLevelModuleUnder) and paths relative to a folder (RelativeTo).
// Used by the session (checker/project/session.h) for the command line and for the editor.
#pragma once

#include <string>
#include <vector>

#include "checker/fs/filesystem.h"

namespace asynctype {

struct FoundFiles {
  std::vector<std::string> files;          // sorted
  std::vector<std::string> skipped_links;  // symbolic links leading outside the roots, sorted
};

// The Python files (.py, .pyi) under `path` (or `path` itself when it is not a folder), sorted;
// skips hidden folders, virtual environments and __pycache__. Only regular files count (FIFOs,
// sockets, devices are ignored); a linked file counts where `files` says it is a File inside its
// roots; linked folders are not walked. Links `files` reports Outside go to `skipped_links`.
// Walks the operating system's folders (`files` only judges links).
FoundFiles FindPythonFiles(const std::string& path, const FileSystem& files);

// The import root for a path: the nearest folder at or above it (a folder `path` itself, else
// the folder holding it) that is not a package (has no `__init__.py` / `__init__.pyi`), as `files`
// sees them. Kept in the same style (relative or absolute) as `path`.
std::string ImportRootFor(const FileSystem& files, const std::string& path);

// `path` relative to `root`, lexically (a linked file is matched and named where the link is,
// not where it leads); `path` itself when it cannot be made relative.
std::string RelativeTo(const std::string& root, const std::string& path);

// The top-level module a checked file belongs to under its import root: `lib/asyncio/tasks.py`
// under `lib` is `asyncio`. Empty for the root itself.
std::string TopLevelModuleUnder(const std::string& root, const std::string& path);

}  // namespace asynctype
