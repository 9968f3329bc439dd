package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NameSet} lookups: a table of regions against a fixed set whose keys fall in each of its
 * storage paths (short ASCII keys of up to 8 chars in the one-long table, 9-char packed keys,
 * longer and non-ASCII keys, a short key whose value does not fit in 8 bits), and random regions
 * against a {@link HashMap} of the folded keys ({@link NameSet#foldChar} applied the same way);
 * each also through a memo ({@link NameSet#get(char[], int, int, long[])}).
 */
class NameSetTest {
  static final Map<String, Integer> SET = new LinkedHashMap<>();

  static {
    SET.put("maria", 1);
    SET.put("kimberly", 2);
    SET.put("christina", 4);
    SET.put("maximiliano", 8);
    SET.put("jose", 16);
    SET.put("thank you", 32);
    SET.put("good day", 64);
    SET.put("big", 300);
    SET.put("straße", 3);
    SET.put("o'brien", 5);
  }

  private static final NameSet NAMES = new NameSet(SET);

  static Stream<Arguments> cases() {
    return CaseTable.load(NameSetTest.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void looksUpARegion(String name, String region, String expected) {
    // the region inside a longer buffer: lookups read [start, end) only
    char[] buf = ("x#" + region + "#y").toCharArray();
    assertThat(NAMES.get(buf, 2, 2 + region.length())).isEqualTo(Integer.parseInt(expected));
    assertThat(NAMES.get(region, 0, region.length())).isEqualTo(Integer.parseInt(expected));
    if (!region.isEmpty()) {
      // through a memo: the first lookup fills it, the second answers from it
      long[] memo = NAMES.newMemo();
      for (int i = 0; i < 2; i++) {
        assertThat(NAMES.get(buf, 2, 2 + region.length(), memo))
            .isEqualTo(Integer.parseInt(expected));
      }
    }
  }

  @Test
  void emptyRegionIsNoMember() {
    assertThat(NAMES.get("maria".toCharArray(), 2, 2)).isZero();
  }

  /** The folded form of a region, as NameSet folds it (whitespace runs to one space). */
  private static String fold(CharSequence s) {
    StringBuilder sb = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      int c = NameSet.foldChar(s.charAt(i));
      if (c < 0 || (c == ' ' && space)) {
        continue;
      }
      space = c == ' ';
      sb.append((char) c);
    }
    return sb.toString();
  }

  @Test
  void randomRegionsAgreeWithAMapOfFoldedKeys() {
    Random r = new Random(20261130L);
    String[] stems = {
      "an", "ana", "jo", "li", "mar", "ia", "kim", "ber", "ly", "chris", "tina", "max", "imi",
      "liano", "ß", "é", "\u0301", "’", "'", " ", "  ", "\t", "\n", "-", "x", "ı", "K", "\u0000",
      "\u00ff"
    };
    // keys of every length from 1 to 14, ASCII and not, with and without spaces; some values > 255
    Map<String, Integer> keys = new LinkedHashMap<>();
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + r.nextInt(5);
      for (int p = 0; p < parts; p++) {
        sb.append(stems[r.nextInt(stems.length)]);
      }
      String k = sb.toString();
      pool.add(k);
      if (!fold(k.strip()).isEmpty() && r.nextInt(3) > 0) {
        keys.put(k, r.nextInt(10) == 0 ? 256 + r.nextInt(1_000) : 1 + r.nextInt(255));
      }
    }
    NameSet set = new NameSet(keys);
    Map<String, Integer> oracle = new HashMap<>();
    for (Map.Entry<String, Integer> e : keys.entrySet()) {
      oracle.merge(fold(e.getKey().strip()), e.getValue(), (a, b) -> a | b);
    }
    int members = 0;
    long[] memo = set.newMemo(); // shared by all lookups: it fills, hits and evicts
    for (int i = 0; i < 100_000; i++) {
      String region = pool.get(r.nextInt(pool.size()));
      int c = r.nextInt(4);
      if (c == 0) {
        region = region.toUpperCase(Locale.ROOT);
      } else if (c == 1) {
        region = region + stems[r.nextInt(stems.length)];
      }
      int want = oracle.getOrDefault(fold(region), 0);
      char[] buf = ("ab" + region + "c").toCharArray();
      assertThat(set.get(buf, 2, 2 + region.length())).as("%s", region).isEqualTo(want);
      if (!region.isEmpty()) {
        assertThat(set.get(buf, 2, 2 + region.length(), memo)).as("%s", region).isEqualTo(want);
      }
      members += want != 0 ? 1 : 0;
    }
    assertThat(members).as("the generator does hit members").isGreaterThan(10_000);
  }
}
