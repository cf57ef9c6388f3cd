package dev.switchboard.web.pages;

import java.util.List;

/**
 * One argument input of the validation form, made from a property of the tool's input schema.
 *
 * @param kind {@code text}, {@code number}, {@code integer}, {@code boolean} (a select: unset, true,
 *     false), {@code enum} (a select of {@code options}) or {@code json} (a textarea for arrays,
 *     objects and anything else)
 * @param value what the input shows (the default argument, or what was typed)
 * @param error the message for this input, or null
 */
public record ArgField(String name, String id, String label, String kind, boolean required, String description,
    String value, String placeholder, List<Option> options, String error) {}
