package dev.switchboard.upstream;

import static dev.switchboard.upstream.JsonMappers.json;
import static dev.switchboard.upstream.RemoteMcps.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.Provider;
import dev.switchboard.testing.AdjustableClock;
import dev.switchboard.tool.Tool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tool discovery: every page, names, and the cache per key (TTL, list_changed, forget). */
class RemoteMcpCacheIT {
  final AdjustableClock clock = new AdjustableClock();
  final List<String> changed = new CopyOnWriteArrayList<>();
  FakeMcpServer server;
  RemoteMcp remote;
  Provider fake;

  @BeforeEach
  void start() {
    server = new FakeMcpServer();
    remote = RemoteMcps.client(clock, changed::add);
    fake = provider("fake", server.url());
  }

  @AfterEach
  void stop() {
    remote.close();
    server.close();
  }

  List<Tool> tools(String key) {
    return remote.tools(fake, List.of(), key, soon());
  }

  Instant soon() {
    return clock.instant().plusSeconds(5);
  }

  @Test
  void everyPageIsFetchedInTheServersOrder() {
    server.toolNames = IntStream.range(0, 7).mapToObj(i -> "tool" + i).toList();
    server.pageSize = 3;

    assertThat(tools("fake/1")).extracting(Tool::name)
        .containsExactly("fake_tool0", "fake_tool1", "fake_tool2", "fake_tool3", "fake_tool4", "fake_tool5", "fake_tool6");
    assertThat(server.toolLists).hasValue(3);
  }

  @Test
  void namesArePrefixedDistinctAndIndependentOfTheServersOrder() {
    server.toolNames = List.of("get-item", "get_item", "getItem", "x".repeat(80));
    List<Tool> first = tools("fake/1");
    server.toolNames = List.of("x".repeat(80), "getItem", "get_item", "get-item");
    remote.forget("fake/1");

    List<Tool> second = tools("fake/1");

    assertThat(first).extracting(Tool::name).doesNotHaveDuplicates()
        .allMatch(name -> name.startsWith("fake_") && name.length() <= 64);
    assertThat(second).extracting(t -> t.recipe() + "=" + t.name())
        .containsExactlyInAnyOrderElementsOf(first.stream().map(t -> t.recipe() + "=" + t.name()).toList());
  }

  @Test
  void theListIsCachedPerKeyForTheTtl() {
    tools("fake/1");
    tools("fake/1");
    assertThat(server.toolLists).hasValue(1);

    tools("fake/2");
    assertThat(server.toolLists).hasValue(2);

    clock.skip(RemoteMcp.DEFAULT_TTL.plus(Duration.ofSeconds(1)));
    tools("fake/1");
    assertThat(server.toolLists).hasValue(3);
  }

  @Test
  void aListChangedNotificationDropsTheCachedList() {
    server.eventStreams = true;
    tools("fake/1");
    server.announceChange = true;

    remote.call(fake, List.of(), "fake/1", "echo", json("{\"message\":\"x\"}"), soon());
    server.toolNames = List.of("echo", "added");

    assertThat(tools("fake/1")).extracting(Tool::name).containsExactly("fake_echo", "fake_added");
    assertThat(changed).containsExactly("fake/1");
  }

  @Test
  void forgetDropsTheListAndTheSession() {
    tools("fake/1");
    remote.forget("fake/1");
    tools("fake/1");

    assertThat(server.toolLists).hasValue(2);
    assertThat(server.initializes).hasValue(2);
  }
}
