package io.leakguard.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A thread-safe collector of {@link Warning}s. Duplicate warnings (same code, message and source)
 * are kept once, in first-seen order.
 */
public final class Warnings {
  private final Set<Warning> warnings = new LinkedHashSet<>();

  public synchronized void add(Warning w) {
    warnings.add(w);
  }

  public void add(String code, String message, SourceRef source) {
    add(new Warning(code, message, source));
  }

  public synchronized List<Warning> list() {
    return List.copyOf(new ArrayList<>(warnings));
  }

  public synchronized boolean isEmpty() {
    return warnings.isEmpty();
  }

  public synchronized void addAll(Warnings other) {
    warnings.addAll(other.list());
  }
}
