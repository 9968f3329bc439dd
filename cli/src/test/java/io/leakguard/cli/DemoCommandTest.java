package io.leakguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The demo runs the whole incident on bundled data and prints only masked values. */
class DemoCommandTest {
  @Test
  void demoRunsEndToEndAndMasksEverything() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"demo"}, new PrintWriter(out), new PrintWriter(err));
    String o = out.toString();
    assertThat(code).as(err.toString()).isZero();
    assertThat(o)
        .contains("EMAIL_ADDRESS  X** @******* **m")
        .contains("added critical exposed-datastore-port")
        .contains("caused by: added rule allow-es-9200 in nsg-es (priority 100, allow)")
        .contains("exposure.opened critical to team search-platform")
        .contains("customers to notify");
    assertThat(o)
        .doesNotContain("XYZ @contoso com", "4111 1111 1111 1111", "555-0143", "Maria Gonzalez")
        .doesNotContain("536-22-8145", "cedarmotors");
  }
}
