package io.leakguard.scan;

import java.util.List;
import java.util.Objects;

/**
 * The scan result of one location: a {@code table.column} or a {@code file#field}.
 *
 * @param location {@code table.column}, {@code schema.table.column} or {@code file#field}
 * @param records records (rows, lines) read in this location
 * @param findings counts per entity type, in entity order
 * @param hitKeys keys of the records with findings (row primary keys, or line numbers), at most the
 *     configured limit
 * @param hitRecords number of records with at least one finding (may exceed {@code hitKeys})
 */
public record LocationReport(
    String location,
    long records,
    List<TypeCount> findings,
    List<String> hitKeys,
    long hitRecords) {
  public LocationReport {
    Objects.requireNonNull(location, "location");
    findings = List.copyOf(findings);
    hitKeys = List.copyOf(hitKeys);
  }

  /** Total values found in this location. */
  public long total() {
    long n = 0;
    for (TypeCount t : findings) {
      n += t.count();
    }
    return n;
  }
}
