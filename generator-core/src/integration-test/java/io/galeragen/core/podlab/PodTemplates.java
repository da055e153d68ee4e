package io.galeragen.core.podlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What controllers do with a pod template: a revision hash (a changed template is a new revision) and copies. */
final class PodTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PodTemplates() {}

    static String revision(PodTemplateSpec template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(template).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PodSpec copy(PodSpec spec) {
        try {
            return JSON.readValue(JSON.writeValueAsString(spec), PodSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Pod pod(
            String name,
            String namespace,
            String owner,
            String revision,
            PodTemplateSpec template,
            PodSpec spec,
            Map<String, String> extraLabels) {
        Map<String, String> labels = new LinkedHashMap<>(
                Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of()));
        labels.putAll(extraLabels);
        Map<String, String> annotations =
                Optional.ofNullable(template.getMetadata().getAnnotations()).orElse(Map.of());
        return new Pod(name, namespace, UUID.randomUUID().toString(), owner, revision, labels, annotations, spec);
    }
}
