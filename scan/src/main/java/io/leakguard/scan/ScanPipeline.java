package io.leakguard.scan;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Analyzes batches of records on worker threads and merges their results into one {@link
 * ScanAccumulator} in submission order, so the report (counts, masked examples, keys, warnings,
 * location order) is identical to feeding the same records to the accumulator on one thread.
 *
 * <pre>{@code
 * ScanAccumulator acc = new ScanAccumulator(analyzer, 100);
 * try (ScanPipeline p = new ScanPipeline(acc, ScanPipeline.defaultWorkers())) {
 *   for (List<String> lines : batches) {
 *     p.submit(part -> lines.forEach(l -> feedLine(part, l)), () -> progress.update());
 *   }
 *   p.drain();
 * }
 * ScanReport r = acc.report();
 * }</pre>
 *
 * <p>The thread that calls {@link #submit} reads (it owns the input: a JDBC connection, a file);
 * each batch is fed into a fresh, batch-private accumulator on a worker; the calling thread merges
 * finished batches strictly in the order they were submitted and then runs the batch's {@code
 * afterMerge} action (progress, checkpoint): an action therefore sees exactly the records of the
 * batches up to and including its own, as in a single-threaded scan. At most {@code 2 × workers}
 * batches are in flight (queued or running); {@code submit} blocks, merging, when that many are, so
 * memory is bounded by the batch size.
 *
 * <p>With {@code workers == 0} batches are fed straight into the target accumulator on the calling
 * thread (the single-threaded scan, used as the reference in tests and benchmarks).
 *
 * <p>Why merging per batch gives the same report: counts and record totals add up; warnings, and
 * the first appearance of a location, are appended in batch order; examples and keys are "the first
 * K distinct values in record order", and the first K distinct values of a concatenation are the
 * first K distinct values of (the first K distinct of the prefix) followed by (the first K distinct
 * of the rest), which is what {@link ScanAccumulator#merge} computes.
 *
 * <p>Known limits: not thread-safe itself (one submitting thread); a failure of a batch (anything
 * but a {@link io.leakguard.pii.DetectionException}, which becomes a warning) is rethrown by the
 * {@code submit} or {@code drain} call that merges it, and batches after it are discarded; {@link
 * #close} stops the workers without merging what is still in flight.
 */
public final class ScanPipeline implements AutoCloseable {
  /** Feeds one batch of records into a batch-private accumulator (runs on a worker thread). */
  @FunctionalInterface
  public interface Batch {
    void feed(ScanAccumulator part);
  }

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ScanAccumulator target;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();

  private record Pending(Future<ScanAccumulator> result, Runnable afterMerge) {}

  /**
   * @param target the accumulator every batch is merged into (touched only by the calling thread)
   * @param workers analysis threads; 0 analyzes on the calling thread
   */
  public ScanPipeline(ScanAccumulator target, int workers) {
    if (workers < 0) {
      throw new IllegalArgumentException("workers must be >= 0: " + workers);
    }
    this.target = target;
    this.maxInFlight = Math.max(2, 2 * workers);
    this.pool = workers == 0 ? null : Executors.newFixedThreadPool(workers, threads());
  }

  /** The default number of analysis threads: the available processors. */
  public static int defaultWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static ThreadFactory threads() {
    int id = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "leakguard-scan-" + id + "-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Queues a batch; merges finished batches (in order) and, when {@code 2 × workers} batches are in
   * flight, waits for the oldest one.
   *
   * @param batch feeds its records into the accumulator it is given
   * @param afterMerge run on this thread right after the batch is merged (may be null)
   */
  public void submit(Batch batch, Runnable afterMerge) {
    if (pool == null) {
      batch.feed(target);
      if (afterMerge != null) {
        afterMerge.run();
      }
      return;
    }
    ScanAccumulator part = target.emptyCopy();
    Future<ScanAccumulator> f =
        pool.submit(
            () -> {
              batch.feed(part);
              return part;
            });
    inFlight.add(new Pending(f, afterMerge));
    while (!inFlight.isEmpty() && inFlight.peek().result().isDone()) {
      mergeOldest();
    }
    while (inFlight.size() >= maxInFlight) {
      mergeOldest();
    }
  }

  /** Waits for every submitted batch and merges it. */
  public void drain() {
    while (!inFlight.isEmpty()) {
      mergeOldest();
    }
  }

  private void mergeOldest() {
    Pending p = inFlight.poll();
    ScanAccumulator part;
    try {
      part = p.result().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (CancellationException e) {
      throw new IllegalStateException("scan batch cancelled", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("scan batch failed", c);
    }
    target.merge(part);
    if (p.afterMerge() != null) {
      p.afterMerge().run();
    }
  }

  /** Stops the workers; batches not yet merged are dropped. */
  @Override
  public void close() {
    inFlight.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
