package io.leakguard.testkit;

import java.util.Locale;
import java.util.SplittableRandom;

/** Look-alike values: text that resembles PII but is not. */
final class Lookalikes {
  private static final String HEX = "0123456789abcdef";

  private final SplittableRandom r;

  Lookalikes(SplittableRandom r) {
    this.r = r;
  }

  String hex(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(HEX.charAt(r.nextInt(16)));
    }
    return sb.toString();
  }

  private String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    sb.append((char) ('1' + r.nextInt(9)));
    for (int i = 1; i < n; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  String guid() {
    String g =
        hex(8)
            + "-"
            + hex(4)
            + "-4"
            + hex(3)
            + "-"
            + "89ab".charAt(r.nextInt(4))
            + hex(3)
            + "-"
            + hex(12);
    return r.nextInt(4) == 0 ? g.toUpperCase(Locale.ROOT) : g;
  }

  String timestamp() {
    int mo = 1 + r.nextInt(12);
    int d = 1 + r.nextInt(28);
    int h = r.nextInt(24);
    int mi = r.nextInt(60);
    int s = r.nextInt(60);
    int y = 2023 + r.nextInt(3);
    switch (r.nextInt(7)) {
      case 0:
        return String.format(
            Locale.ROOT,
            "%d-%02d-%02dT%02d:%02d:%02d.%07dZ",
            y,
            mo,
            d,
            h,
            mi,
            s,
            r.nextInt(10_000_000));
      case 1:
        return String.format(
            Locale.ROOT, "%d-%02d-%02d %02d:%02d:%02d,%03d", y, mo, d, h, mi, s, r.nextInt(1000));
      case 2:
        return String.format(Locale.ROOT, "%02d/%02d/%d %02d:%02d:%02d", mo, d, y, h, mi, s);
      case 3:
        return Long.toString(1_700_000_000_000L + (long) (r.nextDouble() * 90_000_000_000L));
      case 4:
        return String.format(Locale.ROOT, "%d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s);
      case 5:
        return String.format(Locale.ROOT, "%02d.%02d.%d %02d:%02d", d, mo, y, h, mi);
      default:
        return String.format(
            Locale.ROOT,
            "[%02d/%s/%d:%02d:%02d:%02d +0000]",
            d,
            Vocab.MONTHS.get(mo - 1).substring(0, 3),
            y,
            h,
            mi,
            s);
    }
  }

  String date() {
    int mo = 1 + r.nextInt(12);
    int d = 1 + r.nextInt(28);
    int y = 2023 + r.nextInt(3);
    switch (r.nextInt(5)) {
      case 0:
        return Vocab.MONTHS.get(mo - 1) + " " + d + ", " + y;
      case 1:
        return String.format(Locale.ROOT, "%02d.%02d.%d", d, mo, y);
      case 2:
        return String.format(Locale.ROOT, "%d-%02d-%02d", y, mo, d);
      case 3:
        return String.format(Locale.ROOT, "%d/%d/%d", mo, d, y);
      default:
        return d + " " + Vocab.MONTHS.get(mo - 1).substring(0, 3) + " " + y;
    }
  }

  String time() {
    return String.format(
        Locale.ROOT,
        "%d:%02d %s",
        1 + r.nextInt(12),
        5 * r.nextInt(12),
        r.nextBoolean() ? "AM" : "PM");
  }

  /** A number of {@code n} digits that fails the Luhn check. */
  String nonLuhn(int n) {
    String d = digits(n);
    if (Entities.luhnValid(d)) {
      char last = d.charAt(n - 1);
      d = d.substring(0, n - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }
    return d;
  }

  String ticket() {
    switch (r.nextInt(7)) {
      case 0:
        return nonLuhn(16);
      case 1:
        return "INV-"
            + (2023 + r.nextInt(3))
            + "-"
            + String.format(Locale.ROOT, "%05d", r.nextInt(100000));
      case 2:
        return "PO-" + digits(7);
      case 3:
        return nonLuhn(15);
      case 4:
        return "#" + digits(6 + r.nextInt(3));
      case 5:
        return "CS" + digits(8);
      default:
        return "ORD-" + nonLuhn(13);
    }
  }

  String value(LookalikeKind kind) {
    switch (kind) {
      case VERSION:
        switch (r.nextInt(7)) {
          case 0:
            return "10.0."
                + (r.nextBoolean() ? "19041" : r.nextBoolean() ? "22621" : "26100")
                + "."
                + (1 + r.nextInt(5000));
          case 1:
            return "16.0." + (10000 + r.nextInt(8000)) + "." + (20000 + r.nextInt(1000));
          case 2:
            return "Version=" + (1 + r.nextInt(8)) + ".0.0.0";
          case 3:
            return (1 + r.nextInt(9))
                + "."
                + r.nextInt(10)
                + "."
                + r.nextInt(10)
                + "."
                + r.nextInt(300);
          case 4:
            return "6.2." + (9000 + r.nextInt(1000)) + "." + r.nextInt(30000);
          case 5:
            return "5." + r.nextInt(8) + "." + r.nextInt(10);
          default:
            return "15." + r.nextInt(3) + "." + (1000 + r.nextInt(1000)) + "." + r.nextInt(100);
        }
      case SEMVER:
        switch (r.nextInt(4)) {
          case 0:
            return "v" + r.nextInt(5) + "." + r.nextInt(30) + "." + r.nextInt(20);
          case 1:
            return r.nextInt(5)
                + "."
                + r.nextInt(30)
                + "."
                + r.nextInt(20)
                + "-beta."
                + r.nextInt(9);
          case 2:
            return r.nextInt(5)
                + "."
                + r.nextInt(30)
                + "."
                + r.nextInt(20)
                + "+build."
                + r.nextInt(900);
          default:
            return r.nextInt(5) + "." + r.nextInt(30) + "." + r.nextInt(20);
        }
      case KB_NUMBER:
        return (r.nextInt(4) == 0 ? "kb" : "KB") + (4000000 + r.nextInt(1100000));
      case HRESULT:
        {
          String[] hr = {
            "0x80070005", "0x800F0922", "0x80004005", "0x8007000E", "0x80070643", "0x800f081f",
            "0xC004F074", "0x80131904", "0x8024402C", "0x80072EE2", "0xCAA70004", "-2147024891",
            "-2146232060", "0x87D00324", "0x80090016"
          };
          return hr[r.nextInt(hr.length)];
        }
      case GUID:
        return r.nextInt(5) == 0 ? "{" + guid() + "}" : guid();
      case TIMESTAMP:
        return timestamp();
      case DATE:
        return date();
      case TICKET_NUMBER:
        return ticket();
      case MENTION:
        {
          String[] m = {
            "@here",
            "@channel",
            "@devops-oncall",
            "@support-tier2",
            "@billing-team",
            "@jsmith",
            "@msft-escalations",
            "@sre",
            "@all",
            "@octocat",
            "@dependabot"
          };
          return m[r.nextInt(m.length)];
        }
      case CODE:
        {
          String[] c = {
            "@Override",
            "@Autowired",
            "obj.at(3)",
            "list.at(-1)",
            "np.dot(a, b)",
            "lodash@4.17.21",
            "@app.route('/api/v1/orders')",
            "stash@{0}",
            "azureuser@vm-web-01:~$",
            "@azure/msal-browser@2.38.3",
            "@SpringBootApplication",
            "user.email.at(0)",
            "HEAD@{1}",
            "vector.dot(other)",
            "@Transactional(readOnly = true)"
          };
          return c[r.nextInt(c.length)];
        }
      case FILE_PATH:
        {
          String[] p = {
            "C:\\ProgramData\\Microsoft\\Windows\\WER\\ReportQueue\\AppCrash_outlook.exe_3f1.wer",
            "C:\\Windows\\Logs\\CBS\\CBS.log",
            "/var/log/nginx/error.log",
            "\\\\fileserver01\\share\\finance\\Q3-2024.xlsx",
            "%TEMP%\\setup_20240311.log",
            "/etc/ssl/certs/ca-certificates.crt",
            "C:\\Program Files\\Contoso\\Agent\\agent.exe",
            "~/.aws/config",
            "/home/azureuser/app/appsettings.json",
            "C:\\inetpub\\logs\\LogFiles\\W3SVC1\\u_ex240311.log"
          };
          return p[r.nextInt(p.length)];
        }
      case HASH:
        switch (r.nextInt(4)) {
          case 0:
            return hex(64);
          case 1:
            return hex(40);
          case 2:
            return hex(32).toUpperCase(Locale.ROOT);
          default:
            return hex(7);
        }
      case AT_PHRASE:
        {
          String[] a = {
            "look at contoso.com",
            "sign in at portal.azure.com",
            "we're at fabrikam.com now",
            "the docs are at docs.contoso.com",
            "status is posted at status.contoso.com",
            "the article at learn.microsoft.com explains it",
            "Look At Contoso.Com",
            "reset it at aka.ms/sspr",
            "our new site is at northwindtraders.com",
            "log in at admin.microsoft.com"
          };
          return a[r.nextInt(a.length)];
        }
      case DOT_PHRASE:
        {
          String[] d = {
            "at 5 dot 30",
            "at 3 dot 15",
            "around 10 dot 30",
            "at 9 dot 45 our time",
            "at 4 dot 00",
            "at 11 DOT 30"
          };
          return d[r.nextInt(d.length)];
        }
      case DOMAIN:
        {
          String[] d = {
            "contoso.com", "portal.azure.com", "login.microsoftonline.com", "fabrikam.co.uk",
            "outlook.office365.com", "graph.microsoft.com", "github.com", "status.contoso.com",
            "autodiscover.contoso.com", "mueller-logistik.de"
          };
          return d[r.nextInt(d.length)];
        }
      case URL:
        {
          String[] u = {
            "https://learn.microsoft.com/en-us/troubleshoot/windows-client/deployment/error-0x800f0922",
            "https://contoso.sharepoint.com/sites/Support/Shared%20Documents/report.docx",
            "https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions",
            "http://localhost:8080/api/health",
            "https://status.contoso.com/incidents/" + hex(8),
            "https://github.com/contoso/infra/issues/" + digits(4),
            "https://aka.ms/sspr"
          };
          return u[r.nextInt(u.length)];
        }
      case OID:
        return "1.3.6.1.4.1." + (311 + r.nextInt(10)) + "." + r.nextInt(30) + "." + r.nextInt(9);
      case AMOUNT:
        {
          String[] a = {
            "$" + (10 + r.nextInt(900)) + "." + (10 + r.nextInt(90)),
            (1 + r.nextInt(9)) + "." + (100 + r.nextInt(900)) + "," + (10 + r.nextInt(90)) + " EUR",
            "£" + (1 + r.nextInt(9)) + "," + (100 + r.nextInt(900)) + ".00",
            "€" + (10 + r.nextInt(990)) + "," + (10 + r.nextInt(90)),
            "USD 1,249.99"
          };
          return a[r.nextInt(a.length)];
        }
      case PARTIAL_NUMBER:
        {
          String[] p = {
            "ending in " + digits(4),
            "**** **** **** " + digits(4),
            "XXX-XX-" + digits(4),
            "last four " + digits(4),
            "xxxx" + digits(4)
          };
          return p[r.nextInt(p.length)];
        }
      default:
        throw new IllegalArgumentException("unknown kind " + kind);
    }
  }

  void write(CaseWriter w, LookalikeKind kind) {
    w.lookalike(kind, value(kind));
  }
}
