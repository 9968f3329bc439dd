package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.core.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hygiene's shadowing shortcut (one earlier rule covering all of a rule's addresses and ports
 * shadows it without the union region) never disagrees with the exact union test, on rules drawn
 * from overlapping CIDRs, ranges and service tags; and a table of named cases.
 */
class HygieneShadowTest {
  private static final String[] REMOTES = {
    "0.0.0.0/0",
    "10.0.0.0/8",
    "10.1.0.0/16",
    "10.1.2.0/24",
    "10.1.2.3/32",
    "192.168.0.0/16",
    "1.2.3.0/24",
    "1.2.3.128/25",
    "1.2.3.0/25",
    "::/0",
    "2001:db8::/32"
  };
  private static final PortSet[] PORTS = {
    PortSet.ALL,
    PortSet.of(22),
    PortSet.range(20, 30),
    PortSet.range(0, 1023),
    PortSet.of(443),
    PortSet.range(22, 22)
  };

  private static RuleLine line(String name, boolean allow, String remote, PortSet ports) {
    return new RuleLine(
        "nsg-1",
        "nsg-one",
        name,
        100,
        allow,
        Direction.INBOUND,
        Set.of(Protocol.TCP),
        AddressSet.parse(remote),
        ports,
        AddressSet.ALL,
        Set.of(),
        false,
        List.of(remote),
        false,
        false,
        SourceRef.ofPath("nsg.json", "$[0]"));
  }

  @Test
  void shortcutImpliesTheExactTest() {
    Random rnd = new Random(42);
    int shortcuts = 0;
    for (int k = 0; k < 3000; k++) {
      RuleLine r =
          line(
              "r",
              rnd.nextBoolean(),
              REMOTES[rnd.nextInt(REMOTES.length)],
              PORTS[rnd.nextInt(PORTS.length)]);
      List<RuleLine> cand = new ArrayList<>();
      int n = 1 + rnd.nextInt(3);
      for (int i = 0; i < n; i++) {
        cand.add(
            line(
                "c" + i,
                rnd.nextBoolean(),
                REMOTES[rnd.nextInt(REMOTES.length)],
                PORTS[rnd.nextInt(PORTS.length)]));
      }
      boolean one = false;
      for (RuleLine c : cand) {
        if (c.portsFor(Protocol.TCP).containsAll(r.portsFor(Protocol.TCP))
            && c.remote().containsAll(r.remote())) {
          one = true;
        }
      }
      if (one) {
        shortcuts++;
        assertThat(Hygiene.covered(cand, r, Protocol.TCP)).as("%s by %s", r, cand).isTrue();
      }
    }
    assertThat(shortcuts).isGreaterThan(300);
  }

  /** A random address set: a union of one to three CIDRs, some narrow, some IPv6, some symbols. */
  private static AddressSet randomRemote(Random rnd) {
    AddressSet a = AddressSet.EMPTY;
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(10);
      AddressSet x;
      if (kind < 4) {
        x = AddressSet.parse(REMOTES[rnd.nextInt(REMOTES.length)]);
      } else if (kind < 8) {
        x = AddressSet.parse("1.2.3." + rnd.nextInt(256) + "/" + (24 + rnd.nextInt(9)));
      } else if (kind == 8) {
        x =
            AddressSet.parse(
                "2001:db8::"
                    + Integer.toHexString(rnd.nextInt(65536))
                    + "/"
                    + (112 + rnd.nextInt(17)));
      } else {
        x = AddressSet.symbol("servicetag:Storage");
      }
      a = a.union(x);
    }
    return a;
  }

  /** A random port set: a union of one to three ranges in a small window, or every port. */
  private static PortSet randomPorts(Random rnd) {
    if (rnd.nextInt(8) == 0) {
      return PortSet.ALL;
    }
    PortSet p = PortSet.EMPTY;
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      int lo = rnd.nextInt(40);
      int hi = rnd.nextInt(5) == 0 ? PortSet.MAX : lo + rnd.nextInt(12);
      p = p.union(PortSet.range(lo, hi));
    }
    return p;
  }

  private static RuleLine line(String name, boolean allow, AddressSet remote, PortSet ports) {
    RuleLine l = line(name, allow, "0.0.0.0/0", ports);
    return new RuleLine(
        l.ruleSetId(),
        l.ruleSetName(),
        name,
        l.priority(),
        allow,
        l.direction(),
        l.protocols(),
        remote,
        ports,
        l.local(),
        l.localSelectors(),
        l.sourcePortsRestricted(),
        List.of(remote.toString()),
        l.unknown(),
        l.platformDefault(),
        l.source());
  }

  /**
   * The reference: the candidates' union region (every line an allow) intersected with the rule's
   * region equals the rule's region.
   */
  private static boolean coveredByRegion(List<RuleLine> cand, RuleLine r, Protocol p) {
    Region cover = Reachability.evaluate(Layer.Evaluation.ANY_ALLOW, cand, p, true);
    Region.Builder nb = new Region.Builder();
    for (int i = 0; i < r.remote().intervalCount(); i++) {
      nb.add(r.remote().lo(i), r.remote().hi(i), r.portsFor(p));
    }
    Region need = nb.build();
    Region both = need.intersect(cover);
    return both.los.equals(need.los) && both.his.equals(need.his) && both.ports.equals(need.ports);
  }

  /**
   * The sweep {@link Hygiene#covered} gives the answer of the union region ({@link
   * #coveredByRegion}, the test hygiene used before) on random multi-interval address sets and port
   * sets.
   */
  @Test
  void sweepEqualsTheUnionRegion() {
    Random rnd = new Random(7);
    int yes = 0;
    int no = 0;
    for (int k = 0; k < 20000; k++) {
      RuleLine r = line("r", rnd.nextBoolean(), randomRemote(rnd), randomPorts(rnd));
      List<RuleLine> cand = new ArrayList<>();
      int n = 1 + rnd.nextInt(5);
      for (int i = 0; i < n; i++) {
        cand.add(line("c" + i, rnd.nextBoolean(), randomRemote(rnd), randomPorts(rnd)));
      }
      boolean want = coveredByRegion(cand, r, Protocol.TCP);
      assertThat(Hygiene.covered(cand, r, Protocol.TCP)).as("%s by %s", r, cand).isEqualTo(want);
      if (want) {
        yes++;
      } else {
        no++;
      }
    }
    assertThat(yes).isGreaterThan(1000);
    assertThat(no).isGreaterThan(1000);
  }

  @Test
  void namedCases() {
    // (rule, earlier rules, shadowed?)
    Object[][] cases = {
      {
        line("r", true, "10.1.2.0/24", PortSet.of(22)),
        List.of(line("a", false, "10.0.0.0/8", PortSet.ALL)),
        true
      },
      {
        line("r", true, "10.1.2.0/24", PortSet.range(20, 30)),
        List.of(line("a", true, "10.0.0.0/8", PortSet.of(22))),
        false
      },
      // two rules together (neither alone): the exact union test
      {
        line("r", true, "1.2.3.0/24", PortSet.of(443)),
        List.of(
            line("a", true, "1.2.3.0/25", PortSet.ALL),
            line("b", false, "1.2.3.128/25", PortSet.of(443))),
        true
      },
      {
        line("r", true, "1.2.3.0/24", PortSet.of(443)),
        List.of(line("a", true, "1.2.3.0/25", PortSet.ALL)),
        false
      },
    };
    for (Object[] c : cases) {
      RuleLine r = (RuleLine) c[0];
      @SuppressWarnings("unchecked")
      List<RuleLine> earlier = (List<RuleLine>) c[1];
      assertThat(Hygiene.shadowers(earlier, r) != null)
          .as("%s after %s", r.remoteAsWritten(), earlier.size())
          .isEqualTo(c[2]);
    }
  }
}
