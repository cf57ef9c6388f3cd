package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.provider.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** Each provider's tools are read when first needed, and weighed ones are kept within the budget. */
class ToolCatalogTest {
  private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

  @Test
  void nothingIsReadUntilAToolOfTheProviderIsNeededAndThenOnlyItsProvider() {
    ToolCatalog catalog = ToolCatalog.build(Catalog.of(List.of()), List.of(), 1_000);
    catalog.replace("alpha", supply("alpha", 2, 100));
    catalog.replace("beta", supply("beta", 3, 100));
    assertThat(catalog.loadedProviders()).isEmpty();
    assertThat(reads).isEmpty();

    assertThat(catalog.find("beta_op1")).hasValueSatisfying(t -> assertThat(t.provider()).isEqualTo("beta"));
    assertThat(catalog.find("beta_missing")).isEmpty();
    assertThat(catalog.find("nobody_op1")).isEmpty();
    assertThat(catalog.loadedProviders()).containsExactly("beta");
    assertThat(reads.get("beta")).hasValue(1);

    assertThat(catalog.ofProvider("alpha")).extracting(Tool::name).containsExactly("alpha_op0", "alpha_op1");
    assertThat(catalog.find("alpha", "op1")).isPresent();
    assertThat(catalog.all()).hasSize(5);
    assertThat(reads.get("alpha")).hasValue(1);
    assertThat(reads.get("beta")).hasValue(1);
  }

  @Test
  void theLeastRecentlyUsedWeighedToolSetsAreDroppedBeyondTheBudgetAndReadAgainWhenNeeded() {
    ToolCatalog catalog = ToolCatalog.build(Catalog.of(List.of()), List.of(), 250);
    catalog.replace("alpha", supply("alpha", 1, 100));
    catalog.replace("beta", supply("beta", 1, 100));
    catalog.replace("gamma", supply("gamma", 1, 100));
    catalog.replace("kept", List.of(tool("kept", 0)));
    catalog.ofProvider("kept");
    catalog.ofProvider("alpha");
    catalog.ofProvider("beta");
    catalog.ofProvider("alpha");
    catalog.ofProvider("gamma"); // 300 > 250: beta, used least recently, goes
    assertThat(catalog.loadedProviders()).containsExactly("alpha", "gamma", "kept");
    assertThat(catalog.ofProvider("beta")).hasSize(1);
    assertThat(reads.get("beta")).hasValue(2);
    assertThat(catalog.loadedProviders()).containsExactly("beta", "gamma", "kept");
  }

  @Test
  void aReplacedOrRemovedProviderIsReadFromItsNewSupply() {
    ToolCatalog catalog = ToolCatalog.build(Catalog.of(List.of()), List.of(), 1_000);
    catalog.replace("alpha", supply("alpha", 1, 10));
    assertThat(catalog.ofProvider("alpha")).hasSize(1);
    catalog.replace("alpha", supply("alpha", 4, 10));
    assertThat(catalog.ofProvider("alpha")).hasSize(4);
    catalog.remove("alpha");
    assertThat(catalog.ofProvider("alpha")).isEmpty();
    assertThat(catalog.find("alpha_op0")).isEmpty();
  }

  @Test
  void twoToolsOfOneNameAreRefusedWhenTheProviderIsRead() {
    ToolCatalog catalog = ToolCatalog.build(Catalog.of(List.of()), List.of(), 1_000);
    catalog.replace("alpha", List.of(tool("alpha", 0), tool("alpha", 0)));
    assertThatThrownBy(() -> catalog.ofProvider("alpha")).hasMessageContaining("two tools are named alpha_op0");
  }

  private ToolCatalog.Supply supply(String provider, int count, long weight) {
    return new ToolCatalog.Supply() {
      @Override
      public List<Tool> load() {
        reads.computeIfAbsent(provider, p -> new AtomicInteger()).incrementAndGet();
        return IntStream.range(0, count).mapToObj(i -> tool(provider, i)).toList();
      }

      @Override
      public long weight() {
        return weight;
      }
    };
  }

  private static Tool tool(String provider, int i) {
    return new Tool(provider + "_op" + i, provider, "op" + i, null, null, JsonNodeFactory.instance.objectNode(),
        Set.of(), new BuiltinCall(provider, "op" + i));
  }
}
