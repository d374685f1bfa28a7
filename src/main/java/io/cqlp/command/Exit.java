package io.cqlp.command;

/** {@code EXIT} or {@code QUIT}. */
public record Exit() implements Command {}
