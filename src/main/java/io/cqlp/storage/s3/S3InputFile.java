package io.cqlp.storage.s3;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An object read by ranged GETs, for the Parquet reader. Opening it is one GET of its last {@value
 * #TAIL} bytes (a suffix range, whose answer also gives the object's size), which usually hold the
 * whole footer; then only the column chunks the reader needs are fetched. Other reads shorter than
 * {@value #READ_AHEAD} bytes are served from a buffer filled by one GET of that size; longer ones
 * go straight into the caller's array.
 */
final class S3InputFile implements InputFile {
  static final int READ_AHEAD = 1 << 20;
  static final int TAIL = 64 * 1024;

  private final S3Storage storage;
  private final String key;
  private final long length;

  /** The last bytes of the object, from {@link #tailStart} to its end. */
  private final byte[] tail;

  private final long tailStart;

  /**
   * Fetches the object's tail.
   *
   * @throws java.io.FileNotFoundException if there is no such object
   */
  S3InputFile(S3Storage storage, String key) throws IOException {
    this.storage = storage;
    this.key = key;
    byte[] bytes;
    long size;
    try (ResponseInputStream<GetObjectResponse> in =
        storage
            .client()
            .getObject(b -> b.bucket(storage.bucket()).key(key).range("bytes=-" + TAIL))) {
      bytes = in.readAllBytes();
      String range = in.response().contentRange();
      size =
          range == null
              ? bytes.length
              : Long.parseLong(range.substring(range.lastIndexOf('/') + 1).trim());
    } catch (S3Exception e) {
      if (e.statusCode() != 416) {
        throw storage.error(e, key);
      }
      bytes = new byte[0]; // an empty object has no range to give
      size = 0;
    } catch (SdkException e) {
      throw storage.error(e, key);
    }
    this.tail = bytes;
    this.length = size;
    this.tailStart = size - bytes.length;
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    return new Ranged();
  }

  @Override
  public String toString() {
    return storage.display(key);
  }

  /** Reads {@code n} bytes at {@code position} into {@code dst} with one ranged GET. */
  private void fetch(long position, byte[] dst, int off, int n) throws IOException {
    String range = "bytes=" + position + "-" + (position + n - 1);
    try (InputStream in =
        storage.client().getObject(b -> b.bucket(storage.bucket()).key(key).range(range))) {
      int read = in.readNBytes(dst, off, n);
      if (read != n) {
        throw new EOFException(
            storage.display(key)
                + ": the object ended at "
                + (position + read)
                + " bytes, its size was "
                + length
                + "; was it replaced while being read?");
      }
    } catch (SdkException e) {
      throw storage.error(e, key);
    }
  }

  private final class Ranged extends SeekableInputStream {
    private long position;
    private byte[] buffer = new byte[0];
    private long bufferStart;
    private int bufferLength;

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos < 0 || newPos > length) {
        throw new EOFException(
            "seek to " + newPos + " outside " + storage.display(key) + " (" + length + " bytes)");
      }
      position = newPos;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - position);
      if (position >= tailStart) {
        System.arraycopy(tail, (int) (position - tailStart), b, off, n);
      } else if (position >= bufferStart && position + n <= bufferStart + bufferLength) {
        System.arraycopy(buffer, (int) (position - bufferStart), b, off, n);
      } else if (n >= READ_AHEAD) {
        fetch(position, b, off, n);
      } else {
        fill(n);
        System.arraycopy(buffer, (int) (position - bufferStart), b, off, n);
      }
      position += n;
      return n;
    }

    /** Fills the buffer with one GET from the position: READ_AHEAD bytes, or {@code needed}. */
    private void fill(int needed) throws IOException {
      long start = position;
      int size = (int) Math.min(length - start, Math.max(READ_AHEAD, needed));
      if (buffer.length < size) {
        buffer = new byte[size];
      }
      fetch(start, buffer, 0, size);
      bufferStart = start;
      bufferLength = size;
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
      while (len > 0) {
        int n = read(bytes, start, len);
        if (n < 0) {
          throw new EOFException(
              storage.display(key) + ": reached the end with " + len + " bytes still to read");
        }
        start += n;
        len -= n;
      }
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      int len = buf.remaining();
      if (len == 0) {
        return 0;
      }
      byte[] tmp = buf.hasArray() ? buf.array() : new byte[len];
      int off = buf.hasArray() ? buf.arrayOffset() + buf.position() : 0;
      int n = read(tmp, off, len);
      if (n > 0) {
        if (buf.hasArray()) {
          buf.position(buf.position() + n);
        } else {
          buf.put(tmp, 0, n);
        }
      }
      return n;
    }

    @Override
    public void readFully(ByteBuffer buf) throws IOException {
      while (buf.hasRemaining()) {
        if (read(buf) < 0) {
          throw new EOFException(
              storage.display(key)
                  + ": reached the end with "
                  + buf.remaining()
                  + " bytes still to read");
        }
      }
    }
  }
}
