package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.output.Layout;
import io.galeragen.core.values.ValuesSource;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-to-date fingerprint covers every option: a builder option that is not a component of
 * {@link GeneratorOptions}, or a component of the options or the request whose change leaves the fingerprint as it
 * was, fails here (a run would then be called up to date while it would write other bytes).
 */
class UpToDateFingerprintTest {

    @TempDir
    Path folder;

    @Test
    void everyBuilderOptionIsAComponentOfTheOptions() {
        List<String> builderOptions = Arrays.stream(GaleraGenerator.Builder.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName)
                .sorted()
                .toList();
        List<String> components = Arrays.stream(GeneratorOptions.class.getRecordComponents())
                .map(RecordComponent::getName)
                .sorted()
                .toList();

        assertThat(builderOptions).isEqualTo(components);
    }

    @Test
    void changingAnyComponentOfTheOptionsOrTheRequestChangesTheFingerprint() throws Exception {
        GeneratorOptions options = new GeneratorOptions(null, List.of(), null, true, "core 1", folder.resolve("cache"));
        GenerationRequest request = new GenerationRequest(
                List.of(ValuesSource.yaml("replicas: 3\n", "<values>")),
                folder.resolve("out"),
                Layout.SINGLE,
                null,
                null);
        String base = new GenerationState(options).fingerprint(request).orElseThrow();

        List<String> unchanged = new ArrayList<>();
        for (RecordComponent component : GeneratorOptions.class.getRecordComponents()) {
            GeneratorOptions changed = with(options, component, other(component, options));
            if (new GenerationState(changed).fingerprint(request).orElseThrow().equals(base)) {
                unchanged.add("GeneratorOptions." + component.getName());
            }
        }
        for (RecordComponent component : GenerationRequest.class.getRecordComponents()) {
            GenerationRequest changed = with(request, component, other(component, request));
            if (new GenerationState(options).fingerprint(changed).orElseThrow().equals(base)) {
                unchanged.add("GenerationRequest." + component.getName());
            }
        }

        assertThat(unchanged).as("components the fingerprint ignores").isEmpty();
    }

    @Test
    void aTemplateOverrideFolderCountsByItsFilesContent() throws IOException {
        Path templates = Files.createDirectories(folder.resolve("templates"));
        Files.writeString(templates.resolve("service.yaml.ftl"), "kind: Service\n");
        GenerationRequest request = GenerationRequest.of(List.of(), folder.resolve("out"));
        GenerationState state = new GenerationState(
                new GeneratorOptions(templates, List.of(), null, true, "core 1", folder.resolve("cache")));
        String before = state.fingerprint(request).orElseThrow();

        Files.writeString(templates.resolve("service.yaml.ftl"), "kind: Service # edited\n");

        assertThat(state.fingerprint(request).orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void withoutACodeIdentityNothingIsUpToDate() throws IOException {
        GenerationState state = new GenerationState(new GeneratorOptions(null, List.of(), null, true, null, folder));

        assertThat(state.fingerprint(GenerationRequest.of(List.of(), folder.resolve("out"))))
                .isEmpty();
    }

    /** A value of the component's type other than the one {@code record} holds. */
    private Object other(RecordComponent component, Record record) throws Exception {
        Object value = component.getAccessor().invoke(record);
        Class<?> type = component.getType();
        if (type == boolean.class) {
            return !(Boolean) value;
        }
        if (type == String.class) {
            return value + " changed";
        }
        if (type == Layout.class) {
            return value == Layout.SINGLE ? Layout.PER_RESOURCE : Layout.SINGLE;
        }
        if (type == Path.class) {
            Path other = Files.createTempDirectory(folder, component.getName());
            // A folder taken by content must differ in content, not only in place.
            Files.writeString(other.resolve("changed.txt"), "changed\n");
            return other.resolve(component.getName().endsWith("File") ? "changed.json" : "")
                    .normalize();
        }
        if (type == List.class) {
            List<Object> changed = new ArrayList<>(value == null ? List.of() : (List<?>) value);
            boolean ofValues = component.getName().equals("values");
            changed.add(ofValues ? ValuesSource.yaml("name: changed\n", "<values>") : "1.35");
            return changed;
        }
        throw new AssertionError("no changed value for " + component + ": teach other() its type");
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> R with(R record, RecordComponent changed, Object value) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(changed.getName())
                    ? value
                    : components[i].getAccessor().invoke(record);
        }
        var constructor = record.getClass().getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return (R) constructor.newInstance(values);
    }
}
