package dev.switchboard.vault.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * One thread's reusable crypto objects and scratch buffers for {@link Fernet}.
 *
 * <p>Not thread-safe by design: one caller at a time takes an instance from a pool ({@code
 * store.Reusables}). Keeping the {@link
 * Mac} initialised with the last key used saves re-keying it on every call.
 */
final class FernetEngines {

  final Cipher cipher;
  final byte[] computed = new byte[32];
  final byte[] received = new byte[32];
  private final Mac mac;
  private FernetKey macKey;

  FernetEngines() {
    try {
      this.cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      this.mac = Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC or HmacSHA256 is not available", e);
    }
  }

  /** The thread's Mac, keyed with {@code key}'s signing half and reset. */
  Mac mac(FernetKey key) throws InvalidKeyException {
    if (macKey != key) {
      macKey = null;
      mac.init(key.signingKey());
      macKey = key;
    } else {
      mac.reset();
    }
    return mac;
  }

  static void putLong(byte[] target, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      target[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  static long getLong(byte[] source, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (source[offset + i] & 0xff);
    }
    return value;
  }
}
