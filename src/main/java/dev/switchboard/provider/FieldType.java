package dev.switchboard.provider;

/**
 * The value type of a credential schema field. {@code STRING}: text. {@code INTEGER}: a whole number (a JSON
 * number or a decimal string). {@code URL}: an absolute http(s) URL. {@code EMAIL}: an e-mail address.
 */
public enum FieldType {
    STRING,
    INTEGER,
    URL,
    EMAIL
}
