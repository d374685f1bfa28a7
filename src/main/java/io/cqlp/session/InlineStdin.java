package io.cqlp.session;

import io.cqlp.command.CommandParser;
import io.cqlp.command.CopyFrom;
import io.cqlp.format.csv.DotTerminatedReader;
import io.cqlp.script.StatementSplitter;
import java.util.regex.Pattern;

/**
 * The data of a {@code COPY ... FROM STDIN} inside a script, as cqlsh reads it: the lines after the
 * statement's line, up to a line holding only {@code \.} or the end of the script. The script goes
 * on after the {@code \.} line. A COPY FROM STDIN with nothing after it (the last statement, {@code
 * -e}, the prompt) reads the shell's standard input instead. Stateless.
 */
final class InlineStdin {
  private static final Pattern COPY_FROM_STDIN =
      Pattern.compile("(?is)\\s*copy\\s.*\\sfrom\\s+stdin(\\s.*)?");

  private InlineStdin() {}

  /**
   * @param data the CSV text, without the {@code \.} line
   * @param rest the script after the {@code \.} line ({@code ""} at its end)
   * @param restFirstLine the line number of {@code rest}'s first line in the whole script
   */
  record Split(String data, String rest, int restFirstLine) {}

  /**
   * Whether a statement is a valid COPY FROM STDIN. One that does not parse reads no data, as in
   * cqlsh (which parses a statement before running it): its error is reported and the script's next
   * lines stay statements.
   */
  static boolean isCopyFromStdin(String statement) {
    if (!COPY_FROM_STDIN.matcher(statement).matches()) {
      return false;
    }
    try {
      return CommandParser.parse(statement) instanceof CopyFrom copy && copy.stdin();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Cuts the inline data after a statement.
   *
   * @param text the script text the statement was split from
   * @param firstLine the line number of {@code text}'s first line
   * @param statement the COPY FROM STDIN statement, split from {@code text}
   * @return the data and what follows, or {@code null} when only blank lines follow
   */
  static Split after(String text, int firstLine, StatementSplitter.Statement statement) {
    int endLine = statement.line() + (int) statement.text().chars().filter(c -> c == '\n').count();
    int lineStart = 0;
    for (int line = firstLine; line < endLine && lineStart >= 0; line++) {
      int nl = text.indexOf('\n', lineStart);
      lineStart = nl < 0 ? -1 : nl + 1;
    }
    if (lineStart < 0) {
      return null;
    }
    int semicolon = text.indexOf(';', lineStart);
    int newline = semicolon < 0 ? -1 : text.indexOf('\n', semicolon);
    if (newline < 0 || text.substring(newline + 1).isBlank()) {
      return null;
    }
    int dataStart = newline + 1;
    int pos = dataStart;
    while (pos < text.length()) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl;
      if (text.substring(pos, end).strip().equals(DotTerminatedReader.END)) {
        int restStart = nl < 0 ? text.length() : nl + 1;
        return new Split(
            text.substring(dataStart, pos),
            text.substring(restStart),
            firstLine + (int) text.substring(0, restStart).chars().filter(c -> c == '\n').count());
      }
      pos = end + 1;
    }
    return new Split(text.substring(dataStart), "", firstLine);
  }
}
