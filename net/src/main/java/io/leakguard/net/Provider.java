package io.leakguard.net;

import java.util.Locale;

/** The cloud a resource belongs to: {@code azure}, {@code aws} or {@code gcp} in JSON. */
public enum Provider {
  AZURE,
  AWS,
  GCP;

  public String word() {
    return word;
  }

  private final String word = name().toLowerCase(Locale.ROOT);
}
