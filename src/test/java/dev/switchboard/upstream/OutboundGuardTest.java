package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address and name checks; no test here opens a connection or asks DNS about an outside name. */
class OutboundGuardTest {
  private static final String HINT = "ask an administrator to add it to SWITCHBOARD_OUTBOUND_ALLOW";

  private final OutboundGuard closed = new OutboundGuard(OutboundPolicy.none(), OutboundGuardTest::noDns);

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, a loopback address 127.0.0.1",
      "127.255.255.254, a loopback address 127.255.255.254",
      "::1, the loopback address ::1",
      "[::1], the loopback address ::1",
      "0.0.0.0, an unspecified (\"this network\") address 0.0.0.0",
      "::, the unspecified address ::",
      "10.0.0.5, a private address 10.0.0.5",
      "172.16.0.1, a private address 172.16.0.1",
      "172.31.255.255, a private address 172.31.255.255",
      "192.168.1.1, a private address 192.168.1.1",
      "169.254.169.254, a link-local address 169.254.169.254 (the cloud metadata endpoint)",
      "169.254.0.1, a link-local address 169.254.0.1",
      "100.64.0.1, a shared (carrier-grade NAT) address 100.64.0.1",
      "100.100.100.200, a shared (carrier-grade NAT) address 100.100.100.200",
      "fc00::1, a unique-local address fc00::1",
      "fd00:ec2::254, a unique-local address fd00:ec2::254 (the cloud metadata endpoint)",
      "fe80::1, a link-local address fe80::1",
      "224.0.0.1, a multicast address 224.0.0.1",
      "ff02::1, a multicast address ff02::1",
      "255.255.255.255, the broadcast address 255.255.255.255",
      "240.0.0.1, a reserved address 240.0.0.1",
      "198.18.0.1, a benchmarking address 198.18.0.1",
      "192.0.2.10, a documentation address 192.0.2.10",
      "2001:db8::1, a documentation address 2001:db8::1",
      "192.0.0.192, an IETF protocol assignment address 192.0.0.192",
  })
  void refusesNonPublicAddressesNamingTheKindAndTheAddress(String host, String reason) {
    assertThatThrownBy(() -> closed.resolve(host, 443))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessage("outbound request to " + host + " refused: it is " + reason + "; " + HINT);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2130706433", "0x7f000001", "0X7F000001", "0x7f.0.0.1", "0x7f.0x0.0x0.0x1", "0177.0.0.1",
      "0177.0.0.01", "017700000001", "127.1", "127.0.1", "0x7f.1", "127.0.0.1.", "127.000.000.001",
      "::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "::ffff:7f00:1", "0:0:0:0:0:ffff:7f00:1",
      "::FFFF:7F00:0001",
  })
  void refusesEverySpellingOfLoopbackAsTheAddressItDenotes(String host) {
    assertThatThrownBy(() -> closed.resolve(host, 443))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageContaining("outbound request to " + host + " refused: it is a loopback address 127.0.0.1");
  }

  @ParameterizedTest
  @CsvSource({
      "167772165, a private address 10.0.0.5",
      "0xa000005, a private address 10.0.0.5",
      "012.0.0.5, a private address 10.0.0.5",
      "10.5, a private address 10.0.0.5",
      "0xA9.0xFE.0xA9.0xFE, a link-local address 169.254.169.254",
      "2852039166, a link-local address 169.254.169.254",
      "::ffff:a9fe:a9fe, a link-local address 169.254.169.254",
      "::ffff:10.0.0.5, a private address 10.0.0.5",
      "64:ff9b::a00:5, a private address 10.0.0.5 (inside 64:ff9b::a00:5)",
      "2002:a00:5::1, a private address 10.0.0.5 (inside 2002:a00:5::1)",
      "0, an unspecified (\"this network\") address 0.0.0.0",
      "::7f00:1, a deprecated IPv4-compatible address ::7f00:1",
      "::127.0.0.1, a deprecated IPv4-compatible address ::7f00:1",
  })
  void refusesOtherSpellingsAndIpv6FormsThatCarryAPrivateIpv4Address(String host, String reason) {
    assertThatThrownBy(() -> closed.resolve(host, 443))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageContaining("refused: it is " + reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "256.0.0.1", "1.2.3.4.5", "0x100000000", "4294967296", "09.0.0.1", "127.0.0.1..",
      "::ffff:127.0.0.01", "1::2::3", "fe80::1%eth0", "[::1", "a b", "exa_mple..com", "-bad.example",
      "１２７.０.０.１",
  })
  void refusesMalformedHostsInsteadOfPassingThemToAResolver(String host) {
    assertThatThrownBy(() -> closed.resolve(host, 443))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageStartingWith("outbound request refused: ")
        .hasMessageNotContaining("SWITCHBOARD_OUTBOUND_ALLOW");
  }

  @ParameterizedTest
  @CsvSource({
      "8.8.8.8, 8.8.8.8",
      "0x08080808, 8.8.8.8",
      "2606:4700:4700::1111, 2606:4700:4700::1111",
      "[2606:4700:4700::1111], 2606:4700:4700::1111",
      "::ffff:8.8.8.8, 8.8.8.8",
      "64:ff9b::808:808, 64:ff9b::808:808",
      "100.128.0.1, 100.128.0.1",
      "172.32.0.1, 172.32.0.1",
  })
  void allowsPublicAddresses(String host, String expected) throws Exception {
    assertThat(closed.resolve(host, 443)).containsExactly(InetAddress.getByName(expected));
  }

  @ParameterizedTest
  @CsvSource({
      "127.0.0.0/8, 127.0.0.1",
      "127.0.0.0/8, 0x7f000001",
      "127.0.0.0/8, 0177.0.0.1",
      "127.0.0.0/8, 2130706433",
      "127.0.0.0/8, ::ffff:127.0.0.1",
      "127.0.0.1, 127.1",
      "10.0.0.0/8, 10.0.0.5",
      "10.0.0.0/8, 64:ff9b::a00:5",
      "169.254.169.254/32, 169.254.169.254",
      "100.64.0.0/10, 100.64.0.1",
      "::1/128, ::1",
      "::1, [::1]",
      "fc00::/7, fd12:3456::1",
      "fe80::/10, fe80::1",
      "224.0.0.0/4, 224.0.0.1",
      "::ffff:10.0.0.0/104, 10.1.2.3",
  })
  void allowsEachRefusedAddressOnceItIsAllowListed(String allow, String host) {
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.parse(allow), OutboundGuardTest::noDns);

    assertThat(guard.resolve(host, 443)).hasSize(1);
  }

  @Test
  void refusesANameThatResolvesToALoopbackAddress() {
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.none());

    assertThatThrownBy(() -> guard.resolve("localhost", 443))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageStartingWith("outbound request to localhost refused: it resolves to ")
        .hasMessageContaining("loopback address")
        .hasMessageEndingWith(HINT);
  }

  @Test
  void allowsAnAllowListedNameWhateverItResolvesToIgnoringCase() {
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.parse("LocalHost"));

    assertThat(guard.resolve("LOCALHOST.", 443)).extracting(InetAddress::isLoopbackAddress).containsOnly(true);
  }

  @Test
  void allowsANameWhenEveryAddressItResolvesToIsAllowListed() {
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.parse("127.0.0.0/8, ::1/128"));

    assertThat(guard.resolve("localhost", 443)).isNotEmpty();
  }

  @Test
  void refusesANameThatMixesPublicAndPrivateAddresses() {
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.none(),
        name -> new InetAddress[] {address("93.184.215.14"), address("10.0.0.5")});

    OutboundBlockedException e =
        catchThrowableOfType(OutboundBlockedException.class, () -> guard.resolve("mixed.example", 443));

    assertThat(e).hasMessage("outbound request to mixed.example refused: it resolves to a private "
        + "address 10.0.0.5; " + HINT);
  }

  @Test
  void refusesANameResolvingToAnIpv4MappedPrivateAddress() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xFF;
    mapped[11] = (byte) 0xFF;
    mapped[12] = (byte) 169;
    mapped[13] = (byte) 254;
    mapped[14] = (byte) 169;
    mapped[15] = (byte) 254;
    InetAddress v6 = Inet6Address.getByAddress("metadata.example", mapped, -1);
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.none(), name -> new InetAddress[] {v6});

    assertThatThrownBy(() -> guard.resolve("metadata.example", 443))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageContaining("169.254.169.254 (the cloud metadata endpoint)");
  }

  @Test
  void returnsEveryAddressOfAPublicName() {
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.none(),
        name -> new InetAddress[] {address("93.184.215.14"), address("2606:2800:21f:cb07:6820:80da:af6b:8b2c")});

    assertThat(guard.resolve("public.example", 443)).hasSize(2);
  }

  @Test
  void aNameThatCannotBeResolvedIsAnUnreachableUpstream() {
    UpstreamUnavailableException e = catchThrowableOfType(
        UpstreamUnavailableException.class, () -> closed.resolve("nowhere.example", 443));

    assertThat(e.code()).isEqualTo("upstream_unreachable");
    assertThat(e.failure()).isEqualTo(UpstreamUnavailableException.Failure.DNS);
    assertThat(e).hasMessage("cannot resolve nowhere.example (DNS lookup failed)");
  }

  @Test
  void theLookupIsAskedForTheNormalizedName() {
    List<String> asked = new ArrayList<>();
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.none(), name -> {
      asked.add(name);
      return new InetAddress[] {address("93.184.215.14")};
    });

    guard.resolve("API.Example.COM.", 443);

    assertThat(asked).containsExactly("api.example.com");
  }

  static InetAddress[] noDns(String name) throws UnknownHostException {
    throw new UnknownHostException(name);
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
