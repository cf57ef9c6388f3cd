package dev.switchboard.provider;

/**
 * The known shapes of a credential schema. {@code SAAS}: per-tenant service, has an {@code instance_url} field.
 * {@code DATABASE}: has {@code host}, {@code port}, {@code user}, {@code password} and {@code database}, from which
 * the gateway builds a DSN. {@code CUSTOM}: any other set of fields.
 */
public enum SchemaShape {
    SAAS,
    DATABASE,
    CUSTOM
}
