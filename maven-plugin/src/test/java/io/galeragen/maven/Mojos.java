package io.galeragen.maven;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Mojos configured as Maven would with the POM defaults, for running in-process against a temporary project. */
final class Mojos {

    private Mojos() {}

    static <T extends AbstractGaleraMojo> T configure(T mojo, Path project, List<String> log) {
        mojo.basedir = project.toFile();
        mojo.kubernetesVersions = new ArrayList<>();
        mojo.schemaCache = project.resolve("schema-cache").toFile();
        mojo.setLog(recording(log));
        if (mojo instanceof AbstractOutputMojo output) {
            output.outputDirectory = project.resolve("target/galera").toFile();
            output.layout = "single";
        }
        if (mojo instanceof GenerateMojo generate) {
            generate.stateDirectory = project.resolve("target/galera-gen").toFile();
        }
        return mojo;
    }

    static File write(Path project, String name, String text) throws java.io.IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text).toFile();
    }

    /** A Log that records "level: message" lines; debug is dropped. */
    private static Log recording(List<String> lines) {
        return (Log) Proxy.newProxyInstance(
                Log.class.getClassLoader(), new Class<?>[] {Log.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("is")) {
                        return !name.equals("isDebugEnabled");
                    }
                    if (!name.equals("debug") && args != null && args[0] instanceof CharSequence text) {
                        lines.add(name + ": " + text);
                    }
                    return null;
                });
    }
}
