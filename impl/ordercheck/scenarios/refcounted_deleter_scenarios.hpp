// refcounted_deleter scenarios: storages of different interpreters share one
// buffer and release it at once.
//
// Shared by the model driver (relacy_sync) and the stress driver (std_sync):
// one instance per round; before() runs first, thread(i) concurrently, after()
// once every thread is done.
//
// Contracts (docs/design.md): every thread belongs to its own interpreter (the
// sharing exists for storages owned by different interpreters), and holds its
// GIL around each API call (new_storage_from, a storage's release). So `gil`
// serializes nothing between the threads here, which is the point: the
// upstream defect holds with or without a GIL.
//
// Payload: each storage's owner reads the buffer's bytes before it releases
// the storage, and the inner deleter writes them before freeing the buffer, so
// a release that does not order the owners' reads before the free is a data
// race. The inner deleter counts its runs and asserts it is the first.
//
// Invariants asserted: the inner deleter runs exactly once (a second run fails
// at once), after the last release (after() sees it ran); every owner sees the
// buffer's initial bytes; nothing leaks (the model checks that by itself);
// nothing is used after it is freed (likewise).
#pragma once

#include <type_traits>

#include "ordercheck/refcounted_deleter/reference.hpp"
#include "ordercheck/refcounted_deleter/storage.hpp"
#include "ordercheck/refcounted_deleter/upstream.hpp"
#include "ordercheck/scenarios/scenario.hpp"

namespace ordercheck::scenarios {

template <class Sync, variant V>
using refcounted_sharing_of =
    std::conditional_t<V == variant::reference, reference::refcounted_sharing<Sync>,
                       upstream::refcounted_sharing<Sync>>;

// The shared buffer and the context of its original (unique) deleter.
template <class Sync>
struct shared_buffer {
  static constexpr int size = 2;
  static constexpr int initial_byte = 7;
  static constexpr int freed_byte = 0;
  typename Sync::template plain<int> bytes[size];
};

template <class Sync>
struct buffer_owner_context {
  shared_buffer<Sync>* buffer = nullptr;
  typename Sync::template atomic<int>* inner_runs = nullptr;
};

// What every refcounted_deleter scenario shares: the buffer, its inner deleter,
// the storages, and the checks.
//
// Each scenario is written over the sharing implementation (`Sharing`) and
// bound to a variant by an alias, so that tests can run the same scenario over
// a broken fixture (model/tests/strength/).
template <class Sync, class Sharing, contract C, unsigned Storages, unsigned Interpreters>
class refcounted_fixture {
 protected:
  using buffer = shared_buffer<Sync>;
  using owner_context = buffer_owner_context<Sync>;

  // Makes storages_[0] the buffer's unique owner.
  void make_buffer() {
    auto* created = new buffer;
    for (auto& byte : created->bytes) byte.store(buffer::initial_byte);
    auto* context = new owner_context;
    context->buffer = created;
    context->inner_runs = &inner_runs_;
    storages_[0].data() = data_ptr<Sync>(created, context, &free_buffer);
  }

  // The caller owns storages_[index]: reads the buffer's bytes.
  void touch(unsigned index) {
    auto* bytes = static_cast<buffer*>(storages_[index].data().get());
    Sync::assert_that(bytes != nullptr, "refcounted_deleter: a live storage has its buffer");
    for (auto& byte : bytes->bytes) {
      Sync::assert_that(byte.load() == buffer::initial_byte,
                        "refcounted_deleter: an owner sees the buffer's bytes");
    }
  }
  void release(unsigned interpreter_index, unsigned index) {
    gil_.with(interpreter_index, [&] { storages_[index].reset(); });
  }
  void share(unsigned interpreter_index, unsigned source, unsigned out) {
    gil_.with(interpreter_index, [&] { sharing_.new_storage_from(storages_[source], storages_[out]); });
  }

  void check_deleted_once() {
    // relaxed: after() runs once every thread has finished.
    Sync::assert_that(inner_runs_.load(Sync::relaxed) == 1,
                      "refcounted_deleter: the inner deleter runs exactly once, after the last release");
  }

  // The buffer's original deleter: runs once, when the last storage goes.
  static void free_buffer(void* raw_context) {
    auto* context = static_cast<owner_context*>(raw_context);
    // relaxed: a counter only; its read-modify-write sees every earlier run.
    const int earlier_runs = context->inner_runs->fetch_add(1, Sync::relaxed);
    Sync::assert_that(earlier_runs == 0, "refcounted_deleter: the inner deleter ran twice");
    // The free touches the bytes: every owner's reads must happen before it.
    for (auto& byte : context->buffer->bytes) byte.store(buffer::freed_byte);
    delete context->buffer;
    delete context;
  }

  typename Sync::template atomic<int> inner_runs_{0};
  storage<Sync> storages_[Storages];
  gil_set<Sync, C, Interpreters> gil_;
  Sharing sharing_;
};

// Two storages of two interpreters (count 2) release at once.
template <class Sync, class Sharing, contract C>
class refcounted_deleter_two_releases_over : public refcounted_fixture<Sync, Sharing, C, 2, 2> {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "two_releases";

  void before() {
    this->make_buffer();
    this->share(0, 0, 1);
  }
  void thread(unsigned index) {
    this->touch(index);
    this->release(index, index);
  }
  void after() { this->check_deleted_once(); }
};
template <class Sync, variant V, contract C>
using refcounted_deleter_two_releases = refcounted_deleter_two_releases_over<Sync, refcounted_sharing_of<Sync, V>, C>;

// Three interpreters: thread 0 shares storage 0 into a fresh storage 2, uses
// and releases both, while threads 1 and 2 release storages 1 and 3. Two
// releases race a new_storage_from, and three releases race each other.
template <class Sync, class Sharing, contract C>
class refcounted_deleter_share_while_releasing_over : public refcounted_fixture<Sync, Sharing, C, 4, 3> {
 public:
  static constexpr unsigned thread_count = 3;
  static constexpr const char* name = "share_while_releasing";

  void before() {
    this->make_buffer();
    this->share(0, 0, 1);
    this->share(0, 0, 3);
  }
  void thread(unsigned index) {
    if (index == 0) {
      this->share(0, 0, 2);
      this->touch(2);
      this->release(0, 2);
      this->touch(0);
      this->release(0, 0);
    } else {
      const unsigned own = index == 1 ? 1 : 3;
      this->touch(own);
      this->release(index, own);
    }
  }
  void after() { this->check_deleted_once(); }
};
template <class Sync, variant V, contract C>
using refcounted_deleter_share_while_releasing = refcounted_deleter_share_while_releasing_over<Sync, refcounted_sharing_of<Sync, V>, C>;

// Two interpreters make the buffer shared at once (maybe_apply races under its
// mutex) from one unique storage, use and release their new storages; the
// original storage is released in after(). No two releases can both be last,
// so upstream passes this one too: it checks maybe_apply and the increments.
template <class Sync, class Sharing, contract C>
class refcounted_deleter_concurrent_share_over : public refcounted_fixture<Sync, Sharing, C, 3, 2> {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "concurrent_share";

  void before() { this->make_buffer(); }
  void thread(unsigned index) {
    const unsigned own = index + 1;
    this->share(index, 0, own);
    this->touch(own);
    this->release(index, own);
  }
  void after() {
    this->touch(0);
    this->release(0, 0);
    this->check_deleted_once();
  }
};
template <class Sync, variant V, contract C>
using refcounted_deleter_concurrent_share = refcounted_deleter_concurrent_share_over<Sync, refcounted_sharing_of<Sync, V>, C>;

// Aliasing (self-application): thread 0 makes storage 0 a new storage of its
// own buffer, new_storage_from(s, s), the same storage as source and
// destination, then uses and releases it, while thread 1 uses and releases
// storage 1. The self-share must leave storage 0 holding the buffer and the
// count unchanged: the new data_ptr takes a count before the old one, the same
// context, is released. An implementation that drops the destination's old
// buffer before taking the new count frees the buffer here once thread 1 is
// gone (model/tests/strength/ holds that fixture; no other scenario passes one
// storage as both source and destination).
template <class Sync, class Sharing, contract C>
class refcounted_deleter_self_share_over : public refcounted_fixture<Sync, Sharing, C, 2, 2> {
 public:
  static constexpr unsigned thread_count = 2;
  static constexpr const char* name = "self_share_while_releasing";

  void before() {
    this->make_buffer();
    this->share(0, 0, 1);
  }
  void thread(unsigned index) {
    if (index == 0) {
      this->touch(0);
      void* const buffer_before = this->storages_[0].data().get();
      this->share(0, 0, 0);
      // Identity: the self-share keeps storage 0 on the same buffer.
      Sync::assert_that(this->storages_[0].data().get() == buffer_before,
                        "refcounted_deleter: new_storage_from(s, s) keeps s on its buffer");
      this->touch(0);
      this->release(0, 0);
    } else {
      this->touch(1);
      this->release(1, 1);
    }
  }
  void after() { this->check_deleted_once(); }
};
template <class Sync, variant V, contract C>
using refcounted_deleter_self_share =
    refcounted_deleter_self_share_over<Sync, refcounted_sharing_of<Sync, V>, C>;

}  // namespace ordercheck::scenarios
