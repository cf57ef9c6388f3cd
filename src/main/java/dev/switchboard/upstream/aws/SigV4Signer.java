package dev.switchboard.upstream.aws;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * AWS Signature Version 4 by the AWS SDK's signer module (the only place that imports the SDK). It signs
 * the request exactly as it will be sent: method, URL with its query, the given headers, and the SHA-256
 * of the body bytes, which it also sends as {@code x-amz-content-sha256} (S3 requires it, other services
 * accept it). Stateless apart from the clock; thread safe.
 */
public final class SigV4Signer {
  private static final Set<String> TRANSPORT_OWNED = Set.of("host", "content-length");

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final Clock clock;

  public SigV4Signer(Clock clock) {
    this.clock = clock;
  }

  /**
   * The headers to add to the request: {@code Authorization}, {@code X-Amz-Date},
   * {@code x-amz-content-sha256} and, with a session token, {@code X-Amz-Security-Token}. The {@code Host}
   * header is signed as the HTTP client will send it (host, and the port when it is not the scheme's).
   *
   * @param headers the headers the request already carries; they are signed as they are
   * @param body the exact body bytes sent, or null for none
   */
  public List<Map.Entry<String, String>> sign(String method, URI uri, List<Map.Entry<String, String>> headers,
      byte[] body, Scope scope, Keys keys) {
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    Set<String> present = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> header : headers) {
      request.appendHeader(header.getKey(), header.getValue());
      present.add(header.getKey());
    }
    byte[] bytes = body == null ? new byte[0] : body;
    AwsCredentialsIdentity identity = keys.sessionToken() == null
        ? AwsCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey())
        : AwsSessionCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken());
    request.putHeader("x-amz-content-sha256", PayloadHash.hex(bytes));
    SignedRequest signed = signer.sign(r -> r.identity(identity)
        .request(request.build())
        .payload(ContentStreamProvider.fromByteArray(bytes))
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, scope.service())
        .putProperty(AwsV4HttpSigner.REGION_NAME, scope.region())
        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, scope.doubleUrlEncode())
        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, scope.doubleUrlEncode())
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
    List<Map.Entry<String, String>> added = new ArrayList<>();
    signed.request().forEachHeader((name, values) -> {
      if (!present.contains(name) && !TRANSPORT_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> added.add(Map.entry(name, value)));
      }
    });
    return added;
  }

  /** What a signature is for: the service's signing name, the region, and S3's single path encoding. */
  public record Scope(String service, String region, boolean doubleUrlEncode) {}

  /** The key pair and optional session token; {@link #toString()} shows the key id only. */
  public record Keys(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
      return "Keys[" + accessKeyId + "]";
    }
  }
}
