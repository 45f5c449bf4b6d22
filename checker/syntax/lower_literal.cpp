// Lowering of literals: strings (prefixes, escape decoding, implicit concatenation, f-strings
// with nested format specs) and numbers (int values with overflow detection, float, complex).
#include "checker/syntax/lower.h"

#include <limits>

#include "checker/base/utf8.h"
#include "checker/syntax/bracket_guard.h"

namespace asynctype::lowering {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads exactly `count` hex digits at raw[i...]; false if they are not all there.
bool ReadHex(llvm::StringRef raw, size_t i, size_t count, uint32_t& value) {
  if (i + count > raw.size()) return false;
  value = 0;
  for (size_t k = 0; k < count; ++k) {
    int d = HexDigit(raw[i + k]);
    if (d < 0) return false;
    value = value * 16 + static_cast<uint32_t>(d);
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Strings

NodeId Lowerer::StringLit(TSNode n) {
  TextRange range = RangeOf(n);
  StringState st;
  st.text_base = text_buf_.size();
  NodeId result;
  {
    IdScope interpolations(*this);
    if (SymOf(n) == Sym::String) {
      StringPart(n, st, interpolations);
    } else {
      Kids kids(*this, n);
      for (uint32_t i = 0; i < kids.size(); ++i) {
        Child c = kids[i];
        if (c.sym == Sym::String) StringPart(c.node, st, interpolations);
      }
    }
    if (st.any_bytes && (st.any_text || st.any_fstring)) {
      Report(range, "Cannot mix bytes and non-bytes literals");
    }
    uint8_t flags = (st.any_fstring ? kFString : 0) | (st.any_bytes ? kBytes : 0);
    uint32_t data = 0;
    if (!st.any_fstring) {
      data = st.simple ? ast_.InternView(TextOf(st.simple_text))
                       : ast_.InternCopy(llvm::StringRef(text_buf_).drop_front(st.text_base));
    }
    result = ast_.Add(NodeKind::StringLiteral, range, interpolations.ids(), data, flags);
  }
  text_buf_.resize(st.text_base);
  // A forward reference in an annotation: its contents are parsed where they are in the source
  // (so only a single literal without escapes, as in ty).
  if (annotation_depth_ > 0 && st.simple && st.parts == 1 && !st.any_bytes && !st.any_fstring) {
    NodeId parsed = StringAnnotation(st.simple_text);
    if (parsed.valid()) ast_.SetStringAnnotation(result, parsed);
  }
  return result;
}

NodeId Lowerer::AnnotationExpr(TSNode n) {
  ++annotation_depth_;
  NodeId result = Expr(n);
  --annotation_depth_;
  return result;
}

NodeId Lowerer::StringAnnotation(TextRange content) {
  llvm::StringRef text = TextOf(content);
  size_t leading = text.size() - text.ltrim().size();
  content.start += static_cast<uint32_t>(leading);
  content.end -= static_cast<uint32_t>(text.size() - text.rtrim().size());
  if (content.start >= content.end || text.contains('\n') || text.contains('\r') || AtDepthLimit()) {
    return NodeId::None();
  }
  // Brackets nested beyond the parser's guard (bracket_guard.h) are not handed to tree-sitter.
  int depth = 0, deepest = 0;
  for (char c : TextOf(content)) {
    if (c == '(' || c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
  }
  if (deepest > static_cast<int>(kMaxBracketDepth)) return ErrorNode(content);
  LineCol start = source_.lines().ByteLineCol(content.start);
  LineCol end = source_.lines().ByteLineCol(content.end);
  TSRange range{{start.line, start.column}, {end.line, end.column}, content.start, content.end};
  if (!ts_parser_set_included_ranges(parser_, &range, 1)) return NodeId::None();
  TSTree* tree = ts_parser_parse_string(parser_, nullptr, text_.data(), static_cast<uint32_t>(text_.size()));
  ts_parser_set_included_ranges(parser_, nullptr, 0);
  if (tree == nullptr) return NodeId::None();
  NodeId result = NodeId::None();
  TSNode root = ts_tree_root_node(tree);
  if (!ts_node_has_error(root) && ts_node_named_child_count(root) == 1) {
    TSNode stmt = ts_node_named_child(root, 0);
    if (SymOf(stmt) == Sym::ExpressionStatement && ts_node_child_count(stmt) == 1) {
      TSNode expr = ts_node_named_child(stmt, 0);
      Sym sym = SymOf(expr);
      if (sym != Sym::Assignment && sym != Sym::AugmentedAssignment && sym != Sym::Comment) {
        Suppress quiet(*this);  // the contents' own oddities are not the file's syntax errors
        DepthScope depth(*this);
        result = Expr(expr);
      }
    }
  }
  ts_tree_delete(tree);
  // Not one expression: an Error node, reported only if the string is evaluated as a type.
  if (!result.valid()) result = ErrorNode(content);
  return result;
}

void Lowerer::StringPart(TSNode string, StringState& st, IdScope& interpolations) {
  Kids kids(*this, string);
  Child start = kids.Find(Sym::StringStart);
  Child end = kids.Find(Sym::StringEnd);
  llvm::StringRef start_text = start.ok() ? TextOf(start.node) : llvm::StringRef();
  bool raw = false, bytes = false, fstring = false, unicode = false;
  for (char ch : start_text) {
    if (ch == '\'' || ch == '"') break;
    switch (ch | 0x20) {
      case 'r': raw = true; break;
      case 'b': bytes = true; break;
      case 'f': fstring = true; break;
      case 'u': unicode = true; break;
      default: break;
    }
  }
  if (unicode && (raw || bytes || fstring)) Report(RangeOf(start), "Invalid string prefix");
  ++st.parts;
  if (bytes) {
    st.any_bytes = true;
  } else if (!fstring) {
    st.any_text = true;
  }
  if (fstring) {
    st.any_fstring = true;
    st.simple = false;
    for (uint32_t i = 0; i < kids.size(); ++i) {
      Child c = kids[i];
      if (c.sym == Sym::Interpolation) interpolations.Push(Interpolation(c.node));
    }
    return;
  }
  uint32_t content_start = start.ok() ? ts_node_end_byte(start.node) : ts_node_start_byte(string);
  uint32_t content_end = end.ok() && !ts_node_is_missing(end.node) ? ts_node_start_byte(end.node)
                                                                    : ts_node_end_byte(string);
  content_start = std::min<uint32_t>(content_start, text_.size());
  content_end = std::max(content_start, std::min<uint32_t>(content_end, text_.size()));
  llvm::StringRef content = text_.substr(content_start, content_end - content_start);
  bool needs_decoding = !raw && content.contains('\\');
  if (st.simple) {
    if (st.parts == 1 && !needs_decoding) {  // so far one verbatim slice of the source
      st.simple_text = {content_start, content_end};
      return;
    }
    if (st.parts > 1) {  // materialize the earlier verbatim part
      llvm::StringRef earlier = TextOf(st.simple_text);
      text_buf_.append(earlier.data(), earlier.size());
    }
    st.simple = false;
  }
  if (needs_decoding) {
    DecodeEscapes(content, bytes);
  } else {
    text_buf_.append(content.data(), content.size());
  }
}

void Lowerer::DecodeEscapes(llvm::StringRef raw, bool bytes) {
  std::string& out = text_buf_;
  size_t i = 0;
  while (i < raw.size()) {
    char c = raw[i];
    if (c != '\\' || i + 1 >= raw.size()) {
      out += c;
      ++i;
      continue;
    }
    char e = raw[i + 1];
    i += 2;
    switch (e) {
      case '\n': break;  // line continuation
      case '\r':
        if (i < raw.size() && raw[i] == '\n') ++i;
        break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t value = static_cast<uint32_t>(e - '0');
        for (int k = 0; k < 2 && i < raw.size() && raw[i] >= '0' && raw[i] <= '7'; ++k, ++i) {
          value = value * 8 + static_cast<uint32_t>(raw[i] - '0');
        }
        if (bytes) {
          out += static_cast<char>(value & 0xFF);
        } else {
          utf8::AppendCodePoint(out, value);
        }
        break;
      }
      case 'x': {
        uint32_t value;
        if (ReadHex(raw, i, 2, value)) {
          i += 2;
          if (bytes) {
            out += static_cast<char>(value);
          } else {
            utf8::AppendCodePoint(out, value);
          }
        } else {
          out += "\\x";
        }
        break;
      }
      case 'u':
      case 'U': {
        size_t count = e == 'u' ? 4 : 8;
        uint32_t value;
        if (!bytes && ReadHex(raw, i, count, value)) {
          i += count;
          utf8::AppendCodePoint(out, value);
        } else {
          out += '\\';
          out += e;
        }
        break;
      }
      case 'N': {  // \N{NAME}: kept verbatim (no Unicode name table here)
        out += "\\N";
        if (!bytes && i < raw.size() && raw[i] == '{') {
          size_t close = raw.find('}', i);
          size_t stop = close == llvm::StringRef::npos ? raw.size() : close + 1;
          out.append(raw.data() + i, stop - i);
          i = stop;
        }
        break;
      }
      default:  // an unknown escape keeps its backslash
        out += '\\';
        out += e;
        break;
    }
  }
}

NodeId Lowerer::Interpolation(TSNode n) {
  if (AtDepthLimit()) return TooDeep(n);
  DepthScope depth(*this);
  TextRange range = RangeOf(n);
  Kids kids(*this, n);
  NodeId value = ExprOrError(kids.Get(Field::Expression), range.start);
  uint32_t conversion = 0;
  Child conv = kids.Get(Field::TypeConversion);
  if (conv.ok()) {
    llvm::StringRef text = TextOf(conv.node);
    if (text.size() >= 2) conversion = static_cast<unsigned char>(text[1]);
  }
  NodeId spec = NodeId::None();
  Child spec_node = kids.Get(Field::FormatSpecifier);
  if (spec_node.ok()) {
    Kids spec_kids(*this, spec_node.node);
    IdScope items(*this);
    for (uint32_t i = 0; i < spec_kids.size(); ++i) {
      Child c = spec_kids[i];
      if (c.sym == Sym::FormatExpression || c.sym == Sym::Interpolation) {
        items.Push(Interpolation(c.node));
      }
    }
    spec = ast_.Add(NodeKind::List, RangeOf(spec_node), items.ids());
  }
  return ast_.Add(NodeKind::FormattedValue, range, {value, spec}, conversion);
}

// ---------------------------------------------------------------------------------------------
// Numbers

NodeId Lowerer::Number(TSNode n, bool is_float) {
  TextRange range = RangeOf(n);
  llvm::StringRef text = TextOf(n);
  if (text.empty()) return ErrorNode(range);
  char last = text.back();
  if (last == 'j' || last == 'J') return ast_.Add(NodeKind::ComplexLiteral, range, {});
  if (is_float) return ast_.Add(NodeKind::FloatLiteral, range, {});
  llvm::StringRef digits = text;
  if (last == 'l' || last == 'L') {
    Report(range, "Invalid integer literal: the `L` suffix is Python 2 syntax");
    digits = digits.drop_back();
  }
  uint32_t base = 10;
  if (digits.size() > 1 && digits[0] == '0') {
    switch (digits[1] | 0x20) {
      case 'x': base = 16; break;
      case 'o': base = 8; break;
      case 'b': base = 2; break;
      default: break;
    }
    if (base != 10) {
      digits = digits.drop_front(2);
    } else if (digits.find_first_not_of("0_") != llvm::StringRef::npos) {
      Report(range,
             "Leading zeros in decimal integer literals are not permitted; use `0o` for octal");
    }
  }
  uint64_t value = 0;
  bool big = false;
  for (char c : digits) {
    if (c == '_') continue;
    int d = HexDigit(c);
    if (d < 0 || static_cast<uint32_t>(d) >= base) continue;
    if (value > (std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(d)) / base) {
      big = true;
      break;
    }
    value = value * base + static_cast<uint64_t>(d);
  }
  if (big || value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return ast_.Add(NodeKind::IntLiteral, range, {}, ast_.InternView(text), kBig);
  }
  return ast_.Add(NodeKind::IntLiteral, range, {}, ast_.AddInt(static_cast<int64_t>(value)));
}

}  // namespace asynctype::lowering
