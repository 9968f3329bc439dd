package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests for the SECRET detector through the public {@link PiiAnalyzer}. Expected secrets are
 * written inline between {@code ⟦} and {@code ⟧}; the markers are removed before analysis and the
 * expected spans are the code point offsets of the marked text in the original input.
 *
 * <p>Token-shaped test values are generated from fixed seeds (never real credentials, and no
 * literal token in the source for secret scanners to trip on).
 */
class SecretDetectorTest {
  private static final PiiAnalyzer ANALYZER =
      PiiAnalyzer.builder().entities(EnumSet.of(EntityType.SECRET)).build();

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String B62 = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String B64URL = B62 + "-_";
  private static final String HEX = "0123456789abcdef";

  // ------------------------------------------------------------------ generated test values

  static String rnd(long seed, int len, String alphabet) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static String b64(long seed, int bytes) {
    byte[] b = new byte[bytes];
    new Random(seed).nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  static String b64url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** 85 base64 chars: after a {@code +} or {@code /} and before {@code ==}, a lone Azure key. */
  static final String KEY_BODY_85 = rnd(77, 85, B62);

  static final String AWS_ID = "AKIA" + rnd(1, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
  static final String AWS_SECRET = b64(2, 30);
  static final String ACCOUNT_KEY = b64(3, 64);
  static final String SHARED_KEY = b64(4, 32);
  static final String SAS_SIG = b64(5, 32);
  static final String GH_BODY = rnd(6, 36, B62);
  static final String JWT =
      b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
          + "."
          + b64url("{\"sub\":\"1234567890\",\"name\":\"Jane\"}")
          + "."
          + rnd(7, 43, B64URL);
  static final String JWT_NONE =
      b64url("{\"alg\":\"none\"}") + "." + b64url("{\"sub\":\"42\"}") + ".";
  static final String OPAQUE = rnd(8, 40, B62);
  static final String GUID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
  static final String SHA1 = "3f786850e387550fdab836ed7e6dc881de23001b";

  static String pem(String label, long seed) {
    String body = b64(seed, 180);
    StringBuilder sb = new StringBuilder("-----BEGIN " + label + "-----\n");
    for (int i = 0; i < body.length(); i += 64) {
      sb.append(body, i, Math.min(body.length(), i + 64)).append('\n');
    }
    return sb.append("-----END ").append(label).append("-----").toString();
  }

  static String urlEncode(String b64) {
    return b64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  // ------------------------------------------------------------------ the marked-text machinery

  /** The input without markers, and the expected code point spans and values. */
  record Marked(String text, List<int[]> spans, List<String> values) {
    static Marked parse(String marked) {
      StringBuilder sb = new StringBuilder();
      List<int[]> spans = new ArrayList<>();
      List<String> values = new ArrayList<>();
      int cp = 0;
      int open = -1;
      int openChar = -1;
      for (int i = 0; i < marked.length(); ) {
        int c = marked.codePointAt(i);
        i += Character.charCount(c);
        if (c == '⟦') {
          open = cp;
          openChar = sb.length();
        } else if (c == '⟧') {
          spans.add(new int[] {open, cp});
          values.add(sb.substring(openChar));
        } else {
          sb.appendCodePoint(c);
          cp++;
        }
      }
      return new Marked(sb.toString(), spans, values);
    }
  }

  static Arguments hit(String marked, String... patterns) {
    return Arguments.of(String.join(",", patterns), marked);
  }

  static Stream<Arguments> positives() {
    return Stream.of(
        // AWS
        hit("aws_access_key_id = ⟦" + AWS_ID + "⟧", "aws-access-key"),
        hit("export AWS_ACCESS_KEY_ID=⟦AKIAIOSFODNN7EXAMPLE⟧", "aws-access-key"),
        hit("role creds: ⟦ASIA" + rnd(9, 16, UPPER) + "⟧ (session)", "aws-access-key"),
        hit("User,⟦" + AWS_ID + "⟧,⟦" + AWS_SECRET + "⟧\n", "aws-access-key", "aws-secret-key"),
        hit("aws_secret_access_key = ⟦" + AWS_SECRET + "⟧", "aws-secret-key"),
        hit("{\"SecretAccessKey\": \"⟦" + AWS_SECRET + "⟧\"}", "aws-secret-key"),
        // Azure
        hit(
            "conn=⟦DefaultEndpointsProtocol=https;AccountName=contosoprod;AccountKey="
                + ACCOUNT_KEY
                + ";EndpointSuffix=core.windows.net⟧ end",
            "azure-connection-string"),
        hit(
            "\"Storage\": \"⟦DefaultEndpointsProtocol=https;AccountName=x;AccountKey="
                + ACCOUNT_KEY
                + "⟧;\"",
            "azure-connection-string"),
        hit("AccountKey=⟦" + ACCOUNT_KEY + "⟧", "azure-account-key"),
        hit(
            "⟦Endpoint=sb://ns1.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
                + "SharedAccessKey="
                + SHARED_KEY
                + "⟧",
            "azure-connection-string"),
        hit(
            "GET https://acct.blob.core.windows.net/c/b.txt?sv=2020-08-04&ss=b&srt=sco&sp=rwdlac"
                + "&se=2024-01-01T00:00:00Z&spr=https&sig=⟦"
                + urlEncode(SAS_SIG)
                + "⟧ 200",
            "azure-sas-signature"),
        // SAS_VERSION (session 14, probe15b): after "signature" or "token" the sv= version is no
        // secret; the sig value is reported by its own pattern
        hit(
            "BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2021-06-08"
                + "&ss=b&srt=sco&sp=rl&se=2026-01-01T00:00:00Z&sig=⟦"
                + urlEncode(SAS_SIG)
                + "⟧",
            "azure-sas-signature"),
        hit(
            "sas token: sv=2021-06-08&ss=b&srt=sco&sp=rl&se=2026-01-01&sig=⟦"
                + urlEncode(SAS_SIG)
                + "⟧",
            "azure-sas-signature"),
        // GitHub, GitLab, Slack
        hit("token ⟦ghp_" + GH_BODY + "⟧", "github-token"),
        hit("GH_TOKEN=⟦gho_" + GH_BODY + "⟧", "github-token"),
        hit("⟦ghu_" + GH_BODY + "⟧ ⟦ghs_" + GH_BODY + "⟧ ⟦ghr_" + GH_BODY + "⟧", "github-token"),
        hit(
            "pat: ⟦github_pat_" + rnd(10, 22, B62) + "_" + rnd(11, 59, B62) + "⟧",
            "github-fine-grained-pat"),
        hit("⟦glpat-" + rnd(12, 20, B64URL) + "⟧", "gitlab-token"),
        hit(
            "SLACK_BOT_TOKEN=⟦xoxb-123456789012-1234567890123-" + rnd(13, 24, B62) + "⟧",
            "slack-token"),
        hit("⟦xoxp-" + rnd(14, 40, "0123456789") + "⟧", "slack-token"),
        hit(
            "webhook: ⟦https://hooks.slack.com/services/T"
                + rnd(15, 8, UPPER)
                + "/B"
                + rnd(16, 10, UPPER)
                + "/"
                + rnd(17, 24, B62)
                + "⟧.",
            "slack-webhook"),
        // JWT and bearer
        hit("Authorization: Bearer ⟦" + JWT + "⟧", "jwt"),
        hit("id_token=⟦" + JWT + "⟧&state=x", "jwt"),
        hit("unsigned ⟦" + JWT_NONE + "⟧ here", "jwt"),
        hit("curl -H \"Authorization: Bearer ⟦" + OPAQUE + "⟧\" https://api", "bearer-token"),
        hit("Authorization: Basic ⟦dXNlcjpwYXNzd29yZDEyMw==⟧", "basic-auth"),
        // PEM
        hit("⟦" + pem("RSA PRIVATE KEY", 20) + "⟧\n", "pem-private-key"),
        hit("key:\n⟦" + pem("OPENSSH PRIVATE KEY", 21) + "⟧", "pem-private-key"),
        hit("⟦" + pem("EC PRIVATE KEY", 22) + "⟧", "pem-private-key"),
        hit("⟦" + pem("ENCRYPTED PRIVATE KEY", 23) + "⟧", "pem-private-key"),
        hit("x ⟦" + pem("PRIVATE KEY", 24) + "⟧ y", "pem-private-key"),
        hit(
            "{\"private_key\": \"⟦" + pem("PRIVATE KEY", 25).replace("\n", "\\n") + "⟧\\n\"}",
            "pem-private-key"),
        hit(
            "truncated: ⟦-----BEGIN RSA PRIVATE KEY-----\n" + b64(26, 90) + "⟧\n[log cut]",
            "pem-private-key"),
        // passwords
        hit("password=⟦Hunter2!⟧", "password-assignment"),
        hit("pwd: ⟦s3cr3t⟧", "password-assignment"),
        hit("{\"user\": \"bob\", \"password\": \"⟦x⟧\"}", "password-assignment"),
        hit("PASSWORD='⟦x⟧'", "password-assignment"),
        hit("Password: ⟦Hunter2!⟧", "password-assignment"),
        hit("pass: ⟦Tr0ub4dor&3⟧", "password-assignment"),
        hit("spring.datasource.password=⟦s3cret-Value⟧", "password-assignment"),
        hit("mysql --password=⟦Sup3r$ecret⟧ -h db", "password-assignment"),
        hit("'password' => '⟦correct horse battery⟧',", "password-assignment"),
        hit("dbPassword := \"⟦Zx9!pl⟧\"", "password-assignment"),
        hit("{password=⟦abc123XY⟧, user=bob}", "password-assignment"),
        hit("The password is: ⟦Summer2024⟧.", "password-assignment"),
        hit("passphrase: \"⟦my long pass phrase⟧\"", "password-assignment"),
        hit("<db><password>⟦Hunter2!⟧</password></db>", "password-assignment"),
        hit("<ApiKey> ⟦" + OPAQUE + "⟧ </ApiKey>", "keyword-entropy"),
        // session 6: password words in other scripts and languages
        hit("Адрес сервера 95.213.44.12, пароль: ⟦Zhuk2024!ok⟧", "password-assignment"),
        hit("Пароль: ⟦Zhuk2024!ok⟧", "password-assignment"),
        hit("hasło: ⟦Wisla#2024⟧", "password-assignment"),
        hit("heslo: ⟦Vltava-2024⟧", "password-assignment"),
        hit("jelszó: ⟦Duna2024!⟧", "password-assignment"),
        hit("şifre: ⟦Bogaz#2024⟧", "password-assignment"),
        hit("parola: ⟦Roma#2024x⟧", "password-assignment"),
        hit("パスワード：⟦Sakura2024!⟧", "password-assignment"),
        hit("初期密码：⟦Xk92!pq7⟧", "password-assignment"),
        // session 6: CURL_USER, the password of curl's -u / --user pair
        hit("curl -u admin:⟦Adm1n#2024x⟧ https://api.contoso.com/v1/export", "password-assignment"),
        hit("curl.exe --user 'svc-crm:⟦Kx!9vR#2mQ7z⟧' -X POST https://x", "password-assignment"),
        hit("curl -s -u \"jdoe@contoso.com:⟦Tr0ub4dor&3⟧\" https://x", "password-assignment"),
        // session 6: FORM_FIELD, a urlencoded body without '?' ends the value before "&name="
        hit("client_secret=⟦" + OPAQUE + "⟧&grant_type=client_credentials", "keyword-entropy"),
        hit("username=bob&password=⟦Mudar%40123x⟧&client_id=web", "password-assignment"),
        hit("pass: ⟦Tr0ub&4dor⟧ (the & stays)", "password-assignment"),
        // connection strings and URLs
        hit(
            "Server=tcp:x.database.windows.net;User ID=sa;Password=⟦P@ss⟧;",
            "connection-string-password"),
        hit(
            "jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=⟦S3cret!⟧;",
            "connection-string-password"),
        hit("jdbc:postgresql://db/app?user=app&password=⟦pw1234⟧&ssl=true", "password-assignment"),
        hit("postgres://user:⟦pass⟧@host:5432/db", "url-credentials"),
        hit("mongodb+srv://admin:⟦S3cr3t⟧@cluster0.example.net/", "url-credentials"),
        hit("clone https://user:⟦p@ss:w0rd⟧@host/repo.git", "url-credentials"),
        hit("https://x-access-token:⟦ghs_" + GH_BODY + "⟧@github.com/o/r", "github-token"),
        hit("https://⟦" + OPAQUE + "⟧@git.example.com/o/r", "url-credentials"),
        // prefixed API keys
        hit("stripe ⟦sk_live_" + rnd(30, 24, B62) + "⟧", "stripe-key"),
        hit("⟦rk_test_" + rnd(31, 99, B62) + "⟧", "stripe-key"),
        hit("key=⟦AIza" + rnd(32, 35, B64URL) + "⟧", "google-api-key"),
        hit("⟦SG." + rnd(33, 22, B64URL) + "." + rnd(34, 43, B64URL) + "⟧", "sendgrid-key"),
        hit("//registry.npmjs.org/:_authToken=⟦npm_" + rnd(35, 36, B62) + "⟧", "npm-token"),
        hit("TWILIO_API_KEY=⟦SK" + rnd(36, 32, HEX) + "⟧", "twilio-api-key"),
        hit("OPENAI_API_KEY=⟦sk-proj-" + rnd(37, 48, B64URL) + "⟧", "openai-key"),
        // session 12: more vendor prefixes (gitleaks' well-known token shapes)
        hit(
            "pip upload token ⟦pypi-AgEIcHlwaS5vcmc" + rnd(60, 120, B64URL) + "⟧ expired",
            "pypi-token"),
        hit("VAULT_TOKEN=⟦hvs." + rnd(61, 95, B62) + "⟧", "vault-token"),
        hit("vault login ⟦hvb." + rnd(62, 150, B64URL) + "⟧", "vault-token"),
        hit(
            "HF token ⟦hf_" + rnd(63, 34, UPPER + "abcdefghijklmnopqrstuvwxyz") + "⟧",
            "huggingface-token"),
        hit(
            "jira api token ⟦ATATT3"
                + rnd(64, 180, B64URL)
                + "="
                + rnd(65, 8, HEX).toUpperCase()
                + "⟧ for jdoe",
            "atlassian-token"),
        hit("x-api-key: ⟦PMAK-" + rnd(66, 24, HEX) + "-" + rnd(67, 34, HEX) + "⟧", "postman-key"),
        hit("newrelic ⟦NRAK-" + rnd(68, 27, UPPER + "0123456789") + "⟧", "new-relic-key"),
        hit("grafana ⟦glsa_" + rnd(69, 32, B62) + "_" + rnd(70, 8, HEX) + "⟧", "grafana-token"),
        hit("square ⟦sq0atp-" + rnd(71, 22, B64URL) + "⟧", "square-token"),
        hit("⟦sq0csp-" + rnd(72, 43, B64URL) + "⟧", "square-token"),
        hit("mailgun ⟦key-" + rnd(73, 32, HEX) + "⟧", "mailgun-key"),
        hit(
            "the portal showed ⟦Xy78Q~"
                + rnd(74, 34, B62 + "_~.-").replace("Q~", "Qx")
                + "⟧ (expires 2027)",
            "azure-ad-client-secret"),
        hit(
            "az ad app credential reset gave ⟦ab.1Q~" + rnd(75, 31, B62) + "⟧\n",
            "azure-ad-client-secret"),
        // after a keyword, the value is named by its shape, not keyword-entropy
        hit(
            "client secret ⟦Xy78Q~" + rnd(77, 34, B62) + "⟧ (expires 2027)",
            "azure-ad-client-secret"),
        hit("{\"clientSecret\": \"⟦ab.1Q~" + rnd(78, 31, B62) + "⟧\"}", "azure-ad-client-secret"),
        hit(
            "posting to ⟦https://discord.com/api/webhooks/123456789012345678/"
                + rnd(76, 68, B64URL)
                + "⟧ fails",
            "discord-webhook"),
        // generic: keyword + entropy
        hit("client_secret: ⟦" + rnd(40, 34, B62) + "⟧", "keyword-entropy"),
        hit("{\"apiKey\": \"⟦" + rnd(41, 32, B62) + "⟧\"}", "keyword-entropy"),
        hit("X-Api-Key: ⟦" + rnd(42, 32, HEX) + "⟧", "keyword-entropy"),
        hit("auth_token=⟦" + SHA1 + "⟧", "keyword-entropy"),
        hit("GET /v1/items?access_token=⟦" + OPAQUE + "⟧&page=2", "keyword-entropy"),
        hit("https://maps.example.com/api?key=⟦" + rnd(43, 39, B62) + "⟧", "keyword-entropy"),
        hit("callback?code=⟦" + rnd(44, 30, B62) + "⟧&state=abc", "keyword-entropy"),
        hit("signing_key = ⟦" + b64(45, 32) + "⟧", "keyword-entropy"),
        hit("Subscription Key: ⟦" + rnd(46, 32, HEX) + "⟧", "keyword-entropy"),
        hit("API key: ⟦" + rnd(47, 24, B62) + "⟧", "keyword-entropy"),
        // prose, user/password pairs, command-line flags (no "=" or ":" after the keyword)
        hit("my password is ⟦Tr0ub4dor&3⟧ btw", "password-prose"),
        hit("the password is \"⟦Tr0ub4dor&3⟧\" for the admin account", "password-prose"),
        hit("I changed the password to '⟦Summer2024!⟧' yesterday", "password-prose"),
        hit("the temp password I set is ⟦P@ssw0rd100⟧", "password-prose"),
        hit("I changed the password to ⟦OY8voqRmQRTJuK_⟧ but it fails", "password-prose"),
        hit("creds: admin / ⟦Winter2025#⟧ -- asked them to rotate", "password-prose"),
        hit("login is admin / ⟦2WGM!RD2CaMIZ⟧ I've been locked out", "password-prose"),
        hit("new pw: ⟦P@ssw0rd497⟧", "password-assignment"),
        hit("contraseña: ⟦football-qwerty-13⟧", "password-assignment"),
        hit("mot de passe : ⟦Admin43letmein⟧", "password-assignment"),
        hit("Kennwort: ⟦Verano2022*⟧", "password-assignment"),
        hit("mysql -u root -p '⟦I1X9z*XeaBINHf⟧' app", "password-assignment"),
        // TOOL_FLAG: a password glued to -p after a MySQL client, or after sshpass -p
        hit("mysql -u root -p⟦S3cr3t!x⟧ db", "password-assignment"),
        hit("mysqldump -h db01 -uadmin -p⟦Kx9#mQ2vLp⟧ shop > shop.sql", "password-assignment"),
        hit("mysql -u root -p'⟦S3cr3t pass⟧' db", "password-assignment"),
        hit("/usr/bin/mariadb -uapp -p\"⟦Tr0ub4dor&3⟧\" -e 'select 1'", "password-assignment"),
        hit("sshpass -p ⟦S3cr3tPw9⟧ ssh admin@10.0.0.5", "password-assignment"),
        hit("sshpass -p'⟦S3cr3tPw9⟧' scp f host:", "password-assignment"),
        hit("az login -u admin@contoso.com -p ⟦Azur3Adm!n42⟧", "password-assignment"),
        // REDIS_AUTH: the password after redis-cli -a (session 7)
        hit("redis-cli -h 10.1.1.5 -a ⟦Red!sAuth2024⟧ ping", "password-assignment"),
        hit(
            "/usr/local/bin/redis-cli -p 6380 -a '⟦s3cr3t-Redis9⟧' --no-auth-warning",
            "password-assignment"),
        // CSV_COLUMN: a password column of a pasted table
        hit("user,pass,role\nsvc_sql,⟦Xk92!mPq7z⟧,admin\nreader,⟦Rd#4455tt⟧,ro", "password-prose"),
        hit("Username;Password\r\njdoe;\"⟦Winter2024x!9⟧\"\r\n", "password-prose"),
        hit("host\tuser\tpwd\ndb01\tsa\t⟦Sa_P4ssw0rd⟧", "password-prose"),
        // NET_USER: the password argument of net user NAME PASSWORD
        hit("C:\\> net user svc_backup ⟦Spr1ng#2024x⟧ /add /domain", "password-prose"),
        hit("NET USER Administrator ⟦P@ssw0rd123⟧\nThe command completed", "password-prose"),
        // NETRC (session 12): a .netrc entry, on one line or several
        hit("machine api.github.com login octocat password ⟦9fQ2xLm7Rt⟧", "password-prose"),
        hit("machine ftp.contoso.com\n  login deploy\n  password ⟦Ftp!2024xq⟧\n", "password-prose"),
        hit("use login admin password ⟦Welcome1⟧ on the box", "password-prose"),
        // a user/password pair after "login" and a blank at a line's head (session 12)
        hit("login admin / ⟦Adm1n!2026⟧", "password-prose"),
        // docker / podman login -p (session 12)
        hit("docker login -u deploy -p ⟦Dkr_Pa55!2026⟧ registry.contoso.io", "password-assignment"),
        hit("podman login quay.io -u bot -p '⟦Q#uayB0t-77⟧'", "password-assignment"),
        hit("VPN - login jdoe / ⟦Summer#2026⟧", "password-prose"),
        // PASSPHRASE and PASSWORD_FOR (session 13): a passphrase with spaces, "password for X:"
        hit("wifi password: ⟦Blue Moon 42!⟧", "password-assignment"),
        hit("Password: ⟦Summer Rain 2024⟧\nUser: jdoe", "password-assignment"),
        hit("password for wifi: ⟦Blue Moon 42!⟧", "password-assignment"),
        hit("Passphrase for the guest network: ⟦Correct Horse 9 Staple⟧", "password-assignment"),
        hit("password for admin: ⟦hunter2x!⟧", "password-assignment"),
        hit("the passphrase is \"⟦purple elephant dancing 7⟧\"", "password-prose"),
        hit("the password is \"⟦Spring 2025⟧\" now", "password-prose"),
        hit("Password: ⟦Welcome1⟧ (temporary)", "password-assignment"),
        // CMDLET (session 13): the assigned PowerShell command is no password, its string is
        hit(
            "$pw = ConvertTo-SecureString \"⟦Summer2025!⟧\" -AsPlainText -Force",
            "password-assignment"),
        // BLANK_VALUE (session 12): a random value after a qualified keyword and a blank
        hit("twilio auth token ⟦3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c⟧", "keyword-entropy"),
        hit("the api key ⟦Kd8sL2pQ9vXz4Tq7Wm1Nb6Rc⟧.", "keyword-entropy"),
        hit("webhook secret ⟦whsec_5f8a9b2c3d4e5f6a7b8c9d0e⟧ leaked", "keyword-entropy"),
        hit("apikey ⟦9f8e7d6c5b4a39281706f5e4d3c2b1a0⟧", "keyword-entropy"),
        // BLANK_VALUE without a qualifier (session 13): bare "secret"/"token", mixed-case values
        hit(
            "secret ⟦wJalrXUtnFEMIaK7MDENGbPxRfiCYzzzKEYab12⟧ for the prod user",
            "keyword-entropy"),
        hit("aws secret ⟦wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzKEYab12⟧", "keyword-entropy"),
        hit("Token ⟦Zx9pQ2vL8mN4rT6yW1sK3dF5gH7jB0cV2nM4qR6t⟧.", "keyword-entropy"),
        // session 14 (probe15b): Rails' SECRET_KEY_BASE
        hit(
            "heroku config:set SECRET_KEY_BASE=⟦a7f3c9e1b5d2f8a4c6e0b3d9f1a5c7e2⟧",
            "keyword-entropy"),
        hit(
            "PS C:\\> az login -u svc-deploy -p '⟦Azur3 Adm!n42⟧' --tenant x",
            "password-assignment"),
        // session 14: keytool's -storepass/-keypass, wpa_supplicant's psk, sqlcmd -P, ldapsearch -w
        hit("keytool -list -keystore app.jks -storepass ⟦Ks#Store9x⟧", "password-assignment"),
        hit(
            "keytool -importkeystore -srcstorepass ⟦Src#Pass9⟧ -deststorepass ⟦Dst#Pass9⟧",
            "password-assignment"),
        hit("keypass: ⟦Kp#2025x⟧", "password-assignment"),
        hit("psk=\"⟦WpaPsk#2025⟧\"", "password-assignment"),
        hit("sqlcmd -S sql01 -U sa -P '⟦SqlCmd#77⟧' -Q \"select 1\"", "password-assignment"),
        hit("SQLCMD.EXE -S sql01 -U sa -P ⟦SqlCmd77x⟧", "password-assignment"),
        hit(
            "ldapsearch -x -D \"cn=admin,dc=contoso,dc=com\" -w ⟦LdapB!nd9⟧ -b \"dc=contoso\"",
            "password-assignment"),
        // IOS_PASSWORD (session 14): Cisco config lines, plain-text type 0 or no type
        hit("username admin privilege 15 password 0 ⟦C1sco!2025⟧", "password-prose"),
        hit("conf t\n username netops password ⟦N3tOps#77⟧\n end", "password-prose"),
        hit("enable password ⟦En@ble2025x⟧", "password-prose"),
        // session 14 (probe15b): IOS "secret 0", REDIS_DIRECTIVE, USER_SLASH
        hit("username admin secret 0 ⟦C1sc0#Secr3t⟧", "password-prose"),
        hit("enable secret 0 ⟦En4ble#Sec⟧", "password-prose"),
        hit(
            "bind 127.0.0.1\nrequirepass ⟦R3d1s!Prod2025⟧\nmasterauth ⟦R3d1s!Prod2025⟧",
            "password-prose"),
        hit("redis-cli CONFIG SET requirepass \"⟦N3wRedis#25⟧\"", "password-prose"),
        hit("the admin creds are admin/⟦Adm1n!2025x⟧", "password-prose"),
        hit("login: root/⟦R00t!pass9⟧", "password-prose"),
        // ESCAPED_JSON (session 15, probe16b): JSON logged inside a JSON string
        hit(
            "{\\\"user\\\":\\\"mlopez\\\",\\\"password\\\":\\\"⟦Xy7#kd93Lq!⟧\\\"}",
            "password-assignment"),
        hit("\"body\": \"{\\\"pwd\\\": \\\"⟦Adm1n#x2025⟧\\\"}\"", "password-assignment"),
        // NET_USE (session 15, probe16b): Windows' "net use" password, after or before /user:
        hit("net use Z: \\\\fs01\\share /user:CORP\\svc_backup ⟦P4ss!w0rd2025⟧", "password-prose"),
        hit(
            "net use \\\\srv\\share ⟦Wint3r#Sky77⟧ /user:corp\\svc /persistent:no",
            "password-prose"),
        // WIFI_KEY and link words in other languages (session 15, probe16b)
        hit("the wifi key is ⟦Gu3st-W1f1-2025⟧", "password-prose"),
        hit("das Passwort lautet ⟦Herbst2025!de⟧", "password-prose"),
        hit("mi password è ⟦Roma#2025it⟧", "password-prose"),
        hit("a senha é ⟦Brasil#2025x⟧", "password-prose"),
        // SSH_PASSWORD (session 15, probe17): after an ssh user@host command, keyword and blank
        hit("ssh admin@host password ⟦Xy7#kd93Lq⟧", "password-prose"),
        hit("ssh -p 2222 deploy@10.0.0.5 password ⟦Dep10y#2025⟧ then sudo -i", "password-prose"),
        // NAME_VALUE_PAIR, TF_VARIABLE, ALIGNED (session 16, probe18): the key named before a
        // generic "value"/"default", and blanks of an aligned column before the separator
        hit("env:\n  - name: DB_PASSWORD\n    value: \"⟦pr0dDbP@ss!77⟧\"", "password-assignment"),
        hit(
            "\"environment\": [{\"name\": \"DB_PASSWORD\", \"value\": \"⟦Ecs#Task2026⟧\"}]",
            "password-assignment"),
        hit("- {name: SMTP_PASS, value: ⟦Smtp!Relay42⟧}", "password-assignment"),
        hit(
            "variable \"db_password\" {\n  default = \"⟦Tf-Db-Pass-2026!⟧\"\n}",
            "password-assignment"),
        hit(
            "variable \"db_password\" {\n  description = \"DB password\"\n  type        = string\n"
                + "  sensitive   = true\n  default     = \"⟦TfDbPass2026x⟧\"\n}",
            "password-assignment"),
        hit("db_password          = \"⟦Aligned#Pw2026⟧\"", "password-assignment"),
        // CLIENT_PASSWORD and COMMAND_FIRST (session 16, probe18): keyword and blank after a
        // database or FTP client command; a later link word no longer hides the ssh form
        hit("mysql -u root password ⟦R00tPass#2026⟧", "password-prose"),
        hit("mysqladmin -u root password '⟦N3wR00t#2026⟧'", "password-prose"),
        hit("psql -U postgres password ⟦Pg#Adm1n2026⟧", "password-prose"),
        hit("ftp ftp.contoso.com user deploy password ⟦Ftp#Dep2026⟧", "password-prose"),
        hit("ssh admin@jump01 password ⟦Xy7#kd93Lq⟧ then sudo to root", "password-prose"),
        // TRAILING_QUALIFIER, USER_FLAG_PAIR, ARM_PARAMETER, CFN_PARAMETER (session 16, probe19)
        hit("hasło tymczasowe: ⟦Haslo!Tymcz42⟧", "password-assignment"),
        hit("votre mot de passe temporaire est : ⟦Tmp-4471-Qz⟧", "password-assignment"),
        hit("contraseña temporal: ⟦Prov!2026-Mx⟧", "password-assignment"),
        hit("geçici şifreniz: ⟦Gecici.Sifre-91⟧", "password-assignment"),
        // PAREN_KEYWORD (session 16, probe19): the keyword in parentheses, or an acronym there
        hit("TAP issued (Temporary Access Pass): ⟦hK4#nW9p⟧ valid 1 hour", "password-assignment"),
        hit("Temporary Access Pass (TAP): ⟦hK4#nW9p⟧", "password-assignment"),
        hit(
            "BitLocker recovery key: ⟦412863-097251-583044-129816-730485-614229-058137-296504⟧",
            "password-assignment"),
        hit(
            "az sql server create -g rg -n sql1 -u sqladmin -p ⟦SqlAdm!n-2026⟧",
            "password-assignment"),
        hit(
            "docker login -u ci-bot -p ⟦Dkr-Hub#2026pw⟧ registry.gitlab.com",
            "password-assignment"),
        hit("\"adminPassword\": {\"value\": \"⟦P@ramFile-9911⟧\"}", "password-assignment"),
        hit(
            "\"parameters\": {\n  \"adminPassword\": {\n    \"value\": \"⟦P@ramFile-9911⟧\"\n  }\n}",
            "password-assignment"),
        hit(
            "Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: ⟦DefaultDb!Pw22⟧",
            "password-assignment"),
        // BANG_INSIDE (session 17, probe20): a "!" that a lower-case word follows ends the value
        hit("the temp password is ⟦Tmp-8842-Kx!⟧ please change it", "password-prose"),
        hit("my password is ⟦Hunter2x⟧! Please change it", "password-prose"),
        // QUALIFIER_AFTER (session 17, probe20): a qualifier in parentheses after the keyword
        hit("Wi-Fi password (guest network): ⟦Gu3st#Wifi26⟧", "password-assignment"),
        hit("Password (admin portal): ⟦Adm1n!Portal⟧", "password-assignment"),
        // QUALIFIER_AFTER with a comma (session 17, probe21)
        hit("Wi-Fi password (guest, 5 GHz): ⟦Gu3st#Wifi26⟧", "password-assignment"),
        hit("Shared mailbox password (ops, handover): ⟦0psM@il-2026⟧", "password-assignment"),
        // ARM_SECURE_DEFAULT (session 17, probe20): a securestring parameter's default
        hit(
            "\"adminPassword\": {\"type\": \"securestring\", \"defaultValue\": \"⟦Sx7#kq2LmP9v⟧\"}",
            "password-assignment"),
        hit(
            "\"adminPassword\": {\n  \"defaultValue\": \"⟦Sx7#kq2LmP9v⟧\",\n  \"type\": \"secureString\"\n}",
            "password-assignment"),
        // CODE_LIST and FOR_CODES (session 17, probe20): recovery and backup codes
        hit("recovery codes: ⟦8f3k-2m9q⟧ ⟦7x1p-4c6z⟧ ⟦3n8w-5t2r⟧", "password-assignment"),
        hit("Recovery codes: ⟦8f3k-2m9q⟧, ⟦7x1p-4c6z⟧", "password-assignment"),
        hit("Backup codes for the admin account: ⟦48291736⟧ ⟦50917324⟧", "password-assignment"),
        hit("backup code: ⟦48291736⟧", "password-assignment"),
        hit("recovery codes: ⟦8f3k-2m9q⟧ and 7x1p-4c6z", "password-assignment"),
        hit("Recovery codes:\n⟦8f3k-2m9q⟧\n⟦7x1p-4c6z⟧\nKeep them safe.", "password-assignment"),
        hit("Backup codes:\r\n  ⟦48291736⟧\r\n  ⟦50917324⟧", "password-assignment"),
        hit("your backup codes (keep them safe): ⟦4829-1736⟧ ⟦5091-7324⟧", "password-assignment"),
        // ERLANG_COOKIE (session 17, probe20): RabbitMQ's cluster secret
        hit("rabbitmq:\n  auth:\n    erlangCookie: ⟦Qm7xK2pL9vR4tW8zN3bC6yH1⟧", "keyword-entropy"),
        hit("RABBITMQ_ERLANG_COOKIE=⟦Zx8pQ2vL7mR4tK9wN3bC6yH1⟧", "keyword-entropy"),
        // ODBC_BRACES (session 14): ODBC quotes a value in braces
        hit(
            "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql01;Uid=sa;Pwd={⟦Odbc#Pass1⟧};",
            "connection-string-password"),
        // PGPASS (session 14): a password file line, own line or after a pgpass cue
        hit("db01.contoso.local:5432:crm:app_user:⟦Pg$ecret2025⟧", "pgpass"),
        hit("cat ~/.pgpass\n*:*:*:postgres:⟦S3cr3t!x⟧\n", "pgpass"),
        hit("  pg-prod-01:5432:*:etl:⟦Etl\\:2025!⟧\r\n", "pgpass"),
        hit("my pgpass: db01:5432:crm:app_user:⟦Pg$ecret2025⟧", "pgpass"),
        hit("In .pgpass: `db01:5432:crm:app:⟦Qx7!pw22⟧`", "pgpass"),
        hit("echo \"db01:5432:crm:app:⟦Pw2025x⟧\" >> ~/.pgpass", "pgpass"),
        hit("PGPASSWORD=⟦S3cr3tPg9⟧ psql -h db01 -U app", "password-assignment"),
        hit("PGPASSWORD='⟦S3cr3t Pg9⟧' pg_dump -h db01 shop", "password-assignment"),
        hit("tool --password ⟦Sup3r$ecret⟧ -h db", "password-assignment"),
        hit(
            "ConvertTo-SecureString \"⟦DW8EYu*YF$o_Y9WE⟧\" -AsPlainText -Force",
            "password-assignment"),
        hit("az storage blob list --account-key ⟦" + ACCOUNT_KEY + "⟧", "azure-account-key"),
        hit("key1: ⟦" + ACCOUNT_KEY + "⟧", "azure-account-key"),
        hit("<add key=\"StorageKey\" value=\"⟦" + ACCOUNT_KEY + "⟧\"/>", "azure-account-key"),
        // the O(1) pre-checks of the word path (first chars, "==" 86 chars on, keyword last char)
        hit("storage key ⟦+" + KEY_BODY_85 + "==⟧ rotated", "azure-account-key"),
        hit("storage key ⟦/" + KEY_BODY_85 + "==⟧ rotated", "azure-account-key"),
        hit("My PASSWORD is ⟦Tr0ub4dor&3⟧ btw", "password-prose"),
        hit("Das Passwort ist ⟦Geheim#2024⟧ ok", "password-prose"),
        hit("CREDS: admin / ⟦Winter2025#⟧ ok", "password-prose"),
        hit("the password is: ⟦Hunter2!x⟧", "password-assignment"),
        // KEY_VALUE_ATTRIBUTES: the key in one attribute, the value in the next (session 11)
        hit("<add key=\"SmtpPassword\" value=\"⟦M4ilRelay!23⟧\" />", "password-assignment"),
        hit("<property name='password' value='⟦Spr1ngDb!9⟧'/>", "password-assignment"),
        hit(
            "<property name=\"hibernate.connection.password\" value=\"⟦H1b3rn@te⟧\"/>",
            "password-assignment"),
        hit("<entry key=\"api.secret\" value=\"⟦a8F3kL9qZ2xV7mT4bN6w⟧\"/>", "keyword-entropy"),
        hit("<input type=\"password\" value=\"⟦Xk9mQ2vLp7⟧\">", "password-assignment"),
        hit("> ⟦" + pem("RSA PRIVATE KEY", 27).replace("\n", "\n> ") + "⟧\n", "pem-private-key"),
        // code points and normalization: spans point into the original text
        hit("🔑🔑 password=⟦Hunter2!⟧ 🔒", "password-assignment"),
        hit("password&#61;⟦Hunter2!⟧", "password-assignment"),
        hit("ｐａｓｓｗｏｒｄ＝⟦Ｈｕｎｔｅｒ２！⟧", "password-assignment"));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("positives")
  void findsSecrets(String patterns, String marked) {
    Marked m = Marked.parse(marked);
    String[] expected = patterns.split(",");
    List<PiiFinding> found = ANALYZER.analyze(m.text());

    assertThat(spans(found)).as("spans").containsExactlyElementsOf(m.spans());
    for (int i = 0; i < found.size(); i++) {
      PiiFinding f = found.get(i);
      assertThat(f.type()).isEqualTo(EntityType.SECRET);
      assertThat(f.detector()).isEqualTo("secret");
      assertThat(f.explanation().pattern())
          .isEqualTo("secret." + expected[Math.min(i, expected.length - 1)]);
      assertThat(f.score()).isGreaterThanOrEqualTo(PiiAnalyzer.DEFAULT_MIN_SCORE);
      String value = m.values().get(i);
      if (f.form().equals("standard")) {
        assertThat(f.canonical()).isEqualTo(value.strip());
      }
    }
  }

  static Stream<String> lookAlikes() {
    return Stream.of(
        // hashes, ids
        "commit " + SHA1,
        "x " + KEY_BODY_85.substring(0, 84) + "== y", // 84 + "==": not an Azure key
        "SHA256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "md5sum d41d8cd98f00b204e9800998ecf8427e  file.iso",
        "correlation id " + GUID,
        "x-correlation-id: " + GUID,
        "request_id=" + GUID,
        "key=" + SHA1,
        "Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
        "integrity sha512-" + ACCOUNT_KEY,
        "digest: " + ACCOUNT_KEY,
        // prose without a password-looking value, flags that are no password
        "the password is expired",
        "the password is \"expired\"",
        "the error says the password is \"not valid for this account\"",
        "I changed the password to something else",
        "my password is too short",
        "creds: admin / see vault",
        "run the app with -p 8080",
        // TOOL_FLAG: -p glued to a value without a MySQL client or sshpass before it
        "ssh -p2222 admin@host",
        // REDIS_AUTH: -a is a password only after redis-cli
        "ls -a /home/Xk92mPq7z",
        "git commit -a Fix42bug",
        "redis-cli -a $REDIS_PASSWORD ping",
        // KEY_VALUE_ATTRIBUTES: no secret key, a placeholder or an empty value
        "<add key=\"SmtpUser\" value=\"relay-user\" />",
        "<add key=\"DbPassword\" value=\"${DB_PASSWORD}\" />",
        "<add key=\"Password\" value=\"\" />",
        "<param name=\"Timeout\" value=\"30\"/>",
        "mkdir -pv /var/lib/app",
        "tar -pxf backup.tar",
        "mysql -u root -p shop",
        "mysql -u root -p",
        "mysql -u root -p$MYSQL_PWD shop",
        "sshpass -p \"$SSHPASS\" ssh host",
        "az login -u admin@contoso.com -p $AZ_PASS",
        "user,pass,role\nsvc_sql,$SQL_PASS,admin\nreader,changeme,ro",
        "my password, sadly, expired.\nticket#12345 is open",
        "Password, please.\nsee KB4400989x now",
        "id,name,password\n1,jdoe\n2,asmith,Xk92!mPq7z,extra",
        // NETRC and BLANK_VALUE guards (session 12)
        "machine host login octocat password $NETRC_PW",
        // PASSPHRASE and PASSWORD_FOR guards (session 13)
        "password for wifi: see the sticker on the router",
        "Password: see the sticker",
        "the password is \"the same as before\"",
        "reset the password for user: jdoe",
        "password for wifi: ********",
        "password: Reset Required",
        "$pw = Read-Host -AsSecureString",
        "$password = Get-Secret -Name db",
        "login failed password reset required",
        "the login page / Settings2026 menu",
        "docker run -p 8080:80 nginx",
        "docker login -u deploy -p $REGISTRY_PASSWORD registry.contoso.io",
        "machine api.github.com login octocat password x",
        "public key 3082010a0282010100c4a5b6d7e8f9",
        "the token 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c is fine",
        "token 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
        "secret santa list for the Q4 party",
        "token refresh failed for ServicePrincipalAppDeployment2024",
        "token ServicePrincipalAppDeployment2024 expired",
        "Key Vault secret SqlAdminPassword2024 expired",
        "the secret ingredient of InvoiceRenderingPipeline2",
        "auth token 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "session key 2024-11-30T10:15:00Z",
        "session key 2024-11-30-1015-abcdef-99",
        "access token expired yesterday, refresh token for user 12345",
        "the api key rotation job ran",
        "net user jdoe /domain",
        "net user jdoe * /add",
        "net user jdoe",
        "net user jdoe newpassword /add",
        "the net user count is 12345 users",
        "internet user jdoe S3cr3t!x9 /add",
        "net user jdoe S3cr3t!x9 please",
        "az webapp create -g rg -p plan1 -n app",
        "a login -p 8080",
        "mysql -u root\nssh -p2222 host",
        // CURL_USER: -u user:password only after curl
        "docker run -u 1000:1000 alpine",
        "ssh -u admin:x host",
        "curl -u admin: https://api.contoso.com",
        "curl -u $USER:$TOKEN https://api.contoso.com",
        "curl -v\n-u admin:S3cr3t!x",
        // placeholders
        "password=<redacted>",
        "password=****",
        "password: [REDACTED]",
        "password=${DB_PASSWORD}",
        "password=$DB_PASSWORD",
        "password=%PASSWORD%",
        "password: xxx",
        "password: XXXXXXXX",
        "\"password\": \"\"",
        "\"password\": null",
        "password: {{ vault_db_password }}",
        "password=",
        "PWD=/var/lib/app",
        "pwd: /home/bob/project",
        "Cwd: C:\\Users\\bob",
        "<password></password>",
        "<password>${DB_PASS}</password>",
        "<passwordPolicy>strict</passwordPolicy>",
        "<password>unterminated",
        "api_key=YOUR_API_KEY",
        "api_key: <your-api-key>",
        "token=your-token-here",
        // prose
        "I forgot my password",
        "password reset link",
        "the password is expired",
        "Password: required",
        "Password: must be at least 8 characters",
        "Reason: password expired; user: bob",
        "Pass: 3, Fail: 0",
        "Bearer of bad news",
        "the bearer token is missing",
        "Token: expired",
        // code
        "password = getPassword();",
        "password: process.env.DB_PASS",
        "password=config.db.password",
        "if (password == null) return;",
        "if (password != expected) fail();",
        "token: AccessTokenProvider",
        // URLs, paths, versions, config
        "https://example.com/path?q=1&page=2",
        "https://user@example.com/",
        "see http://localhost:8080/health",
        "key=/etc/ssl/private/server.key",
        "key_file: ./certs/tls.key",
        "private_key: server.pem",
        "token_version=1.2.3",
        "api_version: 2023-01-01",
        "key=name",
        "key=value",
        "sort_key=createdAtTimestampValue",
        "Primary Key: " + OPAQUE,
        "Press the Enter key: " + SHA1,
        "public_key=" + b64(50, 32),
        "monkey=" + OPAQUE,
        "bypass: " + OPAQUE,
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA",
        "C:\\Users\\bob\\secrets\\key.txt",
        "version 10.0.19045.3803",
        // session 14: -P and -w belong to other tools elsewhere; placeholders in ODBC braces
        "grep -w Foo123x file.txt",
        "ssh -P 2222 host",
        "scp -P 2222 Report2025x.pdf host:",
        "Server=x;Pwd={0};Database=y",
        "Server=x;Password={{ db_pass }};",
        "Server=x;Password={your_password};",
        "monkeypass=Abc123x",
        "db_password: !vault |",
        "username admin privilege 15 password 7 0822455D0A16",
        "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0",
        "the username field and password 0 are required",
        "username admin secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM",
        "# requirepass foobared",
        // NET_USE and WIFI_KEY look-alikes (session 15, probe16b): a prompt, no "net use", prose
        "net use Z: \\\\srv\\share /user:corp\\svc",
        "net use Z: \\\\srv\\share * /user:corp\\svc /persistent:yes",
        "see /user:admin Summer2025x for the switch",
        "the wifi key is in the drawer",
        "the network key is WPA2",
        // SSH_PASSWORD look-alikes (session 15, probe17): no ssh command, prose after the keyword
        "run ssh admin@host password reset link is in the mail",
        "email maria@contoso.com password reset requested",
        "ssh admin@host\npassword Xy7#kd93Lq",
        // CLIENT_PASSWORD look-alikes (session 16, probe18): no word between the command and
        // the keyword, prose after it, the command on another line
        "mysql password reset steps are in the wiki",
        "mysql -u root password is in the vault",
        "psql -U postgres password reset link is in the mail",
        "ftp password Ftp#Dep2026",
        "mysql -u root\npassword Qx7#kd93Lq",
        // NAME_VALUE_PAIR and TF_VARIABLE look-alikes (session 16, probe18): no secret key
        // named, a reference instead of a value, a placeholder, another block's default
        "env:\n  - name: LOG_LEVEL\n    value: \"debug\"",
        "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        key: password",
        "env:\n  - name: DB_PASSWORD\n    value: \"<set me>\"",
        "{\"name\": \"Maria\", \"value\": \"Qx7#kd93Lq\"}",
        "variable \"region\" {\n  default = \"eu-west-1\"\n}",
        "variable \"db_password\" {\n  type = string\n}\nvariable \"x\" {\n  default = \"Plain#Val99x\"\n}",
        "variable \"db_password\" {\n  default = var.secret\n}",
        "db_password          = \"********\"",
        // look-alikes of the session 16 (probe19) forms: a port after -u, another block's
        // value, a parameter without a secret name, a CloudFormation reference, a qualifier alone
        "tool -u admin -p 8080",
        "psql -U postgres -W -d shop",
        "mysqldump -u root -p shop > shop.sql",
        "docker run -p 8080:80 nginx",
        "\"parameters\": {\n  \"location\": {\n    \"value\": \"Qx7#kd93Lq\"\n  }\n}",
        "Parameters:\n  InstanceType:\n    Type: String\n    Default: Qx7#kd93Lq",
        "MasterUserPassword: !Ref DBPassword",
        "Recovery key ID: 5A3B1C2D",
        "if (password): return",
        "Password (optional): leave blank",
        "Access (read only): Qx7#kd93Lq",
        "MasterUserPassword: !Sub '{{resolve:secretsmanager:db}}'",
        "Status temporal: Qx7#kd93Lq",
        // PROSE_NEXT look-alikes (session 17, probe20): a sentence after a password word
        "hasło: zostało wysłane SMS-em",
        "hasło tymczasowe: zostało wysłane SMS-em",
        "mot de passe : envoyé par SMS",
        "şifre: SMS ile gönderildi",
        "Passwort: SMS wurde verschickt",
        "Password: SMS to follow",
        // BANG_INSIDE look-alike (session 17, probe20): a word and an exclamation
        "the password is correct! please try again",
        // QUALIFIER_AFTER look-alikes (session 17, probe20): no secret word before the qualifier
        "Phone (guest network): Gu3st#Wifi26",
        "Primary key (guest table): Gu3st#Wifi26",
        // ARM_SECURE_DEFAULT look-alikes (session 17, probe20): no secret key, another type
        "\"location\": {\"type\": \"securestring\", \"defaultValue\": \"Sx7#kq2LmP9v\"}",
        "\"adminPassword\": {\"type\": \"string\", \"defaultValue\": \"Sx7#kq2LmP9v\"}",
        // CODE_LIST look-alikes (session 17, probe20): codes that are no credentials, no values
        "Error codes for the API: 500 502 503",
        "status codes: 200 404",
        "Promo codes for the sale: SAVE20X SPRING21",
        "backup codes: see the vault",
        "Backup code: 12",
        "Recovery codes:\nsee the vault",
        "Error codes (gateway): 502 504",
        "RABBITMQ_ERLANG_COOKIE=${ERLANG_COOKIE}",
        // FILE_PATH look-alikes (session 17, probe20): the file that holds the password
        "kubectl create secret generic db --from-file=password=./pw.txt",
        "password: /etc/app/db.pass",
        "erlangCookie: \"\"",
        // ESCAPED_JSON look-alikes (session 15, probe16b): empty, placeholder, unclosed
        "{\\\"password\\\":\\\"\\\"}",
        "{\\\"password\\\":\\\"<password>\\\"}",
        "{\\\"password\\\":\\\"Xy7#kd93Lq!",
        "The requirepass directive requires a password.",
        "the creds are in vault/kv/app",
        "login is admin/admin",
        "SECRET_KEY_BASE=${SECRET_KEY_BASE}",
        "SECRET_KEY_BASE=changeme",
        // PGPASS look-alikes (session 14): no cue and one char class, prose around, six fields
        "web01:443:nginx:www-data:active",
        "the line db01:5432:crm:app:Pw2025x is in the file",
        "x:db01:5432:crm:app:Pw2025x",
        "at 10:14:30:12:45 the job",
        "[10:14:30] started:ok:Run2",
        "localhost:5432:mydb:myuser:<your-password>",
        // near misses of prefixed tokens
        "ghp_short",
        "AKIA1234",
        "AKIAIOSFODNN7EXAMPLEX",
        "xoxb-123",
        "SKU-" + rnd(51, 32, HEX),
        "eyJhbGciOi",
        "eyJfoo.eyJbar.baz",
        "sk-SE sv-SE",
        // session 12: near misses of the new prefixes
        "key-value store, key-" + rnd(80, 31, HEX) + " (31 hex)",
        "hf_hub_download(repo_id) and hf_transfer",
        "run pypi-server on port 8080",
        "PMAK-1234 is the Jira key of the Postman ticket",
        "cd ~/projects && ls ~/.ssh ~ done",
        "size ~3Q~ estimated, approx ~40 units",
        "https://discord.com/api/webhooks/ is the endpoint (no id)",
        // PEM look-alikes
        "-----BEGIN CERTIFICATE-----\n" + b64(52, 120) + "\n-----END CERTIFICATE-----",
        "-----BEGIN PUBLIC KEY-----\n" + b64(53, 120) + "\n-----END PUBLIC KEY-----",
        "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("lookAlikes")
  void ignoresLookAlikes(String text) {
    assertThat(ANALYZER.analyze(text)).isEmpty();
  }

  static Stream<Arguments> scores() {
    return Stream.of(
        Arguments.of("aws_access_key_id=" + AWS_ID, 0.95, "prefix"),
        Arguments.of("AKIA" + rnd(60, 16, "0189"), 0.85, "prefix"),
        Arguments.of("token ghp_" + GH_BODY, 0.95, "prefix"),
        Arguments.of(JWT, 0.95, "jwt-header"),
        Arguments.of(pem("RSA PRIVATE KEY", 61), 0.99, "base64"),
        Arguments.of("AccountKey=" + ACCOUNT_KEY, 0.95, "base64"),
        Arguments.of("password=Hunter2!", 0.85, "keyword"),
        Arguments.of("postgres://u:Hunter2@h/db", 0.96, "userinfo"),
        Arguments.of("Authorization: Bearer " + OPAQUE, 0.9, "entropy"),
        Arguments.of("Bearer " + OPAQUE, 0.85, "entropy"),
        Arguments.of("client_secret=" + OPAQUE, 0.75, "entropy"),
        Arguments.of("client_secret=" + SHA1, 0.7, "entropy"),
        Arguments.of("api_key=" + GUID, 0.6, "entropy"),
        Arguments.of("key=" + OPAQUE, 0.6, "entropy"));
  }

  @ParameterizedTest(name = "[{index}] {1} {2}")
  @MethodSource("scores")
  void scoresFollowTheEngineConventions(String text, double score, String validation) {
    List<PiiFinding> found = ANALYZER.analyze(text);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).score()).isEqualTo(score);
    assertThat(found.get(0).explanation().validation()).isEqualTo(validation);
  }

  @Test
  void weakDefaultPasswordsAreReportedBelowTheDefaultMinimum() {
    PiiAnalyzer lenient =
        PiiAnalyzer.builder().entities(EnumSet.of(EntityType.SECRET)).minScore(0.4).build();
    for (String text :
        List.of("password=changeme", "password: password", "postgres://u:admin@h/db")) {
      assertThat(ANALYZER.analyze(text)).as(text).isEmpty();
      List<PiiFinding> found = lenient.analyze(text);
      assertThat(found).as(text).hasSize(1);
      assertThat(found.get(0).score()).isEqualTo(0.45);
    }
  }

  @Test
  void percentEncodedSignatureKeepsTheDecodedValueAsCanonical() {
    String text = "https://a.blob.core.windows.net/c?sv=2021-06-08&sig=" + urlEncode(SAS_SIG);
    List<PiiFinding> found = ANALYZER.analyze(text);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).canonical()).isEqualTo(SAS_SIG);
    assertThat(found.get(0).form()).isEqualTo("percent");
    assertThat(found.get(0).end()).isEqualTo(text.length());
    assertThat(found.get(0).score()).isEqualTo(0.95);
  }

  @Test
  void explanationNamesTheKeywordAndToStringHoldsNoSecret() {
    PiiFinding f = ANALYZER.analyze("DB_PASSWORD=Hunter2!").get(0);
    assertThat(f.explanation().contextWords()).containsExactly("password");
    assertThat(f.toString()).doesNotContain("Hunter2");
  }

  @Test
  void findsSecretsAmongOtherDetectorsFindings() {
    String text = "Hi, reach me at jane@contoso.com; db postgres://jane:Hunter2x@10.0.0.5:5432/app";
    List<PiiFinding> found = PiiAnalyzer.builder().build().analyze(text);
    assertThat(found)
        .filteredOn(f -> f.type() == EntityType.SECRET)
        .extracting(PiiFinding::canonical)
        .containsExactly("Hunter2x");
  }

  // ------------------------------------------------------------------ adversarial input

  static Stream<Arguments> adversarial() {
    int n = 1 << 20;
    // inputs that yield one finding every few chars stay at 64 KB: the engine's overlap
    // resolution, not this detector, is quadratic in the number of findings
    int m = 1 << 16;
    return Stream.of(
        Arguments.of("1 MB of =", "=".repeat(n), 0),
        Arguments.of("1 MB of :", ":".repeat(n), 0),
        Arguments.of("password=password=...", "password=".repeat(n / 9), 1),
        Arguments.of("\"password\":\"x...", "\"password\":\"x".repeat(m / 13), -1),
        Arguments.of("BEGIN without END", "-----BEGIN RSA PRIVATE KEY-----\n".repeat(n / 32), 0),
        Arguments.of(
            "BEGIN + body without END",
            ("-----BEGIN PRIVATE KEY-----\n" + b64(70, 60)).repeat(n / 110),
            -1),
        Arguments.of("eyJ.eyJ.", "eyJ.eyJ.".repeat(n / 8), 0),
        Arguments.of("eyJ-eyJ-", "eyJ-".repeat(n / 4), 0),
        Arguments.of("eyJ long header", "eyJ" + "a".repeat(n) + ".eyJ", 0),
        Arguments.of("Bearer Bearer", "Bearer ".repeat(n / 7), 0),
        Arguments.of("a://a://", "a://".repeat(n / 4), 0),
        Arguments.of("https://u:p@ repeated", "https://u:@".repeat(n / 11), 0),
        Arguments.of("&sig= repeated", "&sig=".repeat(n / 5), 0),
        Arguments.of(";AccountKey= repeated", ";AccountKey=".repeat(n / 12), 0),
        Arguments.of("ghp_ghp_", "ghp_".repeat(n / 4), 0),
        Arguments.of("long keyword", "a".repeat(n) + "_password=x", 1),
        Arguments.of("token=token=", "token=".repeat(n / 6), 0),
        Arguments.of("key:key:", "key: ".repeat(n / 5), 0),
        Arguments.of("1:1:1:", "1:".repeat(n / 2), 0),
        Arguments.of("pgpass host:5432: repeated", "pgpass h:5432:d:u:".repeat(n / 18), 0),
        Arguments.of("<password> repeated", "<password>".repeat(n / 10), 0),
        Arguments.of("unclosed quotes", "password=\"".repeat(m / 10), -1));
  }

  /** No timing assertion: these must simply finish (linear scanners) with bounded results. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("adversarial")
  void adversarialInputFinishes(String name, String text, int expected) {
    List<PiiFinding> found = ANALYZER.analyze(text);
    // counts and booleans only: a failure message listing 50,000 findings would not help
    if (expected >= 0) {
      assertThat(found.size()).isEqualTo(expected);
    } else {
      assertThat(found.size()).isPositive();
      assertThat(found.stream().allMatch(f -> f.end() - f.start() <= 200)).isTrue();
    }
  }

  /** Random texts glued from trigger fragments: no exception, spans inside the text, disjoint. */
  @Test
  void randomTriggerSoupNeverFailsAndKeepsSpansInBounds() {
    String[] parts = {
      "password",
      "=",
      ":",
      "\"",
      "'",
      " ",
      "\n",
      "eyJ",
      ".",
      "-",
      "-----BEGIN ",
      "PRIVATE KEY-----",
      "-----END ",
      "://",
      "@",
      ";",
      "AccountKey=",
      "&sig=",
      "?",
      "ghp_",
      "Bearer ",
      "%2B",
      "&#61;",
      "🔑",
      "Ｐ",
      "\u200b",
      "AKIA",
      "sk_live_",
      "xoxb-",
      "SG.",
      "Authorization: Basic ",
      "token",
      GH_BODY,
      AWS_SECRET,
      SHARED_KEY,
      OPAQUE,
      JWT
    };
    Random r = new Random(99);
    for (int round = 0; round < 3000; round++) {
      StringBuilder sb = new StringBuilder();
      int k = 1 + r.nextInt(40);
      for (int i = 0; i < k; i++) {
        sb.append(parts[r.nextInt(parts.length)]);
      }
      String text = sb.toString();
      List<PiiFinding> found = ANALYZER.analyze(text);
      int cps = text.codePointCount(0, text.length());
      int last = 0;
      for (PiiFinding f : found) {
        assertThat(f.start()).as("round %d", round).isGreaterThanOrEqualTo(last);
        assertThat(f.end()).as("round %d", round).isGreaterThan(f.start()).isLessThanOrEqualTo(cps);
        last = f.end();
      }
    }
  }

  private static List<int[]> spans(List<PiiFinding> found) {
    List<int[]> out = new ArrayList<>();
    for (PiiFinding f : found) {
      out.add(new int[] {f.start(), f.end()});
    }
    return out;
  }
}
