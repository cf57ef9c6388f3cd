package dev.switchboard.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.Catalog;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** The calculator's tools belong to the provider whose {@code builtin} is "calculator", and to no other. */
class CalculatorToolsetTest {
  private final JsonMapper json = JsonMapper.builder().build();
  private final Catalog catalog = Catalog.load(json);
  private final CalculatorToolset calculator = new CalculatorToolset(json);

  @Test
  void servesItsOwnProvider() {
    assertThat(calculator.tools(catalog.require("calculator"))).extracting(t -> t.name())
        .containsExactly("calculator_add", "calculator_subtract", "calculator_multiply", "calculator_divide");
  }

  @Test
  void givesNoToolsToOtherProviders() {
    assertThat(calculator.tools(catalog.require("github"))).isEmpty();
    assertThat(calculator.tools(catalog.require("deepwiki"))).isEmpty();
  }
}
