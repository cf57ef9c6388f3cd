package dev.switchboard.provider;

/**
 * Whether a provider may be used. {@code ACTIVE}: normal. {@code INACTIVE}: its tools stop working, credentials
 * are kept. {@code DEPRECATED}: still works, flagged in the dashboard so users migrate.
 */
public enum ProviderStatus {
    ACTIVE,
    INACTIVE,
    DEPRECATED;

    /** True when tools of a provider in this status may run (ACTIVE or DEPRECATED). */
    public boolean usable() {
        return this != INACTIVE;
    }
}
