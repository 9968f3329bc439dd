package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.Set;

/** Finds {@code SECRET}. (Being implemented.) */
final class SecretDetector implements Detector {
  @Override
  public String name() {
    return "secret";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.SECRET);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {}
}
