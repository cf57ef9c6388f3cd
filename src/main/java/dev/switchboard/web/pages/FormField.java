package dev.switchboard.web.pages;

/**
 * One input of a credential form, made from a credential schema field. A secret field never has a
 * value: what was typed is not sent back, even when the form has to be shown again.
 *
 * @param type the HTML input type: text, password, url, email or number
 * @param error the message for this input, or null
 */
public record FormField(String name, String id, String label, String type, boolean required, boolean secret,
    String help, String value, String error) {}
