package com.matchmaking.app.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Makes X.509 certificates (EC P-256) and writes them as PEM: the development setup's self-signed HTTPS
 * certificate, and in tests a certificate authority with certificates it signs. Private keys are written readable
 * by their owner only.
 */
public final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    /** A key pair and the certificate for it. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    /** A certificate authority: self-signed, allowed to sign others. */
    public static Issued authority(String name, Duration validity) throws GeneralSecurityException {
        KeyPair keys = keyPair();
        return new Issued(keys, sign(name, keys, name, keys, validity, List.of(), true));
    }

    /** A server certificate for the given DNS names and IP addresses, signed by {@code issuer} (or itself if null). */
    public static Issued server(String name, List<String> dnsNames, List<String> ipAddresses, Issued issuer, Duration validity)
            throws GeneralSecurityException {
        KeyPair keys = keyPair();
        List<GeneralName> alternativeNames = new java.util.ArrayList<>();
        dnsNames.forEach(d -> alternativeNames.add(new GeneralName(GeneralName.dNSName, d)));
        ipAddresses.forEach(ip -> alternativeNames.add(new GeneralName(GeneralName.iPAddress, ip)));
        String issuerName = issuer == null ? name : issuer.certificate().getSubjectX500Principal().getName();
        KeyPair signer = issuer == null ? keys : issuer.keys();
        return new Issued(keys, sign(name, keys, issuerName, signer, validity, alternativeNames, false));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                        Duration validity, List<GeneralName> alternativeNames, boolean authority)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name(issuer),
                new BigInteger(128, RANDOM), Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
                name(subject), subjectKeys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, authority
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            if (!alternativeNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
            }
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot build the certificate", e);
        }
    }

    private static X500Name name(String name) {
        return new X500Name(name.contains("=") ? name : "CN=" + name);
    }

    /** Writes the certificate, then the key with owner-only permissions. */
    public static void writePem(Issued issued, Path certificate, Path privateKey) throws IOException, GeneralSecurityException {
        Files.createDirectories(certificate.toAbsolutePath().getParent());
        Files.writeString(certificate, pem("CERTIFICATE", issued.certificate().getEncoded()), StandardCharsets.US_ASCII);
        Files.deleteIfExists(privateKey);
        Files.createFile(privateKey);
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // The folder's protection applies.
        }
        Files.writeString(privateKey, pem("PRIVATE KEY", issued.keys().getPrivate().getEncoded()), StandardCharsets.US_ASCII);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
