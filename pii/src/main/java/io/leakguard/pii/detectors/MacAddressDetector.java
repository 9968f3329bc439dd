package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.Set;

/** Finds {@code MAC_ADDRESS}. (Being implemented.) */
final class MacAddressDetector implements Detector {
  @Override
  public String name() {
    return "mac";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.MAC_ADDRESS);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {}
}
