package io.galeragen.core.validate;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Kubernetes versions documents are validated against and where their schemas come from: the locations a
 * user gave (kubeconform's {@code -schema-location}, tried in order), then the schemas bundled in this jar.
 *
 * @param versions  the versions, as given; empty for no schema validation
 * @param locations the user's locations followed by {@link SchemaLocation#bundled()}
 */
public record ValidationTargets(List<KubernetesVersion> versions, List<SchemaLocation> locations) {

    /** How many of the newest bundled minors are validated against when no versions are given. */
    public static final int DEFAULT_VERSION_COUNT = 3;

    public ValidationTargets {
        versions = List.copyOf(versions);
        locations = List.copyOf(locations);
    }

    /**
     * @param versions  versions as written ({@code 1.34}, {@code v1.34.0}); null for the default, the three newest
     *                  bundled minors; empty for none
     * @param locations schema locations as written; the bundled schemas are always tried after them
     * @param cacheDir  where schemas fetched from a URL are kept
     * @throws GaleraGenException naming each bad version or location: a local folder that does not exist, or a
     *                            version whose schemas are not bundled while no location is given
     */
    public static ValidationTargets of(List<String> versions, List<String> locations, Path cacheDir) {
        List<Problem> problems = new ArrayList<>();
        List<SchemaLocation> given = new ArrayList<>();
        for (String location : locations) {
            try {
                SchemaLocation parsed = SchemaLocation.parse(location, cacheDir);
                parsed.missingFolder()
                        .ifPresent(folder -> problems.add(
                                new Problem(Input.SCHEMA_LOCATIONS, location, "no such folder: " + folder)));
                given.add(parsed);
            } catch (GaleraGenException bad) {
                problems.addAll(bad.problems());
            }
        }
        List<KubernetesVersion> parsedVersions = new ArrayList<>();
        for (String version : versions == null ? defaultVersions() : versions) {
            try {
                parsedVersions.add(KubernetesVersion.parse(version));
            } catch (GaleraGenException bad) {
                problems.addAll(bad.problems());
            }
        }
        boolean onlyBundled = given.stream().allMatch(SchemaLocation::isBundled);
        if (onlyBundled) {
            parsedVersions.stream()
                    .filter(version -> BundledSchemas.bundled(version).isEmpty())
                    .forEach(version -> problems.add(Problem.badValue(
                            Input.KUBERNETES_VERSIONS,
                            "",
                            version.shortName(),
                            "a version whose schemas galera-gen carries: " + bundledNames()
                                    + " (or give schema locations that have it)")));
        }
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
        List<SchemaLocation> all = new ArrayList<>(given);
        if (!all.contains(SchemaLocation.bundled())) {
            all.add(SchemaLocation.bundled());
        }
        return new ValidationTargets(parsedVersions, all);
    }

    /** The newest {@value #DEFAULT_VERSION_COUNT} bundled minors, e.g. {@code [1.34, 1.35, 1.36]}. */
    public static List<String> defaultVersions() {
        List<KubernetesVersion> bundled = BundledSchemas.versions();
        return bundled.subList(Math.max(0, bundled.size() - DEFAULT_VERSION_COUNT), bundled.size()).stream()
                .map(KubernetesVersion::shortName)
                .toList();
    }

    /** Every bundled minor, oldest first, e.g. {@code 1.28, 1.29, …}. */
    public static List<String> bundledVersions() {
        return BundledSchemas.versions().stream()
                .map(KubernetesVersion::shortName)
                .toList();
    }

    private static String bundledNames() {
        return String.join(", ", bundledVersions());
    }

    /** Whether documents are validated against any schema. */
    public boolean validates() {
        return !versions.isEmpty();
    }

    /**
     * What is validated, for a person: {@code Kubernetes 1.34, 1.35, 1.36 (schemas bundled with galera-gen)}, or
     * with locations {@code Kubernetes 1.30 (schemas from /k8s-schemas, then the bundled ones)}.
     */
    public String describe() {
        if (!validates()) {
            return "no Kubernetes version (schema validation off)";
        }
        String names = versions.stream().map(KubernetesVersion::shortName).collect(Collectors.joining(", "));
        List<String> given = locations.stream()
                .filter(location -> !location.isBundled())
                .map(SchemaLocation::toString)
                .toList();
        String sources = given.isEmpty()
                ? "schemas bundled with galera-gen"
                : "schemas from " + String.join(", ", given) + ", then the bundled ones";
        return "Kubernetes " + names + " (" + sources + ")";
    }
}
