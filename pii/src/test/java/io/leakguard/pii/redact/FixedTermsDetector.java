package io.leakguard.pii.redact;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A real detector for tests: reports fixed terms (case-sensitive literal matches) with a given type
 * and canonical value, and throws on a chosen trigger term (fault injection).
 */
final class FixedTermsDetector implements Detector {
  record Term(EntityType type, String canonical) {}

  private final Map<String, Term> terms = new LinkedHashMap<>();
  private String throwOn;

  FixedTermsDetector term(String written, EntityType type, String canonical) {
    terms.put(written, new Term(type, canonical));
    return this;
  }

  FixedTermsDetector throwOn(String trigger) {
    this.throwOn = trigger;
    return this;
  }

  @Override
  public String name() {
    return "fixed-terms";
  }

  @Override
  public Set<EntityType> entities() {
    return EnumSet.allOf(EntityType.class);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {
    String text = ctx.text();
    if (throwOn != null && text.contains(throwOn)) {
      throw new IllegalStateException("injected fault");
    }
    for (Map.Entry<String, Term> e : terms.entrySet()) {
      int from = 0;
      while (true) {
        int i = text.indexOf(e.getKey(), from);
        if (i < 0) {
          break;
        }
        ctx.report(
            Candidate.builder(e.getValue().type(), i, i + e.getKey().length())
                .baseScore(0.9)
                .pattern("fixed.term")
                .canonical(e.getValue().canonical())
                .build());
        from = i + e.getKey().length();
      }
    }
  }
}
