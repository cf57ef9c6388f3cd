package dev.switchboard.web.pages;

/** One recorded tool call or validation run. */
public record ExecutionRow(String when, String kind, String tool, String provider, String bundle, Badge outcome,
    String upstreamStatus, String duration) {}
