package dev.switchboard.web.pages;

import java.util.List;

/** Which of the person's credentials the bundle uses for one provider (default: the current one). */
public record BindingRow(String provider, String providerName, List<Option> credentials) {}
