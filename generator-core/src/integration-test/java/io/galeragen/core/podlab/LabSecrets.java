package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Secrets a person would create before applying the manifests (galera-gen never renders their values): exactly
 * the keys the rendered pods reference, each with a value of the kind its name says: {@code *password} a random
 * password, {@code *my.cnf} a [client] section with user and password, {@code tls.crt}/{@code tls.key}/{@code ca.crt}
 * a certificate. A key the lab cannot fill is an error naming it; a caller can give any value explicitly.
 */
public final class LabSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final List<String> TLS_KEYS = List.of("ca.crt", "tls.crt", "tls.key");

    /** secret name -> key -> value. */
    private final Map<String, Map<String, byte[]>> secrets = new TreeMap<>();

    private LabSecrets() {}

    /**
     * @param pods      every pod spec the manifests render (StatefulSet and Deployment templates)
     * @param given     values to use instead of generated ones, as "secret/key" -> value
     * @param tlsMaker  makes the certificate files when a pod mounts a TLS Secret
     */
    static LabSecrets forPods(Collection<PodSpec> pods, Map<String, String> given, TlsFiles tlsMaker) {
        LabSecrets result = new LabSecrets();
        Map<String, TreeSet<String>> referenced = new TreeMap<>();
        for (PodSpec pod : pods) {
            Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                    .forEach(container -> collectEnv(container, referenced));
            for (Volume volume : pod.getVolumes()) {
                if (volume.getProjected() != null) {
                    collectProjected(volume, referenced);
                }
                if (volume.getSecret() == null) {
                    continue;
                }
                TreeSet<String> keys =
                        referenced.computeIfAbsent(volume.getSecret().getSecretName(), k -> new TreeSet<>());
                List<KeyToPath> items = volume.getSecret().getItems();
                if (items != null && !items.isEmpty()) {
                    items.forEach(item -> keys.add(item.getKey()));
                } else if (volume.getSecret().getSecretName().contains("tls")) {
                    keys.addAll(TLS_KEYS);
                } else {
                    throw new IllegalArgumentException("volume " + volume.getName() + " mounts every key of Secret "
                            + volume.getSecret().getSecretName() + ": the lab cannot tell which keys it holds");
                }
            }
        }
        Map<String, byte[]> tls = null;
        for (Map.Entry<String, TreeSet<String>> secret : referenced.entrySet()) {
            Map<String, byte[]> data = new LinkedHashMap<>();
            for (String key : secret.getValue()) {
                String given0 = given.get(secret.getKey() + "/" + key);
                if (given0 != null) {
                    data.put(key, given0.getBytes(StandardCharsets.UTF_8));
                } else if (TLS_KEYS.contains(key)) {
                    tls = tls != null ? tls : tlsMaker.make();
                    data.put(key, tls.get(key));
                } else {
                    data.put(key, generated(secret.getKey(), key).getBytes(StandardCharsets.UTF_8));
                }
            }
            result.secrets.put(secret.getKey(), data);
        }
        return result;
    }

    /** Makes a CA and a certificate for the pods (only called when a pod mounts a TLS Secret). */
    interface TlsFiles {
        Map<String, byte[]> make();
    }

    /** A projected volume's secret sources, each with its items (optional ones too: a person creates every key). */
    private static void collectProjected(Volume volume, Map<String, TreeSet<String>> referenced) {
        for (var source : volume.getProjected().getSources()) {
            if (source.getSecret() == null) {
                continue;
            }
            List<KeyToPath> items = source.getSecret().getItems();
            if (items == null || items.isEmpty()) {
                throw new IllegalArgumentException("volume " + volume.getName() + " projects every key of Secret "
                        + source.getSecret().getName() + ": the lab cannot tell which keys it holds");
            }
            TreeSet<String> keys = referenced.computeIfAbsent(source.getSecret().getName(), k -> new TreeSet<>());
            items.forEach(item -> keys.add(item.getKey()));
        }
    }

    private static void collectEnv(Container container, Map<String, TreeSet<String>> referenced) {
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                referenced.computeIfAbsent(ref.getName(), k -> new TreeSet<>()).add(ref.getKey());
            }
        }
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getSecretRef() != null) {
                throw new IllegalArgumentException("container " + container.getName() + " takes every key of Secret "
                        + source.getSecretRef().getName() + " (envFrom): the lab cannot tell which keys it holds");
            }
        }
    }

    private static String generated(String secret, String key) {
        if (key.endsWith("password")) {
            return password();
        }
        if (key.endsWith("my.cnf")) {
            return "[client]\nuser=exporter\npassword=" + password() + "\n";
        }
        throw new IllegalArgumentException("Secret " + secret + " key " + key
                + ": the lab does not know what to put there (known: *password, *my.cnf, tls.crt, tls.key, ca.crt)");
    }

    private static String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return password.toString();
    }

    /** The value, or null when that Secret or key does not exist (as an optional reference would find it). */
    public byte[] value(String secret, String key) {
        Map<String, byte[]> data = secrets.get(secret);
        return data == null ? null : data.get(key);
    }

    public String text(String secret, String key) {
        byte[] value = value(secret, key);
        if (value == null) {
            throw new IllegalArgumentException("no Secret " + secret + " key " + key);
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Every key of a Secret, in order; null when it does not exist. */
    Map<String, byte[]> data(String secret) {
        return secrets.get(secret);
    }

    /** secret -> its keys, for the record. */
    public Map<String, List<String>> keys() {
        Map<String, List<String>> keys = new TreeMap<>();
        secrets.forEach((name, data) -> keys.put(name, new ArrayList<>(data.keySet())));
        return keys;
    }
}
