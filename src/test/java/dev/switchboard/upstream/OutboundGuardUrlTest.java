package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link OutboundGuard#check}: the form of a URL, before any name is resolved. */
class OutboundGuardUrlTest {
  private final OutboundGuard closed = new OutboundGuard(OutboundPolicy.none(), OutboundGuardTest::noDns);
  private final OutboundGuard loopback =
      new OutboundGuard(OutboundPolicy.parse("127.0.0.0/8,::1"), OutboundGuardTest::noDns);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HTTPS://API.Example.COM | https://api.example.com/",
      "http://api.example.com:80/v1/items?q=a%20b&x=1#frag | http://api.example.com/v1/items?q=a%20b&x=1",
      "https://api.example.com:443/ | https://api.example.com/",
      "https://api.example.com:8443 | https://api.example.com:8443/",
      "http://api.example.com./a | http://api.example.com/a",
      "http://[2606:4700:4700:0:0:0:0:1111]:8080/x | http://[2606:4700:4700::1111]:8080/x",
      "http://0x08080808/ | http://8.8.8.8/",
      "http://[::ffff:8.8.8.8]/ | http://8.8.8.8/",
  })
  void returnsTheNormalizedUri(String url, String normalized) {
    assertThat(closed.check(url)).hasToString(normalized);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://127.1:8080/a?b=c | http://127.0.0.1:8080/a?b=c",
      "http://2130706433/ | http://127.0.0.1/",
      "http://0177.0.0.1/ | http://127.0.0.1/",
      "http://[::ffff:7f00:1]:9/ | http://127.0.0.1:9/",
      "http://[0:0:0:0:0:0:0:1]/ | http://[::1]/",
  })
  void writesAllowListedAddressLiteralsInCanonicalForm(String url, String normalized) {
    assertThat(loopback.check(url)).hasToString(normalized);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ftp://example.com/ | only http and https URLs can be called (not ftp)",
      "file:///etc/passwd | only http and https URLs can be called (not file)",
      "gopher://example.com:70/ | only http and https URLs can be called (not gopher)",
      "//example.com/ | only http and https URLs can be called",
      "http:example.com | the URL has no host",
      "http:///path | the URL has no host",
      "http://user:secret@example.com/ | the URL carries user information (user:password@); keep "
          + "secrets in a credential, not in the URL",
      "http://example.com:0/ | the port must be between 1 and 65535",
      "http://example.com:65536/ | the port must be between 1 and 65535",
      "http://my_host.example/ | 'my_host.example' is not a host name a URL can carry",
      "http://%31%32%37.0.0.1/ | '%31%32%37.0.0.1' is percent-encoded: write the host name as it is",
  })
  void refusesUrlsThatAreNotPlainHttp(String url, String reason) {
    assertThatThrownBy(() -> closed.check(url))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessage("outbound request refused: " + reason);
  }

  @CsvSource({
      "http://10.0.0.1/, 10.0.0.1, a private address 10.0.0.1",
      "http://169.254.169.254/latest/meta-data/, 169.254.169.254, a link-local address 169.254.169.254",
      "http://0x7f000001:8080/, 0x7f000001, a loopback address 127.0.0.1",
      "http://[::1]/, ::1, the loopback address ::1",
      "http://[fd00::1]/, fd00::1, a unique-local address fd00::1",
  })
  @ParameterizedTest
  void refusesAddressLiteralsBeforeAnythingConnects(String url, String host, String reason) {
    assertThatThrownBy(() -> closed.check(url))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageStartingWith("outbound request to " + host + " refused: it is " + reason)
        .hasMessageEndingWith("ask an administrator to add it to SWITCHBOARD_OUTBOUND_ALLOW");
  }

  @Test
  void doesNotResolveNamesWhenCheckingAUrl() {
    assertThat(closed.check("http://localhost:8080/x")).hasToString("http://localhost:8080/x");
  }

  @Test
  void refusalsNeverRepeatThePathOrQuery() {
    assertThatThrownBy(() -> closed.check("http://10.0.0.1/tokens/sk_live_123?api_key=sk_live_456"))
        .hasMessageNotContaining("sk_live");
    assertThatThrownBy(() -> closed.check("http://example.com/a b?api_key=sk_live_456"))
        .hasMessageNotContaining("sk_live");
    assertThatThrownBy(() -> closed.check("ftp://example.com/?api_key=sk_live_456"))
        .hasMessageNotContaining("sk_live");
  }
}
