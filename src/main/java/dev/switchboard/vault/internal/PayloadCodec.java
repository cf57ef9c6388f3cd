package dev.switchboard.vault.internal;

import dev.switchboard.vault.VaultException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plaintext inside a sealed payload (DESIGN §4): {@code
 * {"v":1,"owner":…,"credential":…,"fields":{name: value, …}}}. Binding owner and credential id into
 * the encrypted text makes a token copied to another row fail to open.
 *
 * <p>Works on the JSON tree, so the caller's mapper settings (naming strategies, indentation) do
 * not change the format. Thread-safe.
 */
public final class PayloadCodec {

  private static final int VERSION = 1;

  private final JsonMapper json;

  /** Uses {@code json} to read and write the payload. */
  public PayloadCodec(JsonMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  /** The UTF-8 JSON plaintext; the caller should zero it once encrypted. */
  public byte[] write(String owner, String credential, Map<String, String> fields) {
    ObjectNode root = json.createObjectNode();
    root.put("v", VERSION);
    root.put("owner", owner);
    root.put("credential", credential);
    ObjectNode values = root.putObject("fields");
    fields.forEach(values::put);
    try {
      return json.writeValueAsBytes(root);
    } catch (JacksonException e) {
      // The cause is dropped: its message could quote a value.
      throw new VaultException(VaultException.SEAL_FAILED, "secret fields cannot be serialized");
    }
  }

  /**
   * The fields of {@code plaintext}, which must be a version 1 payload for exactly this owner and
   * credential; anything else is {@link VaultException#decryptFailed()}.
   */
  public Map<String, String> read(byte[] plaintext, String owner, String credential) {
    JsonNode root;
    try {
      root = json.readTree(plaintext);
    } catch (JacksonException e) {
      throw VaultException.decryptFailed();
    }
    JsonNode version = root.get("v");
    JsonNode fields = root.get("fields");
    if (!root.isObject()
        || version == null
        || !version.isInt()
        || version.intValue() != VERSION
        || !matches(root.get("owner"), owner)
        || !matches(root.get("credential"), credential)
        || fields == null
        || !fields.isObject()) {
      throw VaultException.decryptFailed();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : fields.properties()) {
      if (!field.getValue().isString()) {
        throw VaultException.decryptFailed();
      }
      values.put(field.getKey(), field.getValue().stringValue());
    }
    return values;
  }

  private static boolean matches(JsonNode node, String expected) {
    return node != null && node.isString() && node.stringValue().equals(expected);
  }
}
