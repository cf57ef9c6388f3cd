package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestsTest {

  @Test
  void sha256HexMatchesTheStandardTestVector() {
    assertThat(Digests.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void sha256HexHashesUtf8Bytes() {
    assertThat(Digests.sha256Hex("é")).isEqualTo(Digests.sha256Hex("\u00e9")).hasSize(64);
  }
}
