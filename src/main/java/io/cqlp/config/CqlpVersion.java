package io.cqlp.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** cqlp's own version, as the build wrote it into {@code io/cqlp/version.properties}. */
public final class CqlpVersion {

  private CqlpVersion() {}

  /** The version string, e.g. {@code 0.1.0}; {@code unknown} if the resource is missing. */
  public static String version() {
    try (InputStream in = CqlpVersion.class.getResourceAsStream("/io/cqlp/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
