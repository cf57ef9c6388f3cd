package dev.switchboard.authserver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.authserver.ClientInfo;
import dev.switchboard.authserver.OAuthProblem;
import dev.switchboard.testing.AdjustableClock;
import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.OutboundHttp;
import dev.switchboard.upstream.OutboundPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Client ID Metadata Documents fetched from a local server: no redirects, 200 only, generic errors, limits. */
class MetadataDocumentsIT {
  private final AdjustableClock clock = new AdjustableClock();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private HttpServer server;
  private OutboundHttp http;
  private MetadataDocuments documents;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      if (path.equals("/moved")) {
        exchange.getResponseHeaders().add("Location", base + "/good");
        exchange.sendResponseHeaders(302, -1);
      } else if (path.startsWith("/good")) {
        byte[] body = ("{\"client_id\":\"" + base + path + "\",\"client_name\":\"Good\u200b\u202eapp\","
            + "\"redirect_uris\":[\"http://127.0.0.1:9/cb\"]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(path.equals("/good-but-201") ? 201 : 200, body.length);
        exchange.getResponseBody().write(body);
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
      exchange.close();
    });
    server.start();
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.parse("127.0.0.1/32"), name -> {
      throw new UnknownHostException(name);
    });
    http = new OutboundHttp(guard);
    http.start();
    documents = new MetadataDocuments(http, guard, JsonMapper.builder().build(), clock);
  }

  @AfterEach
  void stop() {
    http.close();
    server.stop(0);
  }

  @Test
  void aDocumentIsReadAndItsNameCleaned() {
    ClientInfo client = documents.client(base + "/good", "192.0.2.1");

    assertThat(client.verified()).isTrue();
    assertThat(client.name()).isEqualTo("Goodapp");
  }

  @Test
  void aRedirectIsNotFollowedAndOnly200IsADocument() {
    assertThatThrownBy(() -> documents.client(base + "/moved", "192.0.2.1")).isInstanceOf(OAuthProblem.class)
        .hasMessageContaining("could not be fetched").hasMessageNotContaining("302");
    assertThat(hits).doesNotContainKey("/good");
    assertThatThrownBy(() -> documents.client(base + "/good-but-201", "192.0.2.1"))
        .isInstanceOf(OAuthProblem.class);
  }

  @Test
  void whatTheGuardSaidIsNotShown() {
    assertThatThrownBy(() -> documents.client("https://10.1.2.3/client.json", "192.0.2.1"))
        .isInstanceOf(OAuthProblem.class).hasMessage("the client's metadata document could not be fetched");
    assertThatThrownBy(() -> documents.client("https://no-such-host.example/client.json", "192.0.2.1"))
        .isInstanceOf(OAuthProblem.class).hasMessage("the client's metadata document could not be fetched");
  }

  @Test
  void aFailureIsKeptBriefly() {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> documents.client(base + "/missing", "192.0.2.1")).isInstanceOf(OAuthProblem.class);
    }
    assertThat(hits.get("/missing").get()).isEqualTo(1);

    clock.skip(MetadataDocuments.KEEP_FAILURE.plusSeconds(1));

    assertThatThrownBy(() -> documents.client(base + "/missing", "192.0.2.1")).isInstanceOf(OAuthProblem.class);
    assertThat(hits.get("/missing").get()).isEqualTo(2);
  }

  @Test
  void oneAddressFetchesOnlySoManyDocumentsAMinute() {
    for (int i = 0; i < MetadataDocuments.FETCHES_PER_MINUTE; i++) {
      documents.client(base + "/good/" + i, "2001:db8::1");
    }

    assertThatThrownBy(() -> documents.client(base + "/good/next", "2001:db8::2"))
        .isInstanceOfSatisfying(OAuthProblem.class, e -> assertThat(e.status()).isEqualTo(429));
    assertThat(documents.client(base + "/good/1", "2001:db8::2").verified()).as("kept, no fetch").isTrue();
    clock.skip(Duration.ofSeconds(61));
    assertThat(documents.client(base + "/good/next", "2001:db8::2").verified()).isTrue();
  }
}
