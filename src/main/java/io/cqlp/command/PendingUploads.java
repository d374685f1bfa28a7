package io.cqlp.command;

import java.util.Objects;

/**
 * {@code SHOW UPLOADS 's3://bucket/prefix'} and {@code ABORT UPLOADS 's3://bucket/prefix'}: list,
 * or abort, the multipart uploads left pending at or below a prefix of an object store, which is
 * what an export killed before it could abort them (SIGKILL, a crash) leaves behind.
 *
 * @param path the prefix as typed (unquoted), not resolved
 * @param abort true to abort the uploads, false to list them
 * @param options the WITH options (object-store settings); not null
 */
public record PendingUploads(String path, boolean abort, Options options) implements Command {
  public PendingUploads {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(options, "options");
  }

  @Override
  public <R> R accept(Command.Visitor<R> visitor) throws InterruptedException {
    return visitor.visit(this);
  }
}
