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
    assertThat(policy.allowsAddress(address("127.0.0.1"), 443)).isFalse();
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

    assertThat(policy.allowsAddress(address("172.31.255.255"), 443)).isTrue();
    assertThat(policy.allowsAddress(address("172.32.0.0"), 443)).isFalse();
    assertThat(policy.allowsAddress(address("fdff::1"), 443)).isTrue();
    assertThat(policy.allowsAddress(address("fe00::1"), 443)).isFalse();
    assertThat(policy.allowsAddress(address("::ffff:172.16.0.1"), 443)).isTrue();
  }

  @Test
  void aNameIsMatchedExactlyAndIgnoringCase() {
    OutboundPolicy policy = OutboundPolicy.parse("db.internal");

    assertThat(policy.allowsName("DB.Internal", 443)).isTrue();
    assertThat(policy.allowsName("db.internal.", 443)).isTrue();
    assertThat(policy.allowsName("x.db.internal", 443)).isFalse();
    assertThat(policy.allowsName("db.internal.example", 443)).isFalse();
  }

  @Test
  void readsEntriesWithPortsInCanonicalFormThatReadsBackTheSame() {
    OutboundPolicy policy = OutboundPolicy.parse(" 10.0.0.5:5432, 10.0.0.0/8:5432, DB.Internal.:5432,"
        + " [::1]:8080, [FD00::/8]:5432, [::1], fd00::1:5432, db.internal");

    assertThat(policy).hasToString("10.0.0.5/32:5432,10.0.0.0/8:5432,[::1/128]:8080,[fd00::/8]:5432,"
        + "::1/128,fd00::1:5432/128,db.internal:5432,db.internal");
    assertThat(OutboundPolicy.parse(policy.toString())).hasToString(policy.toString());
  }

  @Test
  void anEntryWithAPortAllowsThatPortOnly() {
    OutboundPolicy policy = OutboundPolicy.parse("10.0.0.0/8:5432, db.internal:5432, [fd00::/8]:443, 192.168.1.7:80");

    assertThat(policy.allowsAddress(address("10.1.2.3"), 5432)).isTrue();
    assertThat(policy.allowsAddress(address("10.1.2.3"), 5433)).isFalse();
    assertThat(policy.allowsAddress(address("10.1.2.3"), 22)).isFalse();
    assertThat(policy.allowsAddress(address("::ffff:10.1.2.3"), 5432)).isTrue();
    assertThat(policy.allowsAddress(address("fd00::7"), 443)).isTrue();
    assertThat(policy.allowsAddress(address("fd00::7"), 80)).isFalse();
    assertThat(policy.allowsAddress(address("192.168.1.7"), 80)).isTrue();
    assertThat(policy.allowsAddress(address("192.168.1.7"), 8080)).isFalse();
    assertThat(policy.allowsName("DB.internal.", 5432)).isTrue();
    assertThat(policy.allowsName("db.internal", 6379)).isFalse();
  }

  @Test
  void anEntryWithoutAPortStillAllowsEveryPort() {
    OutboundPolicy policy = OutboundPolicy.parse("10.0.0.0/8, db.internal, ::1");

    for (int port : new int[] {1, 22, 80, 5432, 8080, 65535}) {
      assertThat(policy.allowsAddress(address("10.9.8.7"), port)).as("port %d", port).isTrue();
      assertThat(policy.allowsAddress(address("::1"), port)).as("port %d", port).isTrue();
      assertThat(policy.allowsName("db.internal", port)).as("port %d", port).isTrue();
    }
  }

  @Test
  void anUnbracketedIpv6EntryIsAnAddressNeverAPort() {
    OutboundPolicy policy = OutboundPolicy.parse("fd00::1:5432");

    assertThat(policy.allowsAddress(address("fd00::1:5432"), 443)).isTrue();
    assertThat(policy.allowsAddress(address("fd00::1"), 5432)).isFalse();
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
      "db.internal:0 | the port '0' is not a number from 1 to 65535",
      "db.internal:65536 | the port '65536' is not a number from 1 to 65535",
      "db.internal:05432 | the port '05432' is not a number from 1 to 65535",
      "db.internal: | the port '' is not a number from 1 to 65535",
      "10.0.0.0/8:http | the port 'http' is not a number from 1 to 65535",
      "[::1]8080 | write [address]:port or [range]:port",
      "[::1:8080 | the IPv6 address is missing its closing bracket",
      "[fd00::1/8]:5432 | 'fd00::1/8' has bits set after the prefix; did you mean fd00::/8?",
      "*.example.com:443 | wildcards are not supported: list each host name, or allow a CIDR range",
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
