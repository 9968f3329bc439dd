package io.leakguard.bench;

import io.leakguard.pii.PiiAnalyzer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Linear time on adversarial input: one text of 1, 2, 4 and 8 MB of each pathological pattern. Time
 * per operation should double with the size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AdversarialBench {
  @Param({"1", "2", "4", "8"})
  public int mb;

  @Param({"a@", "1.", "digits", "spaces", "brackets", "at-dot-words", "spaced-digits"})
  public String kind;

  String text;
  PiiAnalyzer analyzer;

  @Setup
  public void setup() {
    analyzer = PiiAnalyzer.builder().build();
    text = build(kind, mb * 1_000_000);
  }

  static String build(String kind, int size) {
    StringBuilder sb = new StringBuilder(size + 16);
    switch (kind) {
      case "a@":
        while (sb.length() < size) {
          sb.append("a@");
        }
        break;
      case "1.":
        while (sb.length() < size) {
          sb.append("1.");
        }
        break;
      case "digits":
        while (sb.length() < size) {
          sb.append((char) ('0' + sb.length() % 10));
        }
        break;
      case "spaces":
        while (sb.length() < size) {
          sb.append(' ');
        }
        break;
      case "brackets":
        while (sb.length() < size / 2) {
          sb.append("[(");
        }
        while (sb.length() < size) {
          sb.append(")]");
        }
        break;
      case "at-dot-words":
        while (sb.length() < size) {
          sb.append("a at b dot ");
        }
        break;
      case "spaced-digits":
        while (sb.length() < size) {
          sb.append("4 1 ");
        }
        break;
      default:
        throw new IllegalArgumentException(kind);
    }
    return sb.toString();
  }

  @Benchmark
  public Object analyze() {
    return analyzer.analyze(text);
  }
}
