package io.cqlp.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Makes X.509 v3 certificates, which the JDK has no public API for. Its one implementation uses
 * Bouncy Castle's certificate builder and is made by {@link BouncyCastle#certificateSigner()}.
 */
public interface CertificateSigner {
  /**
   * Signs a certificate with SHA256withRSA. Subject and issuer are a common name alone ({@code
   * CN=...}). It has a critical basic constraints extension, and a subject alternative name when
   * {@code ipAddress} is given.
   *
   * @param subject the subject's common name
   * @param issuer the issuer's common name (the subject's own for a self-signed certificate)
   * @param subjectKey the key the certificate is for
   * @param issuerKey the issuer's RSA private key, which signs
   * @param authority true for a certificate authority (basic constraints {@code CA:true})
   * @param ipAddress the subject's IP address (4 or 16 bytes) as its one subject alternative name,
   *     or null for none
   * @param serial the serial number, positive
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @return the certificate
   * @throws GeneralSecurityException if the key cannot sign or the certificate cannot be encoded
   */
  X509Certificate sign(
      String subject,
      String issuer,
      PublicKey subjectKey,
      PrivateKey issuerKey,
      boolean authority,
      byte[] ipAddress,
      BigInteger serial,
      Instant notBefore,
      Instant notAfter)
      throws GeneralSecurityException;
}
