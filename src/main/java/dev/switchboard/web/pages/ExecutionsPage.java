package dev.switchboard.web.pages;

import java.util.List;

/**
 * Executions with their filters (bundle, provider, outcome).
 *
 * @param next the link to the next (older) page, or null on the last one
 */
public record ExecutionsPage(List<Option> bundles, List<Option> providers, List<Option> outcomes,
    List<ExecutionRow> rows, String next, boolean filtered) {}
