package dev.switchboard.vault.internal;

import dev.switchboard.store.Reusables;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one fixed key, with initialised {@link Mac}s reused from a pool (requests run on
 * virtual threads: a per-thread one would be made again for every request).
 *
 * <p>Thread-safe. Obtain instances from {@link FernetKey#deriveHmac(String)}.
 */
public final class Hmac {

  /** Length of a tag in bytes. */
  public static final int LENGTH = 32;

  private final Reusables<Mac> macs;

  Hmac(SecretKeySpec key) {
    this.macs = new Reusables<>(64, () -> newMac(key));
  }

  /** The 32-byte tag of {@code data}. */
  public byte[] sign(byte[] data) {
    Mac mac = macs.take();
    try {
      return mac.doFinal(data);
    } finally {
      macs.give(mac);
    }
  }

  /**
   * True if {@code tag} is the tag of {@code data}; constant-time; false for null or wrong length.
   */
  public boolean verify(byte[] data, byte[] tag) {
    if (data == null || tag == null || tag.length != LENGTH) {
      return false;
    }
    return MessageDigest.isEqual(sign(data), tag);
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "Hmac[redacted]";
  }
}
