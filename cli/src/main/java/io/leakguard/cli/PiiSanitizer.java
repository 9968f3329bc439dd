package io.leakguard.cli;

import io.leakguard.core.Sanitizer;
import io.leakguard.pii.DetectionException;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.util.List;

/**
 * The {@link Sanitizer} the CLI hands to engines that must not see customer PII (alerts, reports):
 * replaces every PII value with its type token ({@code <EMAIL_ADDRESS>}). Fails closed: text on
 * which detection fails is replaced whole.
 */
public final class PiiSanitizer implements Sanitizer {
  private final PiiAnalyzer analyzer;

  private PiiSanitizer(PiiAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  public static PiiSanitizer create() {
    return new PiiSanitizer(PiiAnalyzer.builder().build());
  }

  @Override
  public String sanitize(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    List<PiiFinding> fs;
    try {
      fs = analyzer.analyze(text);
    } catch (DetectionException e) {
      return "<UNCHECKED>";
    }
    if (fs.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int pos = 0;
    for (PiiFinding f : fs) {
      sb.append(text, pos, f.charStart()).append('<').append(f.type().name()).append('>');
      pos = f.charEnd();
    }
    return sb.append(text.substring(pos)).toString();
  }
}
