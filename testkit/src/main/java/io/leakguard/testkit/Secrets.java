package io.leakguard.testkit;

import static io.leakguard.pii.EntityType.SECRET;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Secrets with the text around them as people paste it (config files, env dumps, curl commands,
 * chat). The gold span is the credential itself (see {@link GoldSpan}); JWTs and PEM blocks are
 * covered whole.
 */
final class Secrets {
  static final List<Form> KINDS =
      List.of(
          Form.AWS_ACCESS_KEY,
          Form.AWS_SECRET_KEY,
          Form.AZURE_STORAGE_CONNECTION_STRING,
          Form.AZURE_ACCOUNT_KEY,
          Form.SAS_SIGNATURE,
          Form.GITHUB_TOKEN,
          Form.SLACK_TOKEN,
          Form.GOOGLE_API_KEY,
          Form.JWT,
          Form.PEM_PRIVATE_KEY,
          Form.PASSWORD_ASSIGNMENT,
          Form.PASSWORD_PROSE,
          Form.DB_CONNECTION_STRING,
          Form.URL_CREDENTIALS,
          Form.BEARER_TOKEN);

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALNUM = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String B64 = ALNUM + "+/";
  private static final String B64URL = ALNUM + "-_";
  private static final String BASE32 = UPPER + "234567";

  private static final List<String> WORDS =
      List.of(
          "Summer",
          "Winter",
          "Spring",
          "Autumn",
          "Welcome",
          "Password",
          "Contoso",
          "Dragon",
          "Monkey",
          "Sunshine",
          "Football",
          "Princess",
          "Liverpool",
          "Berlin",
          "Tiger",
          "Qwerty",
          "Sommer",
          "Verano",
          "Bonjour",
          "Changeme",
          "Letmein",
          "Admin");

  private final SplittableRandom r;

  Secrets(SplittableRandom r) {
    this.r = r;
  }

  String random(String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  String password() {
    switch (r.nextInt(6)) {
      case 0:
        return Vocab.pick(r, WORDS) + (2019 + r.nextInt(8)) + "!#$*".charAt(r.nextInt(4));
      case 1:
        return "P@ssw0rd" + r.nextInt(1000);
      case 2:
        return random(ALNUM + "!#$%^*-_", 12 + r.nextInt(9));
      case 3:
        return Vocab.pick(r, WORDS).toLowerCase(Locale.ROOT)
            + "-"
            + Vocab.pick(r, WORDS).toLowerCase(Locale.ROOT)
            + "-"
            + r.nextInt(100);
      case 4:
        return "Tr0ub4dor&" + r.nextInt(10);
      default:
        return Vocab.pick(r, WORDS)
            + r.nextInt(100)
            + Vocab.pick(r, WORDS).toLowerCase(Locale.ROOT);
    }
  }

  /** A password without characters that would end a URL user-info or a key=value list. */
  private String plainPassword() {
    String p;
    do {
      p = password();
    } while (p.indexOf('@') >= 0
        || p.indexOf('&') >= 0
        || p.indexOf('#') >= 0
        || p.indexOf('%') >= 0);
    return p;
  }

  String accountKey() {
    return random(B64, 86) + "==";
  }

  String jwt() {
    String header =
        r.nextBoolean()
            ? "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            : "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"" + random(ALNUM, 27) + "\"}";
    long iat = 1_700_000_000L + r.nextInt(60_000_000);
    String payload =
        "{\"aud\":\"api://"
            + random("abcdef0123456789", 8)
            + "\",\"iss\":\"https://sts.windows.net/"
            + random("abcdef0123456789", 8)
            + "/\",\"iat\":"
            + iat
            + ",\"exp\":"
            + (iat + 3600)
            + ",\"sub\":\""
            + random(B64URL, 43)
            + "\",\"scp\":\"user_impersonation\"}";
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    return e.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + e.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + random(B64URL, header.contains("RS256") ? 342 : 43);
  }

  String pem() {
    int kind = r.nextInt(3);
    String label =
        kind == 0 ? "RSA PRIVATE KEY" : kind == 1 ? "PRIVATE KEY" : "OPENSSH PRIVATE KEY";
    String head =
        kind == 0
            ? "MIIEpAIBAAKCAQEA"
            : kind == 1 ? "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" : "b3BlbnNzaC1rZXktdjEAAAAA";
    StringBuilder body = new StringBuilder(head);
    int total = (kind == 2 ? 6 : 12 + r.nextInt(14)) * 64;
    body.append(random(B64, total - head.length()));
    StringBuilder sb = new StringBuilder("-----BEGIN " + label + "-----\n");
    for (int i = 0; i < body.length(); i += 64) {
      sb.append(body, i, Math.min(body.length(), i + 64)).append('\n');
    }
    sb.append(random(B64, 20)).append("==\n");
    return sb.append("-----END ").append(label).append("-----").toString();
  }

  /** Writes one secret of the given kind with realistic surroundings. */
  void write(CaseWriter w, Form kind) {
    switch (kind) {
      case AWS_ACCESS_KEY:
        {
          String key = (r.nextInt(4) == 0 ? "ASIA" : "AKIA") + random(BASE32, 16);
          String[][] ctx = {
            {"aws_access_key_id = ", ""}, {"AWS_ACCESS_KEY_ID=", ""},
            {"\"AccessKeyId\": \"", "\","}, {"access key ", " (the one from the IAM user)"},
            {"--access-key ", ""}
          };
          String[] c = ctx[r.nextInt(ctx.length)];
          w.entity(SECRET, kind, c[0], key, c[1]);
          return;
        }
      case AWS_SECRET_KEY:
        {
          String key = random(B64, 40);
          String[][] ctx = {
            {"aws_secret_access_key = ", ""}, {"export AWS_SECRET_ACCESS_KEY=", ""},
            {"\"SecretAccessKey\": \"", "\""}, {"secret key: ", ""}
          };
          String[] c = ctx[r.nextInt(ctx.length)];
          w.entity(SECRET, kind, c[0], key, c[1]);
          return;
        }
      case AZURE_STORAGE_CONNECTION_STRING:
        {
          String acct = Vocab.slug(Vocab.pick(r, Vocab.COMPANIES)[0]) + random("0123456789", 3);
          w.entity(
              SECRET,
              kind,
              "DefaultEndpointsProtocol=https;AccountName=" + acct + ";AccountKey=",
              accountKey(),
              ";EndpointSuffix=core.windows.net");
          return;
        }
      case AZURE_ACCOUNT_KEY:
        {
          String[][] ctx = {
            {"\"storageAccountKey\": \"", "\""},
            {"--account-key ", ""},
            {"key1: ", ""},
            {"AZURE_STORAGE_KEY=", ""},
            {"<add key=\"StorageKey\" value=\"", "\" />"}
          };
          String[] c = ctx[r.nextInt(ctx.length)];
          w.entity(SECRET, kind, c[0], accountKey(), c[1]);
          return;
        }
      case SAS_SIGNATURE:
        {
          String acct = Vocab.slug(Vocab.pick(r, Vocab.COMPANIES)[0]) + "stor";
          String sig = random(ALNUM, 30) + "%2B" + random(ALNUM, 10) + "%3D";
          w.entity(
              SECRET,
              kind,
              "https://"
                  + acct
                  + ".blob.core.windows.net/backups/db-"
                  + r.nextInt(100)
                  + ".bak?sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2025-0"
                  + (1 + r.nextInt(9))
                  + "-01T00:00:00Z&st=2024-03-11T08:00:00Z&spr=https&sig=",
              sig,
              "");
          return;
        }
      case GITHUB_TOKEN:
        {
          String tok =
              r.nextInt(3) == 0
                  ? "github_pat_" + random(ALNUM, 22) + "_" + random(ALNUM, 59)
                  : (r.nextBoolean() ? "ghp_" : "gho_") + random(ALNUM, 36);
          String[][] ctx = {
            {"GITHUB_TOKEN=", ""},
            {"token: ", ""},
            {"git clone https://", "@github.com/contoso/infra.git"},
            {"Authorization: token ", ""}
          };
          String[] c = ctx[r.nextInt(ctx.length)];
          w.entity(SECRET, kind, c[0], tok, c[1]);
          return;
        }
      case SLACK_TOKEN:
        {
          String tok =
              (r.nextBoolean() ? "xoxb-" : "xoxp-")
                  + random("0123456789", 12)
                  + "-"
                  + random("0123456789", 13)
                  + "-"
                  + random(ALNUM, 24);
          w.entity(SECRET, kind, r.nextBoolean() ? "SLACK_BOT_TOKEN=" : "slack token ", tok, "");
          return;
        }
      case GOOGLE_API_KEY:
        w.entity(
            SECRET,
            kind,
            r.nextBoolean() ? "key=" : "\"apiKey\": \"",
            "AIza" + random(B64URL, 35),
            "");
        return;
      case JWT:
        {
          String[][] ctx = {
            {"\"access_token\": \"", "\","},
            {"id_token=", ""},
            {"token is ", ""},
            {"Cookie: session=", ""}
          };
          String[] c = ctx[r.nextInt(ctx.length)];
          w.entity(SECRET, kind, c[0], jwt(), c[1]);
          return;
        }
      case PEM_PRIVATE_KEY:
        w.entity(SECRET, kind, pem());
        return;
      case PASSWORD_ASSIGNMENT:
        {
          String pw = plainPassword();
          String[][] ctx = {
            {"password=", ""},
            {"Password: ", ""},
            {"pwd=", ""},
            {"passwd: ", ""},
            {"\"password\": \"", "\""},
            {"DB_PASSWORD=", ""},
            {"PASSWORD='", "'"},
            {"ConvertTo-SecureString \"", "\" -AsPlainText -Force"},
            {"-p '", "'"},
            {"Kennwort: ", ""},
            {"mot de passe : ", ""},
            {"contraseña: ", ""}
          };
          String[] c = ctx[r.nextInt(ctx.length)];
          w.entity(SECRET, kind, c[0], pw, c[1]);
          return;
        }
      case PASSWORD_PROSE:
        {
          String pw = password();
          String[][] ctx = {
            {"my password is ", " btw"}, {"the temp password I set is ", ""},
            {"new pw: ", ""}, {"I changed the password to ", " but it still fails"},
            {"login is admin / ", ""}, {"creds: admin / ", ""}
          };
          String[] c = ctx[r.nextInt(ctx.length)];
          w.entity(SECRET, kind, c[0], pw, c[1]);
          return;
        }
      case DB_CONNECTION_STRING:
        {
          String pw = plainPassword().replace(";", "");
          String srv = Vocab.slug(Vocab.pick(r, Vocab.COMPANIES)[0]) + "-sql";
          switch (r.nextInt(3)) {
            case 0:
              w.entity(
                  SECRET,
                  kind,
                  "Server=tcp:"
                      + srv
                      + ".database.windows.net,1433;Initial Catalog=prod;Persist Security Info=False;User ID=sqladmin;Password=",
                  pw,
                  ";MultipleActiveResultSets=False;Encrypt=True;");
              return;
            case 1:
              w.entity(
                  SECRET,
                  kind,
                  "jdbc:sqlserver://" + srv + ":1433;databaseName=app;user=sa;password=",
                  pw,
                  ";encrypt=true");
              return;
            default:
              w.entity(
                  SECRET,
                  kind,
                  "Host="
                      + srv
                      + ".postgres.database.azure.com;Database=app;Username=app;Password=",
                  pw,
                  ";SSL Mode=Require");
              return;
          }
        }
      case URL_CREDENTIALS:
        {
          String pw = plainPassword();
          String[][] ctx = {
            {"postgres://app:", "@db.internal:5432/app"},
            {"mongodb+srv://admin:", "@cluster0.x1y2z.mongodb.net/?retryWrites=true"},
            {"ftp://backup:", "@files.contoso.com/nightly/"},
            {"https://deploy:", "@git.fabrikam.com/ops/config.git"},
            {"amqp://guest:", "@rabbitmq:5672/"}
          };
          String[] c = ctx[r.nextInt(ctx.length)];
          w.entity(SECRET, kind, c[0], pw, c[1]);
          return;
        }
      case BEARER_TOKEN:
        {
          String tok = r.nextBoolean() ? jwt() : random(B64URL, 40 + r.nextInt(80));
          boolean curl = r.nextBoolean();
          w.entity(
              SECRET,
              kind,
              curl ? "-H \"Authorization: Bearer " : "Authorization: Bearer ",
              tok,
              curl ? "\"" : "");
          return;
        }
      default:
        throw new IllegalArgumentException("not a secret kind: " + kind);
    }
  }
}
