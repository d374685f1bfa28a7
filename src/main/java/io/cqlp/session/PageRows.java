package io.cqlp.session;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * The rows of one ROWS result, kept as the server sent them: one array holding the page's row data
 * and the offset and length of every cell in it. The driver reads a result's rows as a queue of
 * value lists ({@code Rows.getData()}), taking each row off the queue as the application iterates;
 * this queue makes each row's list when it is taken, and each value's buffer when it is read.
 *
 * <p>A value is a fresh heap buffer over its bytes in the page's array (position 0, its own array
 * offset), as the driver's decoding gives a fresh buffer over a copy: codecs may move its position.
 * A value of negative length (protocol spec section 6, {@code [bytes]}) is {@code null}, as in the
 * driver.
 *
 * <p>Not thread-safe, like the driver's own queue of rows: one consumer at a time. It never takes
 * rows in: {@link #offer} throws {@link UnsupportedOperationException}.
 */
final class PageRows extends AbstractQueue<List<ByteBuffer>> {
  private final byte[] bytes;
  private final int[] starts;
  private final int[] lengths;
  private final int columns;
  private final int rowCount;
  private int head;

  /**
   * @param bytes the page's row data; not copied, never changed afterwards
   * @param starts per cell (row-major, {@code rowCount × columns}), where its bytes start
   * @param lengths per cell, its length in bytes, or -1 for a null
   * @param rowCount rows in the page, {@code >= 0}
   * @param columns values per row, {@code >= 0}
   */
  PageRows(byte[] bytes, int[] starts, int[] lengths, int rowCount, int columns) {
    this.bytes = bytes;
    this.starts = starts;
    this.lengths = lengths;
    this.rowCount = rowCount;
    this.columns = columns;
  }

  @Override
  public boolean offer(List<ByteBuffer> row) {
    throw new UnsupportedOperationException("a page's rows are read only");
  }

  @Override
  public List<ByteBuffer> poll() {
    return head < rowCount ? new Row(head++) : null;
  }

  @Override
  public List<ByteBuffer> peek() {
    return head < rowCount ? new Row(head) : null;
  }

  @Override
  public int size() {
    return rowCount - head;
  }

  @Override
  public Iterator<List<ByteBuffer>> iterator() {
    return new Iterator<>() {
      private int next = head;

      @Override
      public boolean hasNext() {
        return next < rowCount;
      }

      @Override
      public List<ByteBuffer> next() {
        if (next >= rowCount) {
          throw new NoSuchElementException();
        }
        return new Row(next++);
      }
    };
  }

  /** One row's values: an immutable list, each value read from the page on {@link #get}. */
  private final class Row extends AbstractList<ByteBuffer> implements RandomAccess {
    private final int first;

    Row(int row) {
      this.first = row * columns;
    }

    @Override
    public ByteBuffer get(int column) {
      if (column < 0 || column >= columns) {
        throw new IndexOutOfBoundsException("column " + column + " of " + columns);
      }
      int length = lengths[first + column];
      return length < 0 ? null : ByteBuffer.wrap(bytes, starts[first + column], length).slice();
    }

    @Override
    public int size() {
      return columns;
    }
  }
}
