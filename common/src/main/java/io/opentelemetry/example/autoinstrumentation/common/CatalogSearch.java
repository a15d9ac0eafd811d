package io.opentelemetry.example.autoinstrumentation.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import spark.Request;
import spark.Response;

/**
 * A representative route, {@code GET /search?q=oak+chair}: the work a typical handler does, so that {@code make bench}
 * can show the instrumentation's cost against a real handler and not only against a hello world. It looks the words of
 * {@code q} up in an in-memory catalogue, ranks the matches and answers the first few as a small JSON document; on the
 * order of a millisecond of CPU (docs/performance.md measures it). Every mode registers it the same way, as it
 * registers {@code /server_request}.
 */
public final class CatalogSearch {

  /** How many products the catalogue holds: what sets the handler's CPU time. */
  static final int PRODUCTS = 30_000;
  static final int RESULTS = 5;

  private static final String[] ROOMS = {"garden", "kitchen", "office", "bedroom", "hall", "bathroom", "attic"};
  private static final String[] MATERIALS = {"oak", "pine", "walnut", "steel", "glass", "linen", "wool", "bamboo",
      "marble", "rattan", "brass"};
  private static final String[] KINDS = {"chair", "table", "lamp", "shelf", "rug", "bench", "mirror", "stool",
      "cabinet", "desk", "sofa", "clock", "vase"};

  /** One product of the catalogue, as the answer lists it. */
  public record Product(String sku, String name, double price) {}

  /** The answer: the query, how many products matched, and the best matches. */
  public record Answer(String query, int matches, List<Product> results) {}

  private static final List<Product> CATALOGUE = catalogue();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Best first: more words matched, then the cheaper product. */
  private static final Comparator<Scored> RANKING =
      Comparator.comparingInt(Scored::score).reversed().thenComparingDouble(scored -> scored.product().price());

  private record Scored(Product product, int score) {}

  /** The route: {@code q} from the query string, the answer as JSON. */
  public static String handle(Request request, Response response) throws Exception {
    response.type("application/json");
    return JSON.writeValueAsString(search(request.queryParams("q")));
  }

  /** The products whose names hold any word of {@code query}, best first; the first {@value #RESULTS} of them. */
  static Answer search(String query) {
    String normalized = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
    String[] words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
    List<Scored> matches = new ArrayList<>();
    for (Product product : CATALOGUE) {
      int score = 0;
      for (String word : words) {
        if (product.name().contains(word)) {
          score++;
        }
      }
      if (score > 0) {
        matches.add(new Scored(product, score));
      }
    }
    matches.sort(RANKING);
    List<Product> best = matches.stream().limit(RESULTS).map(Scored::product).toList();
    return new Answer(normalized, matches.size(), best);
  }

  /** The same catalogue in every process: names from the three word lists, prices from the product's number. */
  private static List<Product> catalogue() {
    List<Product> products = new ArrayList<>(PRODUCTS);
    for (int i = 0; i < PRODUCTS; i++) {
      String name = ROOMS[i % ROOMS.length] + " " + MATERIALS[(i / ROOMS.length) % MATERIALS.length] + " "
          + KINDS[(i / (ROOMS.length * MATERIALS.length)) % KINDS.length] + " model " + (i / 1000 + 1);
      double price = 5 + (i * 7919L % 50_000) / 100.0;
      products.add(new Product(String.format(Locale.ROOT, "P-%05d", i), name, price));
    }
    return List.copyOf(products);
  }

  private CatalogSearch() {}
}
