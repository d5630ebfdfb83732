// Call-site identity for atomic operations in impl/, the order override table
// (ordering mutation) and the registry of sites the models reach.
//
// A site is "<path from impl/>:<line>:<operation>", for example
// "impl/ordercheck/handle_cache/reference.hpp:57:compare_exchange". A
// compare-and-swap has two sites on one line: `compare_exchange` (its success
// order) and `compare_exchange_failure` (its failure order).
//
// Both tables are fixed arrays of plain chars: they are read inside Relacy's
// simulation, where global STL objects must not allocate (Relacy replaces the
// allocation functions). They are filled before rl::simulate starts and only
// read during it, except the registry, which the (single OS thread) simulation
// appends to.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstring>

namespace ordercheck {

enum class site_operation {
  load,
  store,
  exchange,
  fetch_add,
  fetch_sub,
  fetch_or,
  fetch_and,
  compare_exchange,
  compare_exchange_failure,
  fence,
};

inline const char* site_operation_name(site_operation op) {
  switch (op) {
    case site_operation::load: return "load";
    case site_operation::store: return "store";
    case site_operation::exchange: return "exchange";
    case site_operation::fetch_add: return "fetch_add";
    case site_operation::fetch_sub: return "fetch_sub";
    case site_operation::fetch_or: return "fetch_or";
    case site_operation::fetch_and: return "fetch_and";
    case site_operation::compare_exchange: return "compare_exchange";
    case site_operation::compare_exchange_failure: return "compare_exchange_failure";
    case site_operation::fence: return "fence";
  }
  return "?";
}

// "…/impl/ordercheck/x.hpp" -> "impl/ordercheck/x.hpp"; other paths unchanged.
inline const char* site_path(const char* file) {
  const char* found = nullptr;
  for (const char* p = std::strstr(file, "impl/"); p != nullptr; p = std::strstr(p + 1, "impl/")) {
    found = p;
  }
  return found != nullptr ? found : file;
}

// Formats "path:line:operation" into `out`.
inline void format_site(char* out, std::size_t size, const char* file, unsigned line,
                        site_operation op) {
  std::snprintf(out, size, "%s:%u:%s", site_path(file), line, site_operation_name(op));
}

// The override table: site -> order name ("relaxed", "acquire", ...).
class site_overrides {
 public:
  static constexpr std::size_t capacity = 64;
  static constexpr std::size_t key_size = 256;

  // Adds or replaces an override; false when the table is full.
  static bool set(const char* site, const char* order) {
    auto& t = table();
    for (std::size_t i = 0; i < t.count; ++i) {
      if (std::strcmp(t.sites[i], site) == 0) {
        copy(t.orders[i], order, sizeof t.orders[i]);
        return true;
      }
    }
    if (t.count == capacity) return false;
    copy(t.sites[t.count], site, key_size);
    copy(t.orders[t.count], order, sizeof t.orders[t.count]);
    t.used[t.count] = 0;
    ++t.count;
    return true;
  }
  static void clear() { table().count = 0; }
  static std::size_t size() { return table().count; }
  static const char* site_at(std::size_t i) { return table().sites[i]; }
  static const char* order_at(std::size_t i) { return table().orders[i]; }
  // How many times override i replaced an order (0: its site never ran).
  static unsigned long uses_at(std::size_t i) { return table().used[i]; }

  // The override for this site, or `declared` when there is none.
  static const char* lookup(const char* file, unsigned line, site_operation op, const char* declared) {
    auto& t = table();
    if (t.count == 0) return declared;
    char key[key_size];
    format_site(key, sizeof key, file, line, op);
    for (std::size_t i = 0; i < t.count; ++i) {
      if (std::strcmp(t.sites[i], key) == 0) {
        ++t.used[i];
        return t.orders[i];
      }
    }
    return declared;
  }

 private:
  struct storage {
    char sites[capacity][key_size];
    char orders[capacity][16];
    unsigned long used[capacity];
    std::size_t count;
  };
  static storage& table() {
    static storage t{};
    return t;
  }
  static void copy(char* out, const char* in, std::size_t size) {
    std::snprintf(out, size, "%s", in);
  }
};

// Every atomic site that ran, with its declared order.
class site_registry {
 public:
  static constexpr std::size_t capacity = 256;

  static void record(const char* file, unsigned line, site_operation op, const char* declared) {
    auto& t = table();
    for (std::size_t i = 0; i < t.count; ++i) {
      if (t.lines[i] == line && t.ops[i] == op && std::strcmp(t.files[i], file) == 0) return;
    }
    if (t.count == capacity) return;
    t.files[t.count] = file;
    t.lines[t.count] = line;
    t.ops[t.count] = op;
    t.declared[t.count] = declared;
    ++t.count;
  }
  static void clear() { table().count = 0; }
  static std::size_t size() { return table().count; }
  static void site_at(std::size_t i, char* out, std::size_t size) {
    format_site(out, size, table().files[i], table().lines[i], table().ops[i]);
  }
  static const char* declared_at(std::size_t i) { return table().declared[i]; }

 private:
  struct storage {
    const char* files[capacity];
    unsigned lines[capacity];
    site_operation ops[capacity];
    const char* declared[capacity];
    std::size_t count;
  };
  static storage& table() {
    static storage t{};
    return t;
  }
};

}  // namespace ordercheck
