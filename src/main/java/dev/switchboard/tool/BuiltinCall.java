package dev.switchboard.tool;

/**
 * Run a tool implemented inside Switchboard: {@code toolset} names the built-in tool set (the
 * provider's {@code builtin} field, e.g. {@code calculator}), {@code operation} the tool in it.
 */
public record BuiltinCall(String toolset, String operation) implements ToolRecipe {}
