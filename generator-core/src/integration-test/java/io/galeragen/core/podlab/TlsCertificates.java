package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CA and one certificate signed by it, made with openssl for a TLS Secret (ca.crt, tls.crt, tls.key), as a person
 * or cert-manager would provide them. The certificate has a common name and a wildcard SAN for the cluster's names.
 */
public final class TlsCertificates implements LabSecrets.TlsFiles {

    private final Path dir;

    TlsCertificates(Path labDir) {
        this.dir = labDir.resolve("tls");
    }

    @Override
    public Map<String, byte[]> make() {
        return issue(dir, "/CN=galera-podlab", "DNS:*.svc.cluster.local,DNS:localhost");
    }

    /**
     * Makes a CA and a certificate it signs in {@code dir}: the certificate's subject ({@code "/"} for none) and its
     * subjectAltName extension as openssl writes them. Returns ca.crt, tls.crt and tls.key.
     */
    public static Map<String, byte[]> issue(Path dir, String subject, String subjectAltName) {
        try {
            Files.createDirectories(dir);
            String d = dir.toString();
            Shell.run(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "30",
                    "-subj",
                    "/CN=podlab-ca",
                    "-keyout",
                    d + "/ca.key",
                    "-out",
                    d + "/ca.crt");
            Shell.run(
                    "openssl",
                    "req",
                    "-new",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-subj",
                    subject,
                    "-keyout",
                    d + "/tls.key",
                    "-out",
                    d + "/tls.csr");
            Files.writeString(dir.resolve("san.ext"), "subjectAltName=" + subjectAltName + "\n");
            Shell.run(
                    "openssl",
                    "x509",
                    "-req",
                    "-in",
                    d + "/tls.csr",
                    "-CA",
                    d + "/ca.crt",
                    "-CAkey",
                    d + "/ca.key",
                    "-CAcreateserial",
                    "-days",
                    "30",
                    "-extfile",
                    d + "/san.ext",
                    "-out",
                    d + "/tls.crt");
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String name : new String[] {"ca.crt", "tls.crt", "tls.key"}) {
                files.put(name, Files.readAllBytes(dir.resolve(name)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
