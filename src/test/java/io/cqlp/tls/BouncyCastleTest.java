package io.cqlp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.local.NodeCertificates;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class loader of {@link BouncyCastle}: Bouncy Castle from a folder of jars for a parent that
 * lacks it (as in {@code bin/cqlp}), the parent itself when it has Bouncy Castle (as here, in the
 * tests), and one line when the jars are missing.
 */
class BouncyCastleTest {
  @TempDir Path dir;

  @Test
  void should_use_cqlps_own_loader_when_it_sees_bouncy_castle() {
    ClassLoader own = BouncyCastle.class.getClassLoader();

    assertThat(BouncyCastle.open(own, dir.resolve("absent"))).isSameAs(own);
    assertThat(BouncyCastle.pemDecoder().getClass().getClassLoader()).isSameAs(own);
  }

  @Test
  void should_load_bouncy_castle_and_the_bc_package_from_the_folder_for_a_parent_without_it()
      throws Exception {
    Path jars = Files.createDirectories(dir.resolve("tls"));
    List<Path> bouncyCastle =
        jarsOf(
            "org.bouncycastle.openssl.PEMParser",
            "org.bouncycastle.asn1.cms.ContentInfo",
            "org.bouncycastle.jce.provider.BouncyCastleProvider");
    assertThat(bouncyCastle).doesNotHaveDuplicates().allMatch(p -> p.toString().endsWith(".jar"));
    for (Path jar : bouncyCastle) {
      Files.copy(jar, jars.resolve(jar.getFileName()));
    }
    Path pem = NodeCertificates.createAuthority(dir.resolve("ca"), "folder CA");
    // cqlp's classes without Bouncy Castle, as bin/cqlp's class path holds them
    try (URLClassLoader parent =
        new URLClassLoader(
            new URL[] {Path.of("target/classes").toUri().toURL()},
            ClassLoader.getPlatformClassLoader())) {
      assertThat(parent.getResource(BouncyCastle.PROBE)).isNull();

      ClassLoader loader = BouncyCastle.open(parent, jars);

      assertThat(loader).isNotSameAs(parent);
      Class<?> decoder = Class.forName("io.cqlp.tls.bc.BcPemDecoder", true, loader);
      assertThat(decoder.getClassLoader()).isSameAs(loader);
      assertThat(
              Class.forName("org.bouncycastle.openssl.PEMParser", false, loader).getClassLoader())
          .isSameAs(loader);
      // the interface it implements is the parent's, so bin/cqlp can use it as it is
      assertThat(Class.forName(PemDecoder.class.getName(), false, parent).isAssignableFrom(decoder))
          .isTrue();
      Object instance = decoder.getDeclaredConstructor().newInstance();
      @SuppressWarnings("unchecked")
      List<X509Certificate> read =
          (List<X509Certificate>)
              decoder
                  .getMethod("certificates", Path.class, String.class)
                  .invoke(instance, pem, "certfile");
      assertThat(read)
          .extracting(c -> c.getSubjectX500Principal().getName())
          .containsExactly("CN=folder CA");
    }
  }

  @Test
  void should_say_in_one_line_where_the_jars_are_missing() {
    ClassLoader withoutBouncyCastle = ClassLoader.getPlatformClassLoader();
    Path absent = dir.resolve("lib").resolve("tls");

    assertThatThrownBy(() -> BouncyCastle.open(withoutBouncyCastle, absent))
        .isInstanceOf(TlsException.class)
        .hasMessage(
            "TLS: Bouncy Castle's jars, which cqlp reads PEM files and makes certificates with,"
                + " are not in '"
                + absent
                + "'; reinstall cqlp, or run it with bin/cqlp.");
    assertThatThrownBy(() -> BouncyCastle.open(withoutBouncyCastle, null))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("not in the system property cqlp.tls.lib;");
  }

  /** The jars of the test class path that hold these classes (pkix, util, prov). */
  private static List<Path> jarsOf(String... classNames) throws Exception {
    List<Path> jars = new java.util.ArrayList<>();
    for (String name : classNames) {
      jars.add(
          Path.of(Class.forName(name).getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    return jars;
  }
}
