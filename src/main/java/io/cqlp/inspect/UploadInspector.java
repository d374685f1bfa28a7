package io.cqlp.inspect;

import io.cqlp.command.Options;
import io.cqlp.rows.TransferException;
import io.cqlp.storage.Location;
import io.cqlp.storage.s3.S3Settings;
import io.cqlp.storage.s3.S3Storage;
import io.cqlp.transfer.TargetLocations;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * SHOW UPLOADS and ABORT UPLOADS: the pending multipart uploads below a prefix of an object store
 * (S3's ListMultipartUploads, AbortMultipartUpload). One line per upload: its key, when it began
 * and its id; then a count.
 */
public final class UploadInspector {
  private final PrintWriter out;

  /**
   * @param out where the lines go
   */
  public UploadInspector(PrintWriter out) {
    this.out = out;
  }

  /**
   * Lists, or aborts, the pending uploads at or below a prefix.
   *
   * @param path {@code s3://bucket/prefix} as typed; the prefix matches keys as text, so {@code
   *     s3://b/flights} covers {@code flights/...} and {@code flights.parquet}
   * @param abort abort them (their parts are deleted; no object appears)
   * @param options S3_ENDPOINT, S3_REGION, AWS_PROFILE, S3_PATH_STYLE
   * @throws TransferException if the path is not in an object store, or the store refuses
   */
  public void run(String path, boolean abort, Options options) {
    options.requireKnown(S3Settings.OPTIONS, abort ? "ABORT UPLOADS" : "SHOW UPLOADS");
    Location location = TargetLocations.resolve(path, options);
    if (!(location.storage() instanceof S3Storage storage)) {
      throw new TransferException(
          "Uploads are kept by object stores only; name an s3:// prefix (got '" + path + "').");
    }
    String prefix =
        path.endsWith("/") && !location.path().isEmpty() ? location.path() + "/" : location.path();
    try {
      List<MultipartUpload> uploads = storage.pendingUploads(prefix);
      for (MultipartUpload u : uploads) {
        if (abort) {
          storage.abort(u);
        }
        out.println(
            (abort ? "aborted " : "")
                + "s3://"
                + storage.bucket()
                + "/"
                + u.key()
                + "  "
                + u.initiated()
                + "  "
                + u.uploadId());
      }
      out.println(
          uploads.size()
              + " pending upload"
              + (uploads.size() == 1 ? "" : "s")
              + (abort ? " aborted" : "")
              + " below s3://"
              + storage.bucket()
              + "/"
              + prefix
              + ".");
    } catch (IOException e) {
      String m = e.getMessage();
      throw new TransferException(Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".", e);
    } finally {
      out.flush();
    }
  }
}
