package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedders' API: the packages listed in {@link #API} (documented as such in their package-info and grouped so
 * in the javadoc). No public signature of an API type names a type of an internal package (render, validate, yaml),
 * so an embedder never needs one and those may change freely.
 */
class ApiBoundaryTest {

    static final Set<String> API = Set.of(
            "io.galeragen.core",
            "io.galeragen.core.model",
            "io.galeragen.core.error",
            "io.galeragen.core.values",
            "io.galeragen.core.output");
    static final Set<String> INTERNAL = Set.of(
            "io.galeragen.core.render",
            "io.galeragen.core.validate",
            "io.galeragen.core.yaml",
            "io.galeragen.core.digest");

    @Test
    void apiSignaturesNameNoInternalType() throws Exception {
        Set<String> leaks = new TreeSet<>();
        List<Class<?>> apiTypes = publicTypesIn(API);
        assertThat(apiTypes)
                .extracting(Class::getSimpleName)
                .contains(
                        "GaleraGenerator",
                        "Rendering",
                        "GenerationRequest",
                        "GaleraCluster",
                        "ValuesSource",
                        "GaleraGenException",
                        "Manifest",
                        "Layout");
        for (Class<?> type : apiTypes) {
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass().getPackageName().startsWith("io.galeragen")) {
                    check(type.getSimpleName() + "." + method.getName(), method.getGenericReturnType(), leaks);
                    for (Type parameter : method.getGenericParameterTypes()) {
                        check(type.getSimpleName() + "." + method.getName(), parameter, leaks);
                    }
                }
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    check(type.getSimpleName() + "." + component.getName(), component.getGenericType(), leaks);
                }
            }
        }
        assertThat(leaks).as("API signatures that name internal types").isEmpty();
    }

    @Test
    void everyPackageIsEitherApiOrInternalAndSaysSo() throws IOException {
        Path sources = Path.of("src/main/java/io/galeragen/core");
        try (Stream<Path> folders = Files.walk(sources)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String name = ("io/galeragen/core/" + sources.relativize(folder))
                        .replace('/', '.')
                        .replaceAll("\\.$", "");
                assertThat(API.contains(name) || INTERNAL.contains(name))
                        .as(name + " is classified")
                        .isTrue();
                String info = Files.readString(folder.resolve("package-info.java"));
                assertThat(info).as(name).contains(API.contains(name) ? "API for embedders" : "Internal:");
            }
        }
    }

    private static void check(String where, Type type, Set<String> leaks) {
        if (type instanceof Class<?> raw) {
            Class<?> element = raw.isArray() ? raw.getComponentType() : raw;
            if (INTERNAL.contains(element.getPackageName())) {
                leaks.add(where + " -> " + element.getName());
            }
        } else if (type instanceof ParameterizedType parameterized) {
            check(where, parameterized.getRawType(), leaks);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(where, argument, leaks);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(where, bound, leaks);
            }
        }
    }

    private static List<Class<?>> publicTypesIn(Set<String> packages) throws Exception {
        List<Class<?>> types = new ArrayList<>();
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ApiBoundaryTest.class.getClassLoader());
                if (packages.contains(type.getPackageName()) && Modifier.isPublic(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        return types;
    }
}
