package io.cqlp.format.parquet.write;

import io.cqlp.storage.StagedFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A {@link StagedFile} as parquet-java's {@link OutputFile}: one stream, buffered by 64 KiB, that
 * counts its position. Closing the stream flushes it; the staged file is published by its owner.
 */
final class StagedOutputFile implements OutputFile {
  private static final int BUFFER = 64 * 1024;

  private final StagedFile file;

  StagedOutputFile(StagedFile file) {
    this.file = file;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    BufferedOutputStream out = new BufferedOutputStream(file.stream(), BUFFER);
    return new PositionOutputStream() {
      private long position;

      @Override
      public long getPos() {
        return position;
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        position++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        position += len;
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return create(blockSizeHint);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return file.target().toString();
  }
}
