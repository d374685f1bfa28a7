package io.cqlp.command;

/** {@code CLEAR} or {@code CLS}: clear the terminal screen. */
public record Clear() implements Command {}
