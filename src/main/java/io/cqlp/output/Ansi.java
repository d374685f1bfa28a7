package io.cqlp.output;

import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * cqlsh's colours ({@code cqlshlib/displaying.py}): column names magenta, text yellow, numbers,
 * times, uuids, booleans and addresses green, blobs dark magenta, collections blue, null and errors
 * red, all bold but the dark magenta. Stateless.
 */
public final class Ansi {
  /** Bold red: errors and null. */
  public static final String RED = "\033[0;1;31m";

  /** Bold green: numbers, times, uuids, booleans, addresses. */
  public static final String GREEN = "\033[0;1;32m";

  /** Bold yellow: text. */
  public static final String YELLOW = "\033[0;1;33m";

  /** Bold blue: collections, user types, tuples. */
  public static final String BLUE = "\033[0;1;34m";

  /** Bold magenta: column names, the "Tracing session:" title. */
  public static final String MAGENTA = "\033[0;1;35m";

  /** Dark magenta: blobs. */
  public static final String DARK_MAGENTA = "\033[0;35m";

  /** Back to the terminal's default. */
  public static final String RESET = "\033[0m";

  private Ansi() {}

  /**
   * @param text the text to colour
   * @param color one of this class's colours
   * @param on whether colours are on; {@code false} returns {@code text} unchanged
   */
  public static String paint(String text, String color, boolean on) {
    return on ? color + text + RESET : text;
  }

  /** The colour cqlsh gives a value of this Java (driver) type; {@code null} is red. */
  public static String colorOf(Object value) {
    if (value == null) {
      return RED;
    }
    if (value instanceof String) {
      return YELLOW;
    }
    if (value instanceof ByteBuffer) {
      return DARK_MAGENTA;
    }
    if (value instanceof Collection<?>
        || value instanceof Map<?, ?>
        || value instanceof CqlVector<?>
        || value instanceof UdtValue
        || value instanceof TupleValue) {
      return BLUE;
    }
    return GREEN;
  }
}
