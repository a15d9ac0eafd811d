package io.opentelemetry.example.autoinstrumentation.tooling.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OTLP JSON as a reader scans it: indented, with each attribute (a key and its value) on one line of its own, where a
 * default pretty printer spends five. The walkthrough shows spans this way, and {@code make run-* PRETTY=1} prints them so.
 */
public final class ReadableJson {

  /** Indented JSON whose arrays, too, put each element on a line of its own. */
  private static final ObjectWriter INDENTED = new ObjectMapper().writer(new DefaultPrettyPrinter()
      .withArrayIndenter(new DefaultIndenter("  ", "\n")).withObjectIndenter(new DefaultIndenter("  ", "\n")));
  /** One attribute on one line, with the spacing of the indented form. */
  private static final ObjectWriter ONE_LINE = new ObjectMapper()
      .writer(new DefaultPrettyPrinter().withObjectIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));

  public static String of(JsonNode json) {
    JsonNode copy = json.deepCopy();
    List<JsonNode> attributes = new ArrayList<>();
    markAttributes(copy, attributes);
    try {
      String text = INDENTED.writeValueAsString(copy);
      for (int i = 0; i < attributes.size(); i++) {
        text = text.replace("\"@attribute-" + i + "@\"", ONE_LINE.writeValueAsString(attributes.get(i)));
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces every element of every {@code attributes} array with a placeholder, and keeps the element. */
  private static void markAttributes(JsonNode node, List<JsonNode> attributes) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (field.getKey().equals("attributes") && field.getValue() instanceof ArrayNode list) {
          for (int i = 0; i < list.size(); i++) {
            attributes.add(list.get(i));
            list.set(i, TextNode.valueOf("@attribute-" + (attributes.size() - 1) + "@"));
          }
        } else {
          markAttributes(field.getValue(), attributes);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> markAttributes(element, attributes));
    }
  }

  private ReadableJson() {}
}
