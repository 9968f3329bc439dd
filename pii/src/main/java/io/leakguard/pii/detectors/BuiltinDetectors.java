package io.leakguard.pii.detectors;

import io.leakguard.pii.spi.Detector;
import java.util.List;

/**
 * The reviewed list of built-in detectors, in one place. A detector is added here, and nowhere
 * else; extensions come through {@link java.util.ServiceLoader}.
 */
public final class BuiltinDetectors {
  private BuiltinDetectors() {}

  /** Every built-in detector, one instance each (detectors are stateless). */
  public static List<Detector> all() {
    return List.of(
        new EmailDetector(),
        new IpAddressDetector(),
        new MacAddressDetector(),
        new PhoneDetector(),
        new CreditCardDetector(),
        new UsSsnDetector(),
        new IbanDetector(),
        new PersonDetector(),
        new SecretDetector());
  }
}
