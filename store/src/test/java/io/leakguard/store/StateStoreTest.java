package io.leakguard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leakguard.core.UserInputException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same behaviour on an H2 file and on a real PostgreSQL server. */
class StateStoreTest {
  static EmbeddedPostgres pg;
  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  static String state(String kind) {
    return kind.equals("h2")
        ? tmp.resolve("state-" + System.nanoTime()).toString()
        : pg.getJdbcUrl("postgres", "postgres");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void migratesAndKeepsStateAcrossReopen(String kind) {
    String s = state(kind);
    try (StateStore store = StateStore.open(s)) {
      store.inTransaction(
          c -> {
            StateStore.put(c, "fingerprint", "abc");
            return null;
          });
    }
    try (StateStore store = StateStore.open(s)) {
      assertThat(store.get("fingerprint")).contains("abc");
      assertThat(store.get("missing")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aFailedTransactionIsRolledBack(String kind) {
    try (StateStore store = StateStore.open(state(kind))) {
      assertThatThrownBy(
              () ->
                  store.inTransaction(
                      c -> {
                        StateStore.put(c, "k", "v");
                        throw new SQLException("boom");
                      }))
          .hasMessageContaining("boom");
      assertThat(store.get("k")).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void anUnreachableDatabaseIsAClearError() {
    assertThatThrownBy(() -> StateStore.open("jdbc:postgresql://127.0.0.1:1/none?password=x"))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none")
        .hasMessageNotContaining("password=x");
  }
}
