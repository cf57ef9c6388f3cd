package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's AOT cache is only as good as its training run: a command that fails there
 * leaves its classes out of the cache, silently. So every training command must succeed.
 */
class CacheTrainingTest {
  @TempDir
  Path dir;

  @Test
  void everyTrainingCommandSucceedsInAThrowawayDirectory() throws Exception {
    assertThat(CacheTraining.train(dir)).isZero();
    assertThat(dir.resolve("data/switchboard.db")).exists();
    assertThat(Files.readString(dir.resolve("vault.keys"))).startsWith("training:");
  }
}
