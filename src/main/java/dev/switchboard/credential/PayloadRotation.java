package dev.switchboard.credential;

import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.credential.internal.SealedRow;
import dev.switchboard.store.Ids;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.Vault;
import dev.switchboard.vault.VaultException;
import java.util.List;

/**
 * Re-encrypts stored credential payloads with the vault's primary key, online: batch by batch, each
 * row updated only if nobody changed it meanwhile (its version), and retried in the next pass if
 * someone did. The server keeps serving throughout because it can read both keys.
 */
public final class PayloadRotation {
  /** What a rotation did. */
  public record Result(int reencrypted, int passes) {}

  /** What a check found: rows read and rows that could not be decrypted. */
  public record Check(int checked, int failed) {}

  private final CredentialRows rows;
  private final Vault vault;

  public PayloadRotation(CredentialRows rows, Vault vault) {
    this.rows = rows;
    this.vault = vault;
  }

  /** Runs until no row uses another key than the primary one. */
  public Result run(int batchSize) {
    return run(batchSize, () -> {});
  }

  /**
   * Like {@link #run(int)}, calling {@code beforeBatch} before each batch is written: it may throw
   * to stop (the rotation lost its lock), and rows already moved stay moved. The caller must have
   * made the primary key durable in the key file first.
   */
  public Result run(int batchSize, Runnable beforeBatch) {
    String primary = vault.keyring().primary().id();
    int done = 0;
    int passes = 0;
    while (true) {
      List<SealedRow> batch = rows.notOnKey(primary, batchSize);
      if (batch.isEmpty()) {
        return new Result(done, passes);
      }
      passes++;
      beforeBatch.run();
      for (SealedRow row : batch) {
        SealedPayload fresh = vault.reseal(row.userId(), row.id(), row.payload());
        if (rows.replacePayload(row, fresh)) {
          done++;
        }
      }
    }
  }

  /** Opens every stored payload once, without keeping the plaintext. */
  public Check check() {
    int checked = 0;
    int failed = 0;
    String after = "";
    while (true) {
      List<SealedRow> batch = rows.after(after, 500);
      if (batch.isEmpty()) {
        return new Check(checked, failed);
      }
      for (SealedRow row : batch) {
        checked++;
        try {
          vault.open(row.userId(), row.id(), row.payload());
        } catch (VaultException e) {
          failed++;
        }
      }
      after = batch.get(batch.size() - 1).id();
    }
  }

  /**
   * Opens up to {@code perKey} rows of each key id in use, starting at a random row id, so that a
   * cheap look tells whether the configured keys still read what is stored; a key id the keyring
   * lacks counts as one failure even when reloading the key file does not bring it.
   */
  public Check sample(int perKey) {
    int checked = 0;
    int failed = 0;
    for (String keyId : rows.keyIdsInUse()) {
      List<SealedRow> some = rows.sampleOnKey(keyId, "cred_" + Ids.random(3), perKey);
      for (SealedRow row : some) {
        checked++;
        try {
          vault.open(row.userId(), row.id(), row.payload());
        } catch (VaultException e) {
          failed++;
        }
      }
    }
    return new Check(checked, failed);
  }

  /** Key ids that stored rows need. */
  public List<String> keyIdsInUse() {
    return rows.keyIdsInUse();
  }

  /** How many rows still use a key. */
  public long rowsOnKey(String keyId) {
    return rows.countOnKey(keyId);
  }
}
