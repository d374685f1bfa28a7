package io.cqlp.format.parquet.read;

import io.cqlp.storage.Location;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Checks that a path is a whole Parquet file before parquet-java reads its footer, so that the
 * usual mistakes get a one-line message instead of a parser stack trace: a missing file, a
 * directory, an empty file, another format, a file cut short (the Parquet format puts the magic
 * {@code PAR1} at both ends; {@code PARE} marks an encrypted footer).
 */
final class ParquetFileCheck {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTED = "PARE".getBytes(StandardCharsets.US_ASCII);

  /** Objects up to this size have their head checked too: it comes with the tail. */
  private static final long HEAD_CHECKED_UP_TO = 64 * 1024;

  private ParquetFileCheck() {}

  /**
   * @return the file, for the Parquet reader
   * @throws IOException with a one-line message naming the file and the problem
   */
  static InputFile check(Location file) throws IOException {
    if (file.isLocal() && file.isDirectory()) {
      throw fail(file, "it is a directory, not a file");
    }
    InputFile input;
    try {
      input = file.inputFile();
    } catch (FileNotFoundException | NoSuchFileException e) {
      throw fail(file, "no such file");
    }
    try {
      long size = input.getLength();
      if (size == 0) {
        throw fail(file, "the file is empty (0 bytes)");
      }
      // In an object store the tail is at hand (fetched with the size); the head costs a request
      // of its own, so it is checked only where the tail holds it, and parquet-java's footer
      // check stands in for it elsewhere. A local file has both ends checked.
      try (SeekableInputStream in = input.newStream()) {
        byte[] tail = new byte[4];
        if (size >= 12) {
          in.seek(size - 4);
          in.readFully(tail);
        }
        byte[] head = MAGIC;
        if (file.isLocal() || size <= HEAD_CHECKED_UP_TO) {
          head = new byte[(int) Math.min(4, size)];
          in.seek(0);
          in.readFully(head);
        }
        checkMagic(file, size, head, tail);
      }
    } catch (NoSuchFileException e) {
      throw fail(file, "no such file");
    } catch (AccessDeniedException e) {
      throw fail(file, "permission denied");
    }
    return input;
  }

  private static void checkMagic(Location file, long size, byte[] head, byte[] tail)
      throws IOException {
    if (size >= 4 && java.util.Arrays.equals(head, ENCRYPTED)) {
      throw fail(file, "the file is encrypted (PARE magic); cqlp reads plain Parquet only");
    }
    if (!java.util.Arrays.equals(head, MAGIC)) {
      throw fail(file, "not a Parquet file (no PAR1 magic at its start)");
    }
    if (size < 12 || !java.util.Arrays.equals(tail, MAGIC)) {
      throw fail(
          file,
          "truncated Parquet file ("
              + size
              + " bytes, no PAR1 magic at its end): was it completely written?");
    }
  }

  static IOException fail(Location file, String problem) {
    return new IOException("cannot read Parquet file '" + file + "': " + problem);
  }
}
