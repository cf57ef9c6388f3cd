package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ports in the allow-list, and the gateway's own listening address and port: refused even when
 * loopback is allowed, unless an entry names that port. No test here opens a connection.
 */
class OutboundGuardPortTest {
  private static final SelfAddress SELF = SelfAddress.of("127.0.0.1", 8080, "http://localhost:8080");

  private static OutboundGuard guard(String allow, SelfAddress self) {
    return new OutboundGuard(OutboundPolicy.parse(allow), OutboundGuardPortTest::lookup, self);
  }

  private static InetAddress[] lookup(String name) throws UnknownHostException {
    return switch (name) {
      case "localhost" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
      case "db.internal" -> new InetAddress[] {InetAddress.getByName("10.0.0.5")};
      default -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
    };
  }

  @Test
  void aRangeAllowedOnOnePortIsRefusedOnAnotherBeforeAnythingConnects() {
    OutboundGuard guard = guard("10.0.0.0/8:5432", SelfAddress.none());

    assertThat(guard.resolve("10.0.0.5", 5432)).hasSize(1);
    assertThatThrownBy(() -> guard.resolve("10.0.0.5", 22))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessage("outbound request to 10.0.0.5 refused: it is a private address 10.0.0.5 (allowed on "
            + "other ports, not 22); ask an administrator to add it to SWITCHBOARD_OUTBOUND_ALLOW");
  }

  @Test
  void aUrlIsJudgedOnItsPortOrTheSchemesDefault() {
    OutboundGuard guard = guard("10.0.0.5:80, 10.0.0.6:443", SelfAddress.none());

    assertThat(guard.check("http://10.0.0.5/x")).hasToString("http://10.0.0.5/x");
    assertThat(guard.check("https://10.0.0.6/")).hasToString("https://10.0.0.6/");
    assertThat(guard.check("http://10.0.0.6:443/")).hasToString("http://10.0.0.6:443/");
    assertThatThrownBy(() -> guard.check("https://10.0.0.5/"))
        .isInstanceOf(OutboundBlockedException.class).hasMessageContaining("not 443");
    assertThatThrownBy(() -> guard.check("http://10.0.0.5:8080/"))
        .isInstanceOf(OutboundBlockedException.class).hasMessageContaining("not 8080");
  }

  @Test
  void aNameAllowedOnOnePortFallsBackToItsAddressesOnOthers() {
    OutboundGuard guard = guard("db.internal:5432", SelfAddress.none());

    assertThat(guard.resolve("db.internal", 5432)).hasSize(1);
    assertThatThrownBy(() -> guard.resolve("db.internal", 6379))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageStartingWith("outbound request to db.internal refused: it resolves to a private address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "0x7f000001", "::1", "[::1]", "::ffff:127.0.0.1",
      "0.0.0.0", "::", "localhost"})
  void theGatewaysOwnPortIsRefusedOnLoopbackEvenWhenLoopbackIsAllowed(String host) {
    OutboundGuard guard = guard("127.0.0.0/8, ::1, 0.0.0.0/8, ::/128, localhost", SELF);

    assertThatThrownBy(() -> guard.resolve(host, 8080))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageStartingWith("outbound request to ")
        .hasMessageEndingWith("only an entry of SWITCHBOARD_OUTBOUND_ALLOW naming port 8080 allows it");
    assertThat(guard.resolve(host, 8081)).isNotEmpty();
  }

  @Test
  void theGatewaysOwnPortIsRefusedInAUrlBeforeAnythingConnects() {
    OutboundGuard guard = guard("127.0.0.0/8", SELF);

    assertThatThrownBy(() -> guard.check("http://127.0.0.1:8080/metrics"))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessage("outbound request to 127.0.0.1 refused: it is 127.0.0.1 on port 8080, where this gateway"
            + " itself listens; only an entry of SWITCHBOARD_OUTBOUND_ALLOW naming port 8080 allows it");
    assertThatThrownBy(() -> guard.check("http://localhost:8080/metrics"))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageContaining("this gateway's own base URL");
  }

  @Test
  void anEntryNamingTheGatewaysPortAllowsCallingIt() {
    assertThat(guard("127.0.0.1:8080", SELF).resolve("127.0.0.1", 8080)).hasSize(1);
    assertThat(guard("127.0.0.0/8:8080", SELF).check("http://127.0.0.1:8080/mcp")).isNotNull();
    assertThat(guard("localhost:8080", SELF).resolve("localhost", 8080)).hasSize(1);
    assertThat(guard("127.0.0.0/8, localhost:8080", SELF).check("http://localhost:8080/")).isNotNull();
  }

  @Test
  void withoutAGatewayToProtectLoopbackIsAllowedOnEveryPort() {
    assertThat(guard("127.0.0.0/8", SelfAddress.none()).resolve("127.0.0.1", 8080)).hasSize(1);
    assertThat(SelfAddress.of("127.0.0.1", 0, "http://localhost:0").port()).isZero();
  }

  @Test
  void boundToAllInterfacesTheMachinesOwnAddressesAreRefusedOnTheGatewaysPortEvenWhenPublic()
      throws SocketException, UnknownHostException {
    Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
    assumeTrue(own.isPresent(), "this machine has an address besides loopback");
    String address = InetAddress.getByAddress(own.get().getAddress()).getHostAddress();
    OutboundGuard everything = guard("0.0.0.0/0, ::/0", SelfAddress.of("0.0.0.0", 8080, "http://localhost:8080"));
    OutboundGuard loopbackBound = guard("0.0.0.0/0, ::/0", SELF);

    assertThatThrownBy(() -> everything.resolve(address, 8080))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageContaining("where this gateway itself listens");
    assertThat(everything.resolve(address, 8081)).hasSize(1);
    assertThat(loopbackBound.resolve(address, 8080)).hasSize(1);
  }

  @Test
  void theBaseUrlsHostAndPortAreRefusedAsTheGatewayBehindAProxy() {
    SelfAddress proxied = SelfAddress.of("127.0.0.1", 8080, "https://gw.example.com");

    assertThatThrownBy(() -> guard("", proxied).check("https://GW.example.com./metrics"))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessage("outbound request to gw.example.com refused: it is this gateway's own base URL (port 443);"
            + " only an entry of SWITCHBOARD_OUTBOUND_ALLOW naming port 443 allows it");
    assertThatThrownBy(() -> guard("", proxied).resolve("gw.example.com", 443))
        .isInstanceOf(OutboundBlockedException.class);
    assertThat(guard("", proxied).check("https://gw.example.com:8443/")).isNotNull();
    assertThat(guard("gw.example.com:443", proxied).check("https://gw.example.com/")).isNotNull();
  }
}
