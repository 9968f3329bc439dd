package io.leakguard.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces the module table of DESIGN §2 on the compiled classes of every module: a module's
 * package may only use the packages of the modules it is allowed to depend on. Keep {@link
 * #ALLOWED} in step with {@code docs/architecture.md}.
 */
class ModuleBoundariesTest {
  /** module -> modules it may depend on (besides itself). */
  static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("core", Set.of());
    ALLOWED.put("pii", Set.of("core"));
    ALLOWED.put("net", Set.of("core"));
    ALLOWED.put("store", Set.of("core"));
    ALLOWED.put("alert", Set.of("core", "store"));
    ALLOWED.put("scan", Set.of("core", "pii", "store"));
    ALLOWED.put("cli", Set.of("core", "pii", "net", "store", "alert", "scan"));
    ALLOWED.put("server", Set.of("core", "pii", "net", "store", "alert", "scan", "cli"));
    ALLOWED.put("spark", Set.of("core", "pii", "scan"));
    ALLOWED.put("testkit", Set.of("core", "pii", "net"));
  }

  static JavaClasses classes;

  @BeforeAll
  static void importAllModules() {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> dirs = new ArrayList<>();
    for (String m : ALLOWED.keySet()) {
      Path p = root.resolve(m).resolve("target/classes");
      if (Files.isDirectory(p)) {
        dirs.add(p);
      }
    }
    classes = new ClassFileImporter().importPaths(dirs);
  }

  @Test
  void theEnginesAreImported() {
    assertThat(classes.contain("io.leakguard.pii.PiiAnalyzer")).isTrue();
    assertThat(classes.contain("io.leakguard.core.Severity")).isTrue();
    assertThat(classes.contain("io.leakguard.cli.Main")).isTrue();
  }

  @Test
  void everyModuleOnlyUsesTheModulesItMayDependOn() {
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      String module = e.getKey();
      List<String> forbidden = new ArrayList<>();
      for (String other : ALLOWED.keySet()) {
        if (!other.equals(module) && !e.getValue().contains(other)) {
          forbidden.add("io.leakguard." + other + "..");
        }
      }
      forbidden.add("io.leakguard.bench..");
      noClasses()
          .that()
          .resideInAPackage("io.leakguard." + module + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(forbidden.toArray(new String[0]))
          .allowEmptyShould(true)
          .because("DESIGN §2: " + module + " may depend on " + e.getValue() + " only")
          .check(classes);
    }
  }

  @Test
  void piiAndScanStayFreeOfJacksonForSpark() {
    noClasses()
        .that()
        .resideInAnyPackage("io.leakguard.pii..", "io.leakguard.scan..", "io.leakguard.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson..")
        .because("the PII engine runs inside Spark, whose Jackson version differs")
        .check(classes);
  }
}
