package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's environment as the kubelet makes it: envFrom first, then env in order, each value from its literal
 * (with {@code $(VAR)} references to earlier variables expanded) or from its source (fieldRef, resourceFieldRef,
 * secretKeyRef, configMapKeyRef). A reference that cannot be resolved is the kubelet's CreateContainerConfigError.
 */
final class EnvResolver {

    /** The container cannot start: its configuration refers to something missing. */
    static final class ConfigError extends RuntimeException {
        ConfigError(String message) {
            super(message);
        }
    }

    private EnvResolver() {}

    static Map<String, String> resolve(Pod pod, Container container, LabCluster cluster) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            if (source.getConfigMapRef() != null) {
                Optional<ConfigMap> configMap = cluster.configMap(
                        pod.namespace(), source.getConfigMapRef().getName());
                if (configMap.isEmpty()
                        && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())) {
                    throw new ConfigError(
                            "configmap \"" + source.getConfigMapRef().getName() + "\" not found");
                }
                configMap.ifPresent(map -> map.getData().forEach((k, v) -> env.put(prefix + k, v)));
            } else if (source.getSecretRef() != null) {
                Map<String, byte[]> data =
                        cluster.secrets().data(source.getSecretRef().getName());
                if (data == null && !Boolean.TRUE.equals(source.getSecretRef().getOptional())) {
                    throw new ConfigError("secret \"" + source.getSecretRef().getName() + "\" not found");
                }
                if (data != null) {
                    data.forEach((k, v) -> env.put(prefix + k, new String(v, StandardCharsets.UTF_8)));
                }
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                env.put(variable.getName(), expand(variable.getValue() == null ? "" : variable.getValue(), env));
            } else {
                String value = fromSource(pod, container, variable, cluster);
                if (value != null) {
                    env.put(variable.getName(), value);
                }
            }
        }
        return env;
    }

    private static String fromSource(Pod pod, Container container, EnvVar variable, LabCluster cluster) {
        EnvVarSource source = variable.getValueFrom();
        if (source.getFieldRef() != null) {
            return field(pod, source.getFieldRef().getFieldPath());
        }
        if (source.getResourceFieldRef() != null) {
            return resource(container, source.getResourceFieldRef());
        }
        if (source.getSecretKeyRef() != null) {
            var ref = source.getSecretKeyRef();
            byte[] value = cluster.secrets().value(ref.getName(), ref.getKey());
            if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
                throw new ConfigError("couldn't find key " + ref.getKey() + " in Secret " + pod.namespace() + "/"
                        + ref.getName() + " (env " + variable.getName() + ")");
            }
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
        if (source.getConfigMapKeyRef() != null) {
            var ref = source.getConfigMapKeyRef();
            String value = cluster.configMap(pod.namespace(), ref.getName())
                    .map(map -> map.getData().get(ref.getKey()))
                    .orElse(null);
            if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
                throw new ConfigError("couldn't find key " + ref.getKey() + " in ConfigMap " + pod.namespace() + "/"
                        + ref.getName() + " (env " + variable.getName() + ")");
            }
            return value;
        }
        throw new ConfigError("env " + variable.getName() + ": a valueFrom the lab does not know");
    }

    private static String field(Pod pod, String path) {
        return switch (path) {
            case "metadata.name" -> pod.name();
            case "metadata.namespace" -> pod.namespace();
            case "metadata.uid" -> pod.uid();
            case "status.podIP" -> pod.ip();
            case "status.podIPs" -> pod.ip();
            case "status.hostIP", "status.hostIPs" -> "10.0.0.1";
            case "spec.nodeName" -> "podlab-node";
            case "spec.serviceAccountName" ->
                Optional.ofNullable(pod.spec().getServiceAccountName()).orElse("default");
            default -> {
                if (path.startsWith("metadata.labels['") && path.endsWith("']")) {
                    yield pod.labels().getOrDefault(path.substring(17, path.length() - 2), "");
                }
                if (path.startsWith("metadata.annotations['") && path.endsWith("']")) {
                    yield pod.annotations().getOrDefault(path.substring(22, path.length() - 2), "");
                }
                throw new ConfigError("fieldRef " + path + " is not supported by the lab");
            }
        };
    }

    private static String resource(Container container, ResourceFieldSelector selector) {
        String[] parts = selector.getResource().split("\\.", 2);
        Map<String, Quantity> values = container.getResources() == null
                ? Map.of()
                : "limits".equals(parts[0])
                        ? container.getResources().getLimits()
                        : container.getResources().getRequests();
        Quantity quantity = values == null ? null : values.get(parts[1]);
        if (quantity == null) {
            throw new ConfigError("resourceFieldRef " + selector.getResource() + ": no such value (the lab has no node"
                    + " allocatable to default to)");
        }
        BigDecimal amount = Quantity.getAmountInBytes(quantity);
        BigDecimal divisor =
                selector.getDivisor() == null ? BigDecimal.ONE : Quantity.getAmountInBytes(selector.getDivisor());
        return amount.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
    }

    /** Kubernetes' $(VAR) expansion: a defined variable is replaced, an undefined one kept, $$ is a literal $. */
    static String expand(String value, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '$' || i + 1 >= value.length()) {
                out.append(c);
                continue;
            }
            char next = value.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i++;
            } else if (next == '(') {
                int end = value.indexOf(')', i + 2);
                if (end < 0) {
                    out.append(value.substring(i));
                    break;
                }
                String name = value.substring(i + 2, end);
                out.append(env.containsKey(name) ? env.get(name) : "$(" + name + ")");
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static List<String> expand(List<String> values, Map<String, String> env) {
        return values.stream().map(value -> expand(value, env)).toList();
    }
}
