package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PhoneValidity} must answer exactly as {@code PhoneNumberUtil.isValidNumber}: a table of
 * known numbers, then a differential run over every calling code (example numbers of every region
 * and type, their one-digit mutations, random numbers of every length, the whole NANP area-code
 * range).
 */
class PhoneValidityTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  @ParameterizedTest(name = "+{0} {1} -> {2}")
  @CsvSource({
    "1, 4255550143, true", // libphonenumber accepts the 555-01xx fiction range
    "1, 5555550143, false", // no such area code
    "1, 2024561111, true", // US fixed line
    "1, 4165550199, true", // CA: the US patterns fail first
    "1, 4169671111, true", // CA (Toronto), found after the US patterns failed
    "1, 2684601234, true", // AG, chosen by its leading digits 268
    "1, 8005550100, true", // toll free
    "44, 2079460958, true", // GB London
    "44, 7400123456, true", // GB mobile
    "44, 1624756789, true", // IM: +44 shared by GB, GG, IM, JE
    "44, 1624456789, false", // IM by its leading digits, but no IM type matches
    "44, 207946095, false", // one digit short
    "49, 30123456, true",
    "33, 612345678, true",
    "7, 9123456789, true", // RU mobile
    "7, 7012345678, true", // KZ
    "800, 12345678, true", // non-geographic (international freephone)
    "999, 12345678, false", // not a calling code
    "0, 12345678, false"
  })
  void knownNumbers(int cc, long national, boolean valid) {
    assertThat(PhoneValidity.compute(cc, national)).isEqualTo(valid);
    assertThat(PhoneValidity.isValid(cc, national)).isEqualTo(valid);
    assertThat(PhoneValidity.isValid(cc, national)).as("memo hit").isEqualTo(valid);
    assertThat(UTIL.isValidNumber(number(cc, national))).isEqualTo(valid);
  }

  @Test
  void knownCallingCodesAreThoseWithARegion() {
    for (int cc = 0; cc < 1000; cc++) {
      assertThat(PhoneValidity.knownCallingCode(cc))
          .as("cc %d", cc)
          .isEqualTo(!"ZZ".equals(UTIL.getRegionCodeForCountryCode(cc)));
    }
  }

  @Test
  void agreesWithLibphonenumberOnEveryCallingCode() {
    List<long[]> numbers = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int cc : UTIL.getSupportedCallingCodes()) {
      for (String region : UTIL.getRegionCodesForCountryCode(cc)) {
        for (PhoneNumberType type : PhoneNumberType.values()) {
          PhoneNumber ex =
              "001".equals(region)
                  ? UTIL.getExampleNumberForNonGeoEntity(cc)
                  : UTIL.getExampleNumberForType(region, type);
          if (ex == null || ex.isItalianLeadingZero()) {
            continue;
          }
          long nn = ex.getNationalNumber();
          numbers.add(new long[] {cc, nn});
          // one-digit mutations: every position, a random other digit
          String s = Long.toString(nn);
          for (int i = 0; i < s.length(); i++) {
            char c = (char) ('0' + rnd.nextInt(10));
            String m = s.substring(0, i) + c + s.substring(i + 1);
            if (m.charAt(0) != '0') {
              numbers.add(new long[] {cc, Long.parseLong(m)});
            }
          }
          numbers.add(new long[] {cc, nn * 10 + rnd.nextInt(10)});
          numbers.add(new long[] {cc, nn / 10});
        }
      }
      for (int len = 2; len <= 15; len++) {
        for (int k = 0; k < 20; k++) {
          long v = 1 + rnd.nextInt(9);
          for (int i = 1; i < len; i++) {
            v = v * 10 + rnd.nextInt(10);
          }
          numbers.add(new long[] {cc, v});
        }
      }
    }
    for (int npa = 200; npa <= 999; npa++) {
      for (int k = 0; k < 4; k++) {
        numbers.add(new long[] {1, npa * 10_000_000L + 2_000_000L + rnd.nextInt(8_000_000)});
      }
    }
    int valid = 0;
    for (long[] n : numbers) {
      int cc = (int) n[0];
      boolean expected = UTIL.isValidNumber(number(cc, n[1]));
      assertThat(PhoneValidity.compute(cc, n[1])).as("+%d %d", cc, n[1]).isEqualTo(expected);
      assertThat(PhoneValidity.isValid(cc, n[1])).as("+%d %d", cc, n[1]).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    // the comparison must cover both answers in bulk
    assertThat(numbers).hasSizeGreaterThan(50_000);
    assertThat(valid).isGreaterThan(5_000);
    assertThat(numbers.size() - valid).isGreaterThan(20_000);
  }

  private static PhoneNumber number(int cc, long national) {
    return new PhoneNumber().setCountryCode(cc).setNationalNumber(national);
  }
}
