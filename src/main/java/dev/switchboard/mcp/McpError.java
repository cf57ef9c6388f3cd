package dev.switchboard.mcp;

import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC error to answer (MCP, JSON-RPC 2.0 §5.1), with the HTTP status its transport uses.
 * Messages are for people and never carry internal detail or secrets.
 */
public final class McpError extends RuntimeException {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  /** 2026-07-28: an {@code Mcp-*} header is missing or disagrees with the body. */
  public static final int HEADER_MISMATCH = -32020;
  /** 2026-07-28: the requested protocol version is not supported. */
  public static final int UNSUPPORTED_VERSION = -32022;

  private final int code;
  private final transient JsonNode data;
  private final int httpStatus;

  public McpError(int code, String message, int httpStatus) {
    this(code, message, null, httpStatus);
  }

  public McpError(int code, String message, JsonNode data, int httpStatus) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
    this.httpStatus = httpStatus;
  }

  public int code() {
    return code;
  }

  public JsonNode data() {
    return data;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public static McpError invalidParams(String message) {
    return new McpError(INVALID_PARAMS, message, 200);
  }
}
