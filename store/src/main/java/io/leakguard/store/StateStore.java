package io.leakguard.store;

import io.leakguard.core.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The state database: an embedded H2 file by default, PostgreSQL (or any JDBC database Flyway
 * supports) by JDBC URL. Opening it applies the schema migrations ({@code db/leakguard/V*.sql}).
 *
 * <pre>{@code
 * try (StateStore s = StateStore.open("~/.leakguard/state")) {      // H2 file
 *   s.inTransaction(c -> { ...; return null; });
 * }
 * StateStore pg = StateStore.open("jdbc:postgresql://127.0.0.1:5432/leakguard");
 * }</pre>
 *
 * <p>Credentials for a JDBC URL come from {@code LEAKGUARD_STATE_USER} / {@code
 * LEAKGUARD_STATE_PASSWORD}. The H2 file is opened with {@code AUTO_SERVER=TRUE} so {@code
 * leakguard alerts list} can read it while {@code net watch} runs.
 *
 * <p>Design note: every method opens a connection per call (no pool): the watch loop makes a few
 * transactions per cycle, so simplicity wins; one connection is held open for an H2 file so the
 * database is not closed between calls.
 */
public final class StateStore implements AutoCloseable {
  /** A unit of work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Flyway logs every migration step through JUL; keep the CLI's stderr for what matters. */
  private static final java.util.logging.Logger FLYWAY_LOG =
      java.util.logging.Logger.getLogger("org.flywaydb");

  static {
    FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final String url;
  private final Properties props;
  private final Connection keepAlive;

  private StateStore(String url, Properties props) throws SQLException {
    this.url = url;
    this.props = props;
    this.keepAlive = url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, props) : null;
  }

  /**
   * Opens the state database named by {@code state}: a JDBC URL, or a path for an H2 file (the
   * {@code .mv.db} suffix is added by H2).
   *
   * @throws UserInputException when it cannot be opened or migrated (the message names it)
   */
  public static StateStore open(String state) {
    String url;
    Properties props = new Properties();
    if (state.startsWith("jdbc:")) {
      url = state;
      String user = System.getenv("LEAKGUARD_STATE_USER");
      String password = System.getenv("LEAKGUARD_STATE_PASSWORD");
      if (user != null) {
        props.setProperty("user", user);
      }
      if (password != null) {
        props.setProperty("password", password);
      }
    } else {
      Path p = Path.of(state.replaceFirst("^~", System.getProperty("user.home"))).toAbsolutePath();
      try {
        Files.createDirectories(p.getParent());
      } catch (java.io.IOException e) {
        throw new UserInputException(state + ": cannot create folder: " + e.getMessage());
      }
      String base = p.toString();
      if (base.endsWith(".mv.db")) {
        base = base.substring(0, base.length() - ".mv.db".length());
      }
      // WRITE_DELAY=0: a commit is on disk when it returns, so a SIGKILL right after it loses
      // nothing (H2 otherwise flushes in the background up to a second later)
      url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
      props.setProperty("user", "sa");
      props.setProperty("password", "");
    }
    try {
      migrate(url, props);
      return new StateStore(url, props);
    } catch (SQLException | FlywayException e) {
      throw new UserInputException(
          redact(state) + ": cannot open the state database: " + e.getMessage());
    }
  }

  private static String redact(String s) {
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }

  private static void migrate(String url, Properties props) {
    Flyway.configure()
        .dataSource(url, props.getProperty("user"), props.getProperty("password"))
        .locations("classpath:db/leakguard")
        .table("lg_schema_history")
        .load()
        .migrate();
  }

  /** A new connection (caller closes it). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, props);
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  public <T> T inTransaction(Work<T> work) {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("state database: " + e.getMessage(), e);
    }
  }

  /** Reads a key of the key/value state. */
  public Optional<String> get(String key) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT v FROM lg_kv WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** Writes a key of the key/value state inside the caller's transaction. */
  public static void put(Connection c, String key, String value) throws SQLException {
    try (PreparedStatement del = c.prepareStatement("DELETE FROM lg_kv WHERE k = ?")) {
      del.setString(1, key);
      del.executeUpdate();
    }
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO lg_kv (k, v) VALUES (?, ?)")) {
      ins.setString(1, key);
      ins.setString(2, value);
      ins.executeUpdate();
    }
  }

  /** The JDBC URL (for messages; holds no credentials for H2 files). */
  public String url() {
    return redact(url);
  }

  @Override
  public void close() {
    if (keepAlive != null) {
      try {
        keepAlive.close();
      } catch (SQLException e) {
        // closing a read connection: nothing to recover
      }
    }
  }
}
