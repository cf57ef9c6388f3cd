package dev.switchboard.web.pages;

import java.util.List;

/**
 * One bundle: its readiness with a reason and fix per tool, the MCP URL and client configurations,
 * and (for its owner) the forms to add and remove tools, change the mode, publish; for everyone who
 * may, enable or disable it and choose credentials.
 *
 * @param choices tools matching {@code query} that are not in the bundle yet (owner only)
 * @param moreChoices how many further matches were left out
 * @param features the features of its MCP providers the bundle offers besides tools
 * @param error a message about the last change, or null
 */
public record BundlePage(String slug, String name, String description, String publication, String mode,
    boolean owner, boolean enabled, String mcpUrl, Badge readiness, String readinessNote, List<ToolLine> tools,
    List<ClientConfig> configs, String query, List<ToolChoice> choices, int moreChoices, List<Option> modes,
    boolean canPublish, boolean canEnable, List<BindingRow> bindings, List<FeatureToggle> features, String error) {}
