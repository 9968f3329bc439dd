package io.leakguard.net;

import java.math.BigInteger;
import java.util.List;

/**
 * The address families' public space as DESIGN §4 defines it. Internet is every address outside
 * 0.0.0.0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16 and 224/3 (IPv6: ::, ::1,
 * ::ffff:0:0/96, fc00::/7, fe80::/10, ff00::/8); on Azure 168.63.129.16 is not internet either.
 * Documentation ranges count as internet.
 */
public final class Internet {
  private static final List<String> NOT_INTERNET_V4 =
      List.of(
          "0.0.0.0/8",
          "10.0.0.0/8",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "224.0.0.0/3");
  private static final List<String> NOT_INTERNET_V6 =
      List.of("::/128", "::1/128", "::ffff:0:0/96", "fc00::/7", "fe80::/10", "ff00::/8");

  /** The public space of both families. */
  public static final AddressSet PUBLIC;

  /** The public space on Azure (without 168.63.129.16). */
  public static final AddressSet PUBLIC_AZURE;

  /**
   * Private ranges a "broad private source" is judged on: 10/8, 172.16/12, 192.168/16, 100.64/10,
   * fc00::/7.
   */
  public static final AddressSet PRIVATE =
      AddressSet.unionAll(
          List.of(
              AddressSet.parse("10.0.0.0/8"),
              AddressSet.parse("172.16.0.0/12"),
              AddressSet.parse("192.168.0.0/16"),
              AddressSet.parse("100.64.0.0/10"),
              AddressSet.parse("fc00::/7")));

  /** Azure's platform address behind the {@code AzureLoadBalancer} tag. */
  public static final AddressSet AZURE_PLATFORM = AddressSet.parse("168.63.129.16/32");

  static final BigInteger PUBLIC_V4_SIZE;
  static final BigInteger PUBLIC_V6_SIZE;

  static {
    AddressSet pub = AddressSet.ALL;
    for (String c : NOT_INTERNET_V4) {
      pub = pub.subtract(AddressSet.parse(c));
    }
    for (String c : NOT_INTERNET_V6) {
      pub = pub.subtract(AddressSet.parse(c));
    }
    PUBLIC = pub;
    PUBLIC_AZURE = pub.subtract(AZURE_PLATFORM);
    PUBLIC_V4_SIZE = pub.size(false);
    PUBLIC_V6_SIZE = pub.size(true);
  }

  private Internet() {}

  /** The public space as judged for a provider. */
  public static AddressSet publicFor(Provider p) {
    return p == Provider.AZURE ? PUBLIC_AZURE : PUBLIC;
  }

  /**
   * True when {@code sources} cover at least 99% of the public space of some address family
   * ("everyone except one /24" is internet-wide).
   */
  public static boolean internetWide(AddressSet sources) {
    byte w = sources.wide;
    if (w == 0) {
      w = computeInternetWide(sources) ? (byte) 2 : (byte) 1;
      sources.wide = w;
    }
    return w == 2;
  }

  private static boolean computeInternetWide(AddressSet sources) {
    BigInteger v4 = sources.intersect(PUBLIC).size(false);
    BigInteger v6 = sources.intersect(PUBLIC).size(true);
    return v4.multiply(BigInteger.valueOf(100))
                .compareTo(PUBLIC_V4_SIZE.multiply(BigInteger.valueOf(99)))
            >= 0
        || v6.multiply(BigInteger.valueOf(100))
                .compareTo(PUBLIC_V6_SIZE.multiply(BigInteger.valueOf(99)))
            >= 0;
  }
}
