package io.cqlp.output;

import org.jline.utils.WCWidth;

/**
 * Terminal display width of text, per code point: East Asian wide and full-width characters and
 * most emoji take two cells, combining marks and zero-width characters (joiners, variation
 * selectors) none. ANSI colour sequences ({@code ESC [ ... m}) take no cells, so coloured text
 * aligns as plain text.
 *
 * <p>Widths come from jline's {@link WCWidth} (Markus Kuhn's wcwidth, with jline's wide ranges), as
 * jline's line editor counts them; a code point the JDK's Unicode tables class as a non-spacing or
 * enclosing mark or a format character (general categories Mn, Me, Cf) takes no cell even where
 * jline's older table gives it one. cqlsh measures text with Python's wcwidth package
 * (formatting.py, {@code wcwidth.wcswidth}); both agree on CJK, Hangul, kana, full-width forms,
 * emoji from U+1F300 to U+1F64F and U+1F680 to U+1F6FF, combining accents and zero-width joiner
 * sequences (counted per code point: 👨‍👩‍👧 is 6 cells). Known differences with cqlsh's wcwidth
 * 0.2.5: emoji in the BMP that became wide in Unicode 9 (✅ ⭐ ☕ ⌚) count one cell here and two in
 * cqlsh; regional indicators (flag halves) two here and one there; skin tone modifiers none here
 * and two there. A control character (which value formatting escapes before display) counts one
 * cell.
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

  /** Cells one code point takes: 0, 1 or 2. */
  private static int cells(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || (type == Character.FORMAT && cp != 0xAD)) {
      return 0;
    }
    int width = WCWidth.wcwidth(cp);
    return width < 0 ? 1 : width;
  }
}
