// Reads the client's framed messages on a thread of its own into a queue, so that a long analysis
// never stops the server from reading: the client's writes never block, and `$/cancelRequest` or a
// newer edit is seen (through the observer) while the analysis they make stale is still running;
// so is the end of input (through `on_end`), which lets the server abandon its work and exit.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <istream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "server/protocol.h"

namespace asynctype::lsp {

class MessageReader {
 public:
  // Called on the reader thread with each message body as soon as it is read, before the
  // message is queued (never after the reader is destroyed).
  using Observer = std::function<void(const std::string& body)>;

  // `on_end` (optional) is called on the reader thread when the input ends, before the end is
  // queued (never after the reader is destroyed).
  MessageReader(std::istream& in, Observer observe, std::function<void()> on_end = nullptr);
  // Joins the thread, except on std::cin (a client may keep its end open after `exit`), where
  // the thread is left to end with the process.
  ~MessageReader();
  MessageReader(const MessageReader&) = delete;
  MessageReader& operator=(const MessageReader&) = delete;

  // The next message, waiting for it; Eof once the input ended (and ever after).
  ReadResult Next(std::string* body);
  // Whether a message is already queued.
  bool HasPending();

 private:
  struct Shared {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<std::pair<ReadResult, std::string>> queue;
    bool eof = false;
    bool stopped = false;  // the reader object is gone: observe nothing more
    Observer observe;
    std::function<void()> on_end;
  };
  static void Run(std::istream& in, std::shared_ptr<Shared> shared);

  std::istream& in_;
  std::shared_ptr<Shared> shared_;
  std::thread thread_;
};

}  // namespace asynctype::lsp
