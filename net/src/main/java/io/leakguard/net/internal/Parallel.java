package io.leakguard.net.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a per-item step over a list on every core and concatenates the outputs in list order, so the
 * result is the one a single thread gives (given a step whose output depends only on its item).
 * Items are taken in contiguous chunks; small lists run on the calling thread.
 *
 * <p>Example: {@code Parallel.map(targets, (t, out) -> out.add(f(t)))}.
 *
 * <p>Internal to the {@code net} module (not API).
 *
 * <p>Known limits: per-thread state (caches) is the caller's business ({@link ThreadLocal}); a
 * step's exception is rethrown on the calling thread (checked ones wrapped).
 */
public final class Parallel {
  /** At most this many threads (the audit's working set is memory-bound beyond a few). */
  public static final int MAX_THREADS = 4;

  /** Below this many items, one thread. */
  public static final int MIN_PARALLEL = 64;

  private Parallel() {}

  /** One item's step, appending its outputs. */
  public interface Step<T, R> {
    void apply(T item, List<R> out);
  }

  public static int threads() {
    return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  public static <T, R> List<R> map(List<T> items, Step<T, R> step) {
    int n = items.size();
    // several chunks per thread, so a slow chunk does not leave a core idle at the end
    int chunk = Math.max(16, (n + threads() * 8 - 1) / (threads() * 8));
    return map(items, step, MIN_PARALLEL, chunk);
  }

  /**
   * {@link #map(List, Step)} with explicit thresholds: one thread below {@code minParallel} items,
   * else chunks of {@code chunk} items (1 for a few large items such as files).
   */
  public static <T, R> List<R> map(List<T> items, Step<T, R> step, int minParallel, int chunk) {
    int n = items.size();
    int threads = Math.min(threads(), (n + chunk - 1) / Math.max(1, chunk));
    if (threads <= 1 || n < minParallel) {
      List<R> out = new ArrayList<>();
      for (T t : items) {
        step.apply(t, out);
      }
      return out;
    }
    ExecutorService pool = pool(threads, "leakguard-audit");
    try {
      List<Future<List<R>>> parts = new ArrayList<>();
      for (int from = 0; from < n; from += chunk) {
        List<T> sub = items.subList(from, Math.min(n, from + chunk));
        parts.add(
            pool.submit(
                () -> {
                  List<R> out = new ArrayList<>();
                  for (T t : sub) {
                    step.apply(t, out);
                  }
                  return out;
                }));
      }
      List<R> all = new ArrayList<>();
      for (Future<List<R>> f : parts) {
        all.addAll(get(f));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  public static ExecutorService pool(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread t = new Thread(null, task, name, 16L << 20);
          t.setDaemon(true);
          return t;
        });
  }

  public static <V> V get(Future<V> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(uncheckedCause(e));
    }
  }

  /**
   * Rethrows the cause of a failed task when it is unchecked (so a task's own exception reaches the
   * caller unchanged); returns a checked cause for the caller to wrap.
   */
  public static Throwable uncheckedCause(ExecutionException e) {
    Throwable c = e.getCause();
    if (c instanceof RuntimeException) {
      throw (RuntimeException) c;
    }
    if (c instanceof Error) {
      throw (Error) c;
    }
    return c;
  }
}
