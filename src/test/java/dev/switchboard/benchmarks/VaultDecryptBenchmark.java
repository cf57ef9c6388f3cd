package dev.switchboard.benchmarks;

import dev.switchboard.vault.Keyring;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.SecretFields;
import dev.switchboard.vault.Vault;
import dev.switchboard.vault.VaultKey;
import dev.switchboard.vault.internal.Fernet;
import dev.switchboard.vault.internal.FernetKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decrypting a 200-byte secret payload: the bare Fernet token (HMAC-SHA256 check, AES-128-CBC) and
 * the whole {@link Vault#open} a tool call does (Fernet plus reading the owner-bound JSON).
 * Target: ≤ 2 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VaultDecryptBenchmark {
  private final Fernet fernet = new Fernet(Clock.systemUTC(), new SecureRandom());
  private final FernetKey key = FernetKey.generate(new SecureRandom());
  private final Vault vault = new Vault(Keyring.of(VaultKey.generate("k1")), Clock.systemUTC(), new JsonMapper());
  private String token;
  private SealedPayload sealed;

  @Setup
  public void seal() {
    token = fernet.encrypt(key, "x".repeat(200).getBytes(StandardCharsets.US_ASCII));
    // owner, credential and one field: 200 bytes of plaintext JSON once written
    SecretFields fields = SecretFields.of(Map.of("api_key", "sk_live_" + "4".repeat(112)));
    sealed = vault.seal("usr_0123456789abcdef", "crd_0123456789abcdef", fields);
  }

  @Benchmark
  public byte[] fernetDecrypt200Bytes() {
    return fernet.decrypt(key, token);
  }

  @Benchmark
  public SecretFields vaultOpen200Bytes() {
    return vault.open("usr_0123456789abcdef", "crd_0123456789abcdef", sealed);
  }
}
