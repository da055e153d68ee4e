package io.galeragen.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.digest.Sha256;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Fetches schemas over HTTP(S) and keeps each one in a cache folder, so that the second build reads the disk
 * and needs no network. Only complete, parsable schemas are cached; a 404 means "not at this location".
 */
final class HttpSchemaFetcher {

    // One client for the JVM: it is thread-safe and holds the connection pool.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private HttpSchemaFetcher() {}

    /** The schema at {@code url}, from {@code cacheDir} when there (null: no disk cache); empty on 404. */
    static Optional<JsonNode> load(URI url, Path cacheDir) {
        Path cached = cacheDir == null ? null : cacheDir.resolve(cacheFileName(url));
        if (cached != null && Files.isRegularFile(cached)) {
            return Optional.of(SchemaJson.parse(read(cached), cached.toString()));
        }
        Optional<String> body = fetch(url);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        JsonNode schema = SchemaJson.parse(body.get(), url.toString());
        if (cached != null) {
            write(cached, body.get());
        }
        return Optional.of(schema);
    }

    /** {@code <file name>-<sha256 of the URL>.json}: readable, and distinct for every URL. */
    static String cacheFileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (last.endsWith(".json")) {
            last = last.substring(0, last.length() - ".json".length());
        }
        return (last.isEmpty() ? "schema" : last) + "-" + Sha256.hex(url.toString()) + ".json";
    }

    private static Optional<String> fetch(URI url) {
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new GaleraGenException(new Problem(
                        Input.SCHEMA, url.toString(), "cannot fetch the schema: HTTP " + response.statusCode()));
            }
            return Optional.of(response.body());
        } catch (IOException failure) {
            throw new GaleraGenException(
                    List.of(new Problem(
                            Input.SCHEMA,
                            url.toString(),
                            "cannot fetch the schema: " + failure
                                    + " (offline? use a local schema folder or a filled cache)")),
                    failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new GaleraGenException(
                    List.of(new Problem(Input.SCHEMA, url.toString(), "fetching the schema was interrupted")),
                    interrupted);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new GaleraGenException(
                    List.of(new Problem(
                            Input.SCHEMA_CACHE, file.toString(), "cannot read the cached schema: " + failure)),
                    failure);
        }
    }

    // Written to a temporary file and moved into place, so a parallel build never reads half a schema.
    private static void write(Path cached, String body) {
        try {
            Files.createDirectories(cached.getParent());
            Path partial = Files.createTempFile(
                    cached.getParent(), cached.getFileName().toString(), ".part");
            try {
                Files.writeString(partial, body, StandardCharsets.UTF_8);
                Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException failure) {
            throw new GaleraGenException(
                    List.of(new Problem(
                            Input.SCHEMA_CACHE, cached.toString(), "cannot write the schema cache: " + failure)),
                    failure);
        }
    }
}
