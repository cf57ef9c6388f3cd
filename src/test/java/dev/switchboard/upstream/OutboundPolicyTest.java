package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", " , ,"})
  void emptySettingAllowsNothingBeyondPublicAddresses(String setting) {
    OutboundPolicy policy = OutboundPolicy.parse(setting);

    assertThat(policy.isEmpty()).isTrue();
    assertThat(policy.allowsAddress(address("127.0.0.1"))).isFalse();
  }

  @Test
  void readsRangesAddressesAndNamesTrimmedAndInCanonicalForm() {
    OutboundPolicy policy = OutboundPolicy.parse(
        " 10.0.0.0/8 , FD00::/8,127.0.0.1, [::1], Db.Internal., ,192.168.0.0/16");

    assertThat(policy).hasToString("10.0.0.0/8,fd00::/8,127.0.0.1/32,::1/128,192.168.0.0/16,db.internal");
  }

  @Test
  void aRangeAllowsEveryAddressInsideItAndNothingOutside() {
    OutboundPolicy policy = OutboundPolicy.parse("172.16.0.0/12,fc00::/7");

    assertThat(policy.allowsAddress(address("172.31.255.255"))).isTrue();
    assertThat(policy.allowsAddress(address("172.32.0.0"))).isFalse();
    assertThat(policy.allowsAddress(address("fdff::1"))).isTrue();
    assertThat(policy.allowsAddress(address("fe00::1"))).isFalse();
    assertThat(policy.allowsAddress(address("::ffff:172.16.0.1"))).isTrue();
  }

  @Test
  void aNameIsMatchedExactlyAndIgnoringCase() {
    OutboundPolicy policy = OutboundPolicy.parse("db.internal");

    assertThat(policy.allowsName("DB.Internal")).isTrue();
    assertThat(policy.allowsName("db.internal.")).isTrue();
    assertThat(policy.allowsName("x.db.internal")).isFalse();
    assertThat(policy.allowsName("db.internal.example")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.0.0.0/33 | the prefix length must be between 0 and 32",
      "fc00::/129 | the prefix length must be between 0 and 128",
      "10.0.0.0/x | the prefix length 'x' is not a number",
      "10.1.0.0/8 | '10.1.0.0/8' has bits set after the prefix; did you mean 10.0.0.0/8?",
      "fd00::1/8 | 'fd00::1/8' has bits set after the prefix; did you mean fd00::/8?",
      "127.1 | '127.1' is not an IPv4 address written as four decimal numbers (a.b.c.d)",
      "0x7f000001 | '0x7f000001' is not an IPv4 address written as four decimal numbers (a.b.c.d)",
      "010.0.0.0/8 | '010.0.0.0' is not an IPv4 address written as four decimal numbers (a.b.c.d)",
      "256.0.0.0/8 | '256.0.0.0' is not an IPv4 address written as four decimal numbers (a.b.c.d)",
      "fc00:::/7 | 'fc00:::' is not a valid IPv6 address",
      "*.example.com | wildcards are not supported: list each host name, or allow a CIDR range",
      "https://db.internal | write a host name or a CIDR range, not a URL",
      "db.internal:5432 | entries take no port: write the host name or address alone",
      "db internal | 'db internal' is not a valid host name",
      "::ffff:10.0.0.0/8 | write IPv4-mapped ranges as IPv4 ranges",
  })
  void refusesMalformedEntriesNamingTheEntryAndWhatIsWrong(String entry, String problem) {
    InvalidOutboundAllowException e = catchThrowableOfType(InvalidOutboundAllowException.class,
        () -> OutboundPolicy.parse("example.com, " + entry));

    assertThat(e.code()).isEqualTo("outbound_allow_invalid");
    assertThat(e).hasMessage("SWITCHBOARD_OUTBOUND_ALLOW entry 2 '" + entry + "': " + problem);
  }

  private static InetAddress address(String literal) {
    return OutboundGuardTest.address(literal);
  }
}
