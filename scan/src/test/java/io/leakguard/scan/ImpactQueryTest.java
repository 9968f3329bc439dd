package io.leakguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakguard.core.UserInputException;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exposure-window impact report on a real PostgreSQL server. */
class ImpactQueryTest {
  static EmbeddedPostgres pg;
  static final PiiAnalyzer ANALYZER = PiiAnalyzer.builder().build();

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      SupportCasesDb.create(c, true);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void listsExactlyTheCustomersWithPiiInTheStoreDuringTheWindow() throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      ImpactReport r =
          new ImpactQuery(
                  c,
                  ANALYZER,
                  "support_cases",
                  "customer_id",
                  "created_at",
                  "deleted_at",
                  List.of())
              .run(TimeWindow.parse("2019-12-05..2019-12-31"));
      // C-300 created after the window, C-400 deleted before it; C-600 holds an IP in meta
      assertThat(r.customers())
          .extracting(ImpactReport.Customer::customerId)
          .containsExactly("C-100", "C-200", "C-500", "C-600");
      ImpactReport.Customer c100 = r.customers().get(0);
      assertThat(c100.records()).isEqualTo(2);
      assertThat(c100.types()).isEqualTo(Map.of(EntityType.EMAIL_ADDRESS, 2L));
      assertThat(r.customers().get(1).types())
          .isEqualTo(Map.of(EntityType.EMAIL_ADDRESS, 1L, EntityType.PHONE_NUMBER, 1L));
      assertThat(r.customers().get(2).types()).isEqualTo(Map.of(EntityType.CREDIT_CARD, 1L));
      assertThat(r.recordsInWindow()).isEqualTo(5);
      assertThat(r.customers().toString()).doesNotContain("jane.doe@contoso.com");
    }
  }

  @Test
  void withoutADeletionColumnEveryRecordCreatedBeforeTheEndCounts() throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      ImpactReport r =
          new ImpactQuery(
                  c, ANALYZER, "support_cases", "customer_id", "created_at", null, List.of("body"))
              .run(TimeWindow.parse("2019-12-05T00:00:00Z..2019-12-08T00:00:00+01:00"));
      assertThat(r.customers())
          .extracting(ImpactReport.Customer::customerId)
          .containsExactly("C-100", "C-400", "C-500");
    }
  }

  @Test
  void wrongColumnsAndWindowsAreClearErrors() throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      assertThatThrownBy(
              () ->
                  new ImpactQuery(
                          c, ANALYZER, "support_cases", "client", "created_at", null, List.of())
                      .run(TimeWindow.parse("2019-12-05..2019-12-31")))
          .isInstanceOf(UserInputException.class)
          .hasMessageContaining("--customer-column")
          .hasMessageContaining("client");
      assertThatThrownBy(
              () ->
                  new ImpactQuery(
                          c, ANALYZER, "cases", "customer_id", "created_at", null, List.of())
                      .run(TimeWindow.parse("2019-12-05..2019-12-31")))
          .hasMessageContaining("no table named 'cases'");
    }
    assertThatThrownBy(() -> TimeWindow.parse("2019-12-31..2019-12-05"))
        .hasMessageContaining("ends before");
    assertThatThrownBy(() -> TimeWindow.parse("yesterday..today"))
        .hasMessageContaining("yesterday");
  }
}
