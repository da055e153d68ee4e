package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripCheckTest {

    @Test
    void sameValuesInAnotherFormAreNoChange() {
        JsonNode before =
                Fixtures.yaml("spec: {replicas: 3, cpu: 1, memory: 1Gi, empty: {}, gone: null, list: [1, a]}");
        JsonNode after = Fixtures.yaml("spec: {replicas: 3.0, cpu: '1', memory: 1Gi, list: [1, a]}");

        assertThat(changes(before, after)).isEmpty();
    }

    @Test
    void coercedAndDroppedValuesAreChanges() {
        JsonNode before = Fixtures.yaml("spec: {replicas: '3', ports: [{port: 80, name: http}], tty: 'true'}");
        JsonNode after = Fixtures.yaml("spec: {replicas: 3, ports: [{port: 80}], tty: true}");

        assertThat(changes(before, after))
                .extracting(
                        change -> change.path().toString(),
                        change -> change.before().toString(),
                        change -> String.valueOf(change.after()))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("spec.replicas", "\"3\"", "3"),
                        org.assertj.core.groups.Tuple.tuple("spec.ports[0].name", "\"http\"", "null"),
                        org.assertj.core.groups.Tuple.tuple("spec.tty", "\"true\"", "true"));
    }

    private static List<RoundTripCheck.Change> changes(JsonNode before, JsonNode after) {
        List<RoundTripCheck.Change> changes = new ArrayList<>();
        RoundTripCheck.compare(before, after, JsonPath.root(), changes);
        return changes;
    }
}
