package dev.switchboard.upstream.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.SigV4Verifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The SDK signer as the gateway calls it, checked by the tests' own implementation of the documented
 * algorithm ({@link SigV4Verifier}): the body hash covers the exact bytes sent, a changed byte breaks the
 * signature, a session token is signed, and the secret appears in no header.
 */
class SigV4SignerTest {
  static final String KEY_ID = "AKIDEXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final SigV4Signer SIGNER = new SigV4Signer(Clock.fixed(Instant.parse("2026-12-07T11:40:00Z"), ZoneOffset.UTC));
  static final SigV4Verifier VERIFIER = new SigV4Verifier(Map.of(KEY_ID, SECRET));
  static final URI URI_EC2 = URI.create("https://ec2.eu-west-3.amazonaws.com/");
  static final byte[] FORM = "Action=DescribeRegions&Version=2016-11-15&RegionName.1=eu-west-3&Filter.1.Name=a%20b"
      .getBytes(StandardCharsets.UTF_8);

  static List<Map.Entry<String, String>> sign(byte[] body, String sessionToken) {
    return SIGNER.sign("POST", URI_EC2, List.of(Map.entry("Content-Type", "application/x-www-form-urlencoded")),
        body, new SigV4Signer.Scope("ec2", "eu-west-3", true), new SigV4Signer.Keys(KEY_ID, SECRET, sessionToken));
  }

  /** The request as the server receives it: the signed headers, the Host header, and the body given. */
  static LocalHttpServer.Recorded received(List<Map.Entry<String, String>> added, byte[] body) {
    Map<String, List<String>> headers = new TreeMap<>();
    headers.put("host", List.of("ec2.eu-west-3.amazonaws.com"));
    headers.put("content-type", List.of("application/x-www-form-urlencoded"));
    for (Map.Entry<String, String> header : added) {
      headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(header.getValue());
    }
    return new LocalHttpServer.Recorded("POST", "/", headers, body);
  }

  @Test
  void aFormBodyIsSignedWithTheHashOfItsExactBytes() {
    List<Map.Entry<String, String>> added = sign(FORM, null);
    LocalHttpServer.Recorded r = received(added, FORM);
    assertThat(VERIFIER.problem(r, true)).isEmpty();
    assertThat(SigV4Verifier.scope(r)).containsExactly("ec2", "eu-west-3");
    assertThat(r.header("x-amz-date")).isEqualTo("20261207T114000Z");
    assertThat(r.header("authorization")).contains("Credential=AKIDEXAMPLE/20261207/eu-west-3/ec2/aws4_request")
        .contains("content-type").contains("x-amz-content-sha256");
    assertThat(added.toString()).doesNotContain(SECRET).doesNotContain("host=").doesNotContain("Host=");
  }

  @Test
  void oneChangedBodyByteOrAnotherSecretBreaksTheSignature() {
    List<Map.Entry<String, String>> added = sign(FORM, null);
    byte[] changed = FORM.clone();
    changed[changed.length - 1] = 'c';
    assertThat(VERIFIER.problem(received(added, changed), true)).contains("XAmzContentSHA256Mismatch");

    SigV4Verifier otherSecret = new SigV4Verifier(Map.of(KEY_ID, "another-secret-access-key-000000000000"));
    assertThat(otherSecret.problem(received(added, FORM), true)).contains("SignatureDoesNotMatch");
  }

  @Test
  void anEmptyBodyIsHashedAsNoBytesAndASessionTokenIsSigned() {
    List<Map.Entry<String, String>> added = sign(null, "FwoGZXIvYXdzEXAMPLE//token+=");
    LocalHttpServer.Recorded r = received(added, new byte[0]);
    assertThat(VERIFIER.problem(r, true)).isEmpty();
    assertThat(r.header("x-amz-content-sha256"))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(r.header("x-amz-security-token")).isEqualTo("FwoGZXIvYXdzEXAMPLE//token+=");
    assertThat(r.header("authorization")).contains("x-amz-security-token");
  }

  @Test
  void keysShowOnlyTheirIdWhenPrinted() {
    assertThat(new SigV4Signer.Keys(KEY_ID, SECRET, "token-value").toString())
        .isEqualTo("Keys[AKIDEXAMPLE]");
  }
}
