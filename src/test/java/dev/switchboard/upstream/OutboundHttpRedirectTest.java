package dev.switchboard.upstream;

import static dev.switchboard.testing.LocalHttpServer.answer;
import static dev.switchboard.testing.LocalHttpServer.redirect;
import static dev.switchboard.upstream.OutboundClients.inSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.testing.LocalHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects are followed by hand, and the guard checks every hop before anything connects. */
class OutboundHttpRedirectTest {
  private final LocalHttpServer server = LocalHttpServer.start();
  private final LocalHttpServer other = LocalHttpServer.start();
  private final OutboundClients clients = new OutboundClients(
      Map.of("upstream.test", "127.0.0.1", "internal.test", "127.0.0.1"));
  private final OutboundHttp http = clients.allowing("127.0.0.1/32");

  @AfterEach
  void stop() {
    clients.close();
    server.close();
    other.close();
  }

  @Test
  void followsARedirectToAnAllowedHost() {
    server.on("/start", redirect(302, "/final")).on("/final", answer(200, "done"));

    HttpResult result = http.send(get(server.url("/start")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.bodyText()).isEqualTo("done");
    assertThat(server.requests()).extracting(LocalHttpServer.Recorded::pathAndQuery)
        .containsExactly("/start", "/final");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:10.0.0.1]/",
      "http://0xa9fea9fe/", "http://[fd00:ec2::254]/", "http://[::1]:1/",
  })
  void refusesARedirectToAPrivateAddressBeforeConnectingToIt(String target) {
    server.on("/start", redirect(302, target));

    assertThatThrownBy(() -> http.send(get(server.url("/start"))))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageStartingWith("redirect from 127.0.0.1:" + server.port() + ": outbound request to ")
        .hasMessageEndingWith("ask an administrator to add it to SWITCHBOARD_OUTBOUND_ALLOW");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aRedirectToAnotherPortOfAnAllowedHostIsRefusedWhenTheEntryNamesOnePort() {
    server.on("/start", redirect(302, other.url("/final")));
    other.on("/final", answer(200, "other port"));
    OutboundHttp onePort = clients.allowing("127.0.0.1:" + server.port());

    assertThatThrownBy(() -> onePort.send(get(server.url("/start"))))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessage("redirect from 127.0.0.1:" + server.port() + ": outbound request to 127.0.0.1 refused: it "
            + "is a loopback address 127.0.0.1 (allowed on other ports, not " + other.port() + "); ask an "
            + "administrator to add it to SWITCHBOARD_OUTBOUND_ALLOW");
    assertThat(other.requests()).isEmpty();

    HttpResult both = clients.allowing("127.0.0.1:" + server.port() + ", 127.0.0.1:" + other.port())
        .send(get(server.url("/start")));

    assertThat(both.bodyText()).isEqualTo("other port");
  }

  @Test
  void aRedirectThroughANameIsJudgedOnThePortItConnectsTo() {
    server.on("/start", redirect(302, "http://internal.test:" + other.port() + "/final"));
    other.on("/final", answer(200, "other port"));

    assertThatThrownBy(() -> clients.allowing("127.0.0.1:" + server.port() + ", internal.test:1")
        .send(get(server.url("/start"))))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageContaining("outbound request to internal.test refused: it resolves to a loopback address");
    assertThat(other.requests()).isEmpty();
  }

  @Test
  void aRedirectTargetIsAllowedOnceItIsAllowListed() {
    server.on("/start", redirect(302, "http://127.0.0.1:" + server.port() + "/final"))
        .on("/final", answer(200, "done"));
    URI start = URI.create("http://upstream.test:" + server.port() + "/start");

    assertThatThrownBy(() -> clients.allowing("upstream.test").send(get(start.toString())))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessage("redirect from upstream.test:" + server.port() + ": outbound request to 127.0.0.1 "
            + "refused: it is a loopback address 127.0.0.1; ask an administrator to add it to "
            + "SWITCHBOARD_OUTBOUND_ALLOW");

    HttpResult result = clients.allowing("upstream.test,127.0.0.1").send(get(start.toString()));

    assertThat(result.bodyText()).isEqualTo("done");
  }

  @Test
  void refusesARedirectToANameThatResolvesToAPrivateAddress() {
    server.on("/start", redirect(302, "http://internal.test:" + server.port() + "/final"))
        .on("/final", answer(200, "internal"));

    assertThatThrownBy(() -> clients.allowing("upstream.test")
            .send(get("http://upstream.test:" + server.port() + "/start")))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageStartingWith("redirect from upstream.test:" + server.port()
            + ": outbound request to internal.test refused: it resolves to a loopback address 127.0.0.1");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void followsFiveRedirectsAndRefusesTheSixth() {
    for (int i = 1; i <= 5; i++) {
      server.on("/r" + i, redirect(307, "/r" + (i + 1)));
    }
    server.on("/r6", redirect(302, "/r7")).on("/r7", answer(200, "too far"));
    server.on("/s1", redirect(301, "/s2")).on("/s2", redirect(302, "/s3")).on("/s3", redirect(303, "/s4"))
        .on("/s4", redirect(307, "/s5")).on("/s5", redirect(308, "/s6")).on("/s6", answer(200, "fifth"));

    assertThat(http.send(get(server.url("/s1"))).bodyText()).isEqualTo("fifth");
    UpstreamUnavailableException e = catchThrowableOfType(UpstreamUnavailableException.class,
        () -> http.send(get(server.url("/r1"))));
    assertThat(e.failure()).isEqualTo(UpstreamUnavailableException.Failure.TOO_MANY_REDIRECTS);
    assertThat(e).hasMessage("127.0.0.1:" + server.port() + " redirected more than 5 times");
  }

  @Test
  void aRedirectToAnotherOriginCarriesNoCredentialHeaders() {
    server.on("/start", redirect(302, other.url("/final")));
    other.on("/final", answer(200, "other"));

    http.send(get(server.url("/start"))
        .withHeader("Authorization", "Bearer sk_live_1")
        .withHeader("X-Api-Key", "sk_live_2")
        .withHeader("Cookie", "session=1")
        .withHeader("Accept", "application/json"));

    LocalHttpServer.Recorded followed = other.requests().get(0);
    assertThat(followed.header("Authorization")).isNull();
    assertThat(followed.header("X-Api-Key")).isNull();
    assertThat(followed.header("Cookie")).isNull();
    assertThat(followed.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void aRedirectWithinTheOriginKeepsTheHeaders() {
    server.on("/start", redirect(302, "/final")).on("/final", answer(200, "same"));

    http.send(get(server.url("/start")).withHeader("Authorization", "Bearer sk_live_1"));

    assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer sk_live_1");
  }

  @Test
  void seeOtherTurnsAPostIntoAGetWithoutBody() {
    server.on("/form", redirect(303, "/result")).on("/result", answer(200, "created"));

    http.send(get(server.url("/form")).withMethod("POST").withBody(bytes("a=1"), "application/x-www-form-urlencoded"));

    LocalHttpServer.Recorded followed = server.requests().get(1);
    assertThat(followed.method()).isEqualTo("GET");
    assertThat(followed.body()).isEmpty();
  }

  @Test
  void temporaryRedirectRepeatsTheMethodAndBodyWithinTheOrigin() {
    server.on("/old", redirect(307, "/new")).on("/new", answer(200, "ok"));

    http.send(get(server.url("/old")).withMethod("PUT").withBody(bytes("{}"), "application/json"));

    LocalHttpServer.Recorded followed = server.requests().get(1);
    assertThat(followed.method()).isEqualTo("PUT");
    assertThat(new String(followed.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
  }

  @Test
  void aRedirectThatWouldSendTheBodyToAnotherOriginIsReturnedInsteadOfFollowed() {
    server.on("/old", redirect(308, other.url("/new")));

    HttpResult result = http.send(get(server.url("/old")).withMethod("POST").withBody(bytes("{}"), "application/json"));

    assertThat(result.status()).isEqualTo(308);
    assertThat(result.header("Location")).contains(other.url("/new"));
    assertThat(other.requests()).isEmpty();
  }

  private static HttpCall get(String url) {
    return HttpCall.get(URI.create(url), inSeconds(5), 64 * 1024);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
