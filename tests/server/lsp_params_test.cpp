// The typed LSP parameters (lsp_params.h): required members missing throw the same
// json::exception that reading them with `at()` throws (the server answers InvalidParams with its
// text), optional members are read leniently (a non-integer version is none / 0, a missing text
// is empty, a missing range is null, a missing context is {}).
#include "server/lsp_params.h"

#include <gtest/gtest.h>

#include <string>

namespace asynctype::lsp {
namespace {

std::string ErrorOf(const json& params, auto read) {
  try {
    read(params);
  } catch (const json::exception& e) {
    return e.what();
  }
  return "";
}

TEST(LspParamsTest, DidOpenReadsTheItem) {
  auto p = json::parse(R"({"textDocument": {"uri": "file:///a.py", "text": "x = 1\n", "version": 3}})")
               .get<DidOpenParams>();
  EXPECT_EQ(p.text_document.uri, "file:///a.py");
  EXPECT_EQ(p.text_document.text, "x = 1\n");
  EXPECT_EQ(p.text_document.version, 3);
  auto bare = json::parse(R"({"textDocument": {"uri": "u", "version": "7"}})").get<DidOpenParams>();
  EXPECT_EQ(bare.text_document.text, "");
  EXPECT_EQ(bare.text_document.version, 0);
}

TEST(LspParamsTest, DidChangeVersionOnlyWhenAnInteger) {
  json params = json::parse(R"({"textDocument": {"uri": "u", "version": 2}, "contentChanges": [{"text": "a"}]})");
  auto p = params.get<DidChangeParams>();
  EXPECT_EQ(p.text_document.version, std::optional<int64_t>(2));
  EXPECT_EQ(p.content_changes, &params["contentChanges"]);  // not copied
  json malformed = json::parse(R"({"textDocument": {"uri": "u", "version": 2.5}, "contentChanges": 1})");
  auto q = malformed.get<DidChangeParams>();
  EXPECT_FALSE(q.text_document.version.has_value());
  EXPECT_EQ(*q.content_changes, json(1));  // malformed changes are skipped where they are applied
}

TEST(LspParamsTest, MissingRequiredMembersThrowLikeAt) {
  auto expect_same = [](const json& params, auto read, auto at) {
    std::string typed = ErrorOf(params, read);
    std::string direct = ErrorOf(params, at);
    EXPECT_FALSE(typed.empty()) << params.dump();
    EXPECT_EQ(typed, direct) << params.dump();
  };
  auto hover = [](const json& j) { (void)j.get<TextDocumentPositionParams>(); };
  auto hover_at = [](const json& j) {
    (void)j.at("textDocument").at("uri").get<std::string>();
    (void)j.at("position");
  };
  expect_same(json::parse(R"({"textDocument": {"uri": "u"}})"), hover, hover_at);
  expect_same(json::parse(R"({"position": {}})"), hover, hover_at);
  expect_same(json::parse(R"({"textDocument": {"uri": 5}, "position": {}})"), hover, hover_at);
  expect_same(json::parse(R"([1, 2])"), hover, hover_at);
  expect_same(json::parse(R"("text")"), hover, hover_at);
  auto change = [](const json& j) { (void)j.get<DidChangeParams>(); };
  auto change_at = [](const json& j) {
    (void)j.at("textDocument").at("uri").get<std::string>();
    (void)j.at("contentChanges");
  };
  expect_same(json::parse(R"({"textDocument": {"uri": "u"}})"), change, change_at);
  auto open = [](const json& j) { (void)j.get<DidOpenParams>(); };
  auto open_at = [](const json& j) { (void)j.at("textDocument").value("text", std::string()); };
  expect_same(json::parse(R"({"textDocument": {"uri": "u", "text": 3}})"), open, open_at);
}

TEST(LspParamsTest, CodeActionAndInlayHintDefaults) {
  auto a = json::parse(R"({"textDocument": {"uri": "u"}})").get<CodeActionParams>();
  EXPECT_TRUE(a.range.is_null());
  EXPECT_EQ(a.context, json::object());
  auto b = json::parse(R"({"textDocument": {"uri": "u"}, "range": {"start": {}}, "context": {"only": ["quickfix"]}})")
               .get<CodeActionParams>();
  EXPECT_TRUE(b.range.is_object());
  EXPECT_EQ(b.context["only"], json::array({"quickfix"}));
  auto h = json::parse(R"({"textDocument": {"uri": "u"}})").get<InlayHintParams>();
  EXPECT_TRUE(h.range.is_null());
}

TEST(LspParamsTest, InitializeIsReadLeniently) {
  auto p = json::parse(R"({"workspaceFolders": [{"uri": "file:///w"}, {"uri": 3}], "rootUri": "file:///r",
                           "rootPath": "/r", "capabilities": {"textDocument": {"diagnostic": {}},
                           "workspace": {"diagnostics": {"refreshSupport": true}}},
                           "initializationOptions": {"pushDiagnostics": true}})")
               .get<InitializeParams>();
  EXPECT_EQ(p.workspace_folder_uris, (std::vector<std::string>{"file:///w", ""}));
  EXPECT_EQ(p.root_uri, "file:///r");
  EXPECT_EQ(p.root_path, "/r");
  EXPECT_TRUE(p.client_pulls_diagnostics);
  EXPECT_EQ(p.refresh_support, std::optional<bool>(true));
  EXPECT_EQ(p.push_diagnostics, std::optional<bool>(true));
  for (const char* text : {"null", "[]", "{}", R"({"workspaceFolders": 1, "capabilities": [],
                            "initializationOptions": {"pushDiagnostics": "yes"}})"}) {
    auto q = json::parse(text).get<InitializeParams>();
    EXPECT_TRUE(q.workspace_folder_uris.empty()) << text;
    EXPECT_EQ(q.root_uri, "") << text;
    EXPECT_FALSE(q.client_pulls_diagnostics) << text;
    EXPECT_FALSE(q.refresh_support.has_value()) << text;
    EXPECT_FALSE(q.push_diagnostics.has_value()) << text;
  }
}

TEST(LspParamsTest, CancelParamsTakeAnyId) {
  EXPECT_EQ(json::parse(R"({"id": 4})").get<CancelParams>().id, json(4));
  EXPECT_EQ(json::parse(R"({"id": "x"})").get<CancelParams>().id, json("x"));
  EXPECT_FALSE(json::parse(R"({})").get<CancelParams>().id.has_value());
  EXPECT_FALSE(json::parse(R"([1])").get<CancelParams>().id.has_value());
}

}  // namespace
}  // namespace asynctype::lsp
