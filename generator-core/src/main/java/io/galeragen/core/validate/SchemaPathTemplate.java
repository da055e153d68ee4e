package io.galeragen.core.validate;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Go's text/template that kubeconform's {@code -schema-location} uses: {@code {{ .Variable }}}
 * placeholders, nothing else. Variables: NormalizedKubernetesVersion ({@code v1.30.0}), StrictSuffix
 * ({@code -strict}), ResourceKind ({@code statefulset}), KindSuffix ({@code -apps-v1}), ResourceAPIVersion
 * ({@code v1}) and Group ({@code apps}; empty for the core group).
 */
final class SchemaPathTemplate {

    static final List<String> VARIABLES = List.of(
            "NormalizedKubernetesVersion", "StrictSuffix", "ResourceKind", "KindSuffix", "ResourceAPIVersion", "Group");
    // Go's {{- .X -}} trims surrounding spaces; schema paths have none, so the dashes are only accepted.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{-?\\s*\\.(\\w+)\\s*-?}}");

    private final String text;

    /**
     * @throws GaleraGenException when the template uses an unknown variable or other template syntax
     */
    SchemaPathTemplate(String text, String location) {
        this.text = text;
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!VARIABLES.contains(matcher.group(1))) {
                throw new GaleraGenException(Problem.badValue(
                        Input.SCHEMA_LOCATIONS,
                        location,
                        "." + matcher.group(1),
                        "template variables are " + String.join(", ", VARIABLES)));
            }
        }
        String rest = matcher.replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            throw new GaleraGenException(Problem.badValue(
                    Input.SCHEMA_LOCATIONS,
                    location,
                    text,
                    "only {{ .Variable }} placeholders are supported, e.g. {{ .ResourceKind }}{{ .KindSuffix }}.json"));
        }
    }

    String render(KubernetesVersion version, String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String versionOnly = apiVersion.substring(slash + 1);
        // kubeconform: "-" + first label of the group (if any) + "-" + version, lower case.
        String kindSuffix = (group.isEmpty() ? "" : "-" + group.split("\\.")[0]) + "-" + versionOnly;
        Map<String, String> values = Map.of(
                "NormalizedKubernetesVersion",
                version.normalized(),
                "StrictSuffix",
                "-strict",
                "ResourceKind",
                kind.toLowerCase(Locale.ROOT),
                "KindSuffix",
                kindSuffix.toLowerCase(Locale.ROOT),
                "ResourceAPIVersion",
                versionOnly,
                "Group",
                group);
        return PLACEHOLDER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
    }

    @Override
    public String toString() {
        return text;
    }
}
