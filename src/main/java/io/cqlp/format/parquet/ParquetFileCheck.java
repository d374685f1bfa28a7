package io.cqlp.format.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks that a path is a whole Parquet file before parquet-java reads its footer, so that the
 * usual mistakes get a one-line message instead of a parser stack trace: a missing file, a
 * directory, an empty file, another format, a file cut short (the Parquet format puts the magic
 * {@code PAR1} at both ends; {@code PARE} marks an encrypted footer).
 */
final class ParquetFileCheck {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTED = "PARE".getBytes(StandardCharsets.US_ASCII);

  private ParquetFileCheck() {}

  /**
   * @throws IOException with a one-line message naming the file and the problem
   */
  static void check(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw fail(file, "it is a directory, not a file");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        throw fail(file, "the file is empty (0 bytes)");
      }
      byte[] head = read(ch, 0, (int) Math.min(4, size));
      if (size >= 4 && java.util.Arrays.equals(head, ENCRYPTED)) {
        throw fail(file, "the file is encrypted (PARE magic); cqlp reads plain Parquet only");
      }
      if (!java.util.Arrays.equals(head, MAGIC)) {
        throw fail(file, "not a Parquet file (no PAR1 magic at its start)");
      }
      if (size < 12 || !java.util.Arrays.equals(read(ch, size - 4, 4), MAGIC)) {
        throw fail(file, "truncated Parquet file (" + size
            + " bytes, no PAR1 magic at its end): was it completely written?");
      }
    } catch (NoSuchFileException e) {
      throw fail(file, "no such file");
    } catch (AccessDeniedException e) {
      throw fail(file, "permission denied");
    }
  }

  static IOException fail(Path file, String problem) {
    return new IOException("cannot read Parquet file '" + file + "': " + problem);
  }

  private static byte[] read(FileChannel ch, long position, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        break;
      }
    }
    return java.util.Arrays.copyOf(b.array(), b.position());
  }
}
