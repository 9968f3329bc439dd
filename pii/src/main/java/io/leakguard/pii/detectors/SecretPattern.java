package io.leakguard.pii.detectors;

import static io.leakguard.pii.detectors.SecretChars.ALNUM;
import static io.leakguard.pii.detectors.SecretChars.B64;
import static io.leakguard.pii.detectors.SecretChars.B64URL;
import static io.leakguard.pii.detectors.SecretChars.TOKEN68;
import static io.leakguard.pii.detectors.SecretChars.VALUE;

import java.util.List;
import java.util.Set;

/**
 * The named secret patterns of {@link SecretDetector}, each with its own scanner, guards and
 * validation (the Checkov/Presidio shape: one small named check per kind of secret).
 *
 * <p>A pattern is started from one of three triggers:
 *
 * <ul>
 *   <li><b>word</b>: an alphanumeric token starting with one of {@link #prefixes} ({@code AKIA},
 *       {@code ghp_}, {@code eyJ}, {@code Bearer}...); {@code pos} is the token start;
 *   <li><b>assignment</b>: a {@code =} or {@code :} after a keyword of {@link SecretKeywords};
 *       {@code pos} is the value start and {@link SecretScan} holds keyword and value spans;
 *   <li><b>punctuation</b>: {@code -----BEGIN} (PEM) and {@code ://} (URLs); {@code pos} is the
 *       {@code -} or {@code :}.
 * </ul>
 *
 * Patterns without a trigger ({@link #CONNECTION_STRING_PASSWORD}, {@link
 * #AZURE_CONNECTION_STRING}) are reported by a related pattern that found more context. Every
 * scanner looks at a bounded window or asks {@link SecretScan#runEnd} (cached), so the detector is
 * linear in the text.
 */
enum SecretPattern {
  /** AWS access key id: {@code AKIA}/{@code ASIA} + 16 upper-case base32 chars. */
  AWS_ACCESS_KEY("aws-access-key", "AKIA", "ASIA") {
    @Override
    boolean scan(SecretScan s, int pos) {
      if (matchPrefix(s, pos) < 0 || !boundaryBefore(s, pos)) {
        return false;
      }
      int e = s.runEnd(pos, ALNUM);
      if (e - pos != 20 || SecretChars.is(s.at(e), B64URL)) {
        return false;
      }
      boolean base32 = true;
      for (int i = pos + 4; i < e; i++) {
        char c = s.text.charAt(i);
        if (c >= 'a' && c <= 'z') {
          return false;
        }
        if (c == '0' || c == '1' || c == '8' || c == '9') {
          base32 = false;
        }
      }
      s.report(this, pos, e, base32 ? 0.95 : 0.85, "prefix");
      pairedSecretKey(s, e);
      return true;
    }

    /** credentials.csv and similar: the secret access key right after the key id. */
    private void pairedSecretKey(SecretScan s, int from) {
      int p = from;
      int skipped = 0;
      while (p < s.length && skipped < 4 && " \t,;:|\"'=".indexOf(s.at(p)) >= 0) {
        p++;
        skipped++;
      }
      if (skipped == 0) {
        return;
      }
      int e = s.runEnd(p, B64);
      if (e - p == 40
          && !SecretChars.is(s.at(e), B64URL)
          && s.at(e) != '='
          && SecretChars.alnumClassCount(SecretChars.classes(s.text, p, e)) >= 3
          && SecretChars.entropy(s.text, p, e) >= 4.0) {
        s.report(AWS_SECRET_KEY, p, e, 0.85, 0.85, "base64", List.of("aws access key id"));
      }
    }
  },

  /** AWS secret access key (40 base64 chars) after {@code aws_secret_access_key} and the like. */
  AWS_SECRET_KEY("aws-secret-key") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int vs = s.valueStart;
      int ve = s.valueEnd;
      if (ve - vs == 40
          && SecretChars.all(s.text, vs, ve, B64)
          && SecretChars.alnumClassCount(SecretChars.classes(s.text, vs, ve)) >= 2
          && SecretChars.entropy(s.text, vs, ve) >= 3.5) {
        s.report(this, vs, ve, 0.9, 0.9, "base64", List.of(s.rule.word()));
        return true;
      }
      return KEYWORD_ENTROPY.scan(s, pos);
    }
  },

  /** GitHub classic tokens: {@code ghp_ gho_ ghu_ ghs_ ghr_} + 36 alphanumerics. */
  GITHUB_TOKEN("github-token", "ghp_", "gho_", "ghu_", "ghs_", "ghr_") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int p = matchPrefix(s, pos);
      if (p < 0 || !boundaryBefore(s, pos)) {
        return false;
      }
      int e = s.runEnd(p, ALNUM);
      if (e - p != 36 || SecretChars.is(s.at(e), B64URL)) {
        return false;
      }
      s.report(this, pos, e, 0.95, "prefix");
      return true;
    }
  },

  /** GitHub fine-grained personal access token: {@code github_pat_} + about 82 chars. */
  GITHUB_FINE_GRAINED_PAT("github-fine-grained-pat", "github_pat_") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int p = matchPrefix(s, pos);
      if (p < 0 || !boundaryBefore(s, pos)) {
        return false;
      }
      int e = s.runEnd(p, B64URL);
      if (e - p < 70 || e - p > 120) {
        return false;
      }
      for (int i = p; i < e; i++) {
        if (s.text.charAt(i) == '-') {
          return false;
        }
      }
      s.report(this, pos, e, 0.95, "prefix");
      return true;
    }
  },

  /** GitLab personal access token: {@code glpat-} + 20 or more chars. */
  GITLAB_TOKEN("gitlab-token", "glpat-") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedRun(s, pos, B64URL, 20, 64, 0.95);
    }
  },

  /** Slack tokens: {@code xoxb- xoxp- xoxa- xoxr- xoxs- xoxe-} + digits, dashes and alnum. */
  SLACK_TOKEN("slack-token", "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int p = matchPrefix(s, pos);
      if (p < 0 || !boundaryBefore(s, pos)) {
        return false;
      }
      int e = s.runEnd(p, B64URL);
      if (e - p < 20
          || e - p > 255
          || (SecretChars.classes(s.text, p, e) & SecretChars.HAS_DIGIT) == 0) {
        return false;
      }
      s.report(this, pos, e, 0.95, "prefix");
      return true;
    }
  },

  /** Stripe secret and restricted keys: {@code sk_live_ sk_test_ rk_live_ rk_test_}. */
  STRIPE_KEY("stripe-key", "sk_live_", "sk_test_", "rk_live_", "rk_test_") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedRun(s, pos, ALNUM, 24, 247, 0.95);
    }
  },

  /** OpenAI-style keys: {@code sk-} (also {@code sk-proj-}, {@code sk-ant-}) + 32 or more chars. */
  OPENAI_KEY("openai-key", "sk-") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int p = matchPrefix(s, pos);
      if (p < 0 || !boundaryBefore(s, pos)) {
        return false;
      }
      int e = s.runEnd(p, B64URL);
      if (e - p < 32
          || e - p > 256
          || SecretChars.alnumClassCount(SecretChars.classes(s.text, p, e)) < 3
          || SecretChars.entropy(s.text, p, e) < 3.5) {
        return false;
      }
      s.report(this, pos, e, 0.9, "entropy");
      return true;
    }
  },

  /** Google API key: {@code AIza} + 35 base64url chars. */
  GOOGLE_API_KEY("google-api-key", "AIza") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedRun(s, pos, B64URL, 35, 35, 0.95);
    }
  },

  /** SendGrid API key: {@code SG.} + 22 + {@code .} + 43 base64url chars. */
  SENDGRID_KEY("sendgrid-key", "SG.") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int p = matchPrefix(s, pos);
      if (p < 0 || !boundaryBefore(s, pos)) {
        return false;
      }
      int a = s.runEnd(p, B64URL);
      if (a - p != 22 || s.at(a) != '.') {
        return false;
      }
      int e = s.runEnd(a + 1, B64URL);
      if (e - a - 1 != 43) {
        return false;
      }
      s.report(this, pos, e, 0.95, "prefix");
      return true;
    }
  },

  /** npm access token: {@code npm_} + 36 alphanumerics. */
  NPM_TOKEN("npm-token", "npm_") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedRun(s, pos, ALNUM, 36, 36, 0.95);
    }
  },

  /** PyPI API token: {@code pypi-AgEIcHlwaS5vcmc} (a macaroon for pypi.org) + 50 or more chars. */
  PYPI_TOKEN("pypi-token", "pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedRun(s, pos, B64URL, 50, 1000, 0.95);
    }
  },

  /** HashiCorp Vault service and batch tokens: {@code hvs.} + 90-120, {@code hvb.} + 138-300. */
  VAULT_TOKEN("vault-token", "hvs.", "hvb.") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int p = afterPrefix(s, pos);
      if (p < 0) {
        return false;
      }
      int e = s.runEnd(p, B64URL);
      boolean batch = s.at(pos + 2) == 'b';
      if (e - p < (batch ? 138 : 90)
          || e - p > (batch ? 300 : 120)
          || SecretChars.alnumClassCount(SecretChars.classes(s.text, p, e)) < 3) {
        return false;
      }
      return reportPrefixed(s, pos, e);
    }
  },

  /** Hugging Face user access token: {@code hf_} + 34 letters. */
  HUGGINGFACE_TOKEN("huggingface-token", "hf_") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedAlnum(s, pos, 34, SecretChars.HAS_DIGIT, 0, 3.5, 0.95);
    }
  },

  /**
   * Atlassian (Jira, Confluence) API token: {@code ATATT3} + about 180 chars, {@code =} + 8 hex.
   */
  ATLASSIAN_TOKEN("atlassian-token", "ATATT3") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int p = afterPrefix(s, pos);
      if (p < 0) {
        return false;
      }
      int e = s.runEnd(p, B64URL);
      if (e - p < 150 || e - p > 250) {
        return false;
      }
      if (s.at(e) == '=' && s.runEnd(e + 1, ALNUM) - e - 1 == 8 && hex(s, e + 1, e + 9)) {
        e += 9; // the checksum
      }
      return reportPrefixed(s, pos, e);
    }
  },

  /** Postman API key: {@code PMAK-} + 24 hex + {@code -} + 34 hex. */
  POSTMAN_KEY("postman-key", "PMAK-") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedPair(s, pos, 24, true, '-', 34);
    }
  },

  /** New Relic user API key: {@code NRAK-} + 27 upper-case letters and digits. */
  NEW_RELIC_KEY("new-relic-key", "NRAK-") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedAlnum(s, pos, 27, SecretChars.HAS_LOWER, 0, 0, 0.95);
    }
  },

  /** Grafana service account token: {@code glsa_} + 32 alnum + {@code _} + 8 hex. */
  GRAFANA_TOKEN("grafana-token", "glsa_") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedPair(s, pos, 32, false, '_', 8);
    }
  },

  /** Square access token and OAuth secret: {@code sq0atp-} + 22, {@code sq0csp-} + 43 base64url. */
  SQUARE_TOKEN("square-token", "sq0atp-", "sq0csp-") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int n = s.at(pos + 3) == 'a' ? 22 : 43;
      return prefixedRun(s, pos, B64URL, n, n, 0.95);
    }
  },

  /**
   * Mailgun API key: {@code key-} + 32 lower-case letters and digits (Mailgun's own example, {@code
   * key-3ax6xnjp29jd6fds4gc373sgvjxteol0}, is not hex), with a digit, entropy at least 3.5.
   */
  MAILGUN_KEY("mailgun-key", "key-") {
    @Override
    boolean scan(SecretScan s, int pos) {
      return prefixedAlnum(s, pos, 32, SecretChars.HAS_UPPER, SecretChars.HAS_DIGIT, 3.5, 0.9);
    }
  },

  /**
   * Microsoft Entra ID (Azure AD) client secret: 3 chars, a digit, {@code Q~}, then 31-34 chars of
   * {@code [A-Za-z0-9_~.-]}: 40 in all. Triggered at the {@code ~}, which support text seldom
   * holds.
   */
  AZURE_AD_CLIENT_SECRET("azure-ad-client-secret") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int start = pos - 5;
      if (start < 0
          || s.at(pos - 1) != 'Q'
          || s.at(pos - 2) < '0'
          || s.at(pos - 2) > '9'
          || isClientSecretChar(s.at(start - 1))) {
        return false;
      }
      for (int i = start; i < pos - 2; i++) {
        if (!isClientSecretChar(s.at(i))) {
          return false;
        }
      }
      int e = pos + 1;
      while (e < s.length && e - pos <= 35 && isClientSecretChar(s.at(e))) {
        e++;
      }
      int tail = e - pos - 1;
      if (tail < 31
          || tail > 34
          || SecretChars.alnumClassCount(SecretChars.classes(s.text, pos + 1, e)) < 3
          || SecretChars.entropy(s.text, start, e) < 3.5) {
        return false;
      }
      s.report(this, start, e, 0.9, "entropy");
      return true;
    }

    private boolean isClientSecretChar(char c) {
      return SecretChars.is(c, ALNUM) || c == '_' || c == '~' || c == '.' || c == '-';
    }
  },

  /** Discord webhook URL {@code https://discord.com/api/webhooks/ID/TOKEN} (whole). */
  DISCORD_WEBHOOK("discord-webhook") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int p = pos + 3;
      if (s.startsWithIgnoreCase("discord.com/api/webhooks/", p)) {
        p += 25;
      } else if (s.startsWithIgnoreCase("discordapp.com/api/webhooks/", p)) {
        p += 28;
      } else {
        return false;
      }
      int start = pos;
      while (start > 0 && pos - start < 8 && Character.isLetter(s.at(start - 1))) {
        start--;
      }
      int id = s.runEnd(p, ALNUM);
      if (start == pos || id - p < 17 || id - p > 20 || s.at(id) != '/') {
        return false;
      }
      for (int i = p; i < id; i++) {
        if (s.at(i) < '0' || s.at(i) > '9') {
          return false;
        }
      }
      int e = s.runEnd(id + 1, B64URL);
      if (e - id - 1 < 60 || e - id - 1 > 80) {
        return false;
      }
      s.report(this, start, e, 0.95, "prefix");
      return true;
    }
  },

  /** Twilio API key SID: {@code SK} + 32 lower-case hex digits. */
  TWILIO_API_KEY("twilio-api-key", "SK") {
    @Override
    boolean scan(SecretScan s, int pos) {
      if (!s.startsWith("SK", pos) || !boundaryBefore(s, pos)) {
        return false;
      }
      int e = s.runEnd(pos, ALNUM);
      if (e - pos != 34 || SecretChars.is(s.at(e), B64URL)) {
        return false;
      }
      for (int i = pos + 2; i < e; i++) {
        char c = s.text.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
          return false;
        }
      }
      if (SecretChars.alnumClassCount(SecretChars.classes(s.text, pos + 2, e)) < 2) {
        return false;
      }
      s.report(this, pos, e, 0.8, "prefix");
      return true;
    }
  },

  /** JSON Web Token: three base64url segments, the header decoding to JSON with {@code "alg"}. */
  JWT("jwt", "eyJ") {
    @Override
    boolean scan(SecretScan s, int pos) {
      if (matchPrefix(s, pos) < 0 || !boundaryBefore(s, pos)) {
        return false;
      }
      int h = s.runEnd(pos, B64URL);
      if (h - pos < 10 || s.at(h) != '.') {
        return false;
      }
      int p2 = h + 1;
      int b = s.runEnd(p2, B64URL);
      if (b - p2 < 4 || s.at(b) != '.') {
        return false;
      }
      int sig = s.runEnd(b + 1, B64URL);
      int end = sig > b + 1 ? sig : b + 1;
      if (!validHeader(s, pos, h)) {
        return false;
      }
      s.report(this, pos, end, 0.95, "jwt-header");
      return true;
    }

    /** JWT_HEADER validation: decodes (at most 512 chars of) the header: a JSON object with alg. */
    private boolean validHeader(SecretScan s, int from, int to) {
      int n = Math.min(to - from, 512);
      n -= n % 4 == 1 ? 1 : 0;
      byte[] json = SecretChars.decode(s.text, from, from + n, true);
      if (json == null || json.length < 8 || json[0] != '{') {
        return false;
      }
      for (int i = 0; i + 5 <= json.length; i++) {
        if (json[i] == '"'
            && json[i + 1] == 'a'
            && json[i + 2] == 'l'
            && json[i + 3] == 'g'
            && json[i + 4] == '"') {
          return true;
        }
      }
      return false;
    }
  },

  /** {@code Bearer <token>} (the token only), typically in an {@code Authorization} header. */
  BEARER_TOKEN("bearer-token", "Bearer", "bearer", "BEARER") {
    @Override
    boolean scan(SecretScan s, int pos) {
      if ((s.at(pos + 2) | 0x20) != 'a' // "be", "because": no char but a/A folds to 'a'
          || !s.startsWithIgnoreCase("bearer", pos)
          || SecretChars.is(s.at(pos + 6), ALNUM)) {
        return false;
      }
      int v = pos + 6;
      int spaces = 0;
      while (s.at(v) == ' ' && spaces < 3) {
        v++;
        spaces++;
      }
      if (spaces == 0) {
        return false;
      }
      if (tryWord(s, v, true)) {
        return true; // a JWT or known token: its own pattern is more precise
      }
      int e = s.runEnd(v, TOKEN68);
      for (int k = 0; k < 2 && s.at(e) == '='; k++) {
        e++;
      }
      while (e > v && s.at(e - 1) == '.') {
        e--;
      }
      double base = genericScore(s.text, v, e, false);
      if (e - v < 16 || base <= 0) {
        return false;
      }
      List<String> ctx = s.contextWords(pos, pos, 40, AUTHORIZATION);
      s.report(this, v, e, 0.85, ctx.isEmpty() ? 0.85 : 0.9, "entropy", ctx);
      return true;
    }
  },

  /** {@code Authorization: Basic <base64 of user:password>} (the base64 only). */
  BASIC_AUTH("basic-auth") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int v = s.valueStart;
      if (s.startsWithIgnoreCase("bearer ", v)) {
        return false; // BEARER_TOKEN reports it from its own trigger
      }
      if (!s.startsWithIgnoreCase("basic ", v)) {
        int after = s.runEnd(v, VALUE);
        if (s.at(after) == ' ' && s.quote == 0) {
          return false; // another scheme (Digest, NTLM, AWS4-HMAC-SHA256 ...)
        }
        return KEYWORD_ENTROPY.scan(s, pos);
      }
      int t = v + 6;
      while (s.at(t) == ' ' && t < v + 10) {
        t++;
      }
      int e = s.runEnd(t, B64);
      for (int k = 0; k < 2 && s.at(e) == '='; k++) {
        e++;
      }
      if (e - t < 8 || e - t > 1024) {
        return false;
      }
      byte[] raw = SecretChars.decode(s.text, t, e, false);
      if (raw == null) {
        return false;
      }
      boolean colon = false;
      for (byte x : raw) {
        if (x < 0x20 || x > 0x7e) {
          return false;
        }
        colon |= x == ':';
      }
      if (!colon) {
        return false;
      }
      s.report(this, t, e, 0.9, 0.9, "base64", List.of("authorization"));
      return true;
    }
  },

  /** PEM private key block, {@code -----BEGIN ... PRIVATE KEY-----} to its END line (bounded). */
  PEM_PRIVATE_KEY("pem-private-key") {
    @Override
    boolean scan(SecretScan s, int pos) {
      if (!s.startsWith("-----BEGIN ", pos) || s.at(pos - 1) == '-') {
        return false;
      }
      int l = pos + 11;
      int le = labelEnd(s, l);
      if (!s.startsWith("-----", le)
          || !(SecretChars.endsWith(s.text, l, le, "PRIVATE KEY")
              || SecretChars.endsWith(s.text, l, le, "PRIVATE KEY BLOCK"))) {
        return false;
      }
      int body = le + 5;
      int limit = Math.min(s.length, body + MAX_PEM);
      int b64 = 0;
      int lastB64 = body;
      boolean clean = true;
      int i = body;
      for (; i < limit; i++) {
        char c = s.text.charAt(i);
        if (c == '-') {
          if (s.startsWith("-----END ", i)) {
            break;
          }
          if (s.startsWith("-----BEGIN", i)) {
            i = limit; // a new block starts: this one is truncated
            break;
          }
        }
        if (!clean) {
          continue;
        }
        if (c == '>' && quotePrefix(s, body, i)) {
          continue; // "> " quoting of a replied-to e-mail
        }
        if (SecretChars.is(c, B64) || c == '=') {
          b64++;
          lastB64 = i + 1;
        } else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\\' || c == ':'
            || c == ',' || c == '-')) {
          clean = false;
        }
      }
      if (b64 < 32) {
        return false; // a header with "..." or "<key>" as body: nothing to protect
      }
      if (i < limit && s.startsWith("-----END ", i)) {
        int q = labelEnd(s, i + 9);
        int end = s.startsWith("-----", q) ? q + 5 : q;
        s.report(this, pos, end, 0.99, "base64");
      } else {
        s.report(this, pos, lastB64, 0.9, "base64"); // truncated: header and body seen
      }
      return true;
    }

    /** Only {@code >} and blanks between the last line break and {@code i} (bounded). */
    private boolean quotePrefix(SecretScan s, int body, int i) {
      for (int k = i - 1; k >= body && i - k <= 16; k--) {
        char c = s.text.charAt(k);
        if (c == '\n') {
          return true;
        }
        if (c != '>' && c != ' ') {
          return false;
        }
      }
      return false;
    }

    private int labelEnd(SecretScan s, int from) {
      int e = from;
      while (e < s.length && e - from < 40) {
        char c = s.text.charAt(e);
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')) {
          break;
        }
        e++;
      }
      return e;
    }
  },

  /** {@code password=value}, {@code pwd: value}, {@code "password": "value"} (the value only). */
  PASSWORD_ASSIGNMENT("password-assignment") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int vs = s.valueStart;
      int ve = s.valueEnd;
      String t = s.text;
      if (ve <= vs || SecretChars.isPlaceholder(t, vs, ve)) {
        return false;
      }
      if (s.quote == 0
          && (SecretChars.isCode(t, vs, ve)
              || (s.separator == ':' && SecretChars.isProse(t, vs, ve)))) {
        return false;
      }
      if (ve - vs < 4 && SecretChars.classes(t, vs, ve) == SecretChars.HAS_DIGIT) {
        return false; // "Pass: 3" in test results
      }
      if (s.rule.word().equals("pwd") && SecretChars.isPath(t, vs, ve)) {
        return false; // WORKING_DIRECTORY guard: PWD=/var/lib/app is the shell's cwd
      }
      if (s.quote == 0 && SecretChars.isFilePath(t, vs, ve)) {
        return false; // FILE_PATH guard: --from-file=password=./pw.txt names the file
      }
      double score = SecretChars.isWeakDefault(t, vs, ve) ? 0.45 : 0.85;
      boolean connection = s.at(s.keyStart - 1) == ';' || (s.quote == 0 && s.at(ve) == ';');
      s.report(
          connection ? CONNECTION_STRING_PASSWORD : this,
          vs,
          ve,
          score,
          score,
          "keyword",
          List.of(s.rule.word()));
      return true;
    }
  },

  /** {@code my password is Hunter2!}: a password in prose (see {@link SecretProse}). */
  PASSWORD_PROSE("password-prose"),

  /** {@code Password=} / {@code Pwd=} inside a {@code ;}-separated connection string. */
  CONNECTION_STRING_PASSWORD("connection-string-password"),

  /** The password of a URL's user info: {@code postgres://user:pass@host} (the password only). */
  URL_CREDENTIALS("url-credentials") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int as = pos + 3;
      int ae = as;
      int lastAt = -1;
      while (ae < s.length
          && ae - as < 512
          && SecretChars.is(s.text.charAt(ae), SecretChars.AUTHORITY)) {
        if (s.text.charAt(ae) == '@') {
          lastAt = ae;
        }
        ae++;
      }
      if (lastAt <= as) {
        return false;
      }
      int colon = -1;
      for (int i = as; i < lastAt; i++) {
        if (s.text.charAt(i) == ':') {
          colon = i;
          break;
        }
      }
      String t = s.text;
      if (colon < 0) {
        // https://<token>@host: a token as user name
        if (tryWord(s, as, true)) {
          return true;
        }
        double score = genericScore(t, as, lastAt, false);
        if (lastAt - as >= 20 && score > 0) {
          s.report(this, as, lastAt, score, "entropy");
          return true;
        }
        return false;
      }
      int ps = colon + 1;
      if (ps >= lastAt || SecretChars.isPlaceholder(t, ps, lastAt)) {
        return false;
      }
      if (tryWord(s, ps, true)) {
        return true; // x-access-token:ghs_...@github.com
      }
      // 0.96: the URL syntax leaves no doubt, and the e-mail reading of "pass@host" must lose
      double score = SecretChars.isWeakDefault(t, ps, lastAt) ? 0.45 : 0.96;
      s.report(this, ps, lastAt, score, "userinfo");
      return true;
    }
  },

  /**
   * The password field of a PostgreSQL password file line ({@code .pgpass}, {@code pgpass.conf}):
   * {@code host:port:database:user:password}. Triggered at the {@code :} after the port (digits or
   * {@code *}; a digit before a {@code :} starts no keyword, so the assignment path skips it); the
   * five fields must be the whole line (leading blanks allowed), the host hold a letter or a dot,
   * the port be digits and the password two char classes ({@link #mixed}); or a {@code pgpass} word
   * must stand within {@link #PGPASS_CUE_WINDOW} chars before the host (then the line may start
   * with prose: {@code my .pgpass: db01:5432:…}), or after a quoted line on the same line ({@code
   * echo "…" >> ~/.pgpass}). Guards: database and user start with a letter, digit, {@code _} or
   * {@code *}; every field is non-empty, without blanks, at most {@link #PGPASS_FIELD} chars; the
   * password may hold {@code \:} and {@code \\} escapes, no other {@code :}, and runs to the line's
   * end; placeholders are skipped. Timestamps ({@code 10:14:30}), IPv6 and MAC addresses fail on
   * the line-start or host test after a few chars. Work: the host is read back at most once per
   * field (it stops at a {@code :}), each later field read forward by at most three triggers.
   */
  PGPASS("pgpass") {
    @Override
    boolean scan(SecretScan s, int pos) {
      char[] a = s.chars;
      // the port, read back from the ':' after it
      int p = pos - 1;
      if (a[p] == '*') {
        p--;
      } else {
        while (p >= 0 && pos - p <= 6 && a[p] >= '0' && a[p] <= '9') {
          p--;
        }
        if (pos - p > 6) {
          return false;
        }
      }
      if (p < 1 || a[p] != ':') {
        return false;
      }
      int hostEnd = p;
      int h = hostEnd;
      boolean letterOrDot = false;
      while (h > 0 && hostEnd - h < PGPASS_FIELD && pgpassChar(a[h - 1])) {
        char c = a[h - 1];
        letterOrDot |= c == '.' || Character.isLetter(c);
        h--;
      }
      if (h == hostEnd) {
        return false;
      }
      letterOrDot |= hostEnd - h == 1 && a[h] == '*';
      int ls = h;
      while (ls > 0 && (a[ls - 1] == ' ' || a[ls - 1] == '\t')) {
        ls--;
      }
      boolean ownLine = ls == 0 || a[ls - 1] == '\n' || a[ls - 1] == '\r';
      char b = a[h - 1 < 0 ? 0 : h - 1];
      if (!ownLine && b != ' ' && b != '\t' && b != '`' && b != '"') {
        return false;
      }
      // database and user, then the password to the line's end
      int f = pos + 1;
      for (int field = 0; field < 2; field++) {
        int e = f;
        while (e < s.length && e - f < PGPASS_FIELD && pgpassChar(a[e])) {
          e++;
        }
        char c = s.at(f);
        if (e == f || s.at(e) != ':' || !(Character.isLetterOrDigit(c) || c == '_' || c == '*')) {
          return false;
        }
        f = e + 1;
      }
      int e = f;
      while (e < s.length && e - f < PGPASS_FIELD) {
        char c = a[e];
        if (c == '\\' && e + 1 < s.length && (a[e + 1] == ':' || a[e + 1] == '\\')) {
          e += 2;
          continue;
        }
        if (c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          break;
        }
        e++;
      }
      boolean quoted = e > f + 1 && (a[e - 1] == '`' || a[e - 1] == '"') && a[e - 1] == b;
      int ve = quoted ? e - 1 : e; // `db01:5432:crm:app:pw` in Markdown, "…" in an echo
      int r = e;
      while (r < s.length && (a[r] == ' ' || a[r] == '\t')) {
        r++;
      }
      boolean lineEnd = r >= s.length || a[r] == '\n' || a[r] == '\r';
      if (!(lineEnd || quoted) || SecretChars.isPlaceholder(s.text, f, ve)) {
        return false;
      }
      // the cue is read last: most lines with a colon after digits fail on the fields above
      boolean cue = false;
      if (!(ownLine && letterOrDot && lineEnd && a[pos - 1] != '*' && mixed(s, f, ve))) {
        cue = pgpassCue(s, h, -1) || (quoted && pgpassCue(s, r, 1));
        if (!cue) {
          return false;
        }
      }
      double score = SecretChars.isWeakDefault(s.text, f, ve) ? 0.45 : 0.85;
      s.report(this, f, ve, score, score, "pgpass", cue ? List.of("pgpass") : List.of());
      return true;
    }
  },

  /** Slack incoming webhook URL {@code https://hooks.slack.com/services/T.../B.../...} (whole). */
  SLACK_WEBHOOK("slack-webhook") {
    @Override
    boolean scan(SecretScan s, int pos) {
      if (!s.startsWithIgnoreCase("hooks.slack.com/services/", pos + 3)) {
        return false;
      }
      int start = pos;
      while (start > 0 && pos - start < 8 && Character.isLetter(s.at(start - 1))) {
        start--;
      }
      if (start == pos) {
        return false;
      }
      int p = pos + 3 + 25;
      int t = s.runEnd(p, ALNUM);
      if (s.at(p) != 'T' || t - p < 8 || s.at(t) != '/') {
        return false;
      }
      int b = s.runEnd(t + 1, ALNUM);
      if (s.at(t + 1) != 'B' || b - t - 1 < 8 || s.at(b) != '/') {
        return false;
      }
      int e = s.runEnd(b + 1, ALNUM);
      if (e - b - 1 < 16) {
        return false;
      }
      s.report(this, start, e, 0.95, "prefix");
      return true;
    }
  },

  /**
   * Azure storage {@code AccountKey=} (88 base64 chars) or Service Bus {@code SharedAccessKey=}
   * (44): the key alone, or {@link #AZURE_CONNECTION_STRING} when it sits in a connection string.
   */
  AZURE_ACCOUNT_KEY("azure-account-key") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int vs = s.valueStart;
      int ve = s.valueEnd;
      if (ve - vs < 40 || !SecretChars.isPaddedBase64(s.text, vs, ve)) {
        return false;
      }
      if (s.quote == 0) {
        int start = connectionStart(s, s.keyStart);
        int end = connectionEnd(s, ve);
        if (start < s.keyStart || end > ve) {
          s.report(AZURE_CONNECTION_STRING, start, end, 0.95, "base64");
          return true;
        }
      }
      s.report(this, vs, ve, 0.95, 0.95, "base64", List.of(s.rule.word()));
      return true;
    }

    /** Walks back over {@code Name=value;} segments (bounded). */
    private int connectionStart(SecretScan s, int keyStart) {
      int start = keyStart;
      while (s.at(start - 1) == ';' && keyStart - start < 2048) {
        int v = start - 1;
        for (int k = 0; k < 2 && s.at(v - 1) == '='; k++) {
          v--;
        }
        int guard = 0;
        while (v > 0 && guard++ < 512 && s.at(v - 1) != '=' && SecretChars.is(s.at(v - 1), VALUE)) {
          v--;
        }
        if (s.at(v - 1) != '=') {
          break;
        }
        int nameEnd = v - 1;
        int n0 = nameEnd;
        while (n0 > 0 && nameEnd - n0 < 40 && SecretChars.is(s.at(n0 - 1), ALNUM)) {
          n0--;
        }
        if (n0 == nameEnd) {
          break;
        }
        start = n0;
      }
      return start;
    }

    /** Walks forward over {@code ;Name=value} segments (bounded). */
    private int connectionEnd(SecretScan s, int valueEnd) {
      int end = valueEnd;
      while (s.at(end) == ';' && end - valueEnd < 2048) {
        int n0 = end + 1;
        int n1 = n0;
        while (n1 < s.length && n1 - n0 < 40 && SecretChars.is(s.at(n1), ALNUM)) {
          n1++;
        }
        if (n1 == n0 || s.at(n1) != '=') {
          break;
        }
        int v = n1 + 1;
        while (v < s.length && v - n1 < 512 && SecretChars.is(s.at(v), VALUE)) {
          v++;
        }
        if (v == n1 + 1) {
          break;
        }
        end = v;
      }
      return end;
    }
  },

  /** A whole Azure connection string holding an account or shared access key. */
  AZURE_CONNECTION_STRING("azure-connection-string"),

  /** The {@code sig=} value of an Azure shared access signature (URL-decoded base64). */
  AZURE_SAS_SIGNATURE("azure-sas-signature") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int vs = s.valueStart;
      int ve = s.valueEnd;
      int body = ve;
      for (int k = 0; k < 2 && body > vs && s.at(body - 1) == '='; k++) {
        body--;
      }
      if (ve - vs < 40 || ve - vs > 100 || !SecretChars.all(s.text, vs, body, B64)) {
        return false;
      }
      boolean sv = false;
      for (int i = Math.max(0, s.keyStart - 600); i + 3 <= s.keyStart && !sv; i++) {
        sv = s.startsWith("sv=", i) && (i == 0 || "?&;=".indexOf(s.at(i - 1)) >= 0);
      }
      s.report(this, vs, ve, sv ? 0.95 : 0.85, "base64");
      return true;
    }
  },

  /**
   * Generic: a high-entropy value after a secret keyword ({@code token}, {@code secret}, {@code
   * api_key}, {@code credential}; weaker: {@code key}, {@code auth}, query {@code code}).
   */
  KEYWORD_ENTROPY("keyword-entropy") {
    @Override
    boolean scan(SecretScan s, int pos) {
      int vs = s.valueStart;
      int ve = s.valueEnd;
      double score = genericScore(s.text, vs, ve, s.rule.weak());
      if (score <= 0) {
        return false;
      }
      s.report(this, vs, ve, score, score, "entropy", List.of(s.rule.word()));
      return true;
    }
  };

  /** Longest PEM block examined, in chars (an RSA 8192 key is about 6,500). */
  static final int MAX_PEM = 16_384;

  private static final Set<String> AUTHORIZATION = Set.of("authorization");

  /**
   * Word patterns by the first two chars of their prefixes ({@code c0 << 7 | c1}, ASCII only): most
   * words are rejected by one array load.
   */
  private static final SecretPattern[][] BY_FIRST_TWO = new SecretPattern[128 * 128][];

  static {
    for (SecretPattern p : values()) {
      for (String prefix : p.prefixes) {
        char c0 = prefix.charAt(0);
        char c1 = prefix.charAt(1);
        add(c0, c1, p);
        if (p == BEARER_TOKEN) {
          add(Character.toLowerCase(c0), Character.toUpperCase(c1), p);
          add(Character.toUpperCase(c0), Character.toUpperCase(c1), p);
          add(Character.toLowerCase(c0), Character.toLowerCase(c1), p);
        }
      }
    }
  }

  private final String id;
  private final String[] prefixes;

  SecretPattern(String name, String... prefixes) {
    this.id = "secret." + name;
    this.prefixes = prefixes;
  }

  private static void add(char c0, char c1, SecretPattern p) {
    int c = c0 << 7 | c1;
    SecretPattern[] old = BY_FIRST_TWO[c];
    if (old == null) {
      BY_FIRST_TWO[c] = new SecretPattern[] {p};
      return;
    }
    for (SecretPattern q : old) {
      if (q == p) {
        return;
      }
    }
    SecretPattern[] grown = java.util.Arrays.copyOf(old, old.length + 1);
    grown[old.length] = p;
    BY_FIRST_TWO[c] = grown;
  }

  /**
   * False when {@link #tryWord} returns false for every word starting with {@code c0 c1} (ASCII).
   */
  static boolean mayStartWord(char c0, char c1) {
    return c0 < 128 && c1 < 128 && BY_FIRST_TWO[c0 << 7 | c1] != null;
  }

  /** The pattern name shown in explanations, e.g. {@code secret.jwt}. */
  String id() {
    return id;
  }

  /** Word-trigger prefixes (empty for assignment and punctuation patterns). */
  List<String> prefixes() {
    return List.of(prefixes);
  }

  /** Scans at {@code pos} (meaning depends on the trigger, see the class doc); true if reported. */
  boolean scan(SecretScan s, int pos) {
    return false;
  }

  /**
   * Runs the word patterns whose prefix starts at {@code pos}. {@code nested} (a value already
   * introduced by {@code Bearer} or a keyword) skips {@link #BEARER_TOKEN}, so the recursion is at
   * most one level deep, and also tries {@link #AZURE_AD_CLIENT_SECRET} (its own trigger is the
   * {@code ~}, which a keyword's value would otherwise hide).
   */
  static boolean tryWord(SecretScan s, int pos, boolean nested) {
    if (nested && s.at(pos + 5) == '~' && AZURE_AD_CLIENT_SECRET.scan(s, pos + 5)) {
      return true; // a value after a keyword ("clientSecret": "abc8Q~...") is named by its shape
    }
    char c0 = s.at(pos);
    char c1 = s.at(pos + 1);
    if (c0 >= 128 || c1 >= 128) {
      return false;
    }
    SecretPattern[] ps = BY_FIRST_TWO[c0 << 7 | c1];
    if (ps == null) {
      return false;
    }
    for (SecretPattern p : ps) {
      if (nested && p == BEARER_TOKEN) {
        continue;
      }
      if (p.scan(s, pos)) {
        return true;
      }
    }
    return false;
  }

  /** Index just past the matching prefix at {@code pos}, or -1. */
  int matchPrefix(SecretScan s, int pos) {
    for (String p : prefixes) {
      if (s.startsWith(p, pos)) {
        return pos + p.length();
      }
    }
    return -1;
  }

  /** Longest field of a {@link #PGPASS} line. */
  static final int PGPASS_FIELD = 256;

  /** How far before a {@link #PGPASS} line's host a {@code pgpass} word may stand. */
  static final int PGPASS_CUE_WINDOW = 160;

  /** A char of a {@link #PGPASS} host, database or user field (no blank, quote or separator). */
  static boolean pgpassChar(char c) {
    return c > ' ' && c != ':' && c != '/' && c != '"' && c != '\'' && c != '`' && c != '=';
  }

  /**
   * A {@link #PGPASS} password without a cue holds two char classes ({@code Pw2025x}, not {@code
   * active} in {@code web01:443:nginx:www-data:active}).
   */
  static boolean mixed(SecretScan s, int from, int to) {
    return Integer.bitCount(SecretChars.classes(s.text, from, to)) >= 2;
  }

  /**
   * The word {@code pgpass} (any case) lies within {@link #PGPASS_CUE_WINDOW} chars before {@code
   * h} ({@code dir} -1), or after {@code h} on the same line ({@code dir} 1: {@code echo "…" >>
   * ~/.pgpass}).
   */
  static boolean pgpassCue(SecretScan s, int h, int dir) {
    for (int k = 0; k < PGPASS_CUE_WINDOW; k++) {
      int i = dir < 0 ? h - 6 - k : h + k;
      if (i < 0 || i + 6 > s.length || (dir > 0 && s.chars[i] == '\n')) {
        return false;
      }
      if ((s.chars[i] | 0x20) == 'p' && s.startsWithIgnoreCase("pgpass", i)) {
        return true;
      }
    }
    return false;
  }

  /** A prefixed token must not continue a longer base64url word or a dotted name. */
  static boolean boundaryBefore(SecretScan s, int pos) {
    char c = s.at(pos - 1);
    return !SecretChars.is(c, B64URL) && c != '.';
  }

  /** True when {@code [from, to)} holds hex digits only ({@link SecretChars#isHex}). */
  static boolean hex(SecretScan s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!SecretChars.isHex(s.at(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Prefix + exactly {@code n} alnum chars at a boundary, with none of the {@link
   * SecretChars#classes} bits {@code forbidden}, all of {@code required} and at least {@code
   * minEntropy} bits per char; reported with {@code score}.
   */
  boolean prefixedAlnum(
      SecretScan s, int pos, int n, int forbidden, int required, double minEntropy, double score) {
    int p = afterPrefix(s, pos);
    if (p < 0) {
      return false;
    }
    int e = s.runEnd(p, ALNUM);
    int k = SecretChars.classes(s.text, p, e);
    if (e - p != n
        || SecretChars.is(s.at(e), B64URL)
        || (k & forbidden) != 0
        || (k & required) != required
        || (minEntropy > 0 && SecretChars.entropy(s.text, p, e) < minEntropy)) {
      return false;
    }
    s.report(this, pos, e, score, "prefix");
    return true;
  }

  /**
   * Prefix + {@code n1} alnum chars (hex when {@code hex1}) + {@code sep} + {@code n2} hex digits,
   * at a boundary.
   */
  boolean prefixedPair(SecretScan s, int pos, int n1, boolean hex1, char sep, int n2) {
    int p = afterPrefix(s, pos);
    if (p < 0) {
      return false;
    }
    int a = s.runEnd(p, ALNUM);
    if (a - p != n1 || (hex1 && !hex(s, p, a)) || s.at(a) != sep) {
      return false;
    }
    int e = s.runEnd(a + 1, ALNUM);
    if (e - a - 1 != n2 || !hex(s, a + 1, e) || SecretChars.is(s.at(e), B64URL)) {
      return false;
    }
    return reportPrefixed(s, pos, e);
  }

  /** Index just past this pattern's prefix at {@code pos} at a token boundary, or -1. */
  int afterPrefix(SecretScan s, int pos) {
    int p = matchPrefix(s, pos);
    return p < 0 || !boundaryBefore(s, pos) ? -1 : p;
  }

  /** Reports {@code [pos, end)} as this pattern's token, score 0.95, validation {@code prefix}. */
  boolean reportPrefixed(SecretScan s, int pos, int end) {
    s.report(this, pos, end, 0.95, "prefix");
    return true;
  }

  /** Prefix + a run of {@code cls} of length in [min, max], ending at a boundary. */
  boolean prefixedRun(SecretScan s, int pos, int cls, int min, int max, double score) {
    int p = matchPrefix(s, pos);
    if (p < 0 || !boundaryBefore(s, pos)) {
      return false;
    }
    int e = s.runEnd(p, cls);
    if (e - p < min || e - p > max || SecretChars.is(s.at(e), B64URL)) {
      return false;
    }
    s.report(this, pos, e, score, "prefix");
    return true;
  }

  /**
   * The score of a value found only by a keyword, or 0 when it does not look like a secret: at
   * least 12 chars (20 for weak keywords), token chars only, two of lower/upper/digit, Shannon
   * entropy at least 3.0 bits per char (3.5 for weak keywords), and none of the guards
   * (PLACEHOLDER, URL, PATH, FILE_NAME, numbers and versions, IDENTIFIER; GUID and HASH_DIGEST for
   * weak keywords).
   */
  static double genericScore(String t, int vs, int ve, boolean weak) {
    int n = ve - vs;
    if (n < (weak ? 20 : 12) || n > 512) {
      return 0;
    }
    for (int i = vs; i < ve; i++) {
      char c = t.charAt(i);
      if (c <= ' ' || c >= 127 || "\"'`<>(){}[],;".indexOf(c) >= 0) {
        return 0;
      }
    }
    if (SecretChars.isPlaceholder(t, vs, ve)
        || t.regionMatches(vs, "http", 0, 4)
        || SecretChars.isPath(t, vs, ve)
        || SecretChars.isFileName(t, vs, ve)) {
      return 0;
    }
    for (int i = vs; i + 3 <= ve; i++) {
      if (t.charAt(i) == ':' && t.charAt(i + 1) == '/' && t.charAt(i + 2) == '/') {
        return 0; // a URL: URL_CREDENTIALS looks at it
      }
    }
    int k = SecretChars.classes(t, vs, ve);
    if ((k & (SecretChars.HAS_LOWER | SecretChars.HAS_UPPER)) == 0) {
      return 0; // numbers, dates, versions
    }
    if (SecretChars.isGuid(t, vs, ve)) {
      return weak ? 0 : 0.6;
    }
    boolean hex = SecretChars.isHexDigest(t, vs, ve);
    if (hex && weak) {
      return 0;
    }
    if (SecretChars.alnumClassCount(k) < 2) {
      return 0;
    }
    if ((k & SecretChars.HAS_DIGIT) == 0 && SecretChars.isIdentifier(t, vs, ve)) {
      return 0;
    }
    if (SecretChars.entropy(t, vs, ve) < (weak ? 3.5 : 3.0)) {
      return 0;
    }
    return weak ? 0.6 : (hex ? 0.7 : 0.75);
  }
}
