package io.cqlp.format.json;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a JSON input into the raw text of its top-level objects, in either layout: JSON Lines
 * (objects separated by white space, one a line by convention) or one JSON array of objects. The
 * layout is told by the first non-blank character ({@code [} array, else lines). Only the
 * boundaries are found here (braces and brackets outside strings, string escapes); each record's
 * own syntax is checked by the parser that reads it. Memory: one record. Not thread-safe.
 */
final class JsonRecordScanner {
  private final Reader in;
  private final String name;
  private final char[] buffer = new char[64 * 1024];
  private int pos;
  private int limit;
  private int line = 1;
  private int recordLine;
  private long records;
  private Boolean array;
  private boolean ended;

  /**
   * @param in the decompressed text, read to its end
   * @param name the file's name for messages
   */
  JsonRecordScanner(Reader in, String name) {
    this.in = in;
    this.name = name;
  }

  /** Whether the input is one JSON array; known after the first {@link #next()}. */
  boolean isArray() {
    return Boolean.TRUE.equals(array);
  }

  /** The 1-based line on which the record last returned starts. */
  int recordLine() {
    return recordLine;
  }

  /**
   * The next record's text.
   *
   * @return the raw text of the next object, or {@code null} at the end of the input
   * @throws IOException if the input cannot be read, or is not a sequence (or array) of JSON
   *     objects: one line naming the file and line
   */
  String next() throws IOException {
    if (ended) {
      return null;
    }
    int c = skipBlank();
    if (array == null) {
      array = c == '[';
      if (array) {
        pos++;
        c = skipBlank();
        if (c == ']') {
          pos++;
          return end();
        }
      }
    } else if (array) {
      if (c == ']') {
        pos++;
        return end();
      }
      if (c != ',') {
        throw error("expected ',' or ']' after object " + records);
      }
      pos++;
      c = skipBlank();
    }
    if (c < 0) {
      if (array) {
        throw error("the array is not closed with ']'");
      }
      ended = true;
      return null;
    }
    if (c != '{') {
      throw error("expected a JSON object, found '" + (char) c + "'");
    }
    recordLine = line;
    records++;
    return object();
  }

  private String end() throws IOException {
    int c = skipBlank();
    if (c >= 0) {
      throw error("text after the closing ']'");
    }
    ended = true;
    return null;
  }

  /** Reads from the current '{' to its matching '}'. */
  private String object() throws IOException {
    StringBuilder out = new StringBuilder(256);
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    while (true) {
      if (pos == limit && !fill()) {
        throw error(
            "the input ends inside object " + records + " (begun on line " + recordLine + ")");
      }
      char c = buffer[pos++];
      out.append(c);
      if (c == '\n') {
        line++;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return out.toString();
        }
      }
    }
  }

  /** Skips white space (and a byte order mark); returns the next char without taking it, or -1. */
  private int skipBlank() throws IOException {
    while (true) {
      if (pos == limit && !fill()) {
        return -1;
      }
      char c = buffer[pos];
      if (c == '\n') {
        line++;
      } else if (c != ' ' && c != '\t' && c != '\r' && c != '\uFEFF') {
        return c;
      }
      pos++;
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  private IOException error(String problem) {
    return new IOException(
        name
            + " is not JSON Lines or a JSON array of objects: "
            + problem
            + " (line "
            + line
            + ")");
  }
}
