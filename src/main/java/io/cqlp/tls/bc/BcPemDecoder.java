package io.cqlp.tls.bc;

import io.cqlp.tls.PemDecoder;
import io.cqlp.tls.TlsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * {@link PemDecoder} on Bouncy Castle's {@link PEMParser}, as {@link io.cqlp.tls.PemFiles} states
 * it. Loaded only through {@link io.cqlp.tls.BouncyCastle}, by the class loader that holds Bouncy
 * Castle's jars: nothing else may name this class.
 */
public final class BcPemDecoder implements PemDecoder {
  /** Called by {@link io.cqlp.tls.BouncyCastle} through reflection. */
  public BcPemDecoder() {}

  @Override
  public List<X509Certificate> certificates(Path file, String role) {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try {
      for (Object object : objects(file, role)) {
        if (object instanceof X509TrustedCertificateBlock trusted) {
          object = trusted.getCertificateHolder();
        }
        if (object instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    } catch (CertificateException e) {
      throw new TlsException("cannot read " + role + " '" + file + "': " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new TlsException(
          role + " '" + file + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
    }
    return certificates;
  }

  @Override
  public PrivateKey privateKey(Path file, String role, Supplier<char[]> password) {
    for (Object object : objects(file, role)) {
      if (object instanceof PrivateKeyInfo info) {
        return jdkKey(info, file, role);
      }
      if (object instanceof PEMKeyPair pair) {
        return jdkKey(pair.getPrivateKeyInfo(), file, role);
      }
      if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
        char[] typed = need(password, file, role);
        try {
          return jdkKey(
              encrypted.decryptPrivateKeyInfo(
                  new JceOpenSSLPKCS8DecryptorProviderBuilder()
                      .setProvider(provider())
                      .build(typed)),
              file,
              role);
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
          throw cannotDecrypt(e, file, role);
        } finally {
          Arrays.fill(typed, '\0');
        }
      }
      if (object instanceof PEMEncryptedKeyPair encrypted) {
        char[] typed = need(password, file, role);
        try {
          return jdkKey(
              encrypted
                  .decryptKeyPair(
                      new JcePEMDecryptorProviderBuilder().setProvider(provider()).build(typed))
                  .getPrivateKeyInfo(),
              file,
              role);
        } catch (IOException | RuntimeException e) {
          throw cannotDecrypt(e, file, role);
        } finally {
          Arrays.fill(typed, '\0');
        }
      }
    }
    throw new TlsException(
        role
            + " '"
            + file
            + "' holds no PEM private key (-----BEGIN PRIVATE KEY-----, "
            + "ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY).");
  }

  private static char[] need(Supplier<char[]> password, Path file, String role) {
    char[] typed = password.get();
    if (typed == null) {
      throw new TlsException(
          role
              + " '"
              + file
              + "' is encrypted: set "
              + role
              + "_password in the [ssl] "
              + "section of the cqlshrc, or start cqlp at a terminal to be asked for it.");
    }
    return typed;
  }

  /** Wrong password, damaged data, or an encryption BouncyCastle's provider does not know. */
  private static TlsException cannotDecrypt(Exception e, Path file, String role) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NoSuchAlgorithmException
          || t instanceof OperatorCreationException
          || (t.getMessage() != null
              && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("unknown"))) {
        return new TlsException(
            role
                + " '"
                + file
                + "' is encrypted in a way cqlp cannot read; re-encrypt it "
                + "with AES, e.g. openssl pkcs8 -topk8 -v2 aes-256-cbc -in "
                + file
                + " -out key.pem");
      }
    }
    return new TlsException(
        "cannot decrypt "
            + role
            + " '"
            + file
            + "': wrong password (check "
            + role
            + "_password in the [ssl] section of the cqlshrc, or the one typed), or a damaged"
            + " key.");
  }

  private static PrivateKey jdkKey(PrivateKeyInfo info, Path file, String role) {
    PKCS8EncodedKeySpec spec;
    try {
      spec = new PKCS8EncodedKeySpec(info.getEncoded());
    } catch (IOException e) {
      throw new TlsException("cannot read " + role + " '" + file + "': " + e.getMessage(), e);
    }
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "DSA")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new TlsException(
        "cannot use "
            + role
            + " '"
            + file
            + "': not an RSA, EC (on a curve the JDK supports), "
            + "Ed25519 or DSA private key (algorithm "
            + info.getPrivateKeyAlgorithm().getAlgorithm()
            + ").");
  }

  /** BouncyCastle's provider, for decryption only (not registered with the JDK). */
  private static Provider provider() {
    return ProviderHolder.BC;
  }

  private static final class ProviderHolder {
    static final Provider BC = new BouncyCastleProvider();
  }

  /** The file's PEM objects in order, as {@link PEMParser} returns them. */
  private static List<Object> objects(Path file, String role) {
    List<Object> objects = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        PEMParser parser = new PEMParser(reader)) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        objects.add(object);
      }
    } catch (IOException | RuntimeException e) {
      throw new TlsException("cannot read " + role + " '" + file + "': " + describe(e), e);
    }
    return objects;
  }

  private static String describe(Exception e) {
    return e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
  }
}
