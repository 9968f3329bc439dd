package io.leakguard.pii.detectors;
import io.leakguard.bench.BenchCorpus;
import io.leakguard.pii.internal.*;
import io.leakguard.pii.spi.*;
import java.util.*;
public class CoreTimes {
  public static long sink;
  public static void main(String[] a) throws Exception {
    List<String> texts = BenchCorpus.texts(2_000_000, 42);
    TextNormalizer.Scratch sc = new TextNormalizer.Scratch();
    int R = Integer.parseInt(a[0]);
    double bw = 1e18, bc = 1e18, bi = 1e18, bn = 1e18;
    long tokens = 0, chunks = 0, seeds = 0;
    for (int r = 0; r < R; r++) {
      long w = 0, c = 0, ix = 0, nn = 0; TextIndex last = null; tokens = 0; chunks = 0;
      for (String t : texts) {
        long t0 = System.nanoTime();
        String x = TextNormalizer.normalize(t, sc).text();
        long t1 = System.nanoTime();
        last = TextIndex.of(x, sc.text(), last);
        long t2 = System.nanoTime();
        DigitRuns runs = DigitRuns.of(last);
        long t3 = System.nanoTime();
        runs.walk(last);
        long t4 = System.nanoTime();
        runs.chunks(last);
        long t5 = System.nanoTime();
        nn += t1 - t0; ix += t2 - t1; w += t4 - t3; c += t5 - t4; tokens += last.size(); chunks += runs.size();
      }
      bn = Math.min(bn, nn / 1e6); bi = Math.min(bi, ix / 1e6); bw = Math.min(bw, w / 1e6); bc = Math.min(bc, c / 1e6);
    }
    System.out.printf(Locale.ROOT, "tokens %d chunks %d; normalize %.2f ms, index %.2f ms, walk %.2f ms, chunks %.2f ms%n", tokens, chunks, bn, bi, bw, bc);
  }
}
