package dev.switchboard.web.pages;

import java.util.List;

/** The Providers page: the search, the category filter, and the matching providers by category. */
public record ProvidersPage(String query, List<Option> categories, List<ProviderGroup> groups, int count) {}
