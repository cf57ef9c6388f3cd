package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.error.SwitchboardException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Multipart bodies: text parts, file parts from base64 arguments, repeated parts for arrays, JSON for structures. */
class MultipartBodyTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void writesTextFileRepeatedAndJsonParts() {
    JsonNode body = JSON.readTree("""
        {"channels": ["C1", "C2"], "title": "Report", "file": {"base64": "aGVsbG8=", "filename": "a.txt",
         "contentType": "text/plain"}, "meta": {"k": 1}, "skip": null}""");

    MultipartBody multipart = MultipartBody.of(body, JSON);
    String boundary = multipart.contentType.substring("multipart/form-data; boundary=".length());
    String text = new String(multipart.bytes, StandardCharsets.UTF_8);

    assertThat(multipart.contentType).startsWith("multipart/form-data; boundary=switchboard-");
    assertThat(text).isEqualTo("--" + boundary + "\r\nContent-Disposition: form-data; name=\"channels\"\r\n\r\nC1\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"channels\"\r\n\r\nC2\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nReport\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nhello\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"meta\"\r\n"
        + "Content-Type: application/json\r\n\r\n{\"k\":1}\r\n"
        + "--" + boundary + "--\r\n");
  }

  @Test
  void refusesAFileThatIsNotBase64() {
    assertThatThrownBy(() -> MultipartBody.of(JSON.readTree("{\"file\": {\"base64\": \"%%%\"}}"), JSON))
        .isInstanceOf(SwitchboardException.class).hasMessageContaining("file.base64 is not base64");
  }
}
