package io.galeragen.core.podlab;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime configuration a Dockerfile declares (ARG defaults, ENV, ENTRYPOINT, CMD, USER, WORKDIR), read from the
 * file itself so that the lab's image says what the official one says.
 */
record Dockerfile(Map<String, String> env, List<String> entrypoint, List<String> cmd, String user, String workingDir) {

    /** What a Debian or Ubuntu base image sets (Docker's default PATH). */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    static Dockerfile parse(String text) {
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", DEFAULT_PATH);
        List<String> entrypoint = List.of();
        List<String> cmd = List.of();
        String user = "";
        String workingDir = "/";
        for (String instruction : instructions(text)) {
            String[] parts = instruction.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            String rest = parts.length > 1 ? parts[1].strip() : "";
            switch (keyword) {
                case "ARG" -> {
                    String[] kv = rest.split("=", 2);
                    args.put(kv[0], kv.length > 1 ? unquote(kv[1]) : "");
                }
                case "ENV" -> {
                    Map<String, String> scope = new LinkedHashMap<>(args);
                    scope.putAll(env);
                    if (rest.contains("=") && !rest.matches("\\S+\\s.*")) {
                        String[] kv = rest.split("=", 2);
                        env.put(kv[0], substitute(unquote(kv[1]), scope));
                    } else {
                        String[] kv = rest.split("\\s+", 2);
                        env.put(kv[0], substitute(kv.length > 1 ? kv[1] : "", scope));
                    }
                }
                case "ENTRYPOINT" -> {
                    entrypoint = execForm(rest);
                    cmd = List.of();
                }
                case "CMD" -> cmd = execForm(rest);
                case "USER" -> user = rest;
                case "WORKDIR" -> workingDir = rest;
                default -> {
                    // FROM, RUN, COPY, LABEL, EXPOSE, VOLUME: no runtime configuration
                }
            }
        }
        return new Dockerfile(env, entrypoint, cmd, user, workingDir);
    }

    /** Joins continuation lines and drops comments. */
    private static List<String> instructions(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            result.add(current.toString());
            current.setLength(0);
        }
        return result;
    }

    private static List<String> execForm(String value) {
        if (value.startsWith("[")) {
            try {
                return new ObjectMapper().readValue(value, new TypeReference<List<String>>() {});
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("not a JSON array: " + value, e);
            }
        }
        return List.of("/bin/sh", "-c", value);
    }

    private static String unquote(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static String substitute(String value, Map<String, String> scope) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(scope.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
