package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * URL templates, served by an in-process HTTP server on 127.0.0.1 from the shared schema folder (no other
 * network here), and {@code file:} templates.
 */
class RemoteSchemaLocationTest {

    private static final String LAYOUT =
            "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";

    @TempDir
    Path cache;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int forcedStatus;

    @BeforeEach
    void startServer() throws IOException {
        Path root = TestSchemas.root();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(exchange, root));
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) { // null when startServer skipped the test (no full schemas)
            server.stop(0);
        }
    }

    @Test
    void fetchesOnceThenReadsTheCache() {
        SchemaLocation location = SchemaLocation.parse(baseUrl() + LAYOUT, cache);

        assertThat(new SchemaValidator(List.of(location)).validate(Fixtures.valid("statefulset"), "1.30"))
                .isEmpty();
        assertThat(requests).containsExactly("/v1.30.0-standalone-strict/statefulset-apps-v1.json");
        URI url = URI.create(baseUrl() + "/v1.30.0-standalone-strict/statefulset-apps-v1.json");
        assertThat(cache.resolve(HttpSchemaFetcher.cacheFileName(url)))
                .exists()
                .hasSameTextualContentAs(
                        TestSchemas.root().resolve("v1.30.0-standalone-strict/statefulset-apps-v1.json"));
        assertThat(HttpSchemaFetcher.cacheFileName(url)).matches("statefulset-apps-v1-[0-9a-f]{64}\\.json");

        // A new validator (a new build) reads the cache: the server is not asked again.
        ObjectNode invalid = Fixtures.valid("statefulset");
        ((ObjectNode) invalid.get("spec")).put("replicas", "three");
        assertThat(new SchemaValidator(List.of(location)).validate(invalid, "1.30"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera (k8s v1.30.0): spec.replicas",
                        "string found, [integer, null] expected"));
        assertThat(requests).hasSize(1);
    }

    @Test
    void withoutCacheFolderTheSchemaIsKeptOnlyInMemory() {
        SchemaValidator validator = new SchemaValidator(List.of(SchemaLocation.parse(baseUrl(), null)));

        assertThat(validator.validate(Fixtures.valid("service"), "1.31")).isEmpty();
        assertThat(validator.validate(Fixtures.valid("service"), "1.31")).isEmpty();

        assertThat(requests).containsExactly("/v1.31.0-standalone-strict/service-v1.json");
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void notFoundFallsThroughToTheNextLocation() {
        SchemaLocation remote = SchemaLocation.parse(baseUrl() + LAYOUT, cache);
        SchemaLocation derived =
                SchemaLocation.parse(TestSchemas.root().resolve("derived").toString());

        // The server serves the root folder, which has no 1.33: the derived folder answers.
        assertThat(new SchemaValidator(List.of(remote, derived)).validate(Fixtures.valid("service"), "1.33"))
                .isEmpty();
        assertThat(requests).containsExactly("/v1.33.0-standalone-strict/service-v1.json");
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void missingEverywhereNamesTheUrlTried() {
        SchemaValidator validator = new SchemaValidator(List.of(SchemaLocation.parse(baseUrl() + LAYOUT, cache)));

        assertThat(validator.validate(Fixtures.valid("service"), "1.27"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "Service/galera-headless (k8s v1.27.0)",
                        "no schema for v1 Service in any schema location; tried "
                                + baseUrl() + "/v1.27.0-standalone-strict/service-v1.json"
                                + "; add a schema location that has it"));
    }

    @Test
    void serverErrorIsAFailureAndNothingIsCached() {
        forcedStatus = 500;
        SchemaValidator validator = new SchemaValidator(List.of(SchemaLocation.parse(baseUrl() + LAYOUT, cache)));

        assertThatThrownBy(() -> validator.validate(Fixtures.valid("namespace"), "1.30"))
                .isInstanceOfSatisfying(
                        GaleraGenException.class,
                        failure -> assertThat(failure.problems())
                                .containsExactly(new Problem(
                                        Input.SCHEMA,
                                        baseUrl() + "/v1.30.0-standalone-strict/namespace-v1.json",
                                        "cannot fetch the schema: HTTP 500")));
        assertThat(cache).isEmptyDirectory();

        forcedStatus = 0; // the failure was not remembered: the next try fetches again
        assertThat(validator.validate(Fixtures.valid("namespace"), "1.30")).isEmpty();
        assertThat(requests).hasSize(2);
    }

    @Test
    void fileUrlTemplateReadsLocalSchemas() {
        String rootUrl = TestSchemas.root().toUri().toString(); // file:///…/k8s-schemas/
        SchemaLocation location = SchemaLocation.parse(rootUrl.substring(0, rootUrl.length() - 1) + LAYOUT, cache);

        assertThat(new SchemaValidator(List.of(location)).validate(Fixtures.valid("poddisruptionbudget"), "1.32"))
                .isEmpty();
        assertThat(cache).isEmptyDirectory();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange, Path root) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        Path file = root.resolve(path.substring(1)).normalize();
        int status = forcedStatus != 0 ? forcedStatus : file.startsWith(root) && Files.isRegularFile(file) ? 200 : 404;
        byte[] body = status == 200 ? Files.readAllBytes(file) : ("HTTP " + status).getBytes();
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
