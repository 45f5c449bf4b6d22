#include "server/message_reader.h"

#include <iostream>

namespace asynctype::lsp {

MessageReader::MessageReader(std::istream& in, Observer observe, std::function<void()> on_end)
    : in_(in), shared_(std::make_shared<Shared>()) {
  shared_->observe = std::move(observe);
  shared_->on_end = std::move(on_end);
  // Reading must not flush a tied output stream from this thread while the server writes it.
  in_.tie(nullptr);
  thread_ = std::thread(Run, std::ref(in_), shared_);
}

MessageReader::~MessageReader() {
  {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    shared_->stopped = true;
  }
  if (&in_ == &std::cin) {
    thread_.detach();
  } else {
    thread_.join();
  }
}

void MessageReader::Run(std::istream& in, std::shared_ptr<Shared> shared) {
  while (true) {
    std::string body;
    ReadResult r = ReadMessage(in, &body);
    std::lock_guard<std::mutex> lock(shared->mutex);
    if (shared->stopped) return;
    if (r == ReadResult::Message && shared->observe) shared->observe(body);
    if (r == ReadResult::Eof && shared->on_end) shared->on_end();
    shared->queue.emplace_back(r, std::move(body));
    if (r == ReadResult::Eof) shared->eof = true;
    shared->ready.notify_one();
    if (r == ReadResult::Eof) return;
  }
}

ReadResult MessageReader::Next(std::string* body) {
  std::unique_lock<std::mutex> lock(shared_->mutex);
  shared_->ready.wait(lock, [&] { return !shared_->queue.empty(); });
  auto [result, text] = std::move(shared_->queue.front());
  if (result == ReadResult::Eof) return result;  // stays queued: Eof ever after
  shared_->queue.pop_front();
  *body = std::move(text);
  return result;
}

bool MessageReader::HasPending() {
  std::lock_guard<std::mutex> lock(shared_->mutex);
  return !shared_->queue.empty();
}

}  // namespace asynctype::lsp
