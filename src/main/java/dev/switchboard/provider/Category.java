package dev.switchboard.provider;

/**
 * The fixed list of provider categories. The constant name is the wire value ({@code DEVELOPER_TOOLS});
 * {@link #displayName()} is what the dashboard shows ("Developer Tools") and what search matches.
 */
public enum Category {
    ANALYTICS("Analytics"),
    CLOUD("Cloud"),
    COLLABORATION("Collaboration"),
    CRM("CRM"),
    DEVELOPER_TOOLS("Developer Tools"),
    EMAIL("Email"),
    FINANCIAL("Financial"),
    MARKETING("Marketing"),
    DATABASE("Database"),
    AI("AI"),
    PRODUCTIVITY("Productivity"),
    PROJECT_MANAGEMENT("Project Management"),
    DATA("Data"),
    UTILITIES("Utilities"),
    SUPPORT("Support"),
    ECOMMERCE("E-commerce"),
    SOCIAL("Social"),
    STORAGE("Storage"),
    SECURITY("Security"),
    COMMUNICATION("Communication");

    private final String displayName;

    Category(String displayName) {
        this.displayName = displayName;
    }

    /** The human-readable name, never null. */
    public String displayName() {
        return displayName;
    }
}
