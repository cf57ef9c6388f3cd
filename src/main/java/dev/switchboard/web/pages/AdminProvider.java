package dev.switchboard.web.pages;

import java.util.List;

/**
 * One provider on the Admin page, with its status as a choice.
 *
 * @param deletable true for imported and registered providers (shipped ones cannot be deleted)
 * @param problem why its stored document could not be imported, or null
 */
public record AdminProvider(String slug, String name, String kind, String status, List<Option> statuses,
    boolean deletable, String problem) {}
