package io.cqlp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupConfigTest {
  @TempDir Path home;
  private final List<String> warnings = new ArrayList<>();

  private static StartupConfig.Given given() {
    return new StartupConfig.Given(
        null, null, null, null, false, null, null, null, false, null, null);
  }

  private static StartupConfig.Given flags(
      String host, Integer port, String user, String password, String keyspace) {
    return new StartupConfig.Given(
        host, port, user, password, password != null, keyspace, 3.0, null, false, null, null);
  }

  private Path write(String relative, String text, String permissions) throws Exception {
    Path file = home.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  private ConnectionSettings resolve(StartupConfig.Given given, Map<String, String> env)
      throws Exception {
    return StartupConfig.resolve(given, env, home.toString(), warnings::add).connection();
  }

  @Test
  void should_use_cqlsh_defaults_without_any_file() throws Exception {
    ConnectionSettings s = resolve(given(), Map.of());

    assertThat(s.host()).isEqualTo("127.0.0.1");
    assertThat(s.port()).isEqualTo(9042);
    assertThat(s.username()).isNull();
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.tls()).isNull();
    assertThat(warnings).isEmpty();
  }

  @Test
  void should_take_connection_and_authentication_from_the_cqlshrc() throws Exception {
    write(
        ".cassandra/cqlshrc",
        "[connection]\nhostname = db1\nport = 9142\ntimeout = 7\nrequest_timeout = 70\n"
            + "[authentication]\nusername = fred\npassword = !!bang!!$\nkeyspace = ks1\n",
        "rw-------");

    ConnectionSettings s = resolve(given(), Map.of());

    assertThat(s.host()).isEqualTo("db1");
    assertThat(s.port()).isEqualTo(9142);
    assertThat(s.username()).isEqualTo("fred");
    assertThat(s.password()).isEqualTo("!!bang!!$");
    assertThat(s.keyspace()).isEqualTo("ks1");
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(70));
    assertThat(warnings)
        .containsExactly(
            "Notice: Credentials in the cqlshrc file is deprecated and will be ignored in the"
                + " future.\n"
                + "Please use a credentials file to specify the username and password.");
  }

  @Test
  void should_let_flags_beat_the_environment_and_the_environment_beat_the_file() throws Exception {
    write(
        ".cassandra/cqlshrc",
        "[connection]\nhostname = db1\nport = 9142\ntimeout = 7\n"
            + "[authentication]\nusername = fred\nkeyspace = ks1\n",
        "rw-------");
    Map<String, String> env = Map.of("CQLSH_HOST", "db2", "CQLSH_PORT", "9242");

    ConnectionSettings fromEnv = resolve(given(), env);
    ConnectionSettings fromFlags = resolve(flags("db3", 9342, "ann", "pw", "ks3"), env);

    assertThat(fromEnv.host()).isEqualTo("db2");
    assertThat(fromEnv.port()).isEqualTo(9242);
    assertThat(fromFlags.host()).isEqualTo("db3");
    assertThat(fromFlags.port()).isEqualTo(9342);
    assertThat(fromFlags.username()).isEqualTo("ann");
    assertThat(fromFlags.password()).isEqualTo("pw");
    assertThat(fromFlags.keyspace()).isEqualTo("ks3");
    assertThat(fromFlags.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void should_let_the_credentials_file_beat_the_cqlshrc_and_flags_beat_both() throws Exception {
    write(
        ".cassandra/cqlshrc", "[authentication]\nusername = fred\npassword = rc-pw\n", "rw-------");
    write(
        ".cassandra/credentials",
        "[PlainTextAuthProvider]\nusername = cred-user\npassword = cred%pw\n",
        "rw-------");

    ConnectionSettings fromFiles = resolve(given(), Map.of());
    ConnectionSettings withUser = resolve(flags(null, null, "ann", null, null), Map.of());

    assertThat(fromFiles.username()).isEqualTo("cred-user");
    assertThat(fromFiles.password()).isEqualTo("cred%pw");
    assertThat(withUser.username()).isEqualTo("ann");
    assertThat(withUser.password()).isEqualTo("cred%pw");
  }

  @Test
  void should_read_a_credentials_file_named_on_the_command_line_or_in_the_cqlshrc()
      throws Exception {
    write("creds/a", "[PlainTextAuthProvider]\nusername = a\npassword = pa\n", "rw-------");
    write("creds/b", "[PlainTextAuthProvider]\nusername = b\npassword = pb\n", "rw-------");
    write(".cassandra/cqlshrc", "[authentication]\ncredentials = ~/creds/b\n", "rw-------");
    StartupConfig.Given named =
        new StartupConfig.Given(
            null, null, null, null, false, null, null, null, false, null, "~/creds/a");

    assertThat(resolve(named, Map.of()).username()).isEqualTo("a");
    assertThat(resolve(given(), Map.of()).username()).isEqualTo("b");
  }

  @Test
  void should_warn_about_a_password_typed_on_the_command_line() throws Exception {
    resolve(flags(null, null, "u", "secret", null), Map.of());

    assertThat(warnings)
        .containsExactly(
            "Warning: Using a password on the command line interface can be insecure.\n"
                + "Recommendation: use the credentials file to securely provide the password.");
  }

  @Test
  void should_not_use_a_credentials_file_others_may_read_and_say_so() throws Exception {
    Path creds =
        write(
            ".cassandra/credentials",
            "[PlainTextAuthProvider]\nusername = c\npassword = p\n",
            "rw-r--r--");

    ConnectionSettings s = resolve(given(), Map.of());

    assertThat(s.username()).isNull();
    assertThat(s.password()).isNull();
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("Warning: Credentials file '" + creds + "' exists but is not used, because:")
        .doesNotContain("p\n");
  }

  @Test
  void should_warn_about_a_password_in_a_cqlshrc_others_may_read() throws Exception {
    write(".cassandra/cqlshrc", "[authentication]\nusername = u\npassword = p\n", "rw-r--r--");

    ConnectionSettings s = resolve(given(), Map.of());

    assertThat(s.password()).isEqualTo("p");
    assertThat(warnings)
        .first()
        .isEqualTo(
            "Warning: Password is found in an insecure cqlshrc file. "
                + "The file is owned or readable by other users on the system.");
  }

  @Test
  void should_read_another_cqlshrc_and_fall_back_to_the_default_one_when_it_is_missing()
      throws Exception {
    write(".cassandra/cqlshrc", "[connection]\nport = 1111\n", "rw-------");
    write("other.rc", "[connection]\nport = 2222\n", "rw-------");
    StartupConfig.Given other =
        new StartupConfig.Given(
            null, null, null, null, false, null, null, null, false, "~/other.rc", null);
    StartupConfig.Given missing =
        new StartupConfig.Given(
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            null,
            false,
            home.resolve("missing.rc").toString(),
            null);

    assertThat(resolve(other, Map.of()).port()).isEqualTo(2222);
    assertThat(resolve(missing, Map.of()).port()).isEqualTo(1111);
    assertThat(warnings)
        .containsExactly(
            "Warning: Specified cqlshrc location `"
                + home.resolve("missing.rc")
                + "` does not exist.  Using `"
                + home.resolve(".cassandra/cqlshrc")
                + "` instead.");
  }

  @Test
  void should_take_tls_from_the_ssl_flag_or_the_connection_section_with_cqlsh_ssl_names()
      throws Exception {
    write(
        ".cassandra/cqlshrc",
        "[connection]\nssl = true\n[ssl]\ncertfile = ~/ca.pem\nusercert = ~/c.pem\n"
            + "userkey = ~/k.pem\n[certfiles]\ndb9 = /etc/db9.pem\n",
        "rw-------");

    ConnectionSettings s = resolve(given(), Map.of());
    ConnectionSettings db9 = resolve(flags("db9", null, null, null, null), Map.of());
    ConnectionSettings env =
        resolve(given(), Map.of("SSL_CERTFILE", "/env.pem", "SSL_VALIDATE", "False"));

    assertThat(s.tls().certfile()).isEqualTo(home.resolve("ca.pem"));
    assertThat(s.tls().validate()).isTrue();
    assertThat(s.tls().usercert()).isEqualTo(home.resolve("c.pem"));
    assertThat(s.tls().userkey()).isEqualTo(home.resolve("k.pem"));
    assertThat(db9.tls().certfile()).isEqualTo(Path.of("/etc/db9.pem"));
    assertThat(env.tls().certfile()).isEqualTo(Path.of("/env.pem"));
    assertThat(env.tls().validate()).isFalse();
  }

  @Test
  void should_take_the_userkey_password_from_ssl_and_warn_when_others_can_read_it()
      throws Exception {
    write(
        ".cassandra/cqlshrc",
        "[connection]\nssl = true\n[ssl]\ncertfile = ~/ca.pem\nusercert = ~/c.pem\n"
            + "userkey = ~/k.pem\nuserkey_password = k3y pass\n",
        "rw-r--r--");

    ConnectionSettings s = resolve(given(), Map.of());

    assertThat(s.tls().userkeyPassword()).isEqualTo("k3y pass");
    assertThat(s.tls().toString()).doesNotContain("k3y pass").contains("userkeyPassword=*****");
    assertThat(warnings)
        .containsExactly(
            "Warning: [ssl] userkey_password is found in an insecure cqlshrc file. "
                + "The file is owned or readable by other users on the system.");
  }

  @Test
  void should_refuse_tls_validation_without_a_certfile() throws Exception {
    StartupConfig.Given ssl =
        new StartupConfig.Given(null, null, null, null, false, null, null, null, true, null, null);

    assertThatThrownBy(() -> resolve(ssl, Map.of()))
        .isInstanceOf(IniException.class)
        .hasMessageStartingWith("Validation is enabled; TLS needs a certfile");
    assertThat(resolve(ssl, Map.of("SSL_VALIDATE", "false")).tls().validate()).isFalse();
  }

  @Test
  void should_refuse_a_bad_value_naming_the_file_section_and_option() throws Exception {
    Path rc = write(".cassandra/cqlshrc", "[connection]\nport = ninety\n", "rw-------");

    assertThatThrownBy(() -> resolve(given(), Map.of()))
        .isInstanceOf(IniException.class)
        .hasMessage(rc + ": [connection] port = 'ninety' is not a whole number.");
  }

  @Test
  void should_never_show_passwords_in_the_string_forms() throws Exception {
    write(
        ".cassandra/credentials",
        "[PlainTextAuthProvider]\nusername = c\npassword = hunter2\n",
        "rw-------");

    StartupConfig.Resolved resolved =
        StartupConfig.resolve(given(), Map.of(), home.toString(), warnings::add);

    assertThat(resolved.toString()).doesNotContain("hunter2");
    assertThat(Credentials.read(home.resolve(".cassandra/credentials")).toString())
        .doesNotContain("hunter2");
  }
}
