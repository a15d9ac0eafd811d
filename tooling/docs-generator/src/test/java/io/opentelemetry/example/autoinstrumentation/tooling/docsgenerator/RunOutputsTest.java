package io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunOutputsTest {

  /** The walkthrough's span: one attribute a line, so that fifteen of them fit on a screen. */
  @Test
  void aSpanShowsEachAttributeOnOneLine() throws Exception {
    String span = "{\"name\":\"GET /server_request\",\"kind\":2,\"attributes\":["
        + "{\"key\":\"http.route\",\"value\":{\"stringValue\":\"/server_request\"}},"
        + "{\"key\":\"server.port\",\"value\":{\"intValue\":\"8082\"}}],\"events\":[]}";

    assertThat(RunOutputs.fence(new ObjectMapper().readTree(span))).isEqualTo("""
        ```json
        {
          "name" : "GET /server_request",
          "kind" : 2,
          "attributes" : [
            { "key" : "http.route", "value" : { "stringValue" : "/server_request" } },
            { "key" : "server.port", "value" : { "intValue" : "8082" } }
          ],
          "events" : [ ]
        }
        ```
        """);
  }
}
