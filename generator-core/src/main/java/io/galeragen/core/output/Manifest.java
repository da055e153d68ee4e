package io.galeragen.core.output;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One rendered Kubernetes document, ready to be written. Its typed form is read from the YAML text: at render time
 * when the generator checks types (then {@link #resource()} costs nothing), else on the first call.
 */
public final class Manifest {

    private final String kind;
    private final String name;
    private final String template;
    private final String yaml;
    private final Function<String, HasMetadata> reader;
    private volatile HasMetadata resource;

    private Manifest(
            String kind,
            String name,
            String template,
            String yaml,
            HasMetadata resource,
            Function<String, HasMetadata> reader) {
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.template = Objects.requireNonNull(template);
        this.yaml = Objects.requireNonNull(yaml);
        this.resource = resource;
        this.reader = reader;
    }

    /** A document already read into its type. */
    public static Manifest typed(String template, String yaml, HasMetadata resource) {
        return new Manifest(resource.getKind(), resource.getMetadata().getName(), template, yaml, resource, null);
    }

    /** A document whose type is read by {@code reader} from its YAML text when first asked for. */
    public static Manifest deferred(
            String kind, String name, String template, String yaml, Function<String, HasMetadata> reader) {
        return new Manifest(kind, name, template, yaml, null, Objects.requireNonNull(reader));
    }

    /** Its kind, e.g. {@code StatefulSet}. */
    public String kind() {
        return kind;
    }

    /** Its metadata.name. */
    public String name() {
        return name;
    }

    /** The template it was rendered from. */
    public String template() {
        return template;
    }

    /** Its YAML text: one document, no leading {@code ---}, LF line ends. */
    public String yaml() {
        return yaml;
    }

    /**
     * The same document as its fabric8 type.
     *
     * @throws io.galeragen.core.error.GaleraGenException when it was not read at render time and does not read
     *                                                     strictly (only possible with unchecked template overrides)
     */
    public HasMetadata resource() {
        HasMetadata typed = resource;
        if (typed == null) {
            typed = reader.apply(yaml);
            resource = typed;
        }
        return typed;
    }

    /** A stable file name for per-resource output: {@code statefulset-db.yaml}. */
    public String fileName() {
        return kind.toLowerCase(Locale.ROOT) + "-" + name + ".yaml";
    }

    /** {@code Kind/name}, how problems and listings name a document. */
    public String id() {
        return kind + "/" + name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Manifest that
                && kind.equals(that.kind)
                && name.equals(that.name)
                && template.equals(that.template)
                && yaml.equals(that.yaml);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name, template, yaml);
    }

    @Override
    public String toString() {
        return "Manifest[" + id() + " from " + template + "]";
    }
}
