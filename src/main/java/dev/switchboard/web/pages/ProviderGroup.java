package dev.switchboard.web.pages;

import java.util.List;

/** The providers of one category. */
public record ProviderGroup(String category, List<ProviderCard> providers) {}
