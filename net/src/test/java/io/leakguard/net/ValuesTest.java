package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Address and port sets: parsing, set algebra, CIDR printing and the internet definition. */
class ValuesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.5/24              | [10.0.0.0/24]",
        "10.0.0.1-10.0.0.6        | [10.0.0.1/32, 10.0.0.2/31, 10.0.0.4/31, 10.0.0.6/32]",
        "0.0.0.0/0                | [0.0.0.0/0]",
        "::/0                     | [::/0]",
        "2001:db8::1/64           | [2001:db8::/64]",
        "192.0.2.10               | [192.0.2.10/32]",
      })
  void parsesAndPrintsCidrs(String text, String cidrs) {
    assertThat(AddressSet.parse(text).toCidrs().toString()).isEqualTo(cidrs);
  }

  @ParameterizedTest(name = "{0} - {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.0.0.0/0      | 0.0.0.0/1     | [128.0.0.0/1]",
        "10.0.0.0/24    | 10.0.0.128/25 | [10.0.0.0/25]",
        "10.0.0.0/24    | 10.0.0.5      | [10.0.0.0/30, 10.0.0.4/32, 10.0.0.6/31, 10.0.0.8/29, 10.0.0.16/28, 10.0.0.32/27, 10.0.0.64/26, 10.0.0.128/25]",
        "10.0.0.0/24    | 11.0.0.0/8    | [10.0.0.0/24]",
      })
  void subtracts(String a, String b, String cidrs) {
    assertThat(AddressSet.parse(a).subtract(AddressSet.parse(b)).toCidrs().toString())
        .isEqualTo(cidrs);
  }

  @ParameterizedTest(name = "{0} internet-wide={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.0.0.0/0          | true",
        "0.0.0.0/1          | false",
        "::/0               | true",
        "203.0.113.0/24     | false",
        "10.0.0.0/8         | false",
      })
  void internetWide(String a, boolean wide) {
    assertThat(Internet.internetWide(AddressSet.parse(a))).isEqualTo(wide);
  }

  @ParameterizedTest(name = "{0} public={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "8.8.8.8         | true",
        "198.51.100.7    | true",
        "10.1.2.3        | false",
        "100.64.0.1      | false",
        "169.254.1.1     | false",
        "224.0.0.1       | false",
        "255.255.255.255 | false",
        "2001:db8::1     | true",
        "fd00::1         | false",
        "::ffff:8.8.8.8  | false",
      })
  void internetDefinition(String ip, boolean pub) {
    assertThat(Internet.PUBLIC.containsAddress(ip)).isEqualTo(pub);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"168.63.129.16"})
  void azurePlatformAddressIsNotInternetOnAzure(String ip) {
    assertThat(Internet.PUBLIC.containsAddress(ip)).isTrue();
    assertThat(Internet.PUBLIC_AZURE.containsAddress(ip)).isFalse();
  }

  @ParameterizedTest(name = "{0} u {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "22      | 23       | [22-23]",
        "*       | 80       | [0-65535]",
        "80-90   | 85-100   | [80-100]",
        "5985-5986 | 22     | [22, 5985-5986]",
      })
  void portUnion(String a, String b, String out) {
    assertThat(PortSet.parse(a).union(PortSet.parse(b)).toStrings().toString()).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0} - {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*       | 22       | [0-21, 23-65535]",
        "80-90   | 85       | [80-84, 86-90]",
        "22      | *        | []",
      })
  void portSubtract(String a, String b, String out) {
    assertThat(PortSet.parse(a).subtract(PortSet.parse(b)).toStrings().toString()).isEqualTo(out);
  }

  /**
   * Texts that are not addresses (service tags, words) stay "not an address" when asked again (they
   * are cached too), and the cache never hands out its marker for them.
   */
  @ParameterizedTest
  @CsvSource({
    "Storage",
    "Sql.WestEurope",
    "not-an-ip",
    "10.0.0.0/33",
    "'10.0.0.1 - x'",
    "''",
  })
  void notAnAddressIsNullEveryTime(String text) {
    for (int i = 0; i < 3; i++) {
      assertThat(AddressSet.tryParse(text)).as(text + " #" + i).isNull();
    }
    // an address parsed after the same number of lookups is still itself
    assertThat(AddressSet.tryParse("198.51.100.7").toCidrs().toString())
        .isEqualTo("[198.51.100.7/32]");
  }
}
