package io.leakguard.cli.scan;

import io.leakguard.core.UserInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Database connection options. Credentials never come from the command line: from environment
 * variables ({@code LEAKGUARD_DB_USER}, {@code LEAKGUARD_DB_PASSWORD} by default) or a properties
 * file with {@code user=} and {@code password=}. A JDBC URL carrying a password is refused.
 */
final class DbOptions {
  @Option(names = "--jdbc", paramLabel = "URL", description = "JDBC URL (PostgreSQL, H2, ...).")
  String url;

  @Option(
      names = "--user-env",
      paramLabel = "VAR",
      defaultValue = "LEAKGUARD_DB_USER",
      description = "Environment variable holding the user (default: ${DEFAULT-VALUE}).")
  String userEnv;

  @Option(
      names = "--password-env",
      paramLabel = "VAR",
      defaultValue = "LEAKGUARD_DB_PASSWORD",
      description = "Environment variable holding the password (default: ${DEFAULT-VALUE}).")
  String passwordEnv;

  @Option(
      names = "--credentials-file",
      paramLabel = "FILE",
      description = "Properties file with user= and password= (instead of the environment).")
  Path credentialsFile;

  /** The URL as shown in messages: no query parameters. */
  String safeUrl() {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  Connection connect() {
    if (url.toLowerCase(Locale.ROOT).contains("password=")) {
      throw new UserInputException(
          "--jdbc: the URL carries a password; pass it through --password-env or"
              + " --credentials-file instead (never on the command line)");
    }
    String user = System.getenv(userEnv);
    String password = System.getenv(passwordEnv);
    if (credentialsFile != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(credentialsFile, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UserInputException(
            credentialsFile + ": cannot read credentials: " + e.getMessage());
      }
      user = p.getProperty("user", user);
      password = p.getProperty("password", password);
    }
    try {
      Properties props = new Properties();
      if (user != null) {
        props.setProperty("user", user);
      }
      if (password != null) {
        props.setProperty("password", password);
      }
      DriverManager.setLoginTimeout(15);
      return DriverManager.getConnection(url, props);
    } catch (SQLException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (password != null && !password.isEmpty()) {
        msg = msg.replace(password, "****");
      }
      throw new UserInputException(
          safeUrl()
              + ": cannot connect: "
              + msg
              + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"));
    }
  }
}
