package dev.switchboard.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature Version 4 the way AWS does, written for the tests from the algorithm in the AWS
 * documentation (Signature Version 4 signing process: canonical request, string to sign, derived key),
 * independently of the SDK signer the gateway uses: it rebuilds the canonical request from the request as
 * received (decoding and re-encoding the query, hashing the body bytes received) and compares signatures.
 */
public final class SigV4Verifier {
  private final Map<String, String> secretsByKeyId;

  /** @param secretsByKeyId the secret access key of each known access key id */
  public SigV4Verifier(Map<String, String> secretsByKeyId) {
    this.secretsByKeyId = Map.copyOf(secretsByKeyId);
  }

  /** Why the request's signature is wrong, as an AWS error code, or empty when it is right. */
  public Optional<String> problem(LocalHttpServer.Recorded r, boolean doubleEncodePath) {
    String authorization = r.header("authorization");
    if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
      return Optional.of("MissingAuthenticationToken");
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : authorization.substring("AWS4-HMAC-SHA256 ".length()).split(",\\s*")) {
      int eq = part.indexOf('=');
      parts.put(part.substring(0, eq), part.substring(eq + 1));
    }
    String[] scope = parts.get("Credential").split("/");
    String secret = secretsByKeyId.get(scope[0]);
    if (secret == null) {
      return Optional.of("InvalidClientTokenId");
    }
    String amzDate = r.header("x-amz-date");
    if (amzDate == null || !amzDate.startsWith(scope[1])) {
      return Optional.of("IncompleteSignature");
    }
    String bodyHash = hex(sha256(r.body()));
    String declared = r.header("x-amz-content-sha256");
    if (declared != null && !declared.equals(bodyHash)) {
      return Optional.of("XAmzContentSHA256Mismatch");
    }
    String signedHeaders = parts.get("SignedHeaders");
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      List<String> values = r.headers().get(name);
      if (values == null) {
        return Optional.of("SignatureDoesNotMatch");
      }
      canonicalHeaders.append(name).append(':')
          .append(String.join(",", values.stream().map(v -> v.trim().replaceAll(" +", " ")).toList()))
          .append('\n');
    }
    String pathAndQuery = r.pathAndQuery();
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    String canonicalRequest = r.method() + "\n" + canonicalPath(path, doubleEncodePath) + "\n"
        + canonicalQuery(query) + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + bodyHash;
    String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
    String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + credentialScope + "\n"
        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
    key = hmac(key, scope[2]);
    key = hmac(key, scope[3]);
    key = hmac(key, "aws4_request");
    String expected = hex(hmac(key, stringToSign));
    return expected.equals(parts.get("Signature")) ? Optional.empty() : Optional.of("SignatureDoesNotMatch");
  }

  /** The service and region the signature claims, e.g. {@code [sts, us-east-1]}. */
  public static List<String> scope(LocalHttpServer.Recorded r) {
    String credential = r.header("authorization").replaceAll(".*Credential=([^,]+),.*", "$1");
    String[] scope = credential.split("/");
    return List.of(scope[3], scope[2]);
  }

  private static String canonicalPath(String rawPath, boolean doubleEncode) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    if (!doubleEncode) {
      return rawPath;
    }
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/", -1)) {
      segments.add(encode(segment));
    }
    return String.join("/", segments);
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      pairs.add(new String[] {encode(name), encode(value)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> out = new ArrayList<>();
    pairs.forEach(p -> out.add(p[0] + "=" + p[1]));
    return String.join("&", out);
  }

  /** RFC 3986 unreserved characters stay, everything else is %XX in upper case. */
  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
