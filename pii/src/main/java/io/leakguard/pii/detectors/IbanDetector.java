package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.Set;

/** Finds {@code IBAN_CODE}. (Being implemented.) */
final class IbanDetector implements Detector {
  @Override
  public String name() {
    return "iban";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.IBAN_CODE);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {}
}
