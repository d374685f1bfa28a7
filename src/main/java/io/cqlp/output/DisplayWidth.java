package io.cqlp.output;

/**
 * Terminal display width of text: East Asian wide and full-width characters take two cells,
 * combining marks none (the rule of wcwidth, which cqlsh also applies). ANSI colour sequences
 * ({@code ESC [ ... m}) take no cells, so coloured text aligns as plain text.
 */
public final class DisplayWidth {
  private DisplayWidth() {}

  /** Cells {@code text} occupies on a terminal; 0 for the empty string. */
  public static int of(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == 0x1B && i + 1 < text.length() && text.charAt(i + 1) == '[') {
        i = skipEscape(text, i);
        continue;
      }
      i += Character.charCount(cp);
      width += cells(cp);
    }
    return width;
  }

  /**
   * Cuts {@code text} to at most {@code cells} display cells, ending in {@code …} when it was
   * longer; colour sequences are kept and a reset is added after a cut inside colour.
   *
   * @param text the text, possibly with ANSI colour sequences
   * @param cells the room, at least 1
   * @return {@code text} itself when it fits
   */
  public static String truncate(String text, int cells) {
    if (of(text) <= cells) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    boolean colored = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == 0x1B && i + 1 < text.length() && text.charAt(i + 1) == '[') {
        int end = skipEscape(text, i);
        out.append(text, i, end);
        colored = true;
        i = end;
        continue;
      }
      int w = cells(cp);
      if (used + w > cells - 1) {
        break;
      }
      out.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    out.append('…');
    if (colored) {
      out.append(Ansi.RESET);
    }
    return out.toString();
  }

  /** The index just past the escape sequence starting at {@code start} (ESC [ params letter). */
  private static int skipEscape(String text, int start) {
    int i = start + 2;
    while (i < text.length() && !Character.isLetter(text.charAt(i))) {
      i++;
    }
    return Math.min(text.length(), i + 1);
  }

  private static int cells(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    if ((cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD)) {
      return 2;
    }
    return 1;
  }
}
