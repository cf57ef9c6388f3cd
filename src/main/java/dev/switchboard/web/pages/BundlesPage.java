package dev.switchboard.web.pages;

import java.util.List;

/**
 * The Bundles page: the bundles the person can see, the slugs of bundles they enabled that are no
 * longer available (archived or withdrawn by their owner; they can only be disabled), and the form
 * to create one.
 */
public record BundlesPage(List<BundleRow> bundles, List<String> unavailable, BundleForm form) {}
