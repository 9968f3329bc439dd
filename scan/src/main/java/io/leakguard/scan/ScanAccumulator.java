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
  private static final EntityType[] TYPES = EntityType.values();

  static {
    if (TYPES.length > Long.SIZE) {
      throw new IllegalStateException("Loc.examplesFull holds one bit per entity type");
    }
  }

  /** Values found per entity type, by ordinal (a map would box a Long per finding). */
  private final long[] totals = new long[TYPES.length];

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

    /** Values found per entity type, by ordinal. */
    final long[] counts = new long[TYPES.length];

    final Map<EntityType, List<String>> examples = new EnumMap<>(EntityType.class);

    /** Bit {@code ordinal}: that type's examples are full ({@link #EXAMPLES}). */
    long examplesFull;

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
      findings = analyzer.analyze(value, location); // its last segment (the column) is a label
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
      int o = f.type().ordinal();
      loc.counts[o]++;
      totals[o]++;
      if ((loc.examplesFull >>> o & 1) == 0) {
        addExample(loc, f.type(), MaskedPreview.of(value.substring(f.charStart(), f.charEnd())));
      }
    }
    return findings;
  }

  /** Adds a masked example unless it is there already or the type has {@link #EXAMPLES}. */
  private static void addExample(Loc loc, EntityType type, String preview) {
    List<String> ex = loc.examples.computeIfAbsent(type, t -> new ArrayList<>());
    if (ex.size() < EXAMPLES && !ex.contains(preview)) {
      ex.add(preview);
    }
    if (ex.size() >= EXAMPLES) {
      loc.examplesFull |= 1L << type.ordinal();
    }
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
    for (int o = 0; o < TYPES.length; o++) {
      totals[o] += other.totals[o];
    }
    for (Map.Entry<String, Loc> e : other.locations.entrySet()) {
      Loc mine = locations.computeIfAbsent(e.getKey(), k -> new Loc());
      Loc theirs = e.getValue();
      mine.records += theirs.records;
      mine.hitRecords += theirs.hitRecords;
      for (int o = 0; o < TYPES.length; o++) {
        mine.counts[o] += theirs.counts[o];
      }
      theirs.examples.forEach(
          (t, ex) -> {
            for (String s : ex) {
              addExample(mine, t, s);
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
      for (EntityType t : TYPES) {
        if (l.counts[t.ordinal()] > 0) {
          tcs.add(new TypeCount(t, l.counts[t.ordinal()], l.examples.getOrDefault(t, List.of())));
        }
      }
      out.add(new LocationReport(e.getKey(), l.records, tcs, l.keys, l.hitRecords));
    }
    return new ScanReport(out, records, totals(), warnings);
  }

  /** The values found per type, for the types found at all, in entity order. */
  private Map<EntityType, Long> totals() {
    Map<EntityType, Long> m = new EnumMap<>(EntityType.class);
    for (EntityType t : TYPES) {
      if (totals[t.ordinal()] > 0) {
        m.put(t, totals[t.ordinal()]);
      }
    }
    return m;
  }

  // --- checkpoint support (package-private): the state as lines of escaped fields ---

  List<String> saveState() {
    List<String> lines = new ArrayList<>();
    lines.add("records\t" + records);
    for (Map.Entry<EntityType, Long> t : totals().entrySet()) {
      lines.add("total\t" + t.getKey() + "\t" + t.getValue());
    }
    for (Warning w : warnings) {
      lines.add("warning\t" + Checkpoint.esc(w.code()) + "\t" + Checkpoint.esc(w.message()));
    }
    for (Map.Entry<String, Loc> e : locations.entrySet()) {
      String loc = Checkpoint.esc(e.getKey());
      Loc l = e.getValue();
      lines.add("loc\t" + loc + "\t" + l.records + "\t" + l.hitRecords);
      for (EntityType t : TYPES) {
        if (l.counts[t.ordinal()] > 0) {
          lines.add("count\t" + loc + "\t" + t + "\t" + l.counts[t.ordinal()]);
        }
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
          totals[EntityType.valueOf(r[1]).ordinal()] = Long.parseLong(r[2]);
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
          locations.get(Checkpoint.unesc(r[1])).counts[EntityType.valueOf(r[2]).ordinal()] =
              Long.parseLong(r[3]);
          break;
        case "example":
          addExample(
              locations.get(Checkpoint.unesc(r[1])),
              EntityType.valueOf(r[2]),
              Checkpoint.unesc(r[3]));
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
