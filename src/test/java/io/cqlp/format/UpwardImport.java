package io.cqlp.format;

import io.cqlp.session.Interpreter;

/**
 * A class in the Formats layer that depends on the Shell layer above it: {@code LayersTest} checks
 * that the layer rule rejects it. Never used otherwise.
 */
final class UpwardImport {

  private UpwardImport() {}

  static Class<?> upward() {
    return Interpreter.class;
  }
}
