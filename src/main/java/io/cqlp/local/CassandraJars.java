package io.cqlp.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the jars of a local Cassandra node are: a lib directory holding {@code cassandra-all-*.jar}
 * and its runtime dependencies, as {@code mvn package} resolves them into {@code
 * target/cassandra/lib} (see {@code src/main/cassandra/pom.xml}).
 */
final class CassandraJars {

  /** Lib directory under {@code CQLP_HOME}. */
  static final String HOME_LIB_DIR = "target/cassandra/lib";

  private CassandraJars() {}

  /**
   * Finds the lib directory from a system property value, else from the cqlp home directory.
   *
   * @param property value of {@code cqlp.cassandra.lib}, or null or blank if unset
   * @param home value of {@code CQLP_HOME}, or null or blank if unset
   * @return the absolute lib directory, which holds {@code cassandra-all-*.jar}
   * @throws IOException if neither is set, or the directory holds no Cassandra jars (the message
   *     says to build with {@code mvn -B package})
   */
  static Path libDir(String property, String home) throws IOException {
    if (property != null && !property.isBlank()) {
      return require(Path.of(property));
    }
    if (home != null && !home.isBlank()) {
      return require(Path.of(home).resolve(HOME_LIB_DIR));
    }
    throw new IOException(
        "no local Cassandra jars: set CQLP_HOME to the cqlp directory (or -D"
            + LocalCassandra.LIB_DIR_PROPERTY
            + " to a Cassandra lib directory)");
  }

  /**
   * Checks that a directory holds Cassandra's jars.
   *
   * @param libDir a directory; not null
   * @return {@code libDir} made absolute
   * @throws IOException if it is not a directory or holds no {@code cassandra-all-*.jar} (the
   *     message names the build and the Cassandra archive of the distribution)
   */
  static Path require(Path libDir) throws IOException {
    boolean found = false;
    if (Files.isDirectory(libDir)) {
      try (Stream<Path> files = Files.list(libDir)) {
        found = files.anyMatch(f -> f.getFileName().toString().matches("cassandra-all-.*\\.jar"));
      }
    }
    if (!found) {
      throw new IOException(
          "no local Cassandra jars at "
              + libDir
              + ": build with `mvn -B package` first, or unpack"
              + " cqlp-<version>-cassandra.tar.gz (or .zip) over the folder of the cqlp archive");
    }
    return libDir.toAbsolutePath();
  }

  /**
   * Lists the jars of a lib directory, sorted by file name (a stable classpath order).
   *
   * @param libDir a directory; not null
   * @return the {@code *.jar} files directly in it, possibly empty
   * @throws IOException if the directory cannot be listed
   */
  static List<Path> list(Path libDir) throws IOException {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(libDir, "*.jar")) {
      stream.forEach(jars::add);
    }
    jars.sort(null);
    return jars;
  }
}
