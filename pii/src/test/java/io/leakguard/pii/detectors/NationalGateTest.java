package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PhoneDetector#nationalGate} may only say "certainly not valid" when libphonenumber's parse
 * in that region gives no valid number: a table of known cases, then every national-path region
 * against example numbers of every region and type (with and without the national prefix, one digit
 * changed) and random digit strings of the national path's shapes.
 */
class NationalGateTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private static List<String> regions() {
    Set<String> r = new LinkedHashSet<>(PhoneDetector.TRUNK_ZERO_REGIONS);
    r.addAll(PhoneDetector.PAREN_AREA_REGIONS);
    return new ArrayList<>(r);
  }

  private static byte[] digitsOf(String s) {
    byte[] d = new byte[s.length()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (s.charAt(i) - '0');
    }
    return d;
  }

  private static boolean gate(String digits, String region) {
    return PhoneDetector.nationalGate(digitsOf(digits), 0, digits.length(), region);
  }

  @ParameterizedTest(name = "{0} in {1}: valid {2}, gate {3}")
  @CsvSource({
    "07700900461, GB, true, true", // Ofcom drama range: accepted though libphonenumber rejects it
    "007700900461, GB, false, true", // international prefix 00: always parsed
    "02079460958, GB, true, true",
    "0123, FR, false, false", // too short for any French number
    "0612345678, FR, true, true",
    "0123000000000, FR, false, false", // its only 9-digit suffix is 0-led: no French number
    "015123456789, DE, true, true",
    "0612345678, JP, true, true", // JP rewrites the digits (transform rule): always parsed
    "0161234567, NZ, false, true", // 0161 is New Zealand's international prefix: always parsed
    "0212345678, IT, true, true", // Italian leading zero
    "5512345678, MX, true, true"
  })
  void knownCases(String digits, String region, boolean valid, boolean gate) {
    assertThat(PhoneDetector.parsesValid(digits, region)).isEqualTo(valid);
    assertThat(gate(digits, region)).isEqualTo(gate);
  }

  /**
   * Example numbers of every region and type, as written nationally (changed by one digit for the
   * national-path regions), each in its own region when that is a national-path one and in five
   * national-path regions drawn at random (the whole cross product, 900k parses, is {@code
   * docs/pii-perf-round9/NationalGateCheck.java}).
   */
  @Test
  void neverClosedOnAValidNumber() {
    List<String> regions = regions();
    Set<String> national = new LinkedHashSet<>(regions);
    SplittableRandom rnd = new SplittableRandom(6);
    int checked = 0;
    int closed = 0;
    int valid = 0;
    for (String from : UTIL.getSupportedRegions()) {
      for (PhoneNumberType t : PhoneNumberType.values()) {
        PhoneNumber pn = UTIL.getExampleNumberForType(from, t);
        if (pn == null) {
          continue;
        }
        String nsn = UTIL.getNationalSignificantNumber(pn);
        List<String> inputs = new ArrayList<>();
        for (String d : List.of(nsn, "0" + nsn, "0" + pn.getCountryCode() + nsn)) {
          if (d.length() >= 2 && d.length() <= 17) {
            inputs.add(d);
            for (int i = 0; national.contains(from) && i < d.length(); i++) {
              char other = (char) ('0' + (d.charAt(i) - '0' + 1) % 10);
              inputs.add(d.substring(0, i) + other + d.substring(i + 1));
            }
          }
        }
        for (String d : inputs) {
          List<String> in = new ArrayList<>();
          if (national.contains(from)) {
            in.add(from);
          }
          for (int k = 0; k < 5; k++) {
            in.add(regions.get(rnd.nextInt(regions.size())));
          }
          for (String r : in) {
            boolean v = PhoneDetector.parsesValid(d, r);
            boolean g = gate(d, r);
            assertThat(g || !v).as("%s in %s is valid but the gate is closed", d, r).isTrue();
            checked++;
            closed += g ? 0 : 1;
            valid += v ? 1 : 0;
          }
        }
      }
    }
    assertThat(valid).as("valid inputs among %d", checked).isGreaterThan(1000);
    assertThat(closed).as("inputs the gate closes, of %d", checked).isGreaterThan(checked / 3);
  }

  /** Random digits of the national path's shapes ({@code trunkZero}, {@code parenArea}). */
  @Test
  void randomDigits() {
    SplittableRandom rnd = new SplittableRandom(9);
    int valid = 0;
    for (String r : regions()) {
      for (int n = 0; n < 1000; n++) {
        int len = 9 + rnd.nextInt(4);
        StringBuilder sb = new StringBuilder(len);
        boolean paren = n % 3 == 0;
        sb.append(paren ? (char) ('1' + rnd.nextInt(9)) : '0');
        sb.append((char) ('1' + rnd.nextInt(9)));
        while (sb.length() < len) {
          sb.append((char) ('0' + rnd.nextInt(10)));
        }
        String d = sb.toString();
        boolean v = PhoneDetector.parsesValid(d, r);
        assertThat(gate(d, r) || !v).as("%s in %s is valid but the gate is closed", d, r).isTrue();
        valid += v ? 1 : 0;
      }
    }
    assertThat(valid).isGreaterThan(500);
  }
}
