package dev.switchboard.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.authserver.internal.AddressLimits;
import dev.switchboard.authserver.internal.ClientRows;
import dev.switchboard.authserver.internal.GrantRows;
import dev.switchboard.authserver.internal.GrantTokenRows;
import dev.switchboard.store.Database;
import dev.switchboard.testing.AdjustableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration never locks honest clients out: at the cap of unused clients the oldest go. */
class RegistrationCapTest {
  @TempDir
  Path dir;

  @Test
  void atTheCapTheOldestUnusedClientIsForgottenInsteadOfRefusingTheNewOne() {
    AdjustableClock clock = new AdjustableClock();
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("switchboard.db"), "", "")) {
      ClientRows clients = new ClientRows(db.jdbi());
      AuthorizationServer server = new AuthorizationServer(clients, new GrantRows(db.jdbi()),
          new GrantTokenRows(db.jdbi()), null, new AddressLimits(Integer.MAX_VALUE, Duration.ofHours(1), clock),
          new ResourceNames("http://localhost:8080", 8080), null, clock);
      List<String> redirect = List.of("http://127.0.0.1/cb");
      String oldest = server.register("first", redirect, "2001:db8::1").id();
      clock.skip(Duration.ofSeconds(1));
      for (int i = 1; i < AuthorizationServer.MAX_UNUSED_CLIENTS; i++) {
        server.register("c" + i, redirect, "2001:db8::" + Integer.toHexString(i + 1));
      }
      assertThat(clients.find(oldest)).isPresent();

      String newest = server.register("newest", redirect, "192.0.2.7").id();

      assertThat(clients.find(newest)).isPresent();
      assertThat(clients.find(oldest)).isEmpty();
      assertThat(clients.countUnused()).isEqualTo(AuthorizationServer.MAX_UNUSED_CLIENTS);
      clock.skip(AuthorizationServer.UNUSED_CLIENT_LIFE.plusMinutes(1));
      server.register("later", redirect, "192.0.2.7");
      assertThat(clients.countUnused()).isEqualTo(1);
    }
  }
}
