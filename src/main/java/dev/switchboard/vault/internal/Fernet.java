package dev.switchboard.vault.internal;

import dev.switchboard.store.Reusables;
import dev.switchboard.vault.VaultException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;

/**
 * Fernet tokens, version 0x80: AES-128-CBC with PKCS#7 padding, then HMAC-SHA256 over {@code
 * version ‖ timestamp ‖ iv ‖ ciphertext}, all base64url-encoded (see the Fernet spec).
 *
 * <p>Every rejected token — bad base64, wrong version, too short, bad MAC, bad padding, expired or
 * from the far future under a TTL check — throws {@link VaultException#decryptFailed()}, so callers
 * cannot act as a padding or MAC oracle. The MAC is compared in constant time before anything is
 * decrypted. Thread-safe: each thread keeps its own {@link Cipher} and {@link Mac}.
 */
public final class Fernet {

  private static final byte VERSION = (byte) 0x80;
  private static final int IV_OFFSET = 9;
  private static final int HEADER = 25;
  private static final int BLOCK = 16;
  private static final int MAC_LENGTH = 32;

  /** Allowed clock skew for tokens stamped in the future, as in the reference implementation. */
  private static final long MAX_CLOCK_SKEW_SECONDS = 60;

  private final Clock clock;
  private final SecureRandom random;
  private final Reusables<FernetEngines> engines = new Reusables<>(64, FernetEngines::new);

  /** Uses {@code clock} for token timestamps and {@code random} for IVs. */
  public Fernet(Clock clock, SecureRandom random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Encrypts with a random IV, stamped with the clock's current time. */
  public String encrypt(FernetKey key, byte[] plaintext) {
    byte[] iv = new byte[BLOCK];
    random.nextBytes(iv);
    return encrypt(key, plaintext, iv, clock.instant());
  }

  /** Same as {@link #encrypt(FernetKey, byte[])} with the raw 32-byte key. */
  public String encrypt(byte[] key, byte[] plaintext) {
    return encrypt(FernetKey.of(key), plaintext);
  }

  /** Encrypts with the given 16-byte IV and timestamp (whole seconds; for test vectors). */
  public String encrypt(FernetKey key, byte[] plaintext, byte[] iv, Instant time) {
    if (iv.length != BLOCK || time.getEpochSecond() < 0) {
      throw new IllegalArgumentException("IV must be 16 bytes and time not before 1970");
    }
    int cipherLength = (plaintext.length / BLOCK + 1) * BLOCK;
    byte[] token = new byte[HEADER + cipherLength + MAC_LENGTH];
    token[0] = VERSION;
    FernetEngines.putLong(token, 1, time.getEpochSecond());
    System.arraycopy(iv, 0, token, IV_OFFSET, BLOCK);
    FernetEngines e = engines.take();
    try {
      e.cipher.init(Cipher.ENCRYPT_MODE, key.encryptionKey(), new IvParameterSpec(iv));
      e.cipher.doFinal(plaintext, 0, plaintext.length, token, HEADER);
      Mac mac = e.mac(key);
      mac.update(token, 0, HEADER + cipherLength);
      mac.doFinal(token, HEADER + cipherLength);
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("Fernet encryption failed", ex);
    } finally {
      engines.give(e);
    }
    return Base64.getUrlEncoder().encodeToString(token);
  }

  /** Same as {@link #encrypt(FernetKey, byte[], byte[], Instant)} with the raw 32-byte key. */
  public String encrypt(byte[] key, byte[] plaintext, byte[] iv, Instant time) {
    return encrypt(FernetKey.of(key), plaintext, iv, time);
  }

  /** Verifies and decrypts without any age check (secrets at rest do not expire). */
  public byte[] decrypt(FernetKey key, String token) {
    return open(key, token, false, 0, 0);
  }

  /** Same as {@link #decrypt(FernetKey, String)} with the raw 32-byte key. */
  public byte[] decrypt(byte[] key, String token) {
    return decrypt(FernetKey.of(key), token);
  }

  /** Verifies and decrypts, rejecting tokens older than {@code ttl} or over 60 s in the future. */
  public byte[] decrypt(FernetKey key, String token, Duration ttl, Instant now) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative");
    }
    return open(key, token, true, ttl.getSeconds(), now.getEpochSecond());
  }

  /** Same as {@link #decrypt(FernetKey, String, Duration, Instant)} with the raw 32-byte key. */
  public byte[] decrypt(byte[] key, String token, Duration ttl, Instant now) {
    return decrypt(FernetKey.of(key), token, ttl, now);
  }

  private byte[] open(FernetKey key, String token, boolean checkAge, long ttl, long now) {
    Objects.requireNonNull(key, "key");
    byte[] data = token == null ? null : StrictBase64.decode(token);
    if (data == null
        || data.length < HEADER + BLOCK + MAC_LENGTH
        || (data.length - HEADER - MAC_LENGTH) % BLOCK != 0
        || data[0] != VERSION) {
      throw VaultException.decryptFailed();
    }
    if (checkAge) {
      // Unsigned 64-bit timestamp: a negative long is far in the future.
      long stamped = FernetEngines.getLong(data, 1);
      if (stamped < 0 || stamped > now + MAX_CLOCK_SKEW_SECONDS || now - stamped > ttl) {
        throw VaultException.decryptFailed();
      }
    }
    int macOffset = data.length - MAC_LENGTH;
    FernetEngines e = engines.take();
    try {
      Mac mac = e.mac(key);
      mac.update(data, 0, macOffset);
      mac.doFinal(e.computed, 0);
      System.arraycopy(data, macOffset, e.received, 0, MAC_LENGTH);
      if (!MessageDigest.isEqual(e.computed, e.received)) {
        throw VaultException.decryptFailed();
      }
      e.cipher.init(
          Cipher.DECRYPT_MODE, key.encryptionKey(), new IvParameterSpec(data, IV_OFFSET, BLOCK));
      return e.cipher.doFinal(data, HEADER, macOffset - HEADER);
    } catch (BadPaddingException | IllegalBlockSizeException ex) {
      throw VaultException.decryptFailed();
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("Fernet decryption could not run", ex);
    } finally {
      engines.give(e);
    }
  }
}
