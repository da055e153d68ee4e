package io.galeragen.core;

import io.galeragen.core.digest.Sha256;
import io.galeragen.core.render.TemplateEngine;
import io.galeragen.core.values.ValuesSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * The state file of {@link GaleraGenerator#generate}: a fingerprint of everything a run reads (values, generator
 * settings, template overrides, the galera-gen jars) and a hash of every file it wrote. When neither has changed,
 * a new run would write the same bytes, so it can be skipped without loading the renderer at all, as build tools
 * skip up-to-date work. Anything unknown (a jar that is a folder, an unreadable input) means "not up to date".
 */
final class GenerationState {

    private static final String HEADER = "# galera-gen: what the last generate read and wrote. Delete this file to "
            + "generate again whatever changed.\n";

    private GenerationState() {
    }

    /** The summary of the last run when its inputs and outputs are unchanged, else empty. */
    static Optional<GaleraGenerator.UpToDate> upToDate(String generatorSettings, Optional<String> code,
                                                       GenerationRequest request) {
        Path stateFile = request.stateFile();
        if (stateFile == null || !Files.isRegularFile(stateFile)) {
            return Optional.empty();
        }
        try {
            Optional<String> inputs = inputs(generatorSettings, code, request);
            List<String> lines = Files.readAllLines(stateFile, StandardCharsets.UTF_8);
            if (inputs.isEmpty() || !lines.contains("inputs " + inputs.get())) {
                return Optional.empty();
            }
            String cluster = null;
            int documents = -1;
            List<String> warnings = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("file ")) {
                    int split = line.lastIndexOf(' ');
                    Path file = request.outputDirectory().resolve(line.substring(5, split));
                    if (!Files.isRegularFile(file) || !Sha256.hex(Files.readAllBytes(file)).equals(line.substring(split + 1))) {
                        return Optional.empty();
                    }
                } else if (line.startsWith("cluster ")) {
                    cluster = line.substring(8);
                } else if (line.startsWith("documents ")) {
                    documents = Integer.parseInt(line.substring(10));
                } else if (line.startsWith("warning ")) {
                    warnings.add(line.substring(8));
                }
            }
            return cluster == null || documents < 0 ? Optional.empty()
                    : Optional.of(new GaleraGenerator.UpToDate(cluster, documents, warnings));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a state we cannot read is a state we do not trust
        }
    }

    /** Records a run that wrote {@code files} (by path relative to the output folder). */
    static void record(String generatorSettings, Optional<String> code, GenerationRequest request,
                       Generated generated, SortedMap<String, String> files) {
        Path stateFile = request.stateFile();
        if (stateFile == null) {
            return;
        }
        try {
            Optional<String> inputs = inputs(generatorSettings, code, request);
            if (inputs.isEmpty()) {
                Files.deleteIfExists(stateFile);
                return;
            }
            StringBuilder text = new StringBuilder(HEADER).append("inputs ").append(inputs.get()).append('\n')
                    .append("cluster ").append(generated.cluster().name()).append('\n')
                    .append("documents ").append(generated.rendering().manifests().size()).append('\n');
            generated.rendering().warnings().forEach(warning ->
                    text.append("warning ").append(warning.replace('\n', ' ')).append('\n'));
            files.forEach((name, content) -> text.append("file ").append(name).append(' ')
                    .append(Sha256.hex(content.getBytes(StandardCharsets.UTF_8))).append('\n'));
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
            Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + stateFile, e);
        }
    }

    /** A hash of everything a run reads, or empty when some of it cannot be fingerprinted. */
    private static Optional<String> inputs(String generatorSettings, Optional<String> code,
                                           GenerationRequest request) throws IOException {
        MessageDigest digest = Sha256.digest();
        Sha256.update(digest, "settings", generatorSettings);
        Sha256.update(digest, "output", request.outputDirectory().toAbsolutePath().normalize() + " " + request.layout()
                + " " + request.valuesSchemaFile());
        for (ValuesSource source : request.values()) {
            if (source instanceof ValuesSource.File file) {
                if (!Files.isRegularFile(file.file())) {
                    return Optional.empty();
                }
                Sha256.update(digest, "file " + file.displayName(), Sha256.hex(Files.readAllBytes(file.file())));
            } else {
                Sha256.update(digest, "source", source.toString());
            }
        }
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Sha256.update(digest, "code", code.get());
        return Optional.of(Sha256.hex(digest));
    }

    /**
     * The galera-gen code that renders: the core and templates jars, by path, size and modification time. Empty
     * when either is a folder of classes (a build in progress, whose output may change at any moment).
     */
    static Optional<String> codeIdentity() {
        try {
            Optional<String> core = jarIdentity(GaleraGenerator.class.getProtectionDomain().getCodeSource()
                    .getLocation());
            Optional<String> templates = jarIdentity(GenerationState.class.getResource(
                    TemplateEngine.CLASSPATH_ROOT + "/statefulset.yaml.ftl"));
            return core.isPresent() && templates.isPresent()
                    ? Optional.of(core.get() + "; " + templates.get()) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Every file of a template override folder, by relative path and content. */
    static String folderContent(Path folder) {
        if (folder == null) {
            return "none";
        }
        MessageDigest digest = Sha256.digest();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Sha256.update(digest, folder.relativize(file).toString(), Sha256.hex(Files.readAllBytes(file)));
            }
        } catch (NoSuchFileException missing) {
            return "missing " + folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.hex(digest);
    }

    /** A jar by path, size and modification time; empty for classes in a folder (a build in progress). */
    private static Optional<String> jarIdentity(URL location) throws IOException {
        if (location == null) {
            return Optional.empty();
        }
        String url = location.toString();
        if (url.startsWith("jar:")) {
            url = url.substring(4, url.indexOf("!/"));
        }
        Path path;
        try {
            path = Path.of(new URL(url).toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        Map<String, Object> attributes = Files.readAttributes(path, "size,lastModifiedTime");
        return Optional.of(path + " " + attributes.get("size") + " " + attributes.get("lastModifiedTime"));
    }
}
