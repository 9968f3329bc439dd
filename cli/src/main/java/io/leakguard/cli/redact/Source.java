package io.leakguard.cli.redact;

import java.util.Map;

/** Per-input facts shared by its records: display name and, for CSV, the selected columns. */
final class Source {
  final String name;
  volatile Map<String, Integer> columns;
  volatile int columnCount;

  Source(String name) {
    this.name = name;
  }
}
