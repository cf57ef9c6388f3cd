package dev.switchboard.web.pages;

import java.util.List;

/**
 * The form that connects a provider by one auth method (API_KEY, BEARER or NONE).
 *
 * @param noAuth true for NONE: the button is "Create Connection & Test"
 * @param label the profile name input
 * @param error a message about the whole form, or null
 * @param open whether the form is shown expanded
 */
public record ConnectForm(String method, String title, String intro, List<FormField> fields, FormField label,
    String error, boolean noAuth, boolean open) {}
