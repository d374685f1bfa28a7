package io.cqlp.storage.s3;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One line a user can act on for each failure of an S3 request, after the SDK's own retries. The
 * line names the object and what to change; it never carries a secret (the SDK's messages for
 * signature errors can quote the request's canonical string, so those are not passed on).
 */
final class S3Errors {
  private S3Errors() {}

  /**
   * @param e the SDK's exception
   * @param what the object or bucket the request was for ({@code s3://bucket/key})
   * @param endpoint the endpoint override, or null
   * @return an IOException with the line; {@link FileNotFoundException} for a missing key, {@link
   *     InterruptedIOException} when the thread was interrupted
   */
  static IOException describe(SdkException e, String what, String endpoint) {
    if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while reaching " + what);
      interrupted.initCause(e);
      return interrupted;
    }
    if (e instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      int status = s3.statusCode();
      String line;
      if ("NoSuchBucket".equals(code)) {
        line = what + ": the bucket does not exist; create it first or check the name";
      } else if ("NoSuchKey".equals(code) || (status == 404 && code == null)) {
        return new FileNotFoundException(what + ": no such object");
      } else if ("InvalidAccessKeyId".equals(code)) {
        line =
            what
                + ": the endpoint does not know the access key; check AWS_ACCESS_KEY_ID or the"
                + " profile's aws_access_key_id";
      } else if ("SignatureDoesNotMatch".equals(code)) {
        line =
            what
                + ": the secret key does not match the access key; check AWS_SECRET_ACCESS_KEY or"
                + " the profile's aws_secret_access_key";
      } else if ("AccessDenied".equals(code) || status == 403) {
        line = what + ": access denied; the credentials in use may not read or write this bucket";
      } else if ("SlowDown".equals(code) || status == 503 || status == 429) {
        line =
            what
                + ": the endpoint is still throttling requests ("
                + (code == null ? status : code)
                + ") after the retries; try again later, or with a lower MAXREQUESTS";
      } else {
        String message = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorMessage();
        line =
            what
                + ": "
                + (code == null ? "HTTP " + status : code)
                + (message == null || message.isBlank() ? "" : " (" + firstLine(message) + ")");
      }
      return new IOException(line, e);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof SdkClientException && message.contains("Unable to load credentials")) {
      return new IOException(
          "no AWS credentials for "
              + what
              + ": set AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a profile in ~/.aws/credentials",
          e);
    }
    if (cause(e, ConnectException.class)
        || cause(e, UnknownHostException.class)
        || message.contains("Unable to execute HTTP request")) {
      return new IOException(
          "cannot reach the S3 endpoint "
              + (endpoint == null ? "of AWS" : endpoint)
              + " for "
              + what
              + " ("
              + rootMessage(e)
              + "); check that it runs, or set AWS_ENDPOINT_URL"
              + " or S3_ENDPOINT",
          e);
    }
    return new IOException(what + ": " + firstLine(message), e);
  }

  private static boolean cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : firstLine(m);
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
