package dev.switchboard.upstream.internal;

/**
 * One server-sent event (WHATWG HTML, "Server-sent events", §9.2.6 dispatch).
 *
 * @param type the {@code event} field, {@code message} when the event named none
 * @param data the {@code data} lines joined with line feeds; may be empty (a priming event)
 * @param id the last event id seen on the stream so far, empty when none
 */
record SseEvent(String type, String data, String id) {}
