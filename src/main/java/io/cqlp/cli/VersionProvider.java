package io.cqlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version of cqlp, from the build's filtered {@code io/cqlp/version.properties}. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  /** The version string, e.g. {@code 0.1.0}; {@code unknown} if the resource is missing. */
  public static String version() {
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/io/cqlp/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"cqlp " + version()};
  }
}
