package io.galeragen.core.podlab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A container image as the runtime needs it: its read-only layers (top first, as overlayfs' lowerdir lists them) and
 * the configuration its Dockerfile declares.
 *
 * @param reference  the image reference as the manifest names it
 * @param layers     root filesystem layers, top first
 * @param entrypoint ENTRYPOINT (exec form)
 * @param cmd        CMD (exec form)
 * @param env        ENV, in order, including the base image's PATH
 * @param user       USER (a name or uid), or empty for root
 * @param workingDir WORKDIR
 */
record Image(
        String reference,
        List<Path> layers,
        List<String> entrypoint,
        List<String> cmd,
        Map<String, String> env,
        String user,
        String workingDir) {

    Image {
        layers = List.copyOf(layers);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    }

    /** overlayfs' lowerdir option value. */
    String lowerDir() {
        return layers.stream().map(Path::toString).collect(Collectors.joining(":"));
    }

    /** The image's own root filesystem as files (the top layer wins), for reading /etc/passwd and such. */
    Path fileIn(String absolutePath) {
        for (Path layer : layers) {
            Path candidate = layer.resolve(absolutePath.substring(1));
            if (java.nio.file.Files.exists(candidate)) {
                return candidate;
            }
        }
        return layers.get(layers.size() - 1).resolve(absolutePath.substring(1));
    }
}
