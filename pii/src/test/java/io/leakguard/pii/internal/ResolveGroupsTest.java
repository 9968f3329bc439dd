package io.leakguard.pii.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine#resolveGroups} (overlap resolution group by group, lone candidates as they are)
 * against {@link Engine#resolve} of all candidates at once, the path every text with an overlap
 * took before: the same winners (the same candidate objects), owners and widened spans, in the same
 * order. Random candidate sets dense in overlaps, nested and touching spans, equal starts, and ties
 * in score, length and type priority (where only the stable order decides).
 */
class ResolveGroupsTest {
  private static final EntityType[] TYPES = EntityType.values();
  private static final double[] SCORES = {0.5, 0.6, 0.75, 0.9};
  private static final String[] NAMES = {"d0", "d1", "d2", "d3"};

  @Test
  void groupByGroupEqualsResolvingAll() {
    Random r = new Random(20261130);
    int withOverlaps = 0;
    int groupsOfMany = 0;
    for (int round = 0; round < 20_000; round++) {
      int n = 1 + r.nextInt(r.nextBoolean() ? 6 : 40);
      int textLength = 10 + r.nextInt(r.nextBoolean() ? 40 : 400);
      Candidate[] all = new Candidate[n];
      int[] by = new int[n];
      for (int i = 0; i < n; i++) {
        int start = r.nextInt(textLength);
        int end = start + 1 + r.nextInt(r.nextInt(4) == 0 ? 40 : 8);
        all[i] =
            Candidate.builder(TYPES[r.nextInt(r.nextBoolean() ? 2 : TYPES.length)], start, end)
                .baseScore(SCORES[r.nextInt(SCORES.length)])
                .build();
        by[i] = r.nextInt(NAMES.length);
      }
      long[] keys = new long[n];
      List<Engine.Owned> owned = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        keys[i] = (long) all[i].start() << 32 | i;
        owned.add(new Engine.Owned(all[i], NAMES[by[i]]));
      }
      Arrays.sort(keys);
      List<Engine.Resolved> expected = Engine.resolve(owned);
      Candidate[] cs = new Candidate[n];
      String[] owners = new String[n];
      int[] starts = new int[n];
      int[] ends = new int[n];
      int count = Engine.resolveGroups(all, by, NAMES, keys, n, cs, owners, starts, ends);

      assertThat(count).as("round %d", round).isEqualTo(expected.size());
      for (int k = 0; k < count; k++) {
        Engine.Resolved e = expected.get(k);
        assertThat(cs[k]).as("round %d winner %d", round, k).isSameAs(e.c);
        assertThat(owners[k]).as("round %d owner %d", round, k).isEqualTo(e.detector);
        assertThat(starts[k]).as("round %d start %d", round, k).isEqualTo(e.start);
        assertThat(ends[k]).as("round %d end %d", round, k).isEqualTo(e.end);
      }
      if (count < n) {
        withOverlaps++;
      }
      for (int k = 0; k < count; k++) {
        if (ends[k] - starts[k] > cs[k].length()) {
          groupsOfMany++; // a widened winner: a group of two or more that merged
          break;
        }
      }
    }
    assertThat(withOverlaps).as("sets where some candidate lost").isGreaterThan(5_000);
    assertThat(groupsOfMany).as("sets with a widened winner").isGreaterThan(2_000);
  }
}
