package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.upstream.RemoteMcpException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
  final List<SseEvent> events = new ArrayList<>();
  final SseParser parser = new SseParser(64, events::add);

  void feed(String... chunks) {
    for (String chunk : chunks) {
      parser.feed(ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void eventsEndAtAnEmptyLineWhateverTheLineEndings() {
    feed("event: endpoint\r\ndata: /message?s=1\r\n\r\n", "data: a\rdata: b\r\r", "id: 7\ndata: c\n\n");

    assertThat(events).containsExactly(new SseEvent("endpoint", "/message?s=1", ""),
        new SseEvent("message", "a\nb", ""), new SseEvent("message", "c", "7"));
  }

  @Test
  void linesSplitAcrossChunksAndCharactersSplitAcrossBytesAreReadWhole() {
    byte[] bytes = "data: grüße\n\n".getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      parser.feed(ByteBuffer.wrap(new byte[] {b}));
    }

    assertThat(events).containsExactly(new SseEvent("message", "grüße", ""));
  }

  @Test
  void commentsAndUnknownFieldsAreIgnoredAndOneLeadingSpaceIsDropped() {
    feed(":keep-alive\n\nfoo: bar\ndata:no space\ndata:  two spaces\n\n");

    assertThat(events).containsExactly(new SseEvent("message", "no space\n two spaces", ""));
  }

  @Test
  void aPrimingEventHasEmptyDataAndSetsTheIdAndRetry() {
    feed("id: abc\nretry: 1500\ndata:\n\n", "event: x\n\n");

    assertThat(events).containsExactly(new SseEvent("message", "", "abc"));
    assertThat(parser.lastEventId()).isEqualTo("abc");
    assertThat(parser.retryMillis()).isEqualTo(1500);
  }

  @Test
  void aByteOrderMarkAtTheStartIsSkipped() {
    feed("\uFEFFdata: x\n\n");

    assertThat(events).containsExactly(new SseEvent("message", "x", ""));
  }

  @Test
  void anEventLargerThanTheCapFailsInsteadOfGrowing() {
    assertThatThrownBy(() -> feed("data: " + "x".repeat(40) + "\n", "data: " + "y".repeat(40) + "\n"))
        .isInstanceOf(RemoteMcpException.class).hasMessageContaining("larger than 64 bytes");
    assertThatThrownBy(() -> new SseParser(64, events::add).feed(ByteBuffer.wrap(new byte[100])))
        .isInstanceOf(RemoteMcpException.class);
  }
}
