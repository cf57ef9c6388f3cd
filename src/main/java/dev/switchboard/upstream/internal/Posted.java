package dev.switchboard.upstream.internal;

/** A POST whose answer has begun: its head is in, its body may still be arriving. */
record Posted(OpenExchange exchange, ResponseHead head) {}
