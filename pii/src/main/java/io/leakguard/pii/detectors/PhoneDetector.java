package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.Set;

/** Finds {@code PHONE_NUMBER}. (Being implemented.) */
final class PhoneDetector implements Detector {
  @Override
  public String name() {
    return "phone";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.PHONE_NUMBER);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {}
}
