package dev.switchboard.web.pages;

import java.util.List;

/** One provider on the Admin page, with its status as a choice. */
public record AdminProvider(String slug, String name, String kind, String status, List<Option> statuses) {}
