package io.cqlp.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bouncy Castle, loaded when TLS first needs it (a PEM file to read, a certificate to make) from
 * jars kept off the shell's class path.
 *
 * <p>Why: whenever something looks a resource up in every jar, the JDK opens every jar of the class
 * path and reads its manifest to learn whether it is a multi-release jar; every run does so at
 * least twice (java.util.logging's first start looks for a {@code System.LoggerFinder} service, and
 * the driver's timestamp codec makes java.time look for {@code ZoneRulesProvider} services). Bouncy
 * Castle's three jars are signed, so their manifests hold a digest per class: 1.1 MB, most of what
 * the 92 jars' manifests hold. With them on the class path a one-shot query took 0.29 s of CPU time
 * instead of 0.26 s and 4 MB more RSS (15 alternating rounds, as {@code bench/startup} runs them).
 *
 * <p>Where: {@code bin/cqlp} names the folder in the system property {@value #LIB_PROPERTY}: {@code
 * lib/tls/} beside the other jars ({@code target/lib/tls/} in the build tree). When cqlp's own
 * class loader already sees Bouncy Castle (the tests, cqlp-spark's application jars), Bouncy Castle
 * is used from there and the folder is not needed.
 *
 * <p>How: a {@link URLClassLoader} over the folder's jars, whose parent is cqlp's class loader,
 * loads Bouncy Castle and defines the classes of {@code io.cqlp.tls.bc} itself (their bytes read
 * from cqlp's jar through the parent), so that they link against the Bouncy Castle it holds. All
 * other classes (these interfaces, {@link TlsException}, the JDK's) come from the parent, so what
 * it makes is used as a {@link PemDecoder} or a {@link CertificateSigner} as it is. Nothing else
 * may name a class of {@code io.cqlp.tls.bc} ({@code LayersTest} checks it).
 */
public final class BouncyCastle {
  /** System property naming the folder of Bouncy Castle's jars; set by {@code bin/cqlp}. */
  public static final String LIB_PROPERTY = "cqlp.tls.lib";

  /** The package of the classes that use Bouncy Castle, with its trailing dot. */
  static final String IMPLEMENTATIONS = "io.cqlp.tls.bc.";

  /** A class file of Bouncy Castle's PKIX jar: seen by a loader that holds Bouncy Castle. */
  static final String PROBE = "org/bouncycastle/openssl/PEMParser.class";

  private static ClassLoader loader; // guarded by BouncyCastle.class

  private BouncyCastle() {}

  /**
   * @return a new PEM decoder on Bouncy Castle; not null
   * @throws TlsException when Bouncy Castle's jars are missing or cannot be loaded
   */
  public static PemDecoder pemDecoder() {
    return instance(PemDecoder.class, "BcPemDecoder");
  }

  /**
   * @return a new certificate signer on Bouncy Castle; not null
   * @throws TlsException when Bouncy Castle's jars are missing or cannot be loaded
   */
  public static CertificateSigner certificateSigner() {
    return instance(CertificateSigner.class, "BcCertificateSigner");
  }

  private static <T> T instance(Class<T> type, String simpleName) {
    ClassLoader holder = loader();
    try {
      return type.cast(
          Class.forName(IMPLEMENTATIONS + simpleName, true, holder)
              .getDeclaredConstructor()
              .newInstance());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new TlsException("cannot load Bouncy Castle (" + e + "); reinstall cqlp.", e);
    }
  }

  private static synchronized ClassLoader loader() {
    if (loader == null) {
      String dir = System.getProperty(LIB_PROPERTY);
      loader = open(BouncyCastle.class.getClassLoader(), dir == null ? null : Path.of(dir));
    }
    return loader;
  }

  /**
   * The class loader that holds Bouncy Castle for the classes of {@code io.cqlp.tls.bc}.
   *
   * @param parent cqlp's class loader, which holds the classes of {@code io.cqlp.tls.bc} as class
   *     files
   * @param dir the folder of Bouncy Castle's jars ({@code *.jar}, in name order), or null when none
   *     is named
   * @return {@code parent} when it sees Bouncy Castle itself; else a new loader over {@code dir}'s
   *     jars
   * @throws TlsException when {@code parent} does not see Bouncy Castle and {@code dir} is null,
   *     missing, unreadable or holds no jar
   */
  static ClassLoader open(ClassLoader parent, Path dir) {
    if (parent.getResource(PROBE) != null) {
      return parent;
    }
    List<URL> jars = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
          jars.add(jar.toUri().toURL());
        }
      } catch (IOException e) {
        throw missing(dir);
      }
    }
    if (jars.isEmpty()) {
      throw missing(dir);
    }
    return new Loader(jars.toArray(URL[]::new), parent);
  }

  private static TlsException missing(Path dir) {
    return new TlsException(
        "Bouncy Castle's jars, which cqlp reads PEM files and makes certificates with, are not in "
            + (dir == null ? "the system property " + LIB_PROPERTY : "'" + dir + "'")
            + "; reinstall cqlp, or run it with bin/cqlp.");
  }

  /** Parent first but for {@code io.cqlp.tls.bc}, whose classes it defines itself. */
  private static final class Loader extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    private final ProtectionDomain domain = BouncyCastle.class.getProtectionDomain();

    Loader(URL[] jars, ClassLoader parent) {
      super("cqlp-tls", jars, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(IMPLEMENTATIONS)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = defineOwn(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }

    private Class<?> defineOwn(String name) throws ClassNotFoundException {
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = getParent().getResourceAsStream(resource)) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length, domain);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
