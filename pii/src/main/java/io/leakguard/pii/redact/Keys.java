package io.leakguard.pii.redact;

import com.google.crypto.tink.AccessesPartialKey;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.AesSivKey;
import com.google.crypto.tink.daead.AesSivParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key material for the keyed operators {@code hash} and {@code encrypt}. Immutable, thread-safe,
 * and never printed ({@link #toString()} says {@code Keys[redacted]}).
 *
 * <p>Two sources:
 *
 * <ul>
 *   <li>a <b>raw key</b> of at least 32 random bytes (a key file or {@code LEAKGUARD_KEY} holding
 *       its base64): two independent keys are derived with HKDF-SHA256 (RFC 5869, empty salt): the
 *       HMAC-SHA256 key (32 bytes, info {@code "leakguard/v1 hash"}) and the AES-SIV key (64 bytes,
 *       info {@code "leakguard/v1 aes-siv"});
 *   <li>a <b>Tink keyset</b> in Tink's JSON format holding an {@code AES256_SIV} key: used as is
 *       for {@code encrypt} (key rotation works as Tink does it); the HMAC key for {@code hash} is
 *       derived with HKDF-SHA256 (info {@code "leakguard/v1 hash"}) from the keyset's deterministic
 *       encryption of the fixed label {@code "leakguard/v1 hash key"}.
 * </ul>
 *
 * <pre>{@code
 * Keys keys = Keys.parse(Files.readString(Path.of("leakguard.key")));
 * }</pre>
 *
 * <p>Known limits: a Tink keyset only derives the hash key from its primary key, so rotating the
 * primary changes every hash token.
 */
public final class Keys {
  private static final String HASH_INFO = "leakguard/v1 hash";
  private static final String SIV_INFO = "leakguard/v1 aes-siv";
  private static final byte[] HASH_LABEL = "leakguard/v1 hash key".getBytes(StandardCharsets.UTF_8);

  static {
    try {
      DeterministicAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final Keys NONE = new Keys(null, null);

  private final byte[] hmacKey;
  private final DeterministicAead daead;

  private Keys(byte[] hmacKey, DeterministicAead daead) {
    this.hmacKey = hmacKey;
    this.daead = daead;
  }

  /** No key: {@code hash} and {@code encrypt} cannot be used. */
  public static Keys none() {
    return NONE;
  }

  /**
   * Keys derived from raw key bytes (HKDF-SHA256).
   *
   * @throws IllegalArgumentException when fewer than 32 bytes are given
   */
  @AccessesPartialKey
  public static Keys fromRawKey(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException(
          "the key must hold at least 32 bytes, it holds " + key.length);
    }
    byte[] hmac = hkdf(key, HASH_INFO, 32);
    byte[] siv = hkdf(key, SIV_INFO, 64);
    try {
      AesSivKey k =
          AesSivKey.builder()
              .setParameters(
                  AesSivParameters.builder()
                      .setKeySizeBytes(64)
                      .setVariant(AesSivParameters.Variant.NO_PREFIX)
                      .build())
              .setKeyBytes(SecretBytes.copyFrom(siv, InsecureSecretKeyAccess.get()))
              .build();
      KeysetHandle h =
          KeysetHandle.newBuilder()
              .addEntry(KeysetHandle.importKey(k).withRandomId().makePrimary())
              .build();
      return new Keys(hmac, h.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up AES-SIV: " + e.getClass().getSimpleName());
    } finally {
      Arrays.fill(siv, (byte) 0);
    }
  }

  /**
   * Keys from the content of a key file or of {@code LEAKGUARD_KEY}: base64 (standard or URL-safe)
   * of at least 32 bytes, or a Tink JSON keyset (starts with <code>{</code>). The message of the
   * exception never quotes the material.
   *
   * @throws IllegalArgumentException when the material is neither
   */
  public static Keys parse(String material) {
    String m = material.strip();
    if (m.startsWith("{")) {
      try {
        KeysetHandle h = TinkJsonProtoKeysetFormat.parseKeyset(m, InsecureSecretKeyAccess.get());
        DeterministicAead d = h.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
        byte[] ikm = d.encryptDeterministically(HASH_LABEL, HASH_LABEL);
        return new Keys(hkdf(ikm, HASH_INFO, 32), d);
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new IllegalArgumentException(
            "the key is not a usable Tink keyset (expected an AES256_SIV keyset in Tink JSON)");
      }
    }
    byte[] raw;
    try {
      String compact = m.replaceAll("\\s+", "");
      raw =
          compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(compact)
              : Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the key is neither base64 of at least 32 bytes nor a Tink JSON keyset");
    }
    try {
      return fromRawKey(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Whether {@code hash} and {@code encrypt} can be used. */
  public boolean present() {
    return daead != null;
  }

  /** A fresh HMAC-SHA256 initialised with the hash key (callers cache it per thread). */
  Mac newMac() {
    requirePresent();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  DeterministicAead daead() {
    requirePresent();
    return daead;
  }

  private void requirePresent() {
    if (daead == null) {
      throw new IllegalStateException(
          "hash and encrypt need a key: --key-file FILE or the environment variable LEAKGUARD_KEY");
    }
  }

  /** HKDF-SHA256 (RFC 5869) with an empty salt. */
  static byte[] hkdf(byte[] ikm, String info, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
      byte[] prk = mac.doFinal(ikm);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      byte[] out = new byte[length];
      byte[] t = new byte[0];
      int pos = 0;
      for (int i = 1; pos < length; i++) {
        mac.update(t);
        mac.update(info.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) i);
        t = mac.doFinal();
        int n = Math.min(t.length, length - pos);
        System.arraycopy(t, 0, out, pos, n);
        pos += n;
      }
      Arrays.fill(prk, (byte) 0);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "Keys[redacted]";
  }
}
