package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.Set;

/** Finds {@code IP_ADDRESS}. (Being implemented.) */
final class IpAddressDetector implements Detector {
  @Override
  public String name() {
    return "ip";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.IP_ADDRESS);
  }

  @Override
  public int triggerFlags() {
    return 0;
  }

  @Override
  public void detect(DetectionContext ctx) {}
}
