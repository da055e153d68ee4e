package io.galeragen.core;

import io.galeragen.core.digest.Sha256;
import io.galeragen.core.render.TemplateEngine;
import io.galeragen.core.values.ValuesSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
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
 * The owner of "up to date": the state file of {@link GaleraGenerator#generate}, holding a fingerprint of everything
 * a run reads and a hash of every file it wrote. The fingerprint is built from the components of the generator's
 * {@link GeneratorOptions} and of the {@link GenerationRequest} themselves (values files by content, template
 * overrides by their files' content, the galera-gen jars by identity), so a new option is part of it without
 * anyone remembering to add it. When neither has changed, a new run would write the same bytes, so it can be
 * skipped without loading the renderer at all, as build tools skip up-to-date work. Anything unknown (a jar that is
 * a folder, an unreadable input) means "not up to date".
 */
final class GenerationState {

    private static final String HEADER = "# galera-gen: what the last generate read and wrote. Delete this file to "
            + "generate again whatever changed.\n";

    private final GeneratorOptions options;

    GenerationState(GeneratorOptions options) {
        this.options = options;
    }

    /** The summary of the last run when its inputs and outputs are unchanged, else empty. */
    Optional<UpToDate> upToDate(GenerationRequest request) {
        Path stateFile = request.stateFile();
        if (stateFile == null || !Files.isRegularFile(stateFile)) {
            return Optional.empty();
        }
        try {
            Optional<String> inputs = fingerprint(request);
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
                    if (!Files.isRegularFile(file)
                            || !Sha256.hex(Files.readAllBytes(file)).equals(line.substring(split + 1))) {
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
            return cluster == null || documents < 0
                    ? Optional.empty()
                    : Optional.of(new UpToDate(cluster, documents, warnings));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a state we cannot read is a state we do not trust
        }
    }

    /** Records a run that wrote {@code files} (by path relative to the output folder). */
    void record(GenerationRequest request, Generated generated, SortedMap<String, String> files) {
        Path stateFile = request.stateFile();
        if (stateFile == null) {
            return;
        }
        try {
            Optional<String> inputs = fingerprint(request);
            if (inputs.isEmpty()) {
                Files.deleteIfExists(stateFile);
                return;
            }
            StringBuilder text = new StringBuilder(HEADER)
                    .append("inputs ")
                    .append(inputs.get())
                    .append('\n')
                    .append("cluster ")
                    .append(generated.cluster().name())
                    .append('\n')
                    .append("documents ")
                    .append(generated.rendering().manifests().size())
                    .append('\n');
            generated
                    .rendering()
                    .warnings()
                    .forEach(warning -> text.append("warning ")
                            .append(warning.replace('\n', ' '))
                            .append('\n'));
            files.forEach((name, content) -> text.append("file ")
                    .append(name)
                    .append(' ')
                    .append(Sha256.hex(content.getBytes(StandardCharsets.UTF_8)))
                    .append('\n'));
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
            Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + stateFile, e);
        }
    }

    /**
     * A hash of everything a run reads, or empty when some of it cannot be fingerprinted: each component of the
     * options and of the request, by name and value.
     */
    Optional<String> fingerprint(GenerationRequest request) throws IOException {
        if (options.codeIdentity() == null) {
            return Optional.empty();
        }
        MessageDigest digest = Sha256.digest();
        for (Record inputs : List.<Record>of(options, request)) {
            for (RecordComponent component : inputs.getClass().getRecordComponents()) {
                Optional<String> value = valueOf(component, read(component, inputs));
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                Sha256.update(digest, inputs.getClass().getSimpleName() + "." + component.getName(), value.get());
            }
        }
        return Optional.of(Sha256.hex(digest));
    }

    /** A component's value as fingerprinted: files that a run reads by their content, paths absolute. */
    private static Optional<String> valueOf(RecordComponent component, Object value) throws IOException {
        if (component.isAnnotationPresent(GeneratorOptions.FingerprintedByContent.class)) {
            return Optional.of(folderContent((Path) value));
        }
        if (value instanceof Path path) {
            return Optional.of(path.toAbsolutePath().normalize().toString());
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (Object item : list) {
                if (item instanceof ValuesSource.File file) {
                    if (!Files.isRegularFile(file.file())) {
                        return Optional.empty();
                    }
                    item = "file " + file.file().toAbsolutePath().normalize() + " "
                            + Sha256.hex(Files.readAllBytes(file.file()));
                }
                text.append(item).append('\0');
            }
            return Optional.of(text.append(']').toString());
        }
        return Optional.of(String.valueOf(value));
    }

    private static Object read(RecordComponent component, Record inputs) {
        try {
            return component.getAccessor().invoke(inputs);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /**
     * The galera-gen code that renders: the core and templates jars, by path, size and modification time. Empty
     * when either is a folder of classes (a build in progress, whose output may change at any moment).
     */
    static Optional<String> codeIdentity() {
        try {
            Optional<String> core = jarIdentity(
                    GenerationState.class.getProtectionDomain().getCodeSource().getLocation());
            Optional<String> templates = jarIdentity(
                    GenerationState.class.getResource(TemplateEngine.CLASSPATH_ROOT + "/statefulset.yaml.ftl"));
            return core.isPresent() && templates.isPresent()
                    ? Optional.of(core.get() + "; " + templates.get())
                    : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Every file of a template override folder, by relative path and content. */
    private static String folderContent(Path folder) {
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
