package dev.switchboard.web.pages;

import java.util.List;

/** The Connected apps page: every OAuth grant of the user, and the server URL for connectors. */
public record ConnectedAppsPage(List<ConnectedAppRow> apps, String baseUrl) {}
