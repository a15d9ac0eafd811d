package io.opentelemetry.example.autoinstrumentation.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.example.autoinstrumentation.common.CatalogSearch.Answer;
import io.opentelemetry.example.autoinstrumentation.common.CatalogSearch.Product;
import org.junit.jupiter.api.Test;

class CatalogSearchTest {

  @Test
  void productsMatchingMoreWordsComeFirstThenTheCheaper() {
    Answer answer = CatalogSearch.search("  Oak CHAIR ");

    assertThat(answer.query()).isEqualTo("oak chair");
    assertThat(answer.results()).hasSize(CatalogSearch.RESULTS)
        .allSatisfy(product -> assertThat(product.name()).contains("oak", "chair"));
    assertThat(answer.results()).extracting(Product::price).isSorted();
    // any product with either word matches, and there are more of those than of both
    assertThat(answer.matches()).isGreaterThan(CatalogSearch.PRODUCTS / 20);
  }

  @Test
  void noWordsMatchNothing() {
    assertThat(CatalogSearch.search(null).matches()).isZero();
    assertThat(CatalogSearch.search(" ").results()).isEmpty();
    assertThat(CatalogSearch.search("spaceship").matches()).isZero();
  }

  @Test
  void answersASmallJsonDocument() throws Exception {
    String json = new ObjectMapper().writeValueAsString(CatalogSearch.search("walnut lamp"));

    assertThat(json).startsWith("{\"query\":\"walnut lamp\",\"matches\":")
        .contains("\"results\":[{\"sku\":\"P-")
        .isEqualTo(new ObjectMapper().writeValueAsString(CatalogSearch.search("walnut lamp")));
    assertThat(json.length()).isLessThan(1000);
  }
}
