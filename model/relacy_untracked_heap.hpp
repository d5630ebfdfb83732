// untracked_heap: while one is alive, heap allocations made inside a Relacy
// simulation bypass Relacy's tracked heap and go straight to malloc and free.
//
// Why: Relacy replaces the global operator new and delete. Inside a
// simulation every free is a scheduling choice (reuse the block now, or
// defer it), so the context-bound and full searches branch two ways on each
// one. Bookkeeping that runs inside an execution but is not the code under
// test (the properties layer checks each execution's history in after(),
// and the checker allocates as it searches) would otherwise multiply the
// executions by 2^(frees): a three-operation program never finished.
//
// Use it only around code that frees everything it allocates before the
// guard ends: a block from malloc must not reach Relacy's free, nor the
// reverse. Relacy offers no public switch; its own context raises the same
// protected counter (context::disable_alloc_) around its internal
// allocations, and this guard raises it through a derived-class accessor.
//
// Include after <relacy/relacy.hpp> (model/relacy_sync.hpp includes it).
//
// Memory ordering: none; Relacy runs its threads as fibers of one OS thread.
#pragma once

namespace ordercheck {

class untracked_heap {
 public:
  untracked_heap() { counter() += 1; }
  ~untracked_heap() { counter() -= 1; }
  // Not copyable (no "= delete": Relacy defines delete as a macro).

 private:
  struct accessor : rl::context {
    static int& disable_alloc(rl::context& c) { return c.*(&accessor::disable_alloc_); }
  };
  static int& counter() { return accessor::disable_alloc(rl::ctx()); }
};

}  // namespace ordercheck
