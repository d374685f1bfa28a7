package io.cqlp.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * cqlsh's credentials file (default {@code ~/.cassandra/credentials}, or {@code --credentials}, or
 * {@code [authentication] credentials} of the cqlshrc): an INI file whose {@code
 * [PlainTextAuthProvider]} section holds {@code username} and {@code password}, read without
 * interpolation (pylib/cqlshlib/authproviderhandling.py). The older {@code [plain_text_auth]}
 * section is read when that one is absent.
 *
 * @param username the user name, or null
 * @param password the password, or null; never printed
 */
public record Credentials(String username, String password) {

  /** No credentials. */
  public static final Credentials NONE = new Credentials(null, null);

  /**
   * @param file the credentials file; when missing, {@link #NONE}
   * @return its user name and password
   * @throws IOException if it exists but cannot be read
   * @throws IniException if configparser would reject it
   */
  public static Credentials read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    IniFile ini = IniFile.read(file);
    String section =
        ini.hasSection("PlainTextAuthProvider") ? "PlainTextAuthProvider" : "plain_text_auth";
    return new Credentials(
        ini.get(section, "username").filter(v -> !v.isEmpty()).orElse(null),
        ini.get(section, "password").orElse(null));
  }

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "Credentials[username=" + username + "]";
  }
}
