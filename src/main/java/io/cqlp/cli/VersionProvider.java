package io.cqlp.cli;

import io.cqlp.config.CqlpVersion;
import picocli.CommandLine;

/** The version of cqlp, from the build's filtered {@code io/cqlp/version.properties}. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  /**
   * @return cqlp's version from the built artifact, {@code "unknown"} when it cannot be read
   */
  public static String version() {
    return CqlpVersion.version();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"cqlp " + version()};
  }
}
