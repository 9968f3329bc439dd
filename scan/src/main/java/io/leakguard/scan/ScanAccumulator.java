package io.leakguard.scan;

import io.leakguard.core.MaskedPreview;
import io.leakguard.core.Warning;
import io.leakguard.pii.DetectionException;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates PII findings per location. Feed it values with {@link #record}; call {@link
 * #newRecord()} once per record (row, line) so the summary counts records, not values. Not
 * thread-safe: one accumulator per scanning thread (merge with {@link #merge}); {@link
 * ScanPipeline} does that for batches analyzed in parallel, keeping the report identical.
 *
 * <p>A value on which detection fails is counted as a finding of the warning kind and reported,
 * never silently skipped: the location gets a warning and the record's key is listed.
 */
public final class ScanAccumulator {
  /** Masked examples kept per location and type. */
  public static final int EXAMPLES = 3;

  private final PiiAnalyzer analyzer;
  private final int maxKeys;
  private final Map<String, Loc> locations = new LinkedHashMap<>();
  private final List<Warning> warnings = new ArrayList<>();
  private final Map<EntityType, Long> totals = new EnumMap<>(EntityType.class);
  private long records;

  /**
   * @param analyzer the PII engine
   * @param maxKeys how many hit keys to keep per location
   */
  public ScanAccumulator(PiiAnalyzer analyzer, int maxKeys) {
    this.analyzer = analyzer;
    this.maxKeys = maxKeys;
  }

  static final class Loc {
    long records;
    long hitRecords;
    final Map<EntityType, long[]> counts = new EnumMap<>(EntityType.class);
    final Map<EntityType, List<String>> examples = new EnumMap<>(EntityType.class);
    final List<String> keys = new ArrayList<>();
  }

  /**
   * An empty accumulator with the same engine and key limit (a batch of a {@link ScanPipeline}).
   */
  ScanAccumulator emptyCopy() {
    return new ScanAccumulator(analyzer, maxKeys);
  }

  /** Declares a location so it is reported even when it holds nothing. */
  public void declare(String location) {
    locations.computeIfAbsent(location, k -> new Loc());
  }

  /** Counts one more record in the summary. */
  public void newRecord() {
    records++;
  }

  /**
   * Analyzes one value of one record.
   *
   * @param location {@code table.column} or {@code file#field}
   * @param key the record's key (primary key values, or line number)
   * @param value the text; null or empty counts as a record with nothing found
   * @return the findings (for callers that need them, e.g. impact)
   */
  public List<PiiFinding> record(String location, String key, String value) {
    Loc loc = locations.computeIfAbsent(location, k -> new Loc());
    loc.records++;
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    List<PiiFinding> findings;
    try {
      findings = analyzer.analyze(value);
    } catch (DetectionException e) {
      warnings.add(
          new Warning(
              "detection-failed",
              location + " record " + key + ": " + e.getMessage() + " (value not checked)",
              null));
      addKey(loc, key);
      loc.hitRecords++;
      return List.of();
    }
    if (findings.isEmpty()) {
      return findings;
    }
    loc.hitRecords++;
    addKey(loc, key);
    for (PiiFinding f : findings) {
      loc.counts.computeIfAbsent(f.type(), t -> new long[1])[0]++;
      totals.merge(f.type(), 1L, Long::sum);
      List<String> ex = loc.examples.computeIfAbsent(f.type(), t -> new ArrayList<>());
      if (ex.size() < EXAMPLES) {
        String preview = MaskedPreview.of(value.substring(f.charStart(), f.charEnd()));
        if (!ex.contains(preview)) {
          ex.add(preview);
        }
      }
    }
    return findings;
  }

  private void addKey(Loc loc, String key) {
    if (loc.keys.size() < maxKeys && !loc.keys.contains(key)) {
      loc.keys.add(key);
    }
  }

  /** Adds a warning to the report. */
  public void warn(Warning w) {
    warnings.add(w);
  }

  /** Adds everything of {@code other} into this accumulator. */
  public void merge(ScanAccumulator other) {
    records += other.records;
    warnings.addAll(other.warnings);
    other.totals.forEach((t, n) -> totals.merge(t, n, Long::sum));
    for (Map.Entry<String, Loc> e : other.locations.entrySet()) {
      Loc mine = locations.computeIfAbsent(e.getKey(), k -> new Loc());
      Loc theirs = e.getValue();
      mine.records += theirs.records;
      mine.hitRecords += theirs.hitRecords;
      theirs.counts.forEach((t, n) -> mine.counts.computeIfAbsent(t, x -> new long[1])[0] += n[0]);
      theirs.examples.forEach(
          (t, ex) -> {
            List<String> m = mine.examples.computeIfAbsent(t, x -> new ArrayList<>());
            for (String s : ex) {
              if (m.size() < EXAMPLES && !m.contains(s)) {
                m.add(s);
              }
            }
          });
      for (String k : theirs.keys) {
        addKey(mine, k);
      }
    }
  }

  /** The report so far. */
  public ScanReport report() {
    List<LocationReport> out = new ArrayList<>();
    for (Map.Entry<String, Loc> e : locations.entrySet()) {
      Loc l = e.getValue();
      List<TypeCount> tcs = new ArrayList<>();
      for (Map.Entry<EntityType, long[]> c : l.counts.entrySet()) {
        tcs.add(
            new TypeCount(
                c.getKey(), c.getValue()[0], l.examples.getOrDefault(c.getKey(), List.of())));
      }
      out.add(new LocationReport(e.getKey(), l.records, tcs, l.keys, l.hitRecords));
    }
    return new ScanReport(out, records, totals, warnings);
  }

  // --- checkpoint support (package-private): the state as lines of escaped fields ---

  List<String> saveState() {
    List<String> lines = new ArrayList<>();
    lines.add("records\t" + records);
    for (Map.Entry<EntityType, Long> t : totals.entrySet()) {
      lines.add("total\t" + t.getKey() + "\t" + t.getValue());
    }
    for (Warning w : warnings) {
      lines.add("warning\t" + Checkpoint.esc(w.code()) + "\t" + Checkpoint.esc(w.message()));
    }
    for (Map.Entry<String, Loc> e : locations.entrySet()) {
      String loc = Checkpoint.esc(e.getKey());
      Loc l = e.getValue();
      lines.add("loc\t" + loc + "\t" + l.records + "\t" + l.hitRecords);
      for (Map.Entry<EntityType, long[]> c : l.counts.entrySet()) {
        lines.add("count\t" + loc + "\t" + c.getKey() + "\t" + c.getValue()[0]);
      }
      for (Map.Entry<EntityType, List<String>> x : l.examples.entrySet()) {
        for (String s : x.getValue()) {
          lines.add("example\t" + loc + "\t" + x.getKey() + "\t" + Checkpoint.esc(s));
        }
      }
      for (String k : l.keys) {
        lines.add("key\t" + loc + "\t" + Checkpoint.esc(k));
      }
    }
    return lines;
  }

  void loadState(List<String[]> rows) {
    for (String[] r : rows) {
      switch (r[0]) {
        case "records":
          records = Long.parseLong(r[1]);
          break;
        case "total":
          totals.put(EntityType.valueOf(r[1]), Long.parseLong(r[2]));
          break;
        case "warning":
          warnings.add(new Warning(Checkpoint.unesc(r[1]), Checkpoint.unesc(r[2]), null));
          break;
        case "loc":
          {
            Loc l = locations.computeIfAbsent(Checkpoint.unesc(r[1]), k -> new Loc());
            l.records = Long.parseLong(r[2]);
            l.hitRecords = Long.parseLong(r[3]);
            break;
          }
        case "count":
          locations
              .get(Checkpoint.unesc(r[1]))
              .counts
              .put(EntityType.valueOf(r[2]), new long[] {Long.parseLong(r[3])});
          break;
        case "example":
          locations
              .get(Checkpoint.unesc(r[1]))
              .examples
              .computeIfAbsent(EntityType.valueOf(r[2]), t -> new ArrayList<>())
              .add(Checkpoint.unesc(r[3]));
          break;
        case "key":
          locations.get(Checkpoint.unesc(r[1])).keys.add(Checkpoint.unesc(r[2]));
          break;
        default:
          break;
      }
    }
  }
}
