package io.leakguard.cli;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options shared by commands that run the PII engine. */
final class PiiOptions {
  @Option(
      names = "--entities",
      split = ",",
      paramLabel = "TYPE",
      description = "Entity types to detect (default: all), e.g. EMAIL_ADDRESS,PHONE_NUMBER.")
  List<String> entities;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      description = "Minimum score in [0,1] (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.5")
  double minScore;

  @Option(
      names = "--region",
      paramLabel = "CC",
      description = "Region for phone numbers without + or 00 (default: ${DEFAULT-VALUE}).",
      defaultValue = "US")
  String region;

  PiiAnalyzer.Builder builder() {
    PiiAnalyzer.Builder b = PiiAnalyzer.builder().minScore(minScore).region(region);
    if (entities != null && !entities.isEmpty()) {
      Set<EntityType> types = EnumSet.noneOf(EntityType.class);
      for (String e : entities) {
        types.add(EntityType.parse(e));
      }
      b.entities(types);
    }
    return b;
  }
}
