package io.sessionlens.demodata;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real MLflow fixtures (src/test/resources/fixtures/mlflow-real, see its README.md for their origin). */
public final class Fixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {}

    public static JsonNode mlflowReal(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/mlflow-real/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(byte[] json) {
        return JSON.readTree(json);
    }

    public static Set<String> keys(JsonNode object) {
        return new TreeSet<>(object.propertyNames());
    }
}
