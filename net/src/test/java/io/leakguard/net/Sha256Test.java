package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written SHA-256 behind finding ids gives the JDK's digest (first 8 bytes, hex) on every
 * length around the block and padding boundaries, on non-ASCII text, and after a restored mark;
 * finding ids themselves are pinned by the golden ScenarioTest.
 */
class Sha256Test {
  private static String jdk(String s) throws Exception {
    byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(h, 0, 8);
  }

  @Test
  void knownVectors() {
    // FIPS 180-4 examples (first 64 bits)
    List<String[]> cases =
        List.of(
            new String[] {"", "e3b0c44298fc1c14"},
            new String[] {"abc", "ba7816bf8f01cfea"},
            new String[] {
              "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8"
            });
    for (String[] c : cases) {
      Sha256 s = new Sha256();
      s.update(c[0]);
      assertThat(s.hex16()).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void everyLengthAroundTheBlockBoundaries() throws Exception {
    Sha256 s = new Sha256();
    StringBuilder b = new StringBuilder();
    for (int n = 0; n <= 200; n++) {
      String m = b.toString();
      s.reset();
      s.update(m);
      assertThat(s.hex16()).as("length %d", n).isEqualTo(jdk(m));
      b.append((char) ('a' + n % 26));
    }
  }

  @Test
  void nonAsciiAndSurrogates() throws Exception {
    List<String> cases =
        List.of(
            "exposed-management-port|azure|/subscriptions/x/résumé|inbound|tcp|22",
            "ü",
            "a|\uD83D\uDE00|b",
            "lone \uD800 surrogate",
            "x".repeat(60) + "é" + "y".repeat(10));
    Sha256 s = new Sha256();
    for (String m : cases) {
      s.reset();
      s.update(m);
      assertThat(s.hex16()).as(m).isEqualTo(jdk(m));
    }
  }

  @Test
  void restoredMarkContinuesThePrefix() throws Exception {
    Sha256 s = new Sha256();
    for (int p = 0; p <= 130; p += 7) {
      String prefix = "exposed-datastore-port|azure|" + "/sub/rg/nic".repeat(p / 10) + "|inbound|";
      prefix = prefix.substring(0, Math.min(prefix.length(), p + 20));
      s.reset();
      s.update(prefix);
      Sha256.Mark m = s.mark();
      for (String tail : List.of("tcp|22", "udp|0-65535", "icmp|0-65535", "t".repeat(70))) {
        s.reset(m);
        s.update(tail);
        assertThat(s.hex16()).as("%s + %s", prefix, tail).isEqualTo(jdk(prefix + tail));
      }
    }
  }

  @Test
  void cachedBlocksStayRightPastTheCacheLimit() throws Exception {
    // 5,000 distinct first blocks (more than the cache holds), each seen twice (a cache hit), and
    // second blocks shared under them
    Sha256 s = new Sha256();
    String shared = "/resourcegroups/rg-bench/providers/microsoft.network/networkinterfaces/";
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 5000; i += round + 1) {
        String m = String.format("%064d", i) + shared + "nic-" + i + "|inbound|tcp|22";
        s.reset();
        s.update(m);
        assertThat(s.hex16()).as(m).isEqualTo(jdk(m));
      }
    }
  }

  @Test
  void findingIdIsTheDocumentedDigest() throws Exception {
    assertThat(
            NetAudit.id(
                "exposed-management-port",
                Provider.AZURE,
                "/Subscriptions/S/NIC",
                Direction.INBOUND,
                "tcp",
                "22"))
        .isEqualTo(jdk("exposed-management-port|azure|/subscriptions/s/nic|inbound|tcp|22"));
  }

  /** Hygiene ids from a restored per-rule-set state equal {@link NetAudit#id} of the whole id. */
  @Test
  void ruleSetIdsEqualTheWholeId() {
    String[] setIds = {
      "/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/networkSecurityGroups/NSG-1",
      "sg-0123456789abcdef0",
      "/subscriptions/s/nsg-ΑΣ",
      null
    };
    String[] names = {"Allow-SSH", "rule-" + "x".repeat(120), "İstanbul", "ΣΑΣ"};
    for (String setId : setIds) {
      RuleSet rs = new RuleSet(setId, "nsg", Provider.AZURE, "nsg", List.of(), null, null);
      NetAudit.RuleSetIds ids = new NetAudit.RuleSetIds(rs);
      for (String name : names) {
        for (Direction d : Direction.values()) {
          for (String check :
              List.of("shadowed-rule", "unmatchable-rule", "broad-private-source")) {
            RuleLine r =
                new RuleLine(
                    setId,
                    "nsg",
                    name,
                    100,
                    true,
                    d,
                    java.util.Set.of(Protocol.TCP),
                    AddressSet.ALL,
                    PortSet.ALL,
                    AddressSet.ALL,
                    java.util.Set.of(),
                    false,
                    List.of("*"),
                    false,
                    false,
                    null);
            assertThat(ids.id(check, r, "tcp", "22,80-90"))
                .as("%s %s %s %s", setId, name, d, check)
                .isEqualTo(
                    NetAudit.id(
                        check,
                        Provider.AZURE,
                        setId + "#" + d.word() + "/" + name,
                        d,
                        "tcp",
                        "22,80-90"));
          }
        }
      }
    }
  }

  @Test
  void idsDedupeFirstOneWins() {
    NetAudit.Ids ids = new NetAudit.Ids(3);
    List<Object[]> cases =
        List.of(
            new Object[] {"0123456789abcdef", true},
            new Object[] {"0123456789abcdef", false},
            new Object[] {"ffffffffffffffff", true},
            new Object[] {"ffffffffffffffff", false},
            new Object[] {"0000000000000000", true},
            new Object[] {"rs#inbound/rule", true},
            new Object[] {"rs#inbound/rule", false},
            new Object[] {"0123456789ABCDEF", true},
            new Object[] {"fedcba9876543210", true});
    for (Object[] c : cases) {
      assertThat(ids.add((String) c[0])).as((String) c[0]).isEqualTo(c[1]);
    }
  }
}
