package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.provider.internal.Checks;
import java.util.regex.Pattern;

/**
 * AWS Signature Version 4: every request is signed with the credential's access key id and secret access
 * key (secret fields {@code access_key_id}, {@code secret_access_key}, optional {@code session_token}) for
 * one AWS service and region. Wire: {@code {"type": "AWS_SIGV4", "service": "sts", "region": "us-east-1"}}
 * or {@code {"type": "AWS_SIGV4", "service": "ec2", "regionField": "region"}}.
 *
 * @param service the signing name of the AWS service ({@code sts}, {@code ec2}, {@code s3}); required
 * @param region a fixed signing region; exactly one of {@code region} and {@code regionField}
 * @param regionField the non-secret credential field holding the region
 * @param doubleUrlEncode whether the canonical path is URI-encoded a second time, as every service but S3
 *     expects; null means true
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AwsSigV4Method(String service, String region, String regionField, Boolean doubleUrlEncode)
        implements AuthMethod {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** The secret field holding the access key id. */
    public static final String ACCESS_KEY_ID = "access_key_id";
    /** The secret field holding the secret access key. */
    public static final String SECRET_ACCESS_KEY = "secret_access_key";
    /** The optional secret field holding a temporary credential's session token. */
    public static final String SESSION_TOKEN = "session_token";

    public AwsSigV4Method {
        Checks.matches(service, NAME, "service");
        if ((region == null) == (regionField == null)) {
            throw new IllegalArgumentException("exactly one of region and regionField is required");
        }
        if (region != null) {
            Checks.matches(region, NAME, "region");
        }
        doubleUrlEncode = doubleUrlEncode == null ? Boolean.TRUE : doubleUrlEncode;
    }

    @Override
    public AuthMethodType type() {
        return AuthMethodType.AWS_SIGV4;
    }
}
