package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.SigV4Verifier;
import dev.switchboard.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The AWS providers (Signature Version 4) and Mixpanel (service account plus project id) reach local
 * stand-ins in the shape their APIs check. The AWS stand-in verifies each signature as AWS does, with a
 * test-only implementation of the documented algorithm, and answers a wrong one with AWS's 403
 * SignatureDoesNotMatch XML, which must fail the credential as rejected.
 */
class AwsAndMixpanelProvidersIT {
  static final String KEY_ID = "AKIDEXAMPLE00000001";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String SESSION_KEY_ID = "ASIAEXAMPLE0000002";
  static final String SESSION_SECRET = "session-secret-access-key-0000000002";
  static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLE//session+token=";

  @TempDir
  static Path dir;
  static LocalHttpServer aws;
  static LocalHttpServer mixpanel;
  static TestServer server;
  static Api api;
  static final SigV4Verifier verifier = new SigV4Verifier(Map.of(KEY_ID, SECRET, SESSION_KEY_ID, SESSION_SECRET));

  @BeforeAll
  static void start() {
    aws = LocalHttpServer.start();
    aws.on("/", exchange -> {
      LocalHttpServer.Recorded r = last(aws);
      boolean s3 = SigV4Verifier.scope(r).get(0).equals("s3");
      Optional<String> problem = verifier.problem(r, !s3);
      if (problem.isPresent()) {
        LocalHttpServer.answer(403, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
            + "<Type>Sender</Type><Code>" + problem.get() + "</Code><Message>The request signature we calculated "
            + "does not match the signature you provided.</Message></Error><RequestId>4f1c</RequestId>"
            + "</ErrorResponse>", "Content-Type", "text/xml").handle(exchange);
      } else {
        LocalHttpServer.answer(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>"
            + "arn:aws:iam::123456789012:user/reader</Arn><Account>123456789012</Account>"
            + "</GetCallerIdentityResult></GetCallerIdentityResponse>", "Content-Type", "text/xml").handle(exchange);
      }
    });
    mixpanel = LocalHttpServer.start().on("/", LocalHttpServer.answer(200,
        "{\"results\":{\"user_email\":\"bot@acme.test\"}}", "Content-Type", "application/json"));
    String base = aws.url("");
    server = TestServer.start(dir, Map.of(
        "SWITCHBOARD_PROVIDER_AWS_BASE_URL", base,
        "SWITCHBOARD_PROVIDER_AWS_EC2_BASE_URL", base,
        "SWITCHBOARD_PROVIDER_AWS_S3_BASE_URL", base,
        "SWITCHBOARD_PROVIDER_MIXPANEL_BASE_URL", mixpanel.url("/api")));
    api = new Api(server, Cli.userWithToken(server.env(), "aws@example.com"));
  }

  @AfterAll
  static void stop() {
    server.close();
    aws.close();
    mixpanel.close();
  }

  static LocalHttpServer.Recorded last(LocalHttpServer upstream) {
    List<LocalHttpServer.Recorded> all = upstream.requests();
    return all.get(all.size() - 1);
  }

  static JsonNode createAndVerify(String provider, String method, Map<String, Object> fields) {
    Api.Answer a = api.post("/api/v1/credentials?verify=true",
        Map.of("provider", provider, "authMethod", method, "fields", fields));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json();
  }

  static void secretNowhere(LocalHttpServer.Recorded r, String secret) {
    assertThat(r.headers().toString()).doesNotContain(secret);
    assertThat(r.pathAndQuery()).doesNotContain(secret);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(secret);
  }

  @Test
  void stsCallerIdentityIsSignedForStsInUsEast1AndVerifies() {
    JsonNode c = createAndVerify("aws", "AWS_SIGV4", Map.of("access_key_id", KEY_ID, "secret_access_key", SECRET));
    assertThat(c.path("verification").asString()).as(c.toString()).isEqualTo("VERIFIED");
    LocalHttpServer.Recorded r = last(aws);
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.pathAndQuery()).isEqualTo("/?Action=GetCallerIdentity&Version=2011-06-15");
    assertThat(SigV4Verifier.scope(r)).containsExactly("sts", "us-east-1");
    assertThat(r.header("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/")
        .contains("SignedHeaders=").contains("host").contains("x-amz-date");
    assertThat(verifier.problem(r, true)).isEmpty();
    secretNowhere(r, SECRET);
  }

  @Test
  void aWrongSecretIsAnsweredSignatureDoesNotMatchAndRejectsTheCredential() {
    JsonNode c = createAndVerify("aws", "AWS_SIGV4",
        Map.of("access_key_id", KEY_ID, "secret_access_key", "not-the-secret-access-key-000000"));
    assertThat(c.path("verification").asString()).isEqualTo("ERROR");
    assertThat(c.path("verificationCode").asString()).isEqualTo("credentials_rejected");
    assertThat(c.path("verificationMessage").asString()).contains("SignatureDoesNotMatch")
        .doesNotContain("not-the-secret-access-key-000000");
    assertThat(verifier.problem(last(aws), true)).contains("SignatureDoesNotMatch");
  }

  @Test
  void aSessionTokenTravelsSignedAsXAmzSecurityToken() {
    JsonNode c = createAndVerify("aws", "AWS_SIGV4", Map.of("access_key_id", SESSION_KEY_ID,
        "secret_access_key", SESSION_SECRET, "session_token", SESSION_TOKEN));
    assertThat(c.path("verification").asString()).as(c.toString()).isEqualTo("VERIFIED");
    LocalHttpServer.Recorded r = last(aws);
    assertThat(r.header("x-amz-security-token")).isEqualTo(SESSION_TOKEN);
    assertThat(r.header("authorization")).contains("x-amz-security-token");
    secretNowhere(r, SESSION_SECRET);
  }

  @Test
  void s3IsSignedForS3WithTheBodyHashAndEc2QueryArgumentsAreSignedAsSent() {
    JsonNode s3 = createAndVerify("aws-s3", "AWS_SIGV4", Map.of("access_key_id", KEY_ID, "secret_access_key", SECRET));
    assertThat(s3.path("verification").asString()).as(s3.toString()).isEqualTo("VERIFIED");
    LocalHttpServer.Recorded listed = last(aws);
    assertThat(SigV4Verifier.scope(listed)).containsExactly("s3", "us-east-1");
    assertThat(listed.header("x-amz-content-sha256"))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    JsonNode ec2 = createAndVerify("aws-ec2", "AWS_SIGV4", Map.of("access_key_id", KEY_ID, "secret_access_key", SECRET));
    assertThat(ec2.path("verification").asString()).as(ec2.toString()).isEqualTo("VERIFIED");
    assertThat(SigV4Verifier.scope(last(aws))).containsExactly("ec2", "us-east-1");
    api.post("/api/v1/bundles", Map.of("slug", "cloud", "name", "Cloud",
        "tools", List.of("aws-ec2_describe_instances", "aws-s3_list_objects")));
    McpCall mcp = new McpCall(server, Cli.token(server.env(), "aws@example.com"), "/mcp/bundle/cloud");
    JsonNode page = mcp.call("aws-ec2_describe_instances", Map.of("MaxResults", 5, "NextToken", "a b/c+=é"));
    assertThat(page.path("isError").asBoolean()).as(page.toString()).isFalse();
    LocalHttpServer.Recorded r = last(aws);
    assertThat(r.pathAndQuery()).startsWith("/?Action=DescribeInstances&Version=2016-11-15&")
        .contains("MaxResults=5").contains("NextToken=");
    assertThat(verifier.problem(r, true)).isEmpty();
    JsonNode objects = mcp.call("aws-s3_list_objects", Map.of("Bucket", "my.bucket-1", "prefix", "logs/2026 12"));
    assertThat(objects.path("isError").asBoolean()).as(objects.toString()).isFalse();
    assertThat(last(aws).pathAndQuery()).startsWith("/my.bucket-1?list-type=2&prefix=");
  }

  @Test
  void mixpanelSendsTheServiceAccountAsBasicAndTheProjectIdInTheQuery() {
    JsonNode c = createAndVerify("mixpanel", "API_KEY",
        Map.of("username", "bot.12ab34.mp-service-account", "api_key", "mp-secret-000111222", "project_id", "3141592"));
    assertThat(c.path("verification").asString()).as(c.toString()).isEqualTo("VERIFIED");
    LocalHttpServer.Recorded r = last(mixpanel);
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.pathAndQuery()).isEqualTo("/api/app/me?project_id=3141592");
    assertThat(r.header("authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        "bot.12ab34.mp-service-account:mp-secret-000111222".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.pathAndQuery()).doesNotContain("mp-secret-000111222");
  }
}
