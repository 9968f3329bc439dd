package io.leakguard.testkit;

import static io.leakguard.pii.EntityType.CREDIT_CARD;
import static io.leakguard.pii.EntityType.EMAIL_ADDRESS;
import static io.leakguard.pii.EntityType.IBAN_CODE;
import static io.leakguard.pii.EntityType.IP_ADDRESS;
import static io.leakguard.pii.EntityType.MAC_ADDRESS;
import static io.leakguard.pii.EntityType.PERSON;
import static io.leakguard.pii.EntityType.PHONE_NUMBER;
import static io.leakguard.pii.EntityType.US_SSN;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.leakguard.pii.EntityType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Valid PII values and their written forms. Values are valid by the rules of their kind (Luhn and
 * issuer ranges for cards, SSA rules for SSNs, mod-97 and country lengths for IBANs, libphonenumber
 * validity for phones); forms are written by hand, not by looking at any detector.
 */
final class Entities {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  /** The forms each entity type is generated in; the first is {@link Form#STANDARD}. */
  static final Map<EntityType, List<Form>> FORMS = new EnumMap<>(EntityType.class);

  static {
    FORMS.put(
        EMAIL_ADDRESS,
        List.of(
            Form.STANDARD,
            Form.SPACE_FOR_DOT,
            Form.SPACED,
            Form.WORDS,
            Form.BRACKETED,
            Form.COMMA,
            Form.SPACED_OUT,
            Form.FULLWIDTH,
            Form.INVISIBLE,
            Form.HTML_ENTITY,
            Form.PERCENT,
            Form.MAILTO,
            Form.LINE_BREAK,
            Form.UPPERCASE));
    FORMS.put(
        IP_ADDRESS,
        List.of(
            Form.STANDARD,
            Form.IPV6,
            Form.BRACKETED,
            Form.PARENTHESIZED,
            Form.WORDS,
            Form.SPACED,
            Form.COMMA,
            Form.HOSTNAME));
    FORMS.put(
        PHONE_NUMBER,
        List.of(
            Form.STANDARD,
            Form.DOTS,
            Form.DASHES,
            Form.PARENTHESES,
            Form.COMPACT,
            Form.IRREGULAR_GROUPING,
            Form.SPACED_DIGITS,
            Form.FULLWIDTH,
            Form.DIGIT_WORDS,
            Form.LINE_BREAK));
    FORMS.put(
        CREDIT_CARD,
        List.of(
            Form.STANDARD,
            Form.DASHES,
            Form.DOTS,
            Form.IRREGULAR_GROUPING,
            Form.SPACED_DIGITS,
            Form.FULLWIDTH,
            Form.DIGIT_WORDS,
            Form.LINE_BREAK,
            Form.WITH_EXPIRY));
    FORMS.put(
        US_SSN,
        List.of(
            Form.STANDARD,
            Form.SPACES,
            Form.DOTS,
            Form.COMPACT,
            Form.SPACED_DIGITS,
            Form.FULLWIDTH,
            Form.DIGIT_WORDS,
            Form.LINE_BREAK));
    FORMS.put(
        IBAN_CODE,
        List.of(
            Form.STANDARD,
            Form.LOWERCASE,
            Form.DASHES,
            Form.IRREGULAR_GROUPING,
            Form.SPACED_OUT,
            Form.FULLWIDTH,
            Form.LINE_BREAK));
    FORMS.put(MAC_ADDRESS, List.of(Form.STANDARD, Form.CISCO_DOTS, Form.COMPACT));
    FORMS.put(
        PERSON,
        List.of(
            Form.STANDARD, Form.LAST_FIRST, Form.UPPERCASE, Form.LOWERCASE, Form.MIDDLE_INITIAL));
    FORMS.put(EntityType.SECRET, Secrets.KINDS);
  }

  private static final String[] DIGIT_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };

  private static final String[] INVISIBLES = {
    "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"
  };

  private final SplittableRandom r;

  Entities(SplittableRandom r) {
    this.r = r;
  }

  /**
   * Picks a form: standard (or, for IPs, sometimes IPv6) with probability {@code pStandard}, else
   * uniformly one of the non-standard forms of the type.
   */
  Form pickForm(EntityType type, double pStandard) {
    List<Form> forms = FORMS.get(type);
    if (type == EntityType.SECRET) {
      return forms.get(r.nextInt(forms.size()));
    }
    if (r.nextDouble() < pStandard) {
      return type == IP_ADDRESS && r.nextInt(5) == 0 ? Form.IPV6 : Form.STANDARD;
    }
    List<Form> odd = new ArrayList<>();
    for (Form f : forms) {
      if (!f.standard()) {
        odd.add(f);
      }
    }
    return odd.get(r.nextInt(odd.size()));
  }

  // ------------------------------------------------------------------ persons and emails

  /** A person with a mail address. */
  record Person(String first, String last, String local, String domain) {
    String full() {
      return first + " " + last;
    }
  }

  Person person(boolean freemail) {
    String first = Vocab.pick(r, Vocab.FIRST);
    String last = Vocab.pick(r, Vocab.LAST);
    String f = Vocab.slug(first);
    String l = Vocab.slug(last);
    String local;
    switch (r.nextInt(9)) {
      case 0:
        local = f + "." + l;
        break;
      case 1:
        local = f.charAt(0) + l;
        break;
      case 2:
        local = f + "_" + l;
        break;
      case 3:
        local = f + (70 + r.nextInt(30));
        break;
      case 4:
        local = f + "." + l + (1 + r.nextInt(99));
        break;
      case 5:
        local = f + l.charAt(0);
        break;
      case 6:
        local = l + "." + f;
        break;
      case 7:
        local = f.charAt(0) + "." + l;
        break;
      default:
        local = f + "-" + l;
        break;
    }
    if (r.nextInt(12) == 0) {
      local = Character.toUpperCase(local.charAt(0)) + local.substring(1);
    }
    String domain = freemail ? Vocab.pick(r, Vocab.FREEMAIL) : Vocab.pick(r, Vocab.COMPANIES)[1];
    return new Person(first, last, local, domain);
  }

  void personName(CaseWriter w, Person p, Form form) {
    String v;
    switch (form) {
      case LAST_FIRST:
        v = p.last + ", " + p.first;
        break;
      case UPPERCASE:
        v = p.full().toUpperCase(Locale.ROOT);
        break;
      case LOWERCASE:
        v = p.full().toLowerCase(Locale.ROOT);
        break;
      case MIDDLE_INITIAL:
        v = p.first + " " + Vocab.pick(r, Vocab.MIDDLE_INITIALS) + " " + p.last;
        break;
      case FIRST_NAME:
        v = p.first;
        break;
      default:
        v = p.full();
        break;
    }
    w.entity(PERSON, form, v);
  }

  void email(CaseWriter w, String local, String domain, Form form) {
    String addr = local + "@" + domain;
    switch (form) {
      case SPACE_FOR_DOT:
        {
          String d = domain.replace('.', ' ');
          String[] v = {local + " @" + d, local + " @ " + d, local + "@ " + d, local + "@" + d};
          w.entity(EMAIL_ADDRESS, form, v[r.nextInt(v.length)]);
          return;
        }
      case SPACED:
        {
          String l = r.nextBoolean() ? local.replace(".", " . ") : local;
          w.entity(EMAIL_ADDRESS, form, l + " @ " + domain.replace(".", " . "));
          return;
        }
      case WORDS:
        {
          String[][] words = {{"at", "dot"}, {"AT", "DOT"}, {"At", "Dot"}, {"at", "DOT"}};
          String[] ws = words[r.nextInt(words.length)];
          String l = r.nextBoolean() ? local.replace(".", " " + ws[1] + " ") : local;
          w.entity(
              EMAIL_ADDRESS, form, l + " " + ws[0] + " " + domain.replace(".", " " + ws[1] + " "));
          return;
        }
      case BRACKETED:
        {
          String[][] br = {
            {"[at]", "[dot]"}, {"(at)", "(dot)"}, {"{at}", "{dot}"}, {"<at>", "<dot>"},
            {"[AT]", "[DOT]"}, {"(AT)", "(DOT)"}, {"[at]", "[.]"}, {"<AT>", "<dot>"}
          };
          String[] b = br[r.nextInt(br.length)];
          String sp = r.nextInt(3) == 0 ? " " : "";
          w.entity(
              EMAIL_ADDRESS, form, local + sp + b[0] + sp + domain.replace(".", sp + b[1] + sp));
          return;
        }
      case COMMA:
        w.entity(EMAIL_ADDRESS, form, local + "@" + domain.replace('.', ','));
        return;
      case SPACED_OUT:
        w.entity(EMAIL_ADDRESS, form, spacedOut(addr));
        return;
      case FULLWIDTH:
        {
          String v;
          switch (r.nextInt(3)) {
            case 0:
              v = local + "＠" + domain;
              break;
            case 1:
              v = local + "＠" + domain.replace(".", "．");
              break;
            default:
              v = fullwidth(addr);
              break;
          }
          w.entity(EMAIL_ADDRESS, form, v);
          return;
        }
      case INVISIBLE:
        w.entity(EMAIL_ADDRESS, form, invisible(addr));
        return;
      case HTML_ENTITY:
        {
          String[] at = {"&#64;", "&#x40;", "&commat;", "&#064;"};
          String d =
              r.nextInt(3) == 0
                  ? domain.replace(".", r.nextBoolean() ? "&#46;" : "&period;")
                  : domain;
          w.entity(EMAIL_ADDRESS, form, local + at[r.nextInt(at.length)] + d);
          return;
        }
      case PERCENT:
        {
          String v = local + (r.nextInt(4) == 0 ? "%40" : "%40") + domain;
          if (r.nextBoolean()) {
            String host = Vocab.pick(r, Vocab.COMPANIES)[1];
            String[] pre = {
              "https://portal." + host + "/invite?email=",
              "https://login." + host + "/reset?user=",
              "https://" + host + "/unsubscribe?e=",
              "https://app." + host + "/api/v2/users/"
            };
            int k = r.nextInt(pre.length);
            w.entity(EMAIL_ADDRESS, form, pre[k], v, k == 3 ? "/profile" : "&lang=en-US");
          } else {
            w.entity(EMAIL_ADDRESS, form, v);
          }
          return;
        }
      case MAILTO:
        switch (r.nextInt(5)) {
          case 0:
            w.entity(EMAIL_ADDRESS, form, "mailto:", addr, "");
            return;
          case 1:
            w.entity(EMAIL_ADDRESS, Form.STANDARD, addr);
            w.entity(EMAIL_ADDRESS, form, "<mailto:", addr, ">");
            return;
          case 2:
            w.text("[");
            w.entity(EMAIL_ADDRESS, Form.STANDARD, addr);
            w.entity(EMAIL_ADDRESS, form, "](mailto:", addr, ")");
            return;
          case 3:
            w.entity(EMAIL_ADDRESS, form, "<a href=\"mailto:", addr, "\">");
            w.entity(EMAIL_ADDRESS, Form.STANDARD, addr);
            w.text("</a>");
            return;
          default:
            w.entity(EMAIL_ADDRESS, form, "<mailto:", addr, ">");
            return;
        }
      case LINE_BREAK:
        {
          int at = local.length();
          int cut;
          switch (r.nextInt(3)) {
            case 0:
              cut = at + 1;
              break;
            case 1:
              cut = at + 1 + domain.indexOf('.');
              break;
            default:
              cut = 1 + r.nextInt(Math.max(1, addr.length() - 2));
              break;
          }
          w.entity(EMAIL_ADDRESS, form, addr.substring(0, cut) + "\n" + addr.substring(cut));
          return;
        }
      case UPPERCASE:
        w.entity(EMAIL_ADDRESS, form, addr.toUpperCase(Locale.ROOT));
        return;
      default:
        w.entity(EMAIL_ADDRESS, Form.STANDARD, addr);
    }
  }

  // ------------------------------------------------------------------ IP and MAC

  private int[] ipv4(boolean privateOnly) {
    int kind = privateOnly ? r.nextInt(3) : r.nextInt(6);
    switch (kind) {
      case 0:
        return new int[] {10, r.nextInt(256), r.nextInt(256), 1 + r.nextInt(254)};
      case 1:
        return new int[] {172, 16 + r.nextInt(16), r.nextInt(256), 1 + r.nextInt(254)};
      case 2:
        return new int[] {192, 168, r.nextInt(256), 1 + r.nextInt(254)};
      case 3:
        {
          int[][] doc = {{192, 0, 2}, {198, 51, 100}, {203, 0, 113}};
          int[] d = doc[r.nextInt(3)];
          return new int[] {d[0], d[1], d[2], 1 + r.nextInt(254)};
        }
      default:
        {
          int a;
          do {
            a = 1 + r.nextInt(222);
          } while (a == 10 || a == 127 || a == 172 || a == 192 || a == 100 || a == 169);
          return new int[] {a, r.nextInt(256), r.nextInt(256), 1 + r.nextInt(254)};
        }
    }
  }

  String ipv6() {
    switch (r.nextInt(4)) {
      case 0:
        return "fe80::" + hex4() + ":" + hex4() + ":" + hex4() + ":" + hex4();
      case 1:
        return "2001:db8:" + hex4() + "::" + hex4();
      case 2:
        return "2603:10b6:" + hex4() + ":" + hex4() + "::" + hex4();
      default:
        return "2a01:" + hex4() + ":" + hex4() + ":" + hex4() + ":" + hex4() + ":" + hex4() + ":"
            + hex4() + ":" + hex4();
    }
  }

  private String hex4() {
    return Integer.toHexString(1 + r.nextInt(0xfffe));
  }

  /** A standard IPv4 address (logs). */
  void ipStandard(CaseWriter w) {
    w.entity(IP_ADDRESS, Form.STANDARD, dotted(ipv4(false), "."));
  }

  void ip(CaseWriter w, Form form) {
    int[] o = ipv4(form == Form.HOSTNAME && r.nextInt(3) > 0);
    switch (form) {
      case IPV6:
        w.entity(IP_ADDRESS, form, ipv6());
        return;
      case BRACKETED:
        w.entity(IP_ADDRESS, form, dotted(o, r.nextInt(4) == 0 ? "[dot]" : "[.]"));
        return;
      case PARENTHESIZED:
        w.entity(IP_ADDRESS, form, dotted(o, "(.)"));
        return;
      case WORDS:
        {
          String[] d = {" dot ", " DOT ", " Dot "};
          w.entity(IP_ADDRESS, form, dotted(o, d[r.nextInt(3)]));
          return;
        }
      case SPACED:
        w.entity(IP_ADDRESS, form, dotted(o, r.nextBoolean() ? " . " : ". "));
        return;
      case COMMA:
        w.entity(IP_ADDRESS, form, dotted(o, ","));
        return;
      case HOSTNAME:
        {
          boolean priv = o[0] == 10 || o[0] == 172 || o[0] == 192;
          if (priv || r.nextBoolean()) {
            String[] suf = {
              ".ec2.internal", ".eu-west-1.compute.internal", "", ".us-west-2.compute.internal"
            };
            w.entity(IP_ADDRESS, form, "ip-" + dotted(o, "-"));
            w.text(suf[r.nextInt(suf.length)]);
          } else {
            w.entity(IP_ADDRESS, form, "ec2-" + dotted(o, "-"));
            w.text(
                r.nextBoolean()
                    ? ".compute-1.amazonaws.com"
                    : ".eu-central-1.compute.amazonaws.com");
          }
          return;
        }
      default:
        w.entity(IP_ADDRESS, Form.STANDARD, dotted(o, "."));
    }
  }

  private static String dotted(int[] o, String sep) {
    return o[0] + sep + o[1] + sep + o[2] + sep + o[3];
  }

  private static final String[] OUIS = {
    "00:15:5d", "00:50:56", "00:0c:29", "3c:22:fb", "f4:5c:89", "a4:83:e7", "00:1a:2b",
    "b8:27:eb", "dc:a6:32", "00:25:90", "ac:de:48", "f0:18:98", "28:cf:e9", "8c:85:90"
  };

  void mac(CaseWriter w, Form form) {
    String oui = OUIS[r.nextInt(OUIS.length)].replace(":", "");
    StringBuilder hex = new StringBuilder(oui);
    for (int i = 0; i < 6; i++) {
      hex.append(Character.forDigit(r.nextInt(16), 16));
    }
    String h = r.nextBoolean() ? hex.toString().toUpperCase(Locale.ROOT) : hex.toString();
    switch (form) {
      case CISCO_DOTS:
        {
          String l = h.toLowerCase(Locale.ROOT);
          w.entity(
              MAC_ADDRESS,
              form,
              l.substring(0, 4) + "." + l.substring(4, 8) + "." + l.substring(8));
          return;
        }
      case COMPACT:
        w.entity(MAC_ADDRESS, form, h);
        return;
      default:
        {
          String sep = r.nextBoolean() ? ":" : "-";
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
              sb.append(sep);
            }
            sb.append(h, i, i + 2);
          }
          w.entity(MAC_ADDRESS, Form.STANDARD, sb.toString());
        }
    }
  }

  // ------------------------------------------------------------------ phone

  private static final String[] REGIONS = {
    "US", "US", "US", "US", "US", "US", "US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "NL",
    "ES", "IT", "MX", "PL", "CA", "IE", "SE", "CH", "ZA", "SG", "CN", "NG", "TR", "KR", "AE"
  };

  private static final int[] US_AREAS = {
    206, 212, 213, 312, 305, 404, 415, 425, 469, 503, 512, 617, 646, 702, 713, 718, 720, 773, 801,
    805, 858, 917, 919, 929, 972, 978, 248, 267, 303, 347
  };

  /** A valid number in its printed forms. */
  private record Phone(
      int countryCode, String[] groups, String intl, String national, String e164) {}

  /** Pool size per region: libphonenumber validation and formatting are slow, so pool them. */
  private static final int POOL = 64;

  private static final Map<String, List<Phone>> POOLS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Valid numbers of a region: libphonenumber's example mobile and fixed-line numbers with their
   * trailing digits randomized (deterministic: the pool's seed is the region), kept when valid.
   */
  private static List<Phone> pool(String region) {
    return POOLS.computeIfAbsent(
        region,
        k -> {
          SplittableRandom pr = new SplittableRandom(region.hashCode());
          List<Phone> out = new ArrayList<>(POOL);
          PhoneNumber[] examples = {
            PHONES.getExampleNumberForType(region, PhoneNumberType.MOBILE),
            PHONES.getExampleNumberForType(region, PhoneNumberType.FIXED_LINE)
          };
          for (int attempt = 0; out.size() < POOL && attempt < POOL * 20; attempt++) {
            PhoneNumber ex = examples[attempt % 2] != null ? examples[attempt % 2] : examples[0];
            String nsn = PHONES.getNationalSignificantNumber(ex);
            int keep = Math.max(2, nsn.length() - 7);
            StringBuilder sb = new StringBuilder(nsn.substring(0, keep));
            for (int i = keep; i < nsn.length(); i++) {
              sb.append((char) ('0' + pr.nextInt(10)));
            }
            PhoneNumber n =
                new PhoneNumber()
                    .setCountryCode(ex.getCountryCode())
                    .setNationalNumber(Long.parseLong(sb.toString()));
            if (ex.hasItalianLeadingZero()) {
              n.setItalianLeadingZero(true);
            }
            if (PHONES.isValidNumber(n)) {
              out.add(printed(n));
            }
          }
          return List.copyOf(out);
        });
  }

  private static Phone printed(PhoneNumber n) {
    String intl = PHONES.format(n, PhoneNumberFormat.INTERNATIONAL);
    String cc = "+" + n.getCountryCode();
    String[] groups = intl.substring(cc.length()).trim().split("[ -]");
    return new Phone(
        n.getCountryCode(),
        groups,
        intl,
        PHONES.format(n, PhoneNumberFormat.NATIONAL),
        PHONES.format(n, PhoneNumberFormat.E164));
  }

  /** A NANP number (US or Canada) built and printed by hand: area code, exchange, line. */
  private Phone nanp(String region) {
    int area =
        region.equals("US") ? US_AREAS[r.nextInt(US_AREAS.length)] : (r.nextBoolean() ? 416 : 604);
    int exch;
    do {
      exch = 200 + r.nextInt(800);
    } while (exch % 100 == 11
        || exch == 555
        || exch == 950
        || exch == 958
        || exch == 959
        || exch == 976);
    String a = Integer.toString(area);
    String e = Integer.toString(exch);
    String l = String.format(Locale.ROOT, "%04d", r.nextInt(10000));
    return new Phone(
        1,
        new String[] {a, e, l},
        "+1 " + a + "-" + e + "-" + l,
        "(" + a + ") " + e + "-" + l,
        "+1" + a + e + l);
  }

  void phone(CaseWriter w, Form form) {
    String region = REGIONS[r.nextInt(REGIONS.length)];
    boolean nanp = region.equals("US") || region.equals("CA");
    Phone n;
    if (nanp) {
      n = nanp(region);
    } else {
      List<Phone> pool = pool(region);
      n = pool.get(r.nextInt(pool.size()));
    }
    String intl = n.intl();
    String cc = "+" + n.countryCode();
    String[] groups = n.groups();
    String standard;
    if (nanp) {
      int k = r.nextInt(4);
      standard =
          k == 0
              ? n.national()
              : k == 1
                  ? String.join("-", groups)
                  : k == 2 ? intl : "+1 " + String.join(" ", groups);
    } else {
      standard = r.nextInt(5) == 0 ? n.e164() : intl;
    }
    String prefix = nanp ? (r.nextInt(3) == 0 ? "+1 " : "") : cc + " ";
    String digits = String.join("", groups);
    String v;
    switch (form) {
      case DOTS:
        v = (nanp ? (prefix.isEmpty() ? "" : "+1.") : cc + ".") + String.join(".", groups);
        break;
      case DASHES:
        v = nanp ? "1-" + String.join("-", groups) : cc + "-" + String.join("-", groups);
        break;
      case PARENTHESES:
        if (nanp) {
          v =
              (r.nextBoolean() ? "+1 " : "1 ")
                  + "("
                  + groups[0]
                  + ") "
                  + groups[1]
                  + " "
                  + groups[2];
        } else if (hasTrunkZero(region)) {
          v = cc + " (0)" + String.join(" ", groups);
        } else {
          v =
              cc
                  + " ("
                  + groups[0]
                  + ") "
                  + String.join(" ", java.util.Arrays.copyOfRange(groups, 1, groups.length));
        }
        break;
      case COMPACT:
        // E.164 (+ and digits) is standard; compact is the bare national digits or a 00 prefix
        v = nanp ? (r.nextBoolean() ? "1" : "") + digits : "00" + n.countryCode() + digits;
        break;
      case IRREGULAR_GROUPING:
        v = prefix + regroup(digits, 2, 4, " ");
        break;
      case SPACED_DIGITS:
        v = (nanp ? prefix : cc + " ") + spacedOut(digits);
        break;
      case FULLWIDTH:
        v = fullwidth(standard);
        break;
      case DIGIT_WORDS:
        {
          String grouped = String.join(" ", groups);
          v =
              !nanp || !prefix.isEmpty()
                  ? "plus "
                      + words(Integer.toString(n.countryCode()))
                      + ", "
                      + wordsGrouped(grouped)
                  : wordsGrouped(grouped);
          break;
        }
      case LINE_BREAK:
        v = breakAtSeparator(standard);
        break;
      default:
        v = standard;
        form = Form.STANDARD;
    }
    w.entity(PHONE_NUMBER, form, v);
  }

  private static boolean hasTrunkZero(String region) {
    switch (region) {
      case "GB":
      case "DE":
      case "FR":
      case "NL":
      case "AU":
      case "IN":
      case "CH":
      case "IE":
      case "SE":
      case "ZA":
      case "TR":
      case "CN":
      case "KR":
      case "NG":
      case "JP":
      case "AE":
        return true;
      default:
        return false;
    }
  }

  // ------------------------------------------------------------------ card, SSN, IBAN

  private static final String[][] ISSUERS = {
    {"4", "16"}, {"4", "16"}, {"4", "16"}, {"51", "16"}, {"52", "16"}, {"53", "16"},
    {"54", "16"}, {"55", "16"}, {"2221", "16"}, {"2720", "16"}, {"2345", "16"}, {"34", "15"},
    {"37", "15"}, {"6011", "16"}, {"65", "16"}, {"3528", "16"}, {"3566", "16"}, {"36", "14"}
  };

  static String luhnComplete(String body) {
    int sum = 0;
    boolean dbl = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return body + (char) ('0' + (10 - sum % 10) % 10);
  }

  static boolean luhnValid(String digits) {
    return digits.length() > 1
        && luhnComplete(digits.substring(0, digits.length() - 1)).equals(digits);
  }

  String cardDigits() {
    String[] iss = ISSUERS[r.nextInt(ISSUERS.length)];
    int len = Integer.parseInt(iss[1]);
    StringBuilder sb = new StringBuilder(iss[0]);
    while (sb.length() < len - 1) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return luhnComplete(sb.toString());
  }

  private static int[] cardGroups(String d) {
    if (d.length() == 15) {
      return new int[] {4, 6, 5};
    }
    if (d.length() == 14) {
      return new int[] {4, 6, 4};
    }
    return new int[] {4, 4, 4, 4};
  }

  private static String group(String d, int[] sizes, String sep) {
    StringBuilder sb = new StringBuilder();
    int p = 0;
    for (int s : sizes) {
      if (p > 0) {
        sb.append(sep);
      }
      sb.append(d, p, Math.min(d.length(), p + s));
      p += s;
    }
    if (p < d.length()) {
      sb.append(sep).append(d.substring(p));
    }
    return sb.toString();
  }

  void card(CaseWriter w, Form form) {
    String d = cardDigits();
    int[] g = cardGroups(d);
    String standard = r.nextBoolean() ? group(d, g, " ") : d;
    String v;
    switch (form) {
      case DASHES:
        v = group(d, g, "-");
        break;
      case DOTS:
        v = group(d, g, ".");
        break;
      case IRREGULAR_GROUPING:
        v = regroup(d, 2, 5, r.nextBoolean() ? " " : "-");
        break;
      case SPACED_DIGITS:
        v = spacedOut(d);
        break;
      case FULLWIDTH:
        v = fullwidth(standard);
        break;
      case DIGIT_WORDS:
        v = wordsGrouped(group(d, g, " "));
        break;
      case LINE_BREAK:
        v = r.nextBoolean() ? breakAtSeparator(group(d, g, " ")) : breakInside(d);
        break;
      case WITH_EXPIRY:
        {
          int mm = 1 + r.nextInt(12);
          int yy = 25 + r.nextInt(8);
          String[] exp = {
            String.format(Locale.ROOT, " exp %02d/%02d", mm, yy),
            String.format(Locale.ROOT, " %02d/%02d", mm, yy),
            String.format(Locale.ROOT, "|%02d|20%02d|", mm, yy),
            String.format(Locale.ROOT, " valid thru %02d/20%02d", mm, yy),
            String.format(Locale.ROOT, ", expires %02d/%02d, cvv %03d", mm, yy, r.nextInt(1000))
          };
          w.entity(CREDIT_CARD, form, standard);
          w.text(exp[r.nextInt(exp.length)]);
          return;
        }
      default:
        v = standard;
        form = Form.STANDARD;
    }
    w.entity(CREDIT_CARD, form, v);
  }

  String ssnDigits() {
    int area;
    do {
      area = 1 + r.nextInt(899);
    } while (area == 666);
    int grp = 1 + r.nextInt(99);
    int serial = 1 + r.nextInt(9999);
    return String.format(Locale.ROOT, "%03d%02d%04d", area, grp, serial);
  }

  void ssn(CaseWriter w, Form form) {
    String d = ssnDigits();
    String a = d.substring(0, 3);
    String b = d.substring(3, 5);
    String c = d.substring(5);
    String v;
    switch (form) {
      case SPACES:
        v = a + " " + b + " " + c;
        break;
      case DOTS:
        v = a + "." + b + "." + c;
        break;
      case COMPACT:
        v = d;
        break;
      case SPACED_DIGITS:
        v = spacedOut(d);
        break;
      case FULLWIDTH:
        v = fullwidth(r.nextBoolean() ? a + "-" + b + "-" + c : d);
        break;
      case DIGIT_WORDS:
        v = wordsGrouped(a + " " + b + " " + c);
        break;
      case LINE_BREAK:
        v = r.nextBoolean() ? a + "-" + b + "-\n" + c : a + "-\n" + b + "-" + c;
        break;
      default:
        v = a + "-" + b + "-" + c;
        form = Form.STANDARD;
    }
    w.entity(US_SSN, form, v);
  }

  /** Country, BBAN pattern: n digits, a upper letters, c alphanumerics. */
  private static final String[][] IBAN_SPECS = {
    {"DE", "18n"}, {"GB", "4a14n"}, {"FR", "10n11c2n"}, {"ES", "20n"}, {"IT", "1a10n12c"},
    {"NL", "4a10n"}, {"BE", "12n"}, {"CH", "5n12c"}, {"AT", "16n"}, {"PL", "24n"},
    {"SE", "20n"}, {"IE", "4a14n"}, {"PT", "21n"}, {"DK", "14n"}, {"NO", "11n"},
    {"FI", "14n"}, {"LU", "3n13c"}, {"SA", "2n18c"}, {"TR", "5n1n16c"}, {"AE", "3n16n"}
  };

  String ibanValue() {
    String[] spec = IBAN_SPECS[r.nextInt(IBAN_SPECS.length)];
    StringBuilder bban = new StringBuilder();
    String p = spec[1];
    int num = 0;
    for (int i = 0; i < p.length(); i++) {
      char ch = p.charAt(i);
      if (Character.isDigit(ch)) {
        num = num * 10 + (ch - '0');
        continue;
      }
      for (int k = 0; k < num; k++) {
        if (ch == 'n' || ch == 'c' && r.nextInt(5) > 0) {
          bban.append((char) ('0' + r.nextInt(10)));
        } else {
          bban.append((char) ('A' + r.nextInt(26)));
        }
      }
      num = 0;
    }
    return spec[0] + ibanCheck(spec[0], bban.toString()) + bban;
  }

  static String ibanCheck(String country, String bban) {
    String rearranged = bban + country + "00";
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      if (Character.isDigit(c)) {
        digits.append(c);
      } else {
        digits.append(c - 'A' + 10);
      }
    }
    int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format(Locale.ROOT, "%02d", check);
  }

  static boolean ibanValid(String iban) {
    String s = iban.replace(" ", "").toUpperCase(Locale.ROOT);
    return ibanCheck(s.substring(0, 2), s.substring(4)).equals(s.substring(2, 4));
  }

  void iban(CaseWriter w, Form form) {
    String iban = ibanValue();
    String print = group(iban, fours(iban.length()), " ");
    String standard = r.nextInt(3) == 0 ? iban : print;
    String v;
    switch (form) {
      case LOWERCASE:
        v = (r.nextBoolean() ? print : iban).toLowerCase(Locale.ROOT);
        break;
      case DASHES:
        v = group(iban, fours(iban.length()), "-");
        break;
      case IRREGULAR_GROUPING:
        v = regroup(iban, 2, 6, " ");
        break;
      case SPACED_OUT:
        v = spacedOut(iban);
        break;
      case FULLWIDTH:
        v = fullwidth(standard);
        break;
      case LINE_BREAK:
        v = breakAtSeparator(print);
        break;
      default:
        v = standard;
        form = Form.STANDARD;
    }
    w.entity(IBAN_CODE, form, v);
  }

  private static int[] fours(int len) {
    int[] g = new int[(len + 3) / 4];
    java.util.Arrays.fill(g, 4);
    return g;
  }

  // ------------------------------------------------------------------ helpers

  static String spacedOut(String s) {
    StringBuilder sb = new StringBuilder(s.length() * 2);
    s.codePoints()
        .forEach(
            c -> {
              if (sb.length() > 0) {
                sb.append(' ');
              }
              sb.appendCodePoint(c);
            });
    return sb.toString();
  }

  static String fullwidth(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > ' ' && c < 127) {
        sb.append((char) (c - 0x21 + 0xFF01));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  String invisible(String s) {
    int n = 1 + r.nextInt(3);
    StringBuilder sb = new StringBuilder(s);
    for (int i = 0; i < n; i++) {
      int at = 1 + r.nextInt(sb.length() - 1);
      sb.insert(at, INVISIBLES[r.nextInt(INVISIBLES.length)]);
    }
    return sb.toString();
  }

  String regroup(String s, int min, int max, String sep) {
    StringBuilder sb = new StringBuilder();
    int p = 0;
    while (p < s.length()) {
      int len = min + r.nextInt(max - min + 1);
      if (p > 0) {
        sb.append(sep);
      }
      sb.append(s, p, Math.min(s.length(), p + len));
      p += len;
    }
    return sb.toString();
  }

  String words(String digits) {
    return words(digits, r.nextInt(6) == 0);
  }

  private static String words(String digits, boolean upper) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (!Character.isDigit(c)) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      String w = DIGIT_WORDS[c - '0'];
      sb.append(upper ? w.toUpperCase(Locale.ROOT) : w);
    }
    return sb.toString();
  }

  /** Digit words, groups (separated by spaces in {@code grouped}) joined by {@code ", "}. */
  String wordsGrouped(String grouped) {
    StringBuilder sb = new StringBuilder();
    boolean upper = r.nextInt(6) == 0;
    String sep = r.nextBoolean() ? ", " : " - ";
    for (String g : grouped.split(" ")) {
      if (sb.length() > 0) {
        sb.append(sep);
      }
      sb.append(words(g, upper));
    }
    return sb.toString();
  }

  String breakAtSeparator(String s) {
    List<Integer> seps = new ArrayList<>();
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '-' && i > 2) {
        seps.add(i);
      }
    }
    if (seps.isEmpty()) {
      return breakInside(s);
    }
    int at = seps.get(r.nextInt(seps.size()));
    return s.charAt(at) == ' '
        ? s.substring(0, at) + "\n" + s.substring(at + 1)
        : s.substring(0, at + 1) + "\n" + s.substring(at + 1);
  }

  String breakInside(String s) {
    int at = 2 + r.nextInt(Math.max(1, s.length() - 4));
    return s.substring(0, at) + "\n" + s.substring(at);
  }
}
