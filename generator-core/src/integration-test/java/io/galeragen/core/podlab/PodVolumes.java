package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecretProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pod's volumes on the "node", as the kubelet sets them up before the first container starts:
 * <ul>
 *   <li>configMap: a directory (mode 0777, then fsGroup) laid out by the atomic writer, items or every key, each file
 *       with the item's mode or defaultMode (0644);</li>
 *   <li>secret: the same on a tmpfs (Kubernetes keeps secrets in memory); a missing key of an optional Secret is
 *       left out;</li>
 *   <li>projected: its secret and configMap sources in one such directory on a tmpfs, defaultMode for every file
 *       without a mode of its own;</li>
 *   <li>emptyDir: a new directory, 0777, fsGroup (a tmpfs for medium Memory); it lives as long as the pod;</li>
 *   <li>persistentVolumeClaim: the claim's volume, ownership changed to fsGroup at every mount unless
 *       fsGroupChangePolicy OnRootMismatch finds the root already right.</li>
 * </ul>
 * Any other volume type is an error naming it.
 */
final class PodVolumes {

    private final Pod pod;
    private final Path dir;
    private final LabContext lab;
    private final Map<String, Path> paths = new LinkedHashMap<>();

    PodVolumes(Pod pod, Path dir, LabContext lab) {
        this.pod = pod;
        this.dir = dir;
        this.lab = lab;
    }

    /** Volumes mounted read-only whatever the volumeMount says. */
    static Set<String> alwaysReadOnly(Pod pod) {
        return pod.spec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null
                        || v.getSecret() != null
                        || v.getDownwardAPI() != null
                        || v.getProjected() != null)
                .map(Volume::getName)
                .collect(Collectors.toSet());
    }

    /** Sets up every volume (again after a node came back: emptyDirs are kept, the claims mounted anew). */
    Map<String, Path> setUp() {
        PodSecurityContext security =
                Optional.ofNullable(pod.spec().getSecurityContext()).orElse(new PodSecurityContext());
        Long fsGroup = security.getFsGroup();
        for (Volume volume : pod.spec().getVolumes()) {
            Path path = dir.resolve(volume.getName());
            if (volume.getConfigMap() != null) {
                emptyDir(path, false);
                ConfigMap configMap = lab.cluster()
                        .configMap(pod.namespace(), volume.getConfigMap().getName())
                        .orElse(null);
                if (configMap == null
                        && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
                    throw new EnvResolver.ConfigError(
                            "configmap \"" + volume.getConfigMap().getName() + "\" not found");
                }
                Map<String, byte[]> data = new LinkedHashMap<>();
                if (configMap != null) {
                    configMap.getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
                }
                ProjectedFiles.write(
                        path,
                        files(
                                data,
                                volume.getConfigMap().getItems(),
                                mode(volume.getConfigMap().getDefaultMode()),
                                Boolean.TRUE.equals(volume.getConfigMap().getOptional()),
                                volume));
                VolumeOwnership.apply(path, fsGroup, true, null);
            } else if (volume.getSecret() != null) {
                emptyDir(path, true);
                Map<String, byte[]> data =
                        lab.cluster().secrets().data(volume.getSecret().getSecretName());
                if (data == null && !Boolean.TRUE.equals(volume.getSecret().getOptional())) {
                    throw new EnvResolver.ConfigError(
                            "secret \"" + volume.getSecret().getSecretName() + "\" not found");
                }
                ProjectedFiles.write(
                        path,
                        files(
                                data == null ? Map.of() : data,
                                volume.getSecret().getItems(),
                                mode(volume.getSecret().getDefaultMode()),
                                Boolean.TRUE.equals(volume.getSecret().getOptional()),
                                volume));
                VolumeOwnership.apply(path, fsGroup, true, null);
            } else if (volume.getProjected() != null) {
                emptyDir(path, true);
                ProjectedFiles.write(path, projected(volume));
                VolumeOwnership.apply(path, fsGroup, true, null);
            } else if (volume.getEmptyDir() != null) {
                if (!Files.isDirectory(path)) {
                    emptyDir(path, "Memory".equals(volume.getEmptyDir().getMedium()));
                    VolumeOwnership.apply(path, fsGroup, false, null);
                }
            } else if (volume.getPersistentVolumeClaim() != null) {
                path = lab.volumes().attach(volume.getPersistentVolumeClaim().getClaimName());
                VolumeOwnership.apply(
                        path,
                        fsGroup,
                        Boolean.TRUE.equals(volume.getPersistentVolumeClaim().getReadOnly()),
                        security.getFsGroupChangePolicy());
            } else {
                throw new EnvResolver.ConfigError("volume " + volume.getName() + ": a type the lab does not run "
                        + "(configMap, secret, projected, emptyDir and persistentVolumeClaim are supported)");
            }
            paths.put(volume.getName(), path);
        }
        return Map.copyOf(paths);
    }

    /** A projected volume's files: each secret and configMap source in order, later paths replacing earlier ones. */
    private Map<String, ProjectedFiles.File> projected(Volume volume) {
        int mode = mode(volume.getProjected().getDefaultMode());
        Map<String, ProjectedFiles.File> payload = new LinkedHashMap<>();
        for (VolumeProjection source : volume.getProjected().getSources()) {
            if (source.getSecret() != null) {
                SecretProjection secret = source.getSecret();
                boolean optional = Boolean.TRUE.equals(secret.getOptional());
                Map<String, byte[]> data = lab.cluster().secrets().data(secret.getName());
                if (data == null && !optional) {
                    throw new EnvResolver.ConfigError("secret \"" + secret.getName() + "\" not found");
                }
                payload.putAll(files(data == null ? Map.of() : data, secret.getItems(), mode, optional, volume));
            } else if (source.getConfigMap() != null) {
                ConfigMapProjection projection = source.getConfigMap();
                boolean optional = Boolean.TRUE.equals(projection.getOptional());
                ConfigMap configMap = lab.cluster()
                        .configMap(pod.namespace(), projection.getName())
                        .orElse(null);
                if (configMap == null && !optional) {
                    throw new EnvResolver.ConfigError("configmap \"" + projection.getName() + "\" not found");
                }
                Map<String, byte[]> data = new LinkedHashMap<>();
                if (configMap != null) {
                    configMap.getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
                }
                payload.putAll(files(data, projection.getItems(), mode, optional, volume));
            } else {
                throw new EnvResolver.ConfigError("volume " + volume.getName() + ": a projected source the lab does "
                        + "not run (secret and configMap are supported)");
            }
        }
        return payload;
    }

    /** The files of one source: its items or every key; a missing key is an error unless the source is optional. */
    private static Map<String, ProjectedFiles.File> files(
            Map<String, byte[]> data, List<KeyToPath> items, int mode, boolean optional, Volume volume) {
        Map<String, ProjectedFiles.File> payload = new LinkedHashMap<>();
        if (items == null || items.isEmpty()) {
            data.forEach((key, value) -> payload.put(key, new ProjectedFiles.File(value, mode)));
        } else {
            for (KeyToPath item : items) {
                byte[] value = data.get(item.getKey());
                if (value == null) {
                    if (optional) {
                        continue;
                    }
                    throw new EnvResolver.ConfigError("volume " + volume.getName() + ": no key " + item.getKey());
                }
                payload.put(
                        item.getPath(), new ProjectedFiles.File(value, item.getMode() == null ? mode : item.getMode()));
            }
        }
        return payload;
    }

    private static int mode(Integer defaultMode) {
        return defaultMode == null ? 0644 : defaultMode;
    }

    /** A new directory with mode 0777, on a tmpfs when in memory (a tmpfs root keeps its sticky bit: 1777). */
    private static void emptyDir(Path path, boolean memory) {
        try {
            if (Files.isDirectory(path)) {
                return;
            }
            Files.createDirectories(path);
            if (memory) {
                Shell.run("mount", "-t", "tmpfs", "-o", "size=16m,mode=1777", "tmpfs", path.toString());
            } else {
                Files.setPosixFilePermissions(path, ProjectedFiles.permissions(0777));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pod is deleted: its emptyDirs, ConfigMap and Secret copies go, its claims are detached. */
    void tearDown() {
        for (Volume volume : pod.spec().getVolumes()) {
            if (volume.getPersistentVolumeClaim() != null) {
                lab.volumes().detach(volume.getPersistentVolumeClaim().getClaimName());
            }
        }
        Shell.tryRun("umount", "-R", "-l", dir.toString());
        for (Volume volume : pod.spec().getVolumes()) {
            Path path = dir.resolve(volume.getName());
            if (Files.isDirectory(path)) {
                Shell.tryRun("umount", "-l", path.toString());
            }
        }
        Shell.tryRun("rm", "-rf", dir.toString());
    }

    /** The node went away: claims are detached, nothing else changes (the pod's files stay on the node's disk). */
    void detachClaims() {
        for (Volume volume : pod.spec().getVolumes()) {
            if (volume.getPersistentVolumeClaim() != null) {
                lab.volumes().detach(volume.getPersistentVolumeClaim().getClaimName());
            }
        }
    }

    static Path dirOf(Path podDir) {
        return podDir.resolve("volumes");
    }

    List<String> names() {
        return List.copyOf(paths.keySet());
    }
}
