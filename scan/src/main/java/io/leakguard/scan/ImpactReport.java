package io.leakguard.scan;

import io.leakguard.pii.EntityType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customers who had unredacted PII in a store during an exposure window.
 *
 * @param window the window
 * @param recordsInWindow records that were in the store during the window
 * @param recordsWithPii of those, records with at least one finding
 * @param customers affected customers, ordered by id
 */
public record ImpactReport(
    TimeWindow window, long recordsInWindow, long recordsWithPii, List<Customer> customers) {
  public ImpactReport {
    customers = List.copyOf(customers);
  }

  /**
   * One affected customer.
   *
   * @param customerId the customer's id as stored (an identifier for the notification process)
   * @param records records of this customer with PII in the window
   * @param types entity types found, with value counts
   * @param examples a few masked previews
   */
  public record Customer(
      String customerId, long records, Map<EntityType, Long> types, List<String> examples) {
    public Customer {
      // entity order (reports, CSV, JSON) stays the enum's, the same in every run: Map.copyOf
      // iterates in a per-JVM random order
      EnumMap<EntityType, Long> m = new EnumMap<>(EntityType.class);
      m.putAll(types);
      types = Collections.unmodifiableMap(m);
      examples = List.copyOf(examples);
    }

    public Set<EntityType> entityTypes() {
      return types.keySet();
    }
  }
}
