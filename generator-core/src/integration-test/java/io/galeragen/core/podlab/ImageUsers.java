package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The image's /etc/passwd and /etc/group: how a runtime turns USER into ids, a home and supplementary groups. */
final class ImageUsers {

    private final List<String[]> passwd;
    private final List<String[]> group;

    private ImageUsers(List<String[]> passwd, List<String[]> group) {
        this.passwd = passwd;
        this.group = group;
    }

    static ImageUsers of(Image image) {
        return new ImageUsers(read(image.fileIn("/etc/passwd")), read(image.fileIn("/etc/group")));
    }

    private static List<String[]> read(Path file) {
        try {
            List<String[]> entries = new ArrayList<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        entries.add(line.split(":", -1));
                    }
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** USER as a uid: empty is root, a number is itself, a name is looked up. */
    long uid(String user) {
        String name = user.split(":")[0];
        if (name.isEmpty()) {
            return 0;
        }
        if (name.matches("\\d+")) {
            return Long.parseLong(name);
        }
        return passwd.stream()
                .filter(e -> e[0].equals(name))
                .findFirst()
                .map(e -> Long.parseLong(e[2]))
                .orElseThrow(() -> new EnvResolver.ConfigError(
                        "unable to find user " + name + ": no matching entries in passwd file"));
    }

    /** The group of USER when it names one ("user:group"), else the uid's primary group in passwd, else 0. */
    long primaryGroup(String user, long uid) {
        String[] parts = user.split(":");
        if (parts.length > 1) {
            return parts[1].matches("\\d+")
                    ? Long.parseLong(parts[1])
                    : group.stream()
                            .filter(e -> e[0].equals(parts[1]))
                            .findFirst()
                            .map(e -> Long.parseLong(e[2]))
                            .orElse(0L);
        }
        return passwd.stream()
                .filter(e -> Long.parseLong(e[2]) == uid)
                .findFirst()
                .map(e -> Long.parseLong(e[3]))
                .orElse(0L);
    }

    /** Groups in /etc/group that list the uid's user name as a member. */
    List<Long> groupsOf(long uid) {
        String name = passwd.stream()
                .filter(e -> Long.parseLong(e[2]) == uid)
                .findFirst()
                .map(e -> e[0])
                .orElse(null);
        if (name == null) {
            return List.of();
        }
        return group.stream()
                .filter(e -> e.length > 3 && List.of(e[3].split(",")).contains(name))
                .map(e -> Long.parseLong(e[2]))
                .toList();
    }

    String home(long uid) {
        return passwd.stream()
                .filter(e -> Long.parseLong(e[2]) == uid)
                .findFirst()
                .map(e -> e[5])
                .orElse("/");
    }
}
