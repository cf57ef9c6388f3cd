package dev.switchboard.upstream.internal;

import dev.switchboard.error.SwitchboardException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code multipart/form-data} body (RFC 7578) from a body argument: each top-level field is a part;
 * a file argument ({@code {"base64": …, "filename": …, "contentType": …}}) is a file part with the
 * decoded bytes, an array of scalars or files is one part per item, any other structure a part with
 * JSON content, a scalar a text part. Null fields are left out.
 */
final class MultipartBody {
  private static final SecureRandom RANDOM = new SecureRandom();

  final String contentType;
  final byte[] bytes;

  private MultipartBody(String contentType, byte[] bytes) {
    this.contentType = contentType;
    this.bytes = bytes;
  }

  static MultipartBody of(JsonNode body, JsonMapper json) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    String boundary = "switchboard-" + HexFormat.of().formatHex(nonce);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (body != null && body.isObject()) {
      for (Map.Entry<String, JsonNode> field : body.properties()) {
        JsonNode value = field.getValue();
        if (value.isArray() && value.valueStream().allMatch(v -> v.isValueNode() || isFile(v))) {
          value.forEach(item -> part(out, boundary, field.getKey(), item, json));
        } else if (!value.isNull()) {
          part(out, boundary, field.getKey(), value, json);
        }
      }
    }
    write(out, "--" + boundary + "--\r\n");
    return new MultipartBody("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  private static boolean isFile(JsonNode value) {
    return value.isObject() && value.path("base64").isString();
  }

  private static void part(ByteArrayOutputStream out, String boundary, String name, JsonNode value, JsonMapper json) {
    write(out, "--" + boundary + "\r\n");
    String disposition = "Content-Disposition: form-data; name=\"" + quoted(name) + "\"";
    if (isFile(value)) {
      byte[] content;
      try {
        content = Base64.getDecoder().decode(value.get("base64").asString().replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw SwitchboardException.invalid("invalid_file", name + ".base64 is not base64");
      }
      String filename = value.path("filename").asString("file");
      String type = value.path("contentType").asString("application/octet-stream");
      write(out, disposition + "; filename=\"" + quoted(filename) + "\"\r\nContent-Type: " + type.replaceAll("[\r\n]", "")
          + "\r\n\r\n");
      out.writeBytes(content);
    } else if (value.isContainer()) {
      write(out, disposition + "\r\nContent-Type: application/json\r\n\r\n");
      out.writeBytes(json.writeValueAsBytes(value));
    } else {
      write(out, disposition + "\r\n\r\n" + value.asString());
    }
    write(out, "\r\n");
  }

  /** A name in a quoted header parameter: quotes and line breaks percent-encoded (as browsers do). */
  private static String quoted(String text) {
    return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
