package io.cqlp.tls.bc;

import io.cqlp.tls.CertificateSigner;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * {@link CertificateSigner} on Bouncy Castle's certificate builder. Loaded only through {@link
 * io.cqlp.tls.BouncyCastle}, by the class loader that holds Bouncy Castle's jars: nothing else may
 * name this class.
 */
public final class BcCertificateSigner implements CertificateSigner {
  /** Called by {@link io.cqlp.tls.BouncyCastle} through reflection. */
  public BcCertificateSigner() {}

  @Override
  public X509Certificate sign(
      String subject,
      String issuer,
      PublicKey subjectKey,
      PrivateKey issuerKey,
      boolean authority,
      byte[] ipAddress,
      BigInteger serial,
      Instant notBefore,
      Instant notAfter)
      throws GeneralSecurityException {
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name(issuer),
                  serial,
                  Date.from(notBefore),
                  Date.from(notAfter),
                  name(subject),
                  subjectKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
      if (ipAddress != null) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(
                new GeneralName(GeneralName.iPAddress, new DEROctetString(ipAddress))));
      }
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | CertIOException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }
}
