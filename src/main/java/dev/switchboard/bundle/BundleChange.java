package dev.switchboard.bundle;

import java.util.List;

/**
 * What a caller sends to create or update a bundle; null fields are left as they are on update.
 * {@code tools} replaces the list when given; {@code addTools}/{@code removeTools} edit it;
 * {@code features} changes the features it names (all are offered when a bundle is created without).
 */
public record BundleChange(
    String slug,
    String name,
    String description,
    String category,
    String mode,
    List<String> tools,
    List<String> addTools,
    List<String> removeTools,
    FeatureChange features) {}
