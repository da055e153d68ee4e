package io.galeragen.core.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record of what galera-gen wrote into an output folder ({@value #FILE_NAME}): the writer removes only
 * stale files named here and never a file it did not write; the drift check reports them as extra.
 */
public final class GeneratedFiles {

    public static final String FILE_NAME = ".galera-gen-files";
    private static final String HEADER = "# Files written by galera-gen; it removes only these. Do not edit.\n";

    private GeneratedFiles() {}

    static Set<String> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        Set<String> names = new TreeSet<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String name = line.strip();
                // Only plain names: an edited list can never point the writer outside its folder.
                if (!name.isEmpty()
                        && !name.startsWith("#")
                        && !name.contains("/")
                        && !name.contains("\\")
                        && !name.equals("..")
                        && !name.equals(".")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    static String text(Collection<String> names) {
        StringBuilder text = new StringBuilder(HEADER);
        new TreeSet<>(names).forEach(name -> text.append(name).append('\n'));
        return text.toString();
    }
}
