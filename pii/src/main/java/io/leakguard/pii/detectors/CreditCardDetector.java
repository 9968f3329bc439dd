package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.Set;

/** Finds {@code CREDIT_CARD}. (Being implemented.) */
final class CreditCardDetector implements Detector {
  @Override
  public String name() {
    return "credit-card";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.CREDIT_CARD);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {}
}
