package io.galeragen.core.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The checkov checks issue 12 names, re-implemented from checkov's sources (bridgecrewio/checkov,
 * checkov/kubernetes/checks/resource/k8s/*.py, graph_checks/RequireAllPodsToHaveNetworkPolicy.yaml,
 * graph_builder/local_graph.py and kubernetes_utils.py), because checkov itself cannot be installed here:
 * <ul>
 *   <li>a workload's pod template becomes a Pod entity of its own (checkov's "nested resources"), carrying the
 *   template's annotations, or the workload's when the template has none; the workload keeps no containers;</li>
 *   <li>container checks look at {@code containers} and, except CKV_K8S_8 and CKV_K8S_9, {@code initContainers}; the
 *   first failing container fails the entity;</li>
 *   <li>CKV2_K8S_6 connects a NetworkPolicy to every Pod whose labels include its {@code podSelector.matchLabels} (a
 *   selector with other content connects to every Pod; an empty one to none, as checkov's edge builder reads it);</li>
 *   <li>an entity skips a check with an annotation whose key contains {@code checkov.io/skip} and whose value is
 *   {@code <id>=<reason>} (checkov splits it on {@code =} and fails on a second one).</li>
 * </ul>
 */
final class Checkov {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> POD_WORKLOADS = Set.of(
            "Deployment", "DeploymentConfig", "DaemonSet", "Job", "ReplicaSet", "ReplicationController", "StatefulSet");
    static final String SKIP_PREFIX = "checkov.io/skip";

    enum Result {
        PASSED,
        FAILED,
        UNKNOWN
    }

    /** One check's verdict on one entity, with the waiver's reason when the entity skips it. */
    record Verdict(String entity, String check, Result result, String waiver) {
        boolean unwaivedFailure() {
            return result == Result.FAILED && waiver == null;
        }
    }

    /** One check: its id and its verdict on a Pod entity. */
    record Check(String id, BiFunction<Map<String, Object>, List<Map<String, Object>>, Result> rule) {}

    static final List<Check> CHECKS = List.of(
            containerCheck("CKV_K8S_8", false, container -> truthy(container.get("livenessProbe"))),
            containerCheck("CKV_K8S_9", false, container -> truthy(container.get("readinessProbe"))),
            containerCheck("CKV_K8S_10", true, container -> truthy(at(container, "resources", "requests", "cpu"))),
            containerCheck("CKV_K8S_11", true, container -> truthy(at(container, "resources", "limits", "cpu"))),
            containerCheck("CKV_K8S_12", true, container -> truthy(at(container, "resources", "requests", "memory"))),
            containerCheck("CKV_K8S_13", true, container -> truthy(at(container, "resources", "limits", "memory"))),
            containerCheck("CKV_K8S_15", true, Checkov::pullsAlwaysOrByDigest),
            containerCheck(
                    "CKV_K8S_22",
                    true,
                    container -> truthy(at(container, "securityContext", "readOnlyRootFilesystem"))),
            containerCheck("CKV_K8S_35", true, Checkov::noSecretInEnvironment),
            new Check("CKV_K8S_40", (pod, all) -> highUid(spec(pod))),
            containerCheck(
                    "CKV_K8S_43",
                    true,
                    container -> container.get("image") instanceof String image && image.contains("@")),
            new Check("CKV2_K8S_6", Checkov::hasNetworkPolicy));

    private Checkov() {}

    /** Every check's verdict on every Pod entity of the given multi-document YAML texts. */
    static List<Verdict> scan(List<String> yamlTexts) {
        List<Map<String, Object>> entities = new ArrayList<>();
        for (String text : yamlTexts) {
            for (Map<String, Object> document : documents(text)) {
                entities.addAll(withNestedPods(document));
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Map<String, Object> entity : entities) {
            if (!"Pod".equals(entity.get("kind"))) {
                continue;
            }
            Map<String, String> waivers = waivers(entity);
            String name = entity.get("_parent") + "/pod";
            for (Check check : CHECKS) {
                verdicts.add(
                        new Verdict(name, check.id(), check.rule().apply(entity, entities), waivers.get(check.id())));
            }
        }
        return verdicts;
    }

    /** checkov's skip annotations of an entity: check id to reason. */
    static Map<String, String> waivers(Map<String, Object> entity) {
        Map<String, String> waivers = new LinkedHashMap<>();
        Object annotations = at(entity, "metadata", "annotations");
        if (annotations instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (key.toString().contains(SKIP_PREFIX)) {
                    String[] parts = value.toString().split("=", -1);
                    if (parts.length != 2) {
                        throw new IllegalStateException(key + ": checkov splits '" + value + "' on '=' into "
                                + parts.length + " parts and fails on anything but 2");
                    }
                    waivers.put(parts[0], parts[1]);
                }
            });
        }
        return waivers;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String text) {
        try {
            return YAML.readerFor(Map.class).<Map<String, Object>>readValues(text).readAll().stream()
                    .filter(document -> document != null && !document.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** local_graph._extract_nested_resources_recursive: a workload's template becomes a Pod. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> withNestedPods(Map<String, Object> workload) {
        List<Map<String, Object>> entities = new ArrayList<>();
        entities.add(workload);
        Object template = at(workload, "spec", "template");
        if (!POD_WORKLOADS.contains(workload.get("kind")) || !(template instanceof Map<?, ?>)) {
            return entities;
        }
        Map<String, Object> pod = new LinkedHashMap<>((Map<String, Object>) template);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) pod.get("metadata"));
        Map<String, Object> parentMetadata = (Map<String, Object>) workload.get("metadata");
        metadata.putIfAbsent("namespace", parentMetadata.get("namespace"));
        if (parentMetadata.get("annotations") != null && !metadata.containsKey("annotations")) {
            metadata.put("annotations", parentMetadata.get("annotations"));
        }
        pod.put("metadata", metadata);
        pod.put("kind", "Pod");
        pod.put("_parent", workload.get("kind") + "/" + parentMetadata.get("name"));
        ((Map<String, Object>) workload.get("spec")).remove("template");
        entities.add(pod);
        return entities;
    }

    // ---- the checks ----

    /** BaseK8sContainerCheck: containers, then (unless excluded) init containers; the first failure fails. */
    private static Check containerCheck(
            String id, boolean initContainersToo, java.util.function.Predicate<Map<String, Object>> passes) {
        return new Check(id, (pod, all) -> {
            List<Map<String, Object>> containers =
                    new ArrayList<>(list(spec(pod).get("containers")));
            if (initContainersToo) {
                containers.addAll(list(spec(pod).get("initContainers")));
            }
            if (containers.isEmpty()) {
                return Result.UNKNOWN;
            }
            return containers.stream().allMatch(passes) ? Result.PASSED : Result.FAILED;
        });
    }

    /** ImagePullPolicyAlways: Always, or a digest; without a policy, a latest/empty tag or a digest. */
    private static boolean pullsAlwaysOrByDigest(Map<String, Object> container) {
        if (!(container.get("image") instanceof String image) || image.isBlank()) {
            return false;
        }
        boolean digest = image.contains("@");
        if (!container.containsKey("imagePullPolicy")) {
            String name = digest ? image.substring(0, image.indexOf('@')) : image;
            String last = name.substring(name.lastIndexOf('/') + 1);
            String tag = last.contains(":") ? last.substring(last.indexOf(':') + 1) : "";
            return tag.isEmpty() || tag.equals("latest") || digest;
        }
        return digest || "Always".equals(container.get("imagePullPolicy"));
    }

    /** Secrets: no env entry from a secretKeyRef, no envFrom secretRef. */
    private static boolean noSecretInEnvironment(Map<String, Object> container) {
        boolean env = list(container.get("env")).stream()
                .anyMatch(variable -> at(variable, "valueFrom", "secretKeyRef") != null);
        boolean envFrom = list(container.get("envFrom")).stream().anyMatch(source -> source.containsKey("secretRef"));
        return !env && !envFrom;
    }

    /** RootContainersHighUID: runAsUser >= 10000 on the pod, unless a container overrides it lower. */
    private static Result highUid(Map<String, Object> spec) {
        if (Boolean.FALSE.equals(spec.get("hostUsers"))) {
            return Result.PASSED;
        }
        String pod = uidVerdict(spec);
        List<String> containers =
                list(spec.get("containers")).stream().map(Checkov::uidVerdict).toList();
        if (pod.equals("PASSED")) {
            return containers.contains("FAILED") ? Result.FAILED : Result.PASSED;
        }
        if (containers.contains("FAILED") || containers.contains("ABSENT")) {
            return Result.FAILED;
        }
        return containers.contains("PASSED") ? Result.PASSED : Result.FAILED;
    }

    private static String uidVerdict(Map<String, Object> specOrContainer) {
        Object context = specOrContainer.get("securityContext");
        if (context instanceof Map<?, ?> map && map.containsKey("runAsUser")) {
            return map.get("runAsUser") instanceof Integer uid && uid >= 10000 ? "PASSED" : "FAILED";
        }
        return "ABSENT";
    }

    /** RequireAllPodsToHaveNetworkPolicy with NetworkPolicyEdgeBuilder's matching. */
    private static Result hasNetworkPolicy(Map<String, Object> pod, List<Map<String, Object>> entities) {
        Object labels = at(pod, "metadata", "labels");
        for (Map<String, Object> policy : entities) {
            if (!"NetworkPolicy".equals(policy.get("kind"))) {
                continue;
            }
            Object selector = at(policy, "spec", "podSelector");
            if (!truthy(selector)) {
                continue;
            }
            Object matchLabels = ((Map<?, ?>) selector).get("matchLabels");
            if (truthy(matchLabels)) {
                if (labels instanceof Map<?, ?> podLabels
                        && ((Map<?, ?>) matchLabels).size() <= podLabels.size()
                        && ((Map<?, ?>) matchLabels)
                                .entrySet().stream()
                                        .allMatch(entry -> entry.getValue().equals(podLabels.get(entry.getKey())))) {
                    return Result.PASSED;
                }
            } else {
                return Result.PASSED;
            }
        }
        return Result.FAILED;
    }

    // ---- YAML tree helpers ----

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> pod) {
        return pod.get("spec") instanceof Map<?, ?> spec ? (Map<String, Object>) spec : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static Object at(Map<String, Object> tree, String... path) {
        Object node = tree;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** Python's truthiness for YAML values. */
    private static boolean truthy(Object value) {
        return value != null
                && !Boolean.FALSE.equals(value)
                && !(value instanceof Map<?, ?> map && map.isEmpty())
                && !(value instanceof List<?> list && list.isEmpty())
                && !"".equals(value);
    }
}
