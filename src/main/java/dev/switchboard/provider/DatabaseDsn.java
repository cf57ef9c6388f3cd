package dev.switchboard.provider;

import dev.switchboard.vault.SecretFields;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The connection settings of a database credential without its password, in the URI form
 * {@code postgresql://user@host:port/database?sslmode=mode} (libpq's) or {@code mysql://…} (DESIGN.md §3:
 * the gateway sends it as the {@code x-{provider}-dsn} header). The built-in tools connect with exactly these settings plus
 * the password, so what the gateway shows is what the tools use. Immutable and thread safe.
 *
 * @param scheme the engine, which decides the default port and the SSL modes
 * @param user the role to log in as; not blank
 * @param host a host name or an IP address literal (IPv6 without brackets); not blank
 * @param port 1–65535
 * @param database the database name; not blank
 * @param sslmode one of the scheme's {@link DsnScheme#sslModes()}
 */
public record DatabaseDsn(DsnScheme scheme, String user, String host, int port, String database, String sslmode) {

  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");
  private static final Pattern PORT = Pattern.compile("\\+?[0-9]{1,5}");

  public DatabaseDsn {
    Objects.requireNonNull(scheme, "scheme");
    user = text(user, "user");
    database = text(database, "database");
    host = host(host);
    if (port < 1 || port > 65535) {
      throw new InvalidDatabaseSettingsException("port must be a whole number from 1 to 65535");
    }
    if (sslmode == null || !scheme.sslModes().contains(sslmode)) {
      throw new InvalidDatabaseSettingsException(
          "sslmode must be one of " + String.join(", ", scheme.sslModes()));
    }
  }

  /**
   * The settings held in a credential's fields {@code host}, {@code port}, {@code user},
   * {@code database} and {@code sslmode}; the password is not read. Surrounding spaces are ignored;
   * an empty port or sslmode takes the scheme's default.
   *
   * @throws InvalidDatabaseSettingsException when a field is missing or malformed
   */
  public static DatabaseDsn of(DsnScheme scheme, SecretFields fields) {
    String port = fields.get("port").map(String::trim).orElse("");
    String sslmode = fields.get("sslmode").map(String::trim).orElse("");
    return new DatabaseDsn(scheme,
        fields.get("user").orElse(null),
        fields.get("host").orElse(null),
        port.isEmpty() ? scheme.defaultPort() : port(port),
        fields.get("database").orElse(null),
        sslmode.isEmpty() ? scheme.defaultSslmode() : sslmode);
  }

  /** The host as it goes into a URI: IPv6 literals in brackets. */
  public String uriHost() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** {@code postgresql://user@host:port/database?sslmode=mode}, user and database percent-encoded. */
  public String uri() {
    return scheme.scheme() + "://" + encode(user) + "@" + uriHost() + ":" + port + "/" + encode(database)
        + "?sslmode=" + sslmode;
  }

  /** The same as {@link #uri()}; there is no secret in it. */
  @Override
  public String toString() {
    return uri();
  }

  private static int port(String text) {
    if (!PORT.matcher(text).matches()) {
      throw new InvalidDatabaseSettingsException("port must be a whole number from 1 to 65535");
    }
    return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
  }

  private static String text(String value, String field) {
    String trimmed = value == null ? "" : value.trim();
    if (trimmed.isEmpty()) {
      throw new InvalidDatabaseSettingsException(field + " is required");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidDatabaseSettingsException(field + " must not contain control characters");
    }
    return trimmed;
  }

  private static String host(String value) {
    String host = value == null ? "" : value.trim();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new InvalidDatabaseSettingsException("host is required");
    }
    if (!HOST_NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
      throw new InvalidDatabaseSettingsException("host must be a host name or an IP address");
    }
    return host;
  }

  // RFC 3986 percent-encoding of everything but unreserved characters, as libpq decodes URIs.
  private static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
      out.append(unreserved ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
    }
    return out.toString();
  }
}
