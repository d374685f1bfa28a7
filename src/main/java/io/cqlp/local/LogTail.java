package io.cqlp.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The end of a log file, for error messages about a node that failed to start. */
final class LogTail {

  /** Longest line kept whole; Cassandra logs its whole configuration on one line. */
  static final int MAX_LINE_CHARS = 300;

  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  /**
   * The last lines of a text file, read from at most its last 64 KiB; lines longer than {@value
   * #MAX_LINE_CHARS} characters are cut there and end with {@code " ..."}.
   *
   * @param file a file; a missing or unreadable one gives {@code "(missing)\n"}
   * @param lines how many lines at most
   * @return the lines, each ending with a newline
   */
  static String of(Path file, int lines) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      raf.seek(length - size);
      raf.readFully(bytes);
      List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      StringBuilder text = new StringBuilder();
      for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
        text.append(
            line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + " ...");
        text.append('\n');
      }
      return text.toString();
    } catch (IOException e) {
      return "(missing)\n";
    }
  }
}
