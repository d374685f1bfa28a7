package io.cqlp.transfer;

import io.cqlp.command.Options;
import io.cqlp.storage.Location;
import io.cqlp.storage.Locations;

/** Resolves the paths of COPY, CAPTURE and ERRFILE, with the statement's object-store options. */
public final class TargetLocations {
  private TargetLocations() {}

  /**
   * @param typed the path as typed: local, or {@code s3://bucket/key}
   * @param options the statement's options: S3_ENDPOINT, S3_REGION, AWS_PROFILE, S3_PATH_STYLE
   * @return the location
   * @throws TransferException for a malformed path or setting, in one line
   */
  public static Location resolve(String typed, Options options) {
    try {
      return Locations.resolve(
          typed, name -> options.contains(name) ? options.getString(name, null) : null);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new TransferException(Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".");
    }
  }
}
