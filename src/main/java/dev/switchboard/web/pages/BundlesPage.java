package dev.switchboard.web.pages;

import java.util.List;

/** The Bundles page: the bundles the person can see and the form to create one. */
public record BundlesPage(List<BundleRow> bundles, BundleForm form) {}
