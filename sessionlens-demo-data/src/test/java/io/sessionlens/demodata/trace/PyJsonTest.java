package io.sessionlens.demodata.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PyJsonTest {

    @Test
    void json_text_is_spelled_like_pythons_json_dumps() {
        var value = Json.obj();
        value.put("x", 2);
        value.put("y", 5);
        value.putArray("list").add(1).add("€");
        value.putObject("empty");
        value.putArray("none");
        // Fixture 02: "mlflow.spanInputs": "{\"x\": 2, \"y\": 5}"; ensure_ascii=False keeps "€".
        assertThat(PyJson.dumps(value))
                .isEqualTo("{\"x\": 2, \"y\": 5, \"list\": [1, \"€\"], \"empty\": {}, \"none\": []}");
        assertThat(PyJson.dumps(Json.str("LLM"))).isEqualTo("\"LLM\"");
    }
}
