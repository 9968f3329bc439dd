package io.leakguard.cli;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A real detector loaded through {@code ServiceLoader} in the CLI tests, so the tests do not depend
 * on the built-in detectors being finished: it reports fixed terms with their canonical value, and
 * throws on {@code BOOM-FAULT} (fault injection for the quarantine tests).
 */
public final class TestTokensDetector implements Detector {
  static final String FAULT = "BOOM-FAULT";

  private static final Map<String, Object[]> TERMS =
      Map.of(
          "xyz@contoso.com", new Object[] {EntityType.EMAIL_ADDRESS, "xyz@contoso.com"},
          "XYZ @contoso com", new Object[] {EntityType.EMAIL_ADDRESS, "xyz@contoso.com"},
          "xyz at contoso dot com", new Object[] {EntityType.EMAIL_ADDRESS, "xyz@contoso.com"},
          "abc@contoso.com", new Object[] {EntityType.EMAIL_ADDRESS, "abc@contoso.com"},
          "4111 1111 1111 1111", new Object[] {EntityType.CREDIT_CARD, "4111111111111111"},
          "Zyx Qwvut", new Object[] {EntityType.PERSON, "Zyx Qwvut"});

  public TestTokensDetector() {}

  @Override
  public String name() {
    return "test-tokens";
  }

  @Override
  public Set<EntityType> entities() {
    return EnumSet.of(EntityType.EMAIL_ADDRESS, EntityType.CREDIT_CARD, EntityType.PERSON);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {
    String text = ctx.text();
    if (text.contains(FAULT)) {
      throw new IllegalStateException("injected fault");
    }
    for (Map.Entry<String, Object[]> e : TERMS.entrySet()) {
      int from = 0;
      int i;
      while ((i = text.indexOf(e.getKey(), from)) >= 0) {
        ctx.report(
            Candidate.builder((EntityType) e.getValue()[0], i, i + e.getKey().length())
                .baseScore(0.99)
                .pattern("test.term")
                .canonical((String) e.getValue()[1])
                .build());
        from = i + e.getKey().length();
      }
    }
  }
}
