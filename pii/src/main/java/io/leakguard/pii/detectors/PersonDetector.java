package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.Set;

/** Finds {@code PERSON}. (Being implemented.) */
final class PersonDetector implements Detector {
  @Override
  public String name() {
    return "person";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.PERSON);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {}
}
