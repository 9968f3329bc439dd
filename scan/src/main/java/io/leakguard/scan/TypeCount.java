package io.leakguard.scan;

import io.leakguard.pii.EntityType;
import java.util.List;
import java.util.Objects;

/**
 * How many values of one entity type were found in one location, with a few masked examples.
 *
 * @param type the entity type
 * @param count number of values found
 * @param examples masked previews (never raw values), at most a few
 */
public record TypeCount(EntityType type, long count, List<String> examples) {
  public TypeCount {
    Objects.requireNonNull(type, "type");
    examples = List.copyOf(examples);
  }
}
