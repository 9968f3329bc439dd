package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.Set;

/** Finds {@code US_SSN}. (Being implemented.) */
final class UsSsnDetector implements Detector {
  @Override
  public String name() {
    return "us-ssn";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.US_SSN);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {}
}
