package io.cqlp.transfer.verify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One side's row fingerprints spread over bucket files on local disk by bits of their key hash, so
 * that VERIFY compares one bucket at a time and holds only that bucket in memory.
 *
 * <p>A record is the key hash (8 bytes), the key's UTF-8 length (4) and bytes, then one 8-byte hash
 * per compared column. Buckets are files {@code <name>-<i>} of a directory the caller owns and
 * deletes. Not thread-safe.
 */
final class Spill implements AutoCloseable {
  /** One fingerprint. */
  record Entry(long keyHash, String key, long[] hashes) {}

  private final Path dir;
  private final String name;
  private final int shift;
  private final int mask;
  private final int cells;
  private final DataOutputStream[] outs;
  private final long[] counts;

  /**
   * @param dir where the bucket files go
   * @param name the file name prefix, unique in {@code dir}
   * @param bits buckets as a power of two: {@code 2^bits}
   * @param shift the lowest key-hash bit that chooses the bucket
   * @param cells hashes per record
   */
  Spill(Path dir, String name, int bits, int shift, int cells) throws IOException {
    this.dir = dir;
    this.name = name;
    this.shift = shift;
    this.mask = (1 << bits) - 1;
    this.cells = cells;
    outs = new DataOutputStream[1 << bits];
    counts = new long[outs.length];
    for (int i = 0; i < outs.length; i++) {
      outs[i] =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(bucket(i)), 8192));
    }
  }

  /** The lowest key-hash bit a further split of one of these buckets uses. */
  int nextShift() {
    return shift + Integer.bitCount(mask);
  }

  /** Buckets. */
  int buckets() {
    return outs.length;
  }

  /** The file of bucket {@code i}. */
  Path bucket(int i) {
    return dir.resolve(name + "-" + i);
  }

  /** Records added to bucket {@code i}. */
  long count(int i) {
    return counts[i];
  }

  /** Adds a record to the bucket its key hash chooses. */
  void add(Entry e) throws IOException {
    int i = (int) (e.keyHash() >>> shift) & mask;
    DataOutputStream out = outs[i];
    out.writeLong(e.keyHash());
    byte[] key = e.key().getBytes(StandardCharsets.UTF_8);
    out.writeInt(key.length);
    out.write(key);
    for (long h : e.hashes()) {
      out.writeLong(h);
    }
    counts[i]++;
  }

  /** Flushes and closes every bucket file; call before reading them. */
  @Override
  public void close() throws IOException {
    IOException first = null;
    for (DataOutputStream out : outs) {
      try {
        out.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Reads a bucket file written with {@code cells} hashes per record.
   *
   * @param each receives every record, in the order written
   */
  static void read(Path bucket, int cells, Consumer<Entry> each) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(bucket), 65536))) {
      while (true) {
        long keyHash;
        try {
          keyHash = in.readLong();
        } catch (EOFException end) {
          return;
        }
        byte[] key = new byte[in.readInt()];
        in.readFully(key);
        long[] hashes = new long[cells];
        for (int i = 0; i < cells; i++) {
          hashes[i] = in.readLong();
        }
        each.accept(new Entry(keyHash, new String(key, StandardCharsets.UTF_8), hashes));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Hashes per record. */
  int cells() {
    return cells;
  }
}
