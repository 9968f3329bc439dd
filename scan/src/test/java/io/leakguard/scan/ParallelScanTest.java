package io.leakguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakguard.core.Warning;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parallel scan ({@link JdbcScanner.Builder#workers}) gives exactly the report of the
 * single-threaded one, on a real PostgreSQL server and on H2, over tables of a few thousand rows
 * (single and composite primary keys, no primary key, nulls, empty values, values on which a
 * detector fails), with small and large pages; checkpoints of a parallel scan resume to the same
 * report; sampling reads random pages of a large table, repeatably.
 */
class ParallelScanTest {
  static final int CASES = 2500;
  static final int NOTES = 600;
  static final int LOG = 700;
  static final int MAX_KEYS = 7;

  /** A detector that fails on a marker: the engine turns it into a detection-failed warning. */
  static final class FaultDetector implements Detector {
    @Override
    public String name() {
      return "fault";
    }

    @Override
    public Set<EntityType> entities() {
      return EnumSet.of(EntityType.EMAIL_ADDRESS);
    }

    @Override
    public int triggerFlags() {
      return 0;
    }

    @Override
    public void detect(DetectionContext ctx) {
      if (ctx.text().contains("BOOM-FAULT")) {
        throw new IllegalStateException("injected fault");
      }
    }
  }

  static final PiiAnalyzer ANALYZER =
      PiiAnalyzer.builder().addDetector(new FaultDetector()).build();

  static EmbeddedPostgres pg;
  static String h2Url;

  @TempDir Path tmp;

  /** The body of case {@code i}: null, empty, a detector fault, or text with some PII. */
  static String body(int i) {
    if (i % 13 == 0) {
      return null;
    }
    if (i % 17 == 0) {
      return "";
    }
    if (i % 19 == 0) {
      return "note BOOM-FAULT " + i;
    }
    StringBuilder b = new StringBuilder("case ").append(i).append(": ");
    if (i % 5 == 0) {
      b.append("my ssn is 536-22-8145. ");
    }
    if (i % 7 == 0) {
      b.append("please email me at user").append(i).append("@contoso.com. ");
    }
    if (i % 11 == 0) {
      b.append("refund to card 4111 1111 1111 1111. ");
    }
    return b.append("build 10.0.19041.1 crashes with 0x80070005").toString();
  }

  static boolean bodyHit(int i) {
    return i % 13 != 0 && i % 17 != 0 && (i % 5 == 0 || i % 7 == 0 || i % 11 == 0 || i % 19 == 0);
  }

  static boolean bodyFault(int i) {
    return i % 13 != 0 && i % 17 != 0 && i % 19 == 0;
  }

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE cases (id BIGINT PRIMARY KEY, subject VARCHAR(200), body TEXT)");
      s.execute(
          "CREATE TABLE notes (region VARCHAR(8), seq INTEGER, note VARCHAR(400),"
              + " PRIMARY KEY (region, seq))");
      s.execute("CREATE TABLE raw_log (line VARCHAR(400))");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO cases VALUES (?, ?, ?)")) {
      for (int i = 1; i <= CASES; i++) {
        ps.setLong(1, i);
        ps.setString(2, i % 3 == 0 ? "reach XYZ @contoso com" : "login issue");
        ps.setString(3, body(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO notes VALUES (?, ?, ?)")) {
      for (int i = 1; i <= NOTES; i++) {
        ps.setString(1, i % 2 == 0 ? "eu" : "us");
        ps.setInt(2, i);
        ps.setString(3, i % 4 == 0 ? "call (425) 555-0143 today" : "no pii in note " + i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_log VALUES (?)")) {
      for (int i = 1; i <= LOG; i++) {
        ps.setString(1, i % 9 == 0 ? "login from 10.1.2." + (i % 250) : "heartbeat ok " + i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE bulk");
      s.execute("CREATE DATABASE sampled");
    }
    try (Connection c = pg.getDatabase("postgres", "bulk").getConnection()) {
      create(c);
    }
    try (Connection c = pg.getDatabase("postgres", "sampled").getConnection();
        Statement s = c.createStatement()) {
      // about 1 KB per row, 8 rows per 8 KB page: 1000 pages, well above the sampling threshold
      s.execute("CREATE TABLE wide (id BIGINT PRIMARY KEY, body TEXT)");
      s.execute(
          "INSERT INTO wide SELECT g, 'write to user' || g || '@contoso.com ' || repeat('x', 900)"
              + " FROM generate_series(1, 8000) g");
      s.execute("ANALYZE wide");
    }
    h2Url = "jdbc:h2:mem:parallel" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(h2Url)) {
      create(c);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  static Connection connect(String db) throws SQLException {
    return db.equals("postgres")
        ? pg.getDatabase("postgres", "bulk").getConnection()
        : DriverManager.getConnection(h2Url);
  }

  static LocationReport location(ScanReport r, String name) {
    return r.locations().stream()
        .filter(l -> l.location().toLowerCase(Locale.ROOT).equals(name))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0}, page size {1}")
  @CsvSource({"postgres, 3", "postgres, 500", "h2, 3", "h2, 500"})
  void everyNumberOfWorkersGivesTheSingleThreadedReport(String db, int pageSize) throws Exception {
    List<String> refProgress = new ArrayList<>();
    ScanReport ref;
    try (Connection c = connect(db)) {
      ref =
          JdbcScanner.builder(c, ANALYZER)
              .pageSize(pageSize)
              .maxKeys(MAX_KEYS)
              .workers(0)
              .progress((t, inTable, total) -> refProgress.add(t + " " + inTable + " " + total))
              .build()
              .scan();
    }
    // the reference itself is right: exact records, hits, keys and warnings
    assertThat(ref.records()).isEqualTo(CASES + NOTES + LOG);
    LocationReport body = location(ref, "cases.body");
    assertThat(body.records()).isEqualTo(CASES);
    long hits = 0;
    long faults = 0;
    List<String> firstKeys = new ArrayList<>();
    for (int i = 1; i <= CASES; i++) {
      if (bodyHit(i)) {
        hits++;
        if (firstKeys.size() < MAX_KEYS) {
          firstKeys.add(Integer.toString(i));
        }
      }
      if (bodyFault(i)) {
        faults++;
      }
    }
    assertThat(body.hitRecords()).isEqualTo(hits);
    assertThat(body.hitKeys()).containsExactlyElementsOf(firstKeys);
    assertThat(body.hitKeys()).containsExactly("5", "7", "10", "11", "14", "15", "19");
    assertThat(location(ref, "cases.subject").hitRecords()).isEqualTo(CASES / 3);
    assertThat(location(ref, "notes.note").hitKeys()).startsWith("eu,4", "eu,8", "eu,12");
    assertThat(location(ref, "notes.note").hitRecords()).isEqualTo(NOTES / 4);
    assertThat(location(ref, "raw_log.line").hitKeys()).startsWith("row 9", "row 18");
    assertThat(ref.warnings())
        .extracting(Warning::code)
        .containsOnly("detection-failed", "no-primary-key")
        .hasSize((int) faults + 1)
        .last()
        .isEqualTo("no-primary-key");
    assertThat(ref.counts())
        .containsKeys(
            EntityType.EMAIL_ADDRESS,
            EntityType.US_SSN,
            EntityType.CREDIT_CARD,
            EntityType.PHONE_NUMBER,
            EntityType.IP_ADDRESS);
    // the first three distinct masked previews, in row order (user7, user14, then user105)
    assertThat(body.findings())
        .filteredOn(f -> f.type() == EntityType.EMAIL_ADDRESS)
        .singleElement()
        .extracting(TypeCount::examples)
        .isEqualTo(List.of("u****@*******.**m", "u*****@*******.**m", "u******@*******.**m"));

    for (int workers : new int[] {1, 2, 4}) {
      List<String> progress = new ArrayList<>();
      try (Connection c = connect(db)) {
        ScanReport r =
            JdbcScanner.builder(c, ANALYZER)
                .pageSize(pageSize)
                .maxKeys(MAX_KEYS)
                .workers(workers)
                .progress((t, inTable, total) -> progress.add(t + " " + inTable + " " + total))
                .build()
                .scan();
        assertThat(r).as("%d workers", workers).isEqualTo(ref);
      }
      assertThat(progress).as("%d workers", workers).isEqualTo(refProgress);
    }
  }

  @Test
  void aParallelScanResumesFromItsCheckpointWithTheUninterruptedReport() throws Exception {
    ScanReport full;
    try (Connection c = connect("postgres")) {
      full = JdbcScanner.builder(c, ANALYZER).pageSize(100).workers(0).build().scan();
    }
    Path cp = tmp.resolve("scan.checkpoint");
    List<Long> seen = new ArrayList<>();
    try (Connection c = connect("postgres")) {
      JdbcScanner crashing =
          JdbcScanner.builder(c, ANALYZER)
              .pageSize(100)
              .workers(2)
              .checkpoint(cp)
              .progress(
                  (t, inTable, total) -> {
                    seen.add(inTable);
                    if (t.equals("cases") && inTable >= 1000) {
                      throw new IllegalStateException("simulated crash");
                    }
                  })
              .build();
      assertThatThrownBy(crashing::scan).hasMessageContaining("simulated crash");
    }
    assertThat(seen).containsExactly(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L);
    assertThat(Files.readString(cp)).contains("table\tcases\tpartial\t1000\n");
    List<Long> resumed = new ArrayList<>();
    try (Connection c = connect("postgres")) {
      ScanReport again =
          JdbcScanner.builder(c, ANALYZER)
              .pageSize(100)
              .workers(2)
              .checkpoint(cp)
              .progress(
                  (t, inTable, total) -> {
                    if (t.equals("cases")) {
                      resumed.add(inTable);
                    }
                  })
              .build()
              .scan();
      assertThat(again).isEqualTo(full);
    }
    assertThat(resumed).first().isEqualTo(100L);
    assertThat(resumed).last().isEqualTo((long) CASES - 1000);
  }

  @Test
  void samplingALargePostgresTableReadsRandomPagesRepeatably() throws Exception {
    List<ScanReport> runs = new ArrayList<>();
    for (int workers : new int[] {0, 2}) {
      try (Connection c = pg.getDatabase("postgres", "sampled").getConnection()) {
        JdbcScanner s =
            JdbcScanner.builder(c, ANALYZER).sample(100).maxKeys(1000).workers(workers).build();
        assertThat(s.sampleSql(s.discover().get(0), 100))
            .contains("TABLESAMPLE SYSTEM (")
            .endsWith("REPEATABLE (0) ORDER BY md5(ctid::text) FETCH FIRST 100 ROWS ONLY");
        runs.add(s.scan());
      }
    }
    LocationReport body = location(runs.get(0), "wide.body");
    assertThat(body.records()).isEqualTo(100);
    assertThat(body.hitKeys()).hasSize(100);
    List<Long> keys = body.hitKeys().stream().map(Long::parseLong).sorted().toList();
    // pages from all over the table, not its first 100 rows
    assertThat(keys.get(99)).isGreaterThan(4000);
    assertThat(keys.get(0)).isLessThan(4000);
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }

  @Test
  void samplingASmallTableReadsItsFirstRows() throws Exception {
    try (Connection c = connect("postgres")) {
      JdbcScanner s = JdbcScanner.builder(c, ANALYZER).sample(10).build();
      assertThat(s.sampleSql(s.discover().get(0), 10))
          .doesNotContain("TABLESAMPLE")
          .endsWith(" FETCH FIRST 10 ROWS ONLY");
      ScanReport r = s.scan();
      assertThat(r.records()).isEqualTo(30);
    }
  }
}
