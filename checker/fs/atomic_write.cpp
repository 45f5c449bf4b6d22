#include "checker/fs/atomic_write.h"

#include <cerrno>
#include <cstdio>

#include <sys/stat.h>
#include <unistd.h>

namespace asynctype {

bool WriteFileAtomically(const std::string& path, std::string_view bytes) {
  size_t slash = path.rfind('/');
  std::string tmpl = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  tmpl.append(".tmp-XXXXXX");
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return false;
  fchmod(fd, 0644);  // mkstemp's 0600 would keep the file from the other users of a shared folder
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  bool ok = done == bytes.size();
  ok = close(fd) == 0 && ok;
  if (ok) ok = std::rename(tmpl.c_str(), path.c_str()) == 0;
  if (!ok) unlink(tmpl.c_str());
  return ok;
}

}  // namespace asynctype
