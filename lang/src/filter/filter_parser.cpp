// FilterParser: recursive descent over libpcap's filter grammar.
#include "filter/filter_parser.h"

#include <arpa/inet.h>

#include <cctype>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "filter/filter_constants.h"
#include "filter/filter_lexer.h"

namespace stratoshark::lang::filter {

const char* proto_name(Proto p) {
  switch (p) {
    case Proto::Default: return "";
    case Proto::Link: return "ether";
    case Proto::Ip: return "ip";
    case Proto::Ip6: return "ip6";
    case Proto::Arp: return "arp";
    case Proto::Rarp: return "rarp";
    case Proto::Tcp: return "tcp";
    case Proto::Udp: return "udp";
    case Proto::Sctp: return "sctp";
    case Proto::Icmp: return "icmp";
    case Proto::Icmp6: return "icmp6";
    case Proto::Igmp: return "igmp";
    case Proto::Igrp: return "igrp";
    case Proto::Pim: return "pim";
    case Proto::Vrrp: return "vrrp";
    case Proto::Carp: return "carp";
    case Proto::Ah: return "ah";
    case Proto::Esp: return "esp";
  }
  return "";
}

namespace {

struct ProtoWord {
  std::string_view word;
  Proto proto;
};
constexpr ProtoWord kProtoWords[] = {
    {"ether", Proto::Link}, {"link", Proto::Link}, {"ip", Proto::Ip},       {"ip6", Proto::Ip6},
    {"arp", Proto::Arp},    {"rarp", Proto::Rarp}, {"tcp", Proto::Tcp},     {"udp", Proto::Udp},
    {"sctp", Proto::Sctp},  {"icmp", Proto::Icmp}, {"icmp6", Proto::Icmp6}, {"igmp", Proto::Igmp},
    {"igrp", Proto::Igrp},  {"pim", Proto::Pim},   {"vrrp", Proto::Vrrp},   {"carp", Proto::Carp},
    {"ah", Proto::Ah},      {"esp", Proto::Esp},
};

// Keywords of libpcap's language we do not implement: reported as such, not
// as syntax errors.
constexpr std::string_view kUnsupported[] = {
    "fddi", "tr", "wlan", "ppp", "slip", "radio", "atalk", "aarp", "decnet", "lat", "sca", "moprc", "mopdl",
    "iso", "esis", "es-is", "isis", "is-is", "clnp", "stp", "ipx", "netbeui", "l1", "l2", "iih", "lsp", "snp",
    "csnp", "psnp", "geneve", "gateway", "llc", "type", "subtype", "dir",
    "ra", "ta", "addr1", "addr2", "addr3", "addr4", "on", "ifname", "rnr", "rulenum", "reason", "rset",
    "ruleset", "srnr", "subrulenum", "action", "fisu", "lssu", "msu", "hfisu", "hlssu", "hmsu", "sio", "opc",
    "dpc", "sls", "hsio", "hopc", "hdpc", "hsls", "atmtype", "lane", "oamf4", "oamf4ec", "oamf4sc", "oam",
    "metac", "bcc", "sc", "ilmic", "connectmsg", "metaconnect", "vpi", "vci", "byte", "decnet", "vxlan",
};

constexpr std::string_view kOtherKeywords[] = {
    "and", "or", "not", "src", "dst", "host", "net", "mask", "port", "portrange", "proto", "protochain",
    "less", "greater", "len", "vlan", "mpls", "pppoed", "pppoes", "broadcast", "multicast", "inbound", "outbound",
    "ifindex",
};

std::optional<Proto> proto_word(std::string_view w) {
  for (const auto& p : kProtoWords) {
    if (p.word == w) return p.proto;
  }
  return std::nullopt;
}

bool is_unsupported(std::string_view w) {
  for (auto u : kUnsupported) {
    if (u == w) return true;
  }
  return false;
}

bool is_keyword(std::string_view w) {
  if (proto_word(w) || is_unsupported(w)) return true;
  for (auto k : kOtherKeywords) {
    if (k == w) return true;
  }
  return false;
}

// Decimal, 0x hex or 0-prefixed octal, or a named constant (tcp-syn, ...).
std::optional<uint64_t> parse_number(std::string_view w) {
  if (auto c = named_constant(w)) return *c;
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w[0]))) return std::nullopt;
  int radix = 10;
  std::string_view digits = w;
  if (w.size() > 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) {
    radix = 16;
    digits = w.substr(2);
  } else if (w.size() > 1 && w[0] == '0') {
    radix = 8;
    digits = w.substr(1);
  }
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, radix);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  return v;
}

bool parse_ipv4(std::string_view w, uint32_t& addr, int& parts) {
  addr = 0;
  parts = 0;
  size_t pos = 0;
  while (true) {
    size_t dot = w.find('.', pos);
    std::string_view part = w.substr(pos, dot == std::string_view::npos ? std::string_view::npos : dot - pos);
    uint32_t v = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || ec != std::errc() || p != part.data() + part.size() || v > 255 || parts == 4) return false;
    addr = addr << 8 | v;
    ++parts;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  if (parts < 2) return false;
  return true;
}

// xx:xx:xx:xx:xx:xx, xx-xx-xx-xx-xx-xx, xx.xx.xx.xx.xx.xx (1 or 2 hex digits
// per byte) or xxxx.xxxx.xxxx (exactly 4 per group), as libpcap's scanner.
bool parse_mac(std::string_view w, uint64_t& mac) {
  auto groups = [](std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t pos = 0;
    while (true) {
      size_t at = s.find(sep, pos);
      parts.push_back(s.substr(pos, at == std::string_view::npos ? std::string_view::npos : at - pos));
      if (at == std::string_view::npos) break;
      pos = at + 1;
    }
    return parts;
  };
  auto hex = [](std::string_view s, uint64_t& v) {
    v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
    return !s.empty() && ec == std::errc() && p == s.data() + s.size();
  };
  for (char sep : {':', '-', '.'}) {
    auto parts = groups(w, sep);
    bool six = parts.size() == 6;
    bool three = sep == '.' && parts.size() == 3;
    if (!six && !three) continue;
    mac = 0;
    bool ok = true;
    for (auto p : parts) {
      uint64_t v = 0;
      bool width_ok = six ? (p.size() >= 1 && p.size() <= 2) : p.size() == 4;
      if (!width_ok || !hex(p, v)) ok = false;
      mac = mac << (six ? 8 : 16) | v;
    }
    if (ok) return true;
  }
  return false;
}

class FilterParser {
 public:
  FilterParser(std::vector<Token> tokens, Diagnostics& diags) : toks_(std::move(tokens)), diags_(diags) {}

  NodePtr parse() {
    Qualifiers none;
    none.usable = false;
    NodePtr root = expr(none);
    if (failed_) return nullptr;
    if (peek().kind != Tok::End) {
      if (peek().kind == Tok::RParen) return error(peek(), "unbalanced ')'", "remove it or add the matching '('");
      return error(peek(), fmt::format("unexpected {} after a complete expression", describe(peek())),
                   "join expressions with 'and' or 'or'");
    }
    return root;
  }

 private:
  // --------------------------------------------------------------- tokens
  const Token& peek(size_t ahead = 0) const { return toks_[std::min(pos_ + ahead, toks_.size() - 1)]; }
  const Token& advance() { return toks_[pos_ < toks_.size() - 1 ? pos_++ : pos_]; }
  bool word_is(size_t ahead, std::string_view w) const { return peek(ahead).kind == Tok::Word && peek(ahead).text == w; }
  bool at_word(std::string_view w) const { return word_is(0, w); }
  bool at_and(size_t ahead = 0) const { return word_is(ahead, "and") || peek(ahead).kind == Tok::AndAnd; }
  bool at_or(size_t ahead = 0) const { return word_is(ahead, "or") || peek(ahead).kind == Tok::OrOr; }
  bool at_not(size_t ahead = 0) const { return word_is(ahead, "not") || peek(ahead).kind == Tok::Bang; }

  static std::string describe(const Token& t) {
    if (t.kind == Tok::Word || t.kind == Tok::Escaped) return fmt::format("'{}'", t.text);
    return token_name(t.kind);
  }

  std::nullptr_t error(const Token& at, std::string message, std::string hint = {}) {
    return error(at.loc, std::move(message), std::move(hint));
  }
  std::nullptr_t error(SourceRange at, std::string message, std::string hint = {}) {
    if (!failed_) diags_.error(at, std::move(message), std::move(hint));
    failed_ = true;
    return nullptr;
  }

  static NodePtr make(Node::Kind k, SourceRange loc) {
    auto n = std::make_unique<Node>();
    n->kind = k;
    n->loc = loc;
    return n;
  }
  static NodePtr binary(Node::Kind k, NodePtr l, NodePtr r) {
    auto n = make(k, SourceRange::join(l->loc, r->loc));
    n->lhs = std::move(l);
    n->rhs = std::move(r);
    return n;
  }

  // Whether the tokens at `ahead` start a bare value (which then inherits
  // qualifiers) rather than a term of its own.
  bool starts_bare_value(size_t ahead) const {
    const Token& t = peek(ahead);
    if (t.kind == Tok::Escaped) return true;
    if (at_not(ahead)) return starts_bare_value(ahead + 1);
    if (t.kind == Tok::LParen) return starts_bare_value(ahead + 1);
    if (t.kind != Tok::Word || is_keyword(t.text)) return false;
    // A number followed by an operator is arithmetic.
    if (parse_number(t.text)) return !is_arith_continuation(peek(ahead + 1).kind);
    return true;
  }
  static bool is_arith_continuation(Tok k) {
    switch (k) {
      case Tok::Plus: case Tok::Minus: case Tok::Star: case Tok::Slash: case Tok::Percent: case Tok::Amp:
      case Tok::Pipe: case Tok::Caret: case Tok::Shl: case Tok::Shr: case Tok::Eq: case Tok::Ne: case Tok::Lt:
      case Tok::Le: case Tok::Gt: case Tok::Ge: case Tok::LBracket:
        return true;
      default:
        return false;
    }
  }

  // ------------------------------------------------------------- grammar
  // expr: term { (and|or) (term | bare value) }
  NodePtr expr(Qualifiers context) {
    Qualifiers q = context;
    NodePtr left = term(q, context);
    while (!failed_ && (at_and() || at_or())) {
      bool is_and = at_and();
      const Token& op = advance();
      NodePtr right;
      if (starts_bare_value(0)) {
        if (!q.usable) return error(peek(), fmt::format("{} needs a qualifier such as host, net or port", describe(peek())),
                                    fmt::format("a bare value takes the qualifiers of the primitive before '{}', "
                                                "and there is none to take here; write e.g. 'host {}'",
                                                op.text.empty() ? token_name(op.kind) : op.text, peek().text));
        right = value_id(q);
      } else {
        right = term(q, q);
      }
      if (failed_) return nullptr;
      left = binary(is_and ? Node::Kind::And : Node::Kind::Or, std::move(left), std::move(right));
    }
    return left;
  }

  // term: not term | rterm. `q` receives the qualifiers a following bare value inherits.
  NodePtr term(Qualifiers& q, Qualifiers context) {
    if (at_not()) {
      const Token& t = advance();
      NodePtr inner = term(q, context);
      if (failed_) return nullptr;
      NodePtr n = make(Node::Kind::Not, SourceRange::join(t.loc, inner->loc));
      n->lhs = std::move(inner);
      return n;
    }
    return rterm(q, context);
  }

  NodePtr rterm(Qualifiers& q, Qualifiers context) {
    const Token& t = peek();
    if (t.kind == Tok::LParen) {
      if (paren_is_arith()) {
        q.usable = false;
        return relation();
      }
      advance();
      Qualifiers inner_q = context;
      NodePtr inner = expr(context);
      if (failed_) return nullptr;
      (void)inner_q;
      if (peek().kind != Tok::RParen) return error(peek(), fmt::format("expected ')' but found {}", describe(peek())),
                                                   "every '(' needs a matching ')'");
      advance();
      q = context;
      return inner;
    }
    if (t.kind == Tok::End) return error(t, "the filter ends where a primitive was expected",
                                         "finish the expression, e.g. 'tcp port 80'");
    if (t.kind != Tok::Word && t.kind != Tok::Escaped) {
      return error(t, fmt::format("unexpected {}", describe(t)), "a primitive starts with a qualifier such as host, "
                                                                   "port or tcp, or with an arithmetic expression");
    }
    if (t.kind == Tok::Escaped) return error(t, fmt::format("'{}' needs a qualifier", t.text), "e.g. 'ether proto \\arp'");
    const std::string& w = t.text;
    if (is_unsupported(w)) {
      return error(t, fmt::format("'{}' is not supported by stratoshark's capture filters", w),
                   "see docs/capture-filters.md for the supported primitives");
    }
    // Arithmetic relation: a number, len, or proto[...].
    if (parse_number(w) || w == "len" || (proto_word(w) && peek(1).kind == Tok::LBracket)) {
      q.usable = false;
      return relation();
    }
    if (w == "less" || w == "greater" || w == "ifindex") return number_keyword(q, /*required=*/true);
    if (w == "vlan" || w == "mpls" || w == "pppoes") return number_keyword(q, /*required=*/false);
    if (w == "pppoed" || w == "broadcast" || w == "multicast" || w == "inbound" || w == "outbound") {
      advance();
      q.usable = false;
      NodePtr n = make(Node::Kind::Keyword, t.loc);
      n->keyword = w;
      return n;
    }
    return head_and_value(q);
  }

  // less N, greater N, ifindex N, vlan [N], mpls [N], pppoes [N]
  NodePtr number_keyword(Qualifiers& q, bool required) {
    const Token& t = advance();
    NodePtr n = make(Node::Kind::Keyword, t.loc);
    n->keyword = t.text;
    q.usable = false;
    if (peek().kind == Tok::Word && parse_number(peek().text)) {
      const Token& v = advance();
      auto number = parse_number(v.text);
      if (*number > UINT32_MAX) return error(v, fmt::format("{} does not fit in 32 bits", v.text));
      n->has_number = true;
      n->number = static_cast<uint32_t>(*number);
      n->loc = SourceRange::join(t.loc, v.loc);
    } else if (required) {
      if (t.text == "ifindex") return error(peek(), "'ifindex' needs an interface index", "e.g. 'ifindex 2'");
      return error(peek(), fmt::format("'{}' needs a length in bytes", t.text), fmt::format("e.g. '{} 100'", t.text));
    }
    return n;
  }

  // head: [proto] [dir] [addr] then a value; or a protocol keyword alone.
  NodePtr head_and_value(Qualifiers& q) {
    Qualifiers head;
    head.where = peek().loc;
    bool any = false;
    if (auto p = proto_word(peek().text); p && peek().kind == Tok::Word) {
      const Token& t = advance();
      head.proto = *p;
      any = true;
      // broadcast / multicast with a protocol (ether, ip, ip6).
      if (at_word("broadcast") || at_word("multicast")) {
        const Token& k = advance();
        NodePtr n = make(Node::Kind::Keyword, SourceRange::join(t.loc, k.loc));
        n->keyword = k.text;
        n->proto = *p;
        q.usable = false;
        return n;
      }
      if (!starts_qualifier()) {
        NodePtr n = make(Node::Kind::Protocol, t.loc);
        n->proto = *p;
        q.usable = false;
        return n;
      }
    }
    if (at_word("src") || at_word("dst")) {
      const Token& d = advance();
      head.dir = d.text == "src" ? Dir::Src : Dir::Dst;
      // "src or dst", "src and dst"
      if ((at_or() || at_and()) && (word_is(1, "src") || word_is(1, "dst")) && peek(1).text != d.text) {
        head.dir = at_or() ? Dir::SrcOrDst : Dir::SrcAndDst;
        advance();
        advance();
      }
      any = true;
    }
    if (peek().kind == Tok::Word) {
      const std::string& w = peek().text;
      Addr a = Addr::Default;
      if (w == "host") a = Addr::Host;
      else if (w == "net") a = Addr::Net;
      else if (w == "port") a = Addr::Port;
      else if (w == "portrange") a = Addr::PortRange;
      else if (w == "proto") a = Addr::Proto;
      else if (w == "protochain") a = Addr::ProtoChain;
      if (a != Addr::Default) {
        advance();
        head.addr = a;
        any = true;
      }
    }
    head.where = SourceRange::join(head.where, toks_[pos_ > 0 ? pos_ - 1 : 0].loc);
    if (!any) {
      const Token& t = peek();
      if (t.kind == Tok::Word && !is_keyword(t.text)) {
        return error(t, fmt::format("'{}' needs a qualifier", t.text),
                     "write e.g. 'host NAME', 'port NAME' or 'ether host MAC'; host names are not resolved");
      }
      return error(t, fmt::format("unexpected {}", describe(t)),
                   "a primitive starts with a qualifier such as host, port or tcp");
    }
    q = head;
    if (!starts_bare_value(0)) {
      const Token& t = peek();
      if (t.kind == Tok::End) return error(t, "the filter ends where a value was expected",
                                           "give the value, e.g. 'port 80' or 'host 10.0.0.1'");
      return error(t, fmt::format("expected a value after the qualifiers, found {}", describe(t)),
                   "e.g. 'host 10.0.0.1', 'port 80', 'net 10.0.0.0/8'");
    }
    return value_id(q);
  }

  bool starts_qualifier() const {
    if (peek().kind != Tok::Word) return false;
    for (std::string_view w : {"src", "dst", "host", "net", "port", "portrange", "proto", "protochain"}) {
      if (peek().text == w) return true;
    }
    return false;
  }

  // id: not id | ( id {and|or id} ) | value
  NodePtr value_id(const Qualifiers& q) {
    if (at_not()) {
      const Token& t = advance();
      NodePtr inner = value_id(q);
      if (failed_) return nullptr;
      NodePtr n = make(Node::Kind::Not, SourceRange::join(t.loc, inner->loc));
      n->lhs = std::move(inner);
      return n;
    }
    if (peek().kind == Tok::LParen) {
      advance();
      NodePtr left = value_id(q);
      while (!failed_ && (at_and() || at_or())) {
        bool is_and = at_and();
        advance();
        NodePtr right = value_id(q);
        if (failed_) return nullptr;
        left = binary(is_and ? Node::Kind::And : Node::Kind::Or, std::move(left), std::move(right));
      }
      if (failed_) return nullptr;
      if (peek().kind != Tok::RParen) return error(peek(), fmt::format("expected ')' but found {}", describe(peek())));
      advance();
      return left;
    }
    const Token& t = peek();
    if (t.kind != Tok::Word && t.kind != Tok::Escaped) {
      return error(t, fmt::format("expected a value, found {}", describe(t)));
    }
    advance();
    NodePtr n = make(Node::Kind::Primitive, t.loc);
    n->q = q;
    Value& v = n->value;
    v.loc = t.loc;
    v.text = t.text;
    v.escaped = t.kind == Tok::Escaped;
    if (v.escaped) {
      v.kind = Value::Kind::Name;
    } else if (auto number = parse_number(t.text)) {
      if (*number > UINT32_MAX) return error(t, fmt::format("{} does not fit in 32 bits", t.text));
      v.kind = Value::Kind::Number;
      v.number = static_cast<uint32_t>(*number);
    } else if (parse_mac(t.text, v.mac)) {
      v.kind = Value::Kind::Mac;
    } else if (t.text.find(':') != std::string::npos) {
      if (inet_pton(AF_INET6, t.text.c_str(), v.ipv6.data()) != 1) {
        return error(t, fmt::format("'{}' is not an IPv6 or MAC address", t.text));
      }
      v.kind = Value::Kind::Ipv6;
    } else if (parse_ipv4(t.text, v.number, v.ipv4_parts)) {
      v.kind = Value::Kind::Ipv4;
    } else if (q.addr == Addr::PortRange && t.text.find('-') != std::string::npos) {
      v.kind = Value::Kind::Range;
    } else {
      v.kind = Value::Kind::Name;
    }
    // net A/len, net A mask M
    if (peek().kind == Tok::Slash) {
      advance();
      const Token& len = peek();
      auto bits = len.kind == Tok::Word ? parse_number(len.text) : std::nullopt;
      if (!bits) return error(len, "expected a prefix length after '/'", "e.g. 'net 10.0.0.0/8'");
      advance();
      v.mask = Value::Mask::Prefix;
      v.prefix = static_cast<uint32_t>(std::min<uint64_t>(*bits, 1000));
      v.mask_loc = SourceRange::join(t.loc, len.loc);
      n->loc = v.mask_loc;
    } else if (at_word("mask")) {
      advance();
      const Token& m = peek();
      uint32_t mask = 0;
      int parts = 0;
      if (m.kind != Tok::Word || !parse_ipv4(m.text, mask, parts) || parts != 4) {
        return error(m, "expected a dotted netmask after 'mask'", "e.g. 'net 192.168.0.0 mask 255.255.0.0'");
      }
      advance();
      v.mask = Value::Mask::Netmask;
      v.netmask = mask;
      v.mask_loc = SourceRange::join(t.loc, m.loc);
      n->loc = v.mask_loc;
    }
    return n;
  }

  // True when the '(' at the cursor opens an arithmetic expression: its
  // matching ')' is followed by an operator or a comparison.
  bool paren_is_arith() const {
    int depth = 0;
    for (size_t i = pos_; i < toks_.size(); ++i) {
      if (toks_[i].kind == Tok::LParen) ++depth;
      if (toks_[i].kind == Tok::RParen && --depth == 0) {
        return i + 1 < toks_.size() && is_arith_continuation(toks_[i + 1].kind) && toks_[i + 1].kind != Tok::LBracket;
      }
    }
    return false;
  }

  // ---------------------------------------------------------- arithmetic
  NodePtr relation() {
    ArithPtr l = arith(0);
    if (failed_) return nullptr;
    Relop op;
    switch (peek().kind) {
      case Tok::Gt: op = Relop::Gt; break;
      case Tok::Ge: op = Relop::Ge; break;
      case Tok::Eq: op = Relop::Eq; break;
      case Tok::Ne: op = Relop::Ne; break;
      case Tok::Lt: op = Relop::Lt; break;
      case Tok::Le: op = Relop::Le; break;
      default:
        return error(peek(), fmt::format("expected a comparison (=, !=, <, <=, >, >=) but found {}", describe(peek())),
                     "an arithmetic expression must be compared, e.g. 'ip[8] < 64'");
    }
    advance();
    ArithPtr r = arith(0);
    if (failed_) return nullptr;
    NodePtr n = make(Node::Kind::Relation, SourceRange::join(l->loc, r->loc));
    n->relop = op;
    n->left = std::move(l);
    n->right = std::move(r);
    return n;
  }

  static int precedence(Tok k) {
    switch (k) {
      case Tok::Pipe: return 1;
      case Tok::Amp: return 2;
      case Tok::Shl: case Tok::Shr: return 3;
      case Tok::Plus: case Tok::Minus: return 4;
      case Tok::Star: case Tok::Slash: return 5;
      default: return 0;
    }
  }
  static char op_char(Tok k) {
    switch (k) {
      case Tok::Pipe: return '|';
      case Tok::Amp: return '&';
      case Tok::Shl: return '<';
      case Tok::Shr: return '>';
      case Tok::Plus: return '+';
      case Tok::Minus: return '-';
      case Tok::Star: return '*';
      case Tok::Slash: return '/';
      case Tok::Percent: return '%';
      case Tok::Caret: return '^';
      default: return '?';
    }
  }
  static ArithPtr arith_binary(char op, ArithPtr l, ArithPtr r) {
    auto a = std::make_unique<Arith>();
    a->kind = Arith::Kind::Binary;
    a->loc = SourceRange::join(l->loc, r->loc);
    a->op = op;
    a->lhs = std::move(l);
    a->rhs = std::move(r);
    return a;
  }

  // Precedence climbing over | & << >> + - * /.
  ArithPtr arith(int min_prec) {
    ArithPtr left = arith_unary();
    while (!failed_ && left) {
      int p = precedence(peek().kind);
      if (p == 0 || p <= min_prec) break;
      char op = op_char(advance().kind);
      ArithPtr right = arith(p);
      if (failed_ || !right) return nullptr;
      left = arith_binary(op, std::move(left), std::move(right));
    }
    return failed_ ? nullptr : std::move(left);
  }

  // `%` and `^` have no precedence in libpcap's grammar, so yacc shifts them:
  // the operand before them is the nearest primary, the one after them is
  // the whole rest of the arithmetic expression (`len % 4 * 2` is `len % 8`).
  ArithPtr arith_unary() {
    if (peek().kind == Tok::Minus) {
      const Token& t = advance();
      ArithPtr inner = arith_unary();
      if (!inner) return nullptr;
      auto a = std::make_unique<Arith>();
      a->kind = Arith::Kind::Neg;
      a->loc = SourceRange::join(t.loc, inner->loc);
      a->lhs = std::move(inner);
      return a;
    }
    ArithPtr p = arith_primary();
    if (!p) return nullptr;
    if (peek().kind == Tok::Percent || peek().kind == Tok::Caret) {
      char op = op_char(advance().kind);
      ArithPtr rest = arith(0);
      if (!rest) return nullptr;
      return arith_binary(op, std::move(p), std::move(rest));
    }
    return p;
  }

  ArithPtr arith_primary() {
    const Token& t = peek();
    if (t.kind == Tok::LParen) {
      advance();
      ArithPtr inner = arith(0);
      if (failed_) return nullptr;
      if (peek().kind != Tok::RParen) return error(peek(), fmt::format("expected ')' but found {}", describe(peek())));
      advance();
      return inner;
    }
    if (t.kind != Tok::Word) {
      return error(t, fmt::format("expected a number, 'len' or proto[offset] but found {}", describe(t)));
    }
    auto a = std::make_unique<Arith>();
    a->loc = t.loc;
    if (auto number = parse_number(t.text)) {
      advance();
      if (*number > UINT32_MAX) return error(t, fmt::format("{} does not fit in 32 bits", t.text),
                                             "filter arithmetic is unsigned 32-bit");
      a->kind = Arith::Kind::Number;
      a->number = static_cast<uint32_t>(*number);
      return a;
    }
    if (t.text == "len") {
      advance();
      a->kind = Arith::Kind::Len;
      return a;
    }
    auto p = proto_word(t.text);
    if (!p || peek(1).kind != Tok::LBracket) {
      if (is_unsupported(t.text)) return error(t, fmt::format("'{}' is not supported by stratoshark's capture filters", t.text));
      return error(t, fmt::format("expected a number, 'len' or proto[offset] but found '{}'", t.text),
                   named_constant_hint(t.text));
    }
    advance();
    advance();  // [
    a->kind = Arith::Kind::Load;
    a->proto = *p;
    a->proto_word = t.text;
    a->lhs = arith(0);
    if (failed_) return nullptr;
    if (peek().kind == Tok::Colon) {
      advance();
      const Token& s = peek();
      auto size = s.kind == Tok::Word ? parse_number(s.text) : std::nullopt;
      if (!size || (*size != 1 && *size != 2 && *size != 4)) {
        return error(s, "the size of a load must be 1, 2 or 4 bytes", "e.g. 'ip[2:2]'");
      }
      advance();
      a->size = static_cast<uint8_t>(*size);
    }
    if (peek().kind != Tok::RBracket) return error(peek(), fmt::format("expected ']' but found {}", describe(peek())));
    a->loc = SourceRange::join(t.loc, advance().loc);
    return a;
  }

  std::vector<Token> toks_;
  size_t pos_ = 0;
  Diagnostics& diags_;
  bool failed_ = false;
};

}  // namespace

NodePtr parse_filter_tree(std::string_view text, FileId file, uint32_t base, Diagnostics& diags) {
  std::vector<Token> tokens = lex_filter(text, file, base);
  for (const Token& t : tokens) {
    if (t.kind == Tok::Error) {
      diags.error(t.loc, fmt::format("unexpected character '{}' in the filter", text.substr(t.loc.begin - base, 1)),
                  "filters use words, numbers, addresses, ( ) [ ] : and the operators + - * / % & | ^ << >> = != < > "
                  "<= >= ! && ||");
      return nullptr;
    }
  }
  if (tokens.size() == 1) {
    diags.error(tokens[0].loc, "the filter is empty", "write a filter such as 'tcp port 80'");
    return nullptr;
  }
  FilterParser parser(std::move(tokens), diags);
  return parser.parse();
}

}  // namespace stratoshark::lang::filter
