package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code SWITCHBOARD_TOOL_SCHEMA_LIMIT}: default, a chosen value, and the values refused. */
class ToolSchemaLimitSettingTest {
  @Test
  void defaultsTo16KiBAndCanBeChanged() {
    assertThat(SettingsLoader.fromValues(Map.of()).toolSchemaLimit()).isEqualTo(16_384);
    assertThat(SettingsLoader.fromValues(Map.of("SWITCHBOARD_TOOL_SCHEMA_LIMIT", "4096")).toolSchemaLimit())
        .isEqualTo(4096);
  }

  @Test
  void tooSmallOrNotANumberIsRefusedByName() {
    assertThatThrownBy(() -> SettingsLoader.fromValues(Map.of("SWITCHBOARD_TOOL_SCHEMA_LIMIT", "512")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SWITCHBOARD_TOOL_SCHEMA_LIMIT must be at least 1024 bytes");
    assertThatThrownBy(() -> SettingsLoader.fromValues(Map.of("SWITCHBOARD_TOOL_SCHEMA_LIMIT", "16k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SWITCHBOARD_TOOL_SCHEMA_LIMIT must be a whole number");
  }
}
