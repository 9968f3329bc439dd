package io.leakguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.pii.PiiAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread throughput on realistic generated support text (about 2 MB per operation): the
 * engine with every entity on, and three references on the same text: a naive one-regex-per-entity
 * baseline, Jackson reading and writing the same records as JSONL (no detection), and a bare scan
 * over every character. {@link PiiBenchMain} turns the times into MB/s and ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PiiThroughputBench {
  /** Bytes of text per operation. */
  public static final long BYTES = 2_000_000;

  List<String> texts;
  List<String> jsonl;
  PiiAnalyzer analyzer;
  ObjectMapper mapper;

  @Setup
  public void setup() throws Exception {
    texts = BenchCorpus.texts(BYTES, 42);
    analyzer = PiiAnalyzer.builder().build();
    mapper = new ObjectMapper();
    jsonl = new ArrayList<>(texts.size());
    int id = 0;
    for (String t : texts) {
      ObjectNode n = mapper.createObjectNode();
      n.put("id", "SR-" + id++);
      n.put("text", t);
      jsonl.add(mapper.writeValueAsString(n));
    }
  }

  @Benchmark
  public void leakguardAllEntities(Blackhole bh) {
    for (String t : texts) {
      bh.consume(analyzer.analyze(t));
    }
  }

  @Benchmark
  public void naiveRegexPerEntity(Blackhole bh) {
    for (String t : texts) {
      bh.consume(NaiveRegexBaseline.find(t));
    }
  }

  @Benchmark
  public void jacksonReadWriteCeiling(Blackhole bh) throws Exception {
    for (String line : jsonl) {
      JsonNode n = mapper.readTree(line);
      bh.consume(mapper.writeValueAsString(n));
    }
  }

  @Benchmark
  public long bareScan() {
    long h = 0;
    for (String t : texts) {
      for (int i = 0, n = t.length(); i < n; i++) {
        h += t.charAt(i);
      }
    }
    return h;
  }
}
