package org.bookbuild.pipeline;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a build on a thread with a large stack. flexmark and FOP recurse over the nesting of their input, and their
 * recursion happens before the converter can cap it (a quote nested 10 000 deep overflows flexmark's own tree walk on
 * the default 1 MB stack). The space is only reserved, not committed, until a deep input actually uses it.
 */
final class BigStack {
  /** Bytes of stack for the build thread. */
  static final long STACK_BYTES = 256L << 20;

  private BigStack() {}

  static <T> T call(Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(work.get());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "bookbuild", STACK_BYTES);
    t.setDaemon(true);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      t.interrupt();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("build interrupted", e);
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException re) throw re;
    if (e instanceof Error err) throw err;
    if (e != null) throw new IllegalStateException(e);
    return result.get();
  }
}
