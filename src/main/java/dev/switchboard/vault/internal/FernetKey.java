package dev.switchboard.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit Fernet key split into its signing half (HMAC-SHA256) and encryption half (AES-128),
 * prepared once so that {@link Fernet} does not rebuild key objects per call.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows key material.
 */
public final class FernetKey {

  /** Length of a Fernet key in bytes. */
  public static final int LENGTH = 32;

  private final byte[] raw;
  private final SecretKeySpec signingKey;
  private final SecretKeySpec encryptionKey;

  private FernetKey(byte[] raw) {
    this.raw = raw.clone();
    this.signingKey = new SecretKeySpec(raw, 0, 16, "HmacSHA256");
    this.encryptionKey = new SecretKeySpec(raw, 16, 16, "AES");
  }

  /**
   * Wraps a copy of 32 raw key bytes; throws {@link IllegalArgumentException} on another length.
   */
  public static FernetKey of(byte[] raw) {
    if (raw == null || raw.length != LENGTH) {
      throw new IllegalArgumentException("a Fernet key is exactly 32 bytes");
    }
    return new FernetKey(raw);
  }

  /** Decodes the URL-safe base64 key form; empty if it is not exactly 32 bytes of base64url. */
  public static Optional<FernetKey> decode(String encoded) {
    if (encoded == null) {
      return Optional.empty();
    }
    byte[] bytes = StrictBase64.decode(encoded);
    if (bytes == null || bytes.length != LENGTH) {
      return Optional.empty();
    }
    try {
      return Optional.of(new FernetKey(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** A new random key from {@code random}. */
  public static FernetKey generate(SecureRandom random) {
    byte[] bytes = new byte[LENGTH];
    random.nextBytes(bytes);
    try {
      return new FernetKey(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The URL-safe base64 form (with padding) that Python's {@code Fernet(key)} accepts. */
  public String encode() {
    return Base64.getUrlEncoder().encodeToString(raw);
  }

  /** Constant-time comparison of key material. */
  public boolean sameAs(FernetKey other) {
    return other != null && MessageDigest.isEqual(raw, other.raw);
  }

  /** Derives an HMAC-SHA256 key as HMAC(this key's 32 bytes, label in UTF-8). */
  public Hmac deriveHmac(String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      byte[] derived = mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
      try {
        return new Hmac(new SecretKeySpec(derived, "HmacSHA256"));
      } finally {
        Arrays.fill(derived, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Derives another Fernet key as HMAC-SHA256(this key's 32 bytes, label in UTF-8), for values that
   * must not be readable with the credential key (labels differ from {@link #deriveHmac}'s).
   */
  public FernetKey deriveKey(String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      byte[] derived = mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
      try {
        return new FernetKey(derived);
      } finally {
        Arrays.fill(derived, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  SecretKeySpec signingKey() {
    return signingKey;
  }

  SecretKeySpec encryptionKey() {
    return encryptionKey;
  }

  @Override
  public String toString() {
    return "FernetKey[redacted]";
  }
}
