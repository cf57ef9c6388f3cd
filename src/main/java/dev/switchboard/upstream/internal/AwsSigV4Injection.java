package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.AwsSigV4Method;
import dev.switchboard.upstream.aws.SigV4Signer;
import dev.switchboard.vault.SecretFields;
import java.net.URI;
import java.util.Map;

/**
 * AWS Signature Version 4: signs the request as assembled so far (URL with its query, headers, body) with
 * the credential's key pair for the method's service and region (fixed, or the credential's region field).
 * Runs after every other part of the request is in place.
 */
final class AwsSigV4Injection implements AuthInjection {
  private final SigV4Signer signer;

  AwsSigV4Injection(SigV4Signer signer) {
    this.signer = signer;
  }

  @Override
  public void apply(AuthMethod method, SecretFields secrets, OutgoingRequest request) {
    AwsSigV4Method aws = (AwsSigV4Method) method;
    String region = aws.region() != null ? aws.region() : secrets.get(aws.regionField()).orElse("us-east-1");
    SigV4Signer.Keys keys = new SigV4Signer.Keys(
        secrets.get(AwsSigV4Method.ACCESS_KEY_ID).orElse(""),
        secrets.get(AwsSigV4Method.SECRET_ACCESS_KEY).orElse(""),
        secrets.get(AwsSigV4Method.SESSION_TOKEN).filter(token -> !token.isBlank()).orElse(null));
    for (Map.Entry<String, String> header : signer.sign(request.method, URI.create(request.uri()),
        request.headers, request.body, new SigV4Signer.Scope(aws.service(), region, aws.doubleUrlEncode()), keys)) {
      request.header(header.getKey(), header.getValue());
    }
  }
}
